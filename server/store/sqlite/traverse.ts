/**
 * Neighbourhoods and paths over the embedded store's adjacency. Paths are found by a breadth-first
 * search back from the target, which bounds a depth-first walk from the source: the walk never enters
 * an entity from which the target is further than the hops left, so hub entities (a hotel with a
 * thousand guests) are crossed only when they lie on a short enough path.
 */
import type Database from 'better-sqlite3';
import type { LinkKind } from '../../domain/kinds.js';
import type { GraphPath, PathsResult, Subgraph } from '../../domain/views.js';
import type { NeighbourhoodQuery, PathsQuery } from '../graph-store.js';
import type { SqliteReads } from './reads.js';

interface Step {
  link: number;
  other: number;
}

/** Entities the path search may visit before it gives up, so one query cannot hold the store. */
const VISIT_BUDGET = 200_000;

export class SqliteTraversal {
  private readonly adjacent;
  private readonly linkIdOf;

  constructor(
    db: Database.Database,
    private readonly reads: SqliteReads,
  ) {
    this.adjacent = db.prepare<[number, number], { link: number; other: number; kind: string }>(
      `SELECT rid AS link, to_rid AS other, kind FROM link WHERE from_rid = ?
       UNION ALL SELECT rid, from_rid, kind FROM link WHERE to_rid = ?`,
    );
    this.linkIdOf = db.prepare<[number], string>('SELECT id FROM link WHERE rid = ?').pluck();
  }

  private stepper(linkKinds: LinkKind[] | undefined): (rid: number) => Step[] {
    const kinds = linkKinds?.length ? new Set<string>(linkKinds) : undefined;
    const cache = new Map<number, Step[]>();
    return (rid) => {
      let steps = cache.get(rid);
      if (!steps) {
        steps = this.adjacent
          .all(rid, rid)
          .filter((s) => !kinds || kinds.has(s.kind))
          .map((s) => ({ link: s.link, other: s.other }));
        cache.set(rid, steps);
      }
      return steps;
    };
  }

  neighbourhood(id: string, q: NeighbourhoodQuery): Subgraph {
    const start = this.reads.ridOf(id);
    if (start === undefined) return { nodes: [], links: [], truncated: false };
    const steps = this.stepper(q.linkKinds);
    const seen = new Set<number>([start]);
    let frontier = [start];
    let truncated = false;
    for (let hop = 0; hop < q.hops && frontier.length && !truncated; hop++) {
      const next: number[] = [];
      for (const rid of frontier) {
        for (const s of steps(rid)) {
          if (seen.has(s.other)) continue;
          if (seen.size >= q.limit) {
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
    const nodes = [...seen].map((rid) => this.reads.entity(rid)!);
    return { nodes, links: this.reads.linksAmong(seen, { linkKinds: q.linkKinds }), truncated };
  }

  paths(fromId: string, toId: string, q: PathsQuery): PathsResult {
    const source = this.reads.ridOf(fromId);
    const target = this.reads.ridOf(toId);
    const empty: PathsResult = { nodes: [], links: [], truncated: false, paths: [] };
    if (source === undefined || target === undefined || source === target) return empty;
    const steps = this.stepper(q.linkKinds);

    const distToTarget = new Map<number, number>([[target, 0]]);
    let frontier = [target];
    let budgetHit = false;
    for (let d = 1; d <= q.maxHops && frontier.length; d++) {
      const next: number[] = [];
      for (const rid of frontier) {
        for (const s of steps(rid)) {
          if (distToTarget.has(s.other)) continue;
          distToTarget.set(s.other, d);
          next.push(s.other);
        }
        if (distToTarget.size > VISIT_BUDGET) {
          budgetHit = true;
          break;
        }
      }
      if (budgetHit) break;
      frontier = next;
    }
    const shortest = distToTarget.get(source);
    if (shortest === undefined) return { ...empty, truncated: budgetHit };

    const found: { nodes: number[]; links: number[] }[] = [];
    let truncated = false;
    const nodePath = [source];
    const linkPath: number[] = [];
    const onPath = new Set([source]);
    const walk = (rid: number, length: number): void => {
      if (found.length > q.limit) return;
      if (rid === target) {
        if (linkPath.length === length) found.push({ nodes: [...nodePath], links: [...linkPath] });
        return;
      }
      for (const s of steps(rid)) {
        const rest = distToTarget.get(s.other);
        if (rest === undefined || onPath.has(s.other) || linkPath.length + 1 + rest > length) continue;
        onPath.add(s.other);
        nodePath.push(s.other);
        linkPath.push(s.link);
        walk(s.other, length);
        linkPath.pop();
        nodePath.pop();
        onPath.delete(s.other);
        if (found.length > q.limit) return;
      }
    };
    // Shortest first: all paths of one length before any longer one, up to the hop limit.
    for (let length = shortest; length <= q.maxHops && found.length <= q.limit; length++)
      walk(source, length);
    if (found.length > q.limit) {
      truncated = true;
      found.length = q.limit;
    }

    const nodeRids = new Set<number>();
    const linkRids = new Set<number>();
    for (const p of found) {
      p.nodes.forEach((n) => nodeRids.add(n));
      p.links.forEach((l) => linkRids.add(l));
    }
    const nodes = [...nodeRids].map((rid) => this.reads.entity(rid)!);
    const idOf = new Map(nodes.map((n, i) => [[...nodeRids][i]!, n.id]));
    const links = this.reads.linksAmong(nodeRids, {}, linkRids);
    const linkIdOf = (rid: number) => this.linkIdOf.get(rid)!;
    const paths: GraphPath[] = found.map((p) => ({
      nodes: p.nodes.map((rid) => idOf.get(rid)!),
      links: p.links.map(linkIdOf),
    }));
    return { nodes, links, paths, truncated: truncated || budgetHit };
  }
}
