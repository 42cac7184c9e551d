/**
 * Neighbourhoods and paths on Neo4j, hop by hop: each hop is one query over the whole frontier
 * (cypher/neighbours.cypher), so the hop limit and the size limit are parameters — Cypher's
 * variable-length patterns take their bounds only as literals, which would mean query text built per
 * request. Paths follow the embedded store's method (sqlite/traverse.ts): a breadth-first search back
 * from the target bounds a depth-first walk from the source, so a hub is crossed only when it lies on a
 * short enough path.
 */
import type { Path } from 'neo4j-driver';
import type { LinkKind } from '../../domain/kinds.js';
import type { EntityView, GraphPath, PathsResult, Subgraph } from '../../domain/views.js';
import type { NeighbourhoodQuery, PathsQuery } from '../graph-store.js';
import type { Executor, QueryRunner } from './executor.js';
import { stepsOf, toEntityView, type Step } from './map-records.js';
import type { Neo4jReads } from './reads.js';

/** Entities the path search may visit before it gives up, so one question cannot hold the store. */
const VISIT_BUDGET = 200_000;

type Steps = (ids: string[]) => Promise<Map<string, Step[]>>;

/** Steps out of entities, fetched a frontier at a time and remembered for the length of one question. */
function stepper(q: QueryRunner, linkKinds: LinkKind[] | undefined): Steps {
  const cache = new Map<string, Step[]>();
  return async (ids) => {
    const missing = ids.filter((id) => !cache.has(id));
    if (missing.length) {
      for (const id of missing) cache.set(id, []);
      await q.each('neighbours', { ids: missing, linkKinds: linkKinds?.length ? linkKinds : null }, (r) => {
        for (const s of stepsOf(r.get('p') as Path)) cache.get(s.from)?.push(s);
      });
    }
    return new Map(ids.map((id) => [id, cache.get(id)!]));
  };
}

async function entities(q: QueryRunner, reads: Neo4jReads, ids: string[]): Promise<EntityView[]> {
  const byId = new Map<string, EntityView>();
  await reads.entitiesByIds(q, ids, (node) => {
    const e = toEntityView(node);
    byId.set(e.id, e);
  });
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export class Neo4jTraversal {
  constructor(
    private readonly executor: Executor,
    private readonly reads: Neo4jReads,
  ) {}

  neighbourhood(id: string, query: NeighbourhoodQuery): Promise<Subgraph> {
    return this.executor.read(async (q) => {
      const [start] = await entities(q, this.reads, [id]);
      if (!start) return { nodes: [], links: [], truncated: false };
      const steps = stepper(q, query.linkKinds);
      const seen = new Set<string>([id]);
      let frontier = [id];
      let truncated = false;
      for (let hop = 0; hop < query.hops && frontier.length && !truncated; hop++) {
        const out = await steps(frontier);
        const next: string[] = [];
        for (const from of frontier) {
          for (const s of out.get(from)!) {
            if (seen.has(s.other)) continue;
            if (seen.size >= query.limit) {
              truncated = true;
              break;
            }
            seen.add(s.other);
            next.push(s.other);
          }
          if (truncated) break;
        }
        frontier = next;
      }
      const ids = [...seen];
      const nodes = await entities(q, this.reads, ids);
      const links = await this.reads.linksAmong(q, ids, { linkKinds: query.linkKinds });
      return { nodes, links, truncated };
    });
  }

  paths(fromId: string, toId: string, query: PathsQuery): Promise<PathsResult> {
    return this.executor.read(async (q) => {
      const empty: PathsResult = { nodes: [], links: [], truncated: false, paths: [] };
      if (fromId === toId) return empty;
      const ends = await entities(q, this.reads, [fromId, toId]);
      if (ends.length < 2) return empty;
      const steps = stepper(q, query.linkKinds);

      const distToTarget = new Map<string, number>([[toId, 0]]);
      let frontier = [toId];
      let budgetHit = false;
      for (let d = 1; d <= query.maxHops && frontier.length && !budgetHit; d++) {
        const out = await steps(frontier);
        const next: string[] = [];
        for (const id of frontier) {
          for (const s of out.get(id)!) {
            if (distToTarget.has(s.other)) continue;
            distToTarget.set(s.other, d);
            next.push(s.other);
          }
          if (distToTarget.size > VISIT_BUDGET) {
            budgetHit = true;
            break;
          }
        }
        frontier = next;
      }
      const shortest = distToTarget.get(fromId);
      if (shortest === undefined) return { ...empty, truncated: budgetHit };

      const found: GraphPath[] = [];
      const nodePath = [fromId];
      const linkPath: string[] = [];
      const onPath = new Set([fromId]);
      const walk = async (id: string, length: number): Promise<void> => {
        if (found.length > query.limit) return;
        if (id === toId) {
          if (linkPath.length === length) found.push({ nodes: [...nodePath], links: [...linkPath] });
          return;
        }
        for (const s of (await steps([id])).get(id)!) {
          const rest = distToTarget.get(s.other);
          if (rest === undefined || onPath.has(s.other) || linkPath.length + 1 + rest > length) continue;
          onPath.add(s.other);
          nodePath.push(s.other);
          linkPath.push(s.link);
          await walk(s.other, length);
          linkPath.pop();
          nodePath.pop();
          onPath.delete(s.other);
          if (found.length > query.limit) return;
        }
      };
      // Shortest first: all paths of one length before any longer one, up to the hop limit.
      for (let length = shortest; length <= query.maxHops && found.length <= query.limit; length++)
        await walk(fromId, length);
      const truncated = found.length > query.limit;
      if (truncated) found.length = query.limit;

      const nodeIds = [...new Set(found.flatMap((p) => p.nodes))];
      const linkIds = new Set(found.flatMap((p) => p.links));
      const nodes = await entities(q, this.reads, nodeIds);
      const links = await this.reads.linksAmong(q, nodeIds, {}, linkIds);
      return { nodes, links, paths: found, truncated: truncated || budgetHit };
    });
  }
}
