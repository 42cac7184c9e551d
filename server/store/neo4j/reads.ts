/**
 * The read path on Neo4j: one entity or link with its provenance, search, and the subgraphs views are
 * drawn from. Every answer is read in one managed read transaction, records mapped as they stream in.
 */
import neo4j, { type Node, type Record as Neo4jRecord, type Relationship } from 'neo4j-driver';
import type {
  EntityDetail,
  EntityView,
  GraphChanges,
  LinkDetail,
  LinkView,
  Subgraph,
} from '../../domain/views.js';
import type { SearchQuery, SubgraphQuery } from '../graph-store.js';
import type { Executor, QueryRunner } from './executor.js';
import {
  safeInt,
  text,
  toEntityView,
  toLinkView,
  toOccurrenceView,
  toProvenance,
  type FactFields,
} from './map-records.js';
import { luceneQuery } from './search-text.js';
import type { LinkKind } from '../../domain/kinds.js';

export interface LinkFilter {
  linkKinds?: LinkKind[];
  from?: number;
  to?: number;
}

/** Entity ids sent per query when a set is large: bounded messages, one plan for all. */
export const IDS_PER_QUERY = 10_000;

const orNull = <T>(list: T[] | undefined): T[] | null => (list?.length ? list : null);

export const linkOf = (r: Neo4jRecord): LinkView =>
  toLinkView(r.get('l') as Relationship, text(r.get('from'), 'link end'), text(r.get('to'), 'link end'));

const factOf = (r: Neo4jRecord): FactFields => ({
  ref: r.get('ref'),
  props: r.get('props'),
  importedBy: r.get('importedBy'),
  importedAt: r.get('importedAt'),
  document: r.get('d') as Node,
});

export class Neo4jReads {
  constructor(private readonly executor: Executor) {}

  getEntity(id: string): Promise<EntityDetail | null> {
    return this.executor.read(async (q) => {
      const [row] = await q.all('entity-by-id', { id });
      if (!row) return null;
      const provenance = (await q.all('entity-provenance', { id })).map((r) => toProvenance(factOf(r)));
      const caseIds = (await q.all('entity-cases', { id })).map((r) => text(r.get('caseId'), 'case id'));
      return {
        ...toEntityView(row.get('e') as Node),
        provenance,
        caseIds,
        degree: safeInt(row.get('degree'), `degree of ${id}`),
      };
    });
  }

  getLink(id: string, occurrenceLimit: number): Promise<LinkDetail | null> {
    return this.executor.read(async (q) => {
      const [row] = await q.all('link-by-id', { id });
      if (!row) return null;
      const provenance = (await q.all('link-provenance', { id })).map((r) => toProvenance(factOf(r)));
      const occurrences = (
        await q.all('link-occurrences', { id, limit: neo4j.int(occurrenceLimit + 1) })
      ).map((r) => {
        const sources = (r.get('sources') as Record<string, unknown>[]).map((s) =>
          toProvenance({
            ref: s.ref,
            importedBy: s.importedBy,
            importedAt: s.importedAt,
            document: s.document as Node,
          }),
        );
        return toOccurrenceView(id, r.get('o') as Node, sources);
      });
      return {
        ...linkOf(row),
        provenance,
        occurrences: occurrences.slice(0, occurrenceLimit),
        occurrencesTruncated: occurrences.length > occurrenceLimit,
      };
    });
  }

  search(query: SearchQuery): Promise<EntityView[]> {
    return this.executor.read(async (q) => {
      const kinds = query.kinds?.length ? new Set<string>(query.kinds) : undefined;
      const seen = new Set<string>();
      const out: EntityView[] = [];
      const add = (e: EntityView) => {
        if (seen.has(e.id) || (kinds && !kinds.has(e.kind)) || out.length >= query.limit) return;
        seen.add(e.id);
        out.push(e);
      };
      if (query.ids.length) {
        const found = new Map(
          (await q.all('entities-by-ids', { ids: query.ids })).map((r) => {
            const e = toEntityView(r.get('e') as Node);
            return [e.id, e] as const;
          }),
        );
        for (const id of query.ids) {
          const e = found.get(id);
          if (e) add(e);
        }
      }
      const lucene = luceneQuery(query.text);
      if (lucene && out.length < query.limit)
        await q.each(
          'search-entities',
          { query: lucene, kinds: orNull(query.kinds), limit: neo4j.int(query.limit) },
          (r) => add(toEntityView(r.get('e') as Node)),
        );
      return out;
    });
  }

  subgraph(query: SubgraphQuery): Promise<Subgraph> {
    const cases = query.caseIds ?? (query.caseId === undefined ? undefined : [query.caseId]);
    return this.executor.read((q) =>
      cases === undefined ? this.wholeGraph(q, query) : this.caseGraph(q, cases, query),
    );
  }

  private async wholeGraph(q: QueryRunner, query: SubgraphQuery): Promise<Subgraph> {
    const nodes: EntityView[] = [];
    await q.each(
      'entities-in-order',
      { kinds: orNull(query.kinds), limit: neo4j.int(query.limit + 1) },
      (r) => nodes.push(toEntityView(r.get('e') as Node)),
    );
    const truncated = nodes.length > query.limit;
    if (truncated) nodes.length = query.limit;
    return {
      nodes,
      links: await this.linksAmong(
        q,
        nodes.map((n) => n.id),
        query,
      ),
      truncated,
    };
  }

  /**
   * A case's graph is what its own evidence says, plus the case and what it involves; several cases',
   * the union. Entities are kept in the embedded store's order, so a view cut to a limit keeps the same
   * ones: each case (one that exists), what it involves, what its documents name document by document;
   * then the ends of the cases' links that are not there yet.
   */
  private async caseGraph(q: QueryRunner, caseIds: string[], query: SubgraphQuery): Promise<Subgraph> {
    const named = new Map<string, string[]>(caseIds.map((c) => [c, []]));
    for (const r of await q.all('case-entities', { caseIds }))
      named.get(text(r.get('caseId'), 'case id'))?.push(text(r.get('id'), 'entity id'));
    const involves = new Map<string, string[]>(caseIds.map((c) => [c, []]));
    const linksOf = new Map<string, { id: string; from: string; to: string }[]>(caseIds.map((c) => [c, []]));
    await q.each('case-links', { caseIds }, (r) => {
      const caseId = text(r.get('caseId'), 'case id');
      const link = {
        id: text(r.get('id'), 'link id'),
        from: text(r.get('from'), 'link end'),
        to: text(r.get('to'), 'link end'),
      };
      if (safeInt(r.get('documentSeq'), 'document sequence number') < 0) involves.get(caseId)?.push(link.to);
      linksOf.get(caseId)?.push(link);
    });
    const candidates = new Set<string>(caseIds);
    for (const list of [...named.values(), ...involves.values()]) for (const id of list) candidates.add(id);
    for (const list of linksOf.values()) for (const l of list) candidates.add(l.from).add(l.to);
    const found = new Map<string, EntityView>();
    await this.entitiesByIds(q, [...candidates], (node) => {
      const e = toEntityView(node);
      found.set(e.id, e);
    });
    const ordered = new Set<string>();
    const links = new Map<string, { from: string; to: string }>();
    for (const caseId of caseIds) {
      if (!found.has(caseId)) continue;
      ordered.add(caseId);
      for (const id of involves.get(caseId)!) ordered.add(id);
      for (const id of named.get(caseId)!) ordered.add(id);
      for (const l of linksOf.get(caseId)!) if (!links.has(l.id)) links.set(l.id, l);
    }
    // Ends of the case's links belong in its view even when only the link came from its evidence.
    for (const l of links.values()) ordered.add(l.from).add(l.to);
    const linkIds = new Set(links.keys());
    const kinds = query.kinds?.length ? new Set<string>(query.kinds) : undefined;
    const nodes: EntityView[] = [];
    let truncated = false;
    for (const id of ordered) {
      const e = found.get(id);
      if (!e || (kinds && !kinds.has(e.kind))) continue;
      if (nodes.length >= query.limit) {
        truncated = true;
        break;
      }
      nodes.push(e);
    }
    return {
      nodes,
      links: await this.linksAmong(
        q,
        nodes.map((n) => n.id),
        query,
        linkIds,
      ),
      truncated,
    };
  }

  async entitiesByIds(q: QueryRunner, ids: string[], onNode: (node: Node) => void): Promise<void> {
    for (let i = 0; i < ids.length; i += IDS_PER_QUERY)
      await q.each('entities-by-ids', { ids: ids.slice(i, i + IDS_PER_QUERY) }, (r) =>
        onNode(r.get('e') as Node),
      );
  }

  /** Links whose both ends are in the set, filtered by kind and time window (and to `only`, if given). */
  async linksAmong(q: QueryRunner, ids: string[], f: LinkFilter, only?: Set<string>): Promise<LinkView[]> {
    const members = new Set(ids);
    const out: LinkView[] = [];
    for (let i = 0; i < ids.length; i += IDS_PER_QUERY)
      await q.each(
        'links-from',
        {
          ids: ids.slice(i, i + IDS_PER_QUERY),
          linkKinds: orNull(f.linkKinds),
          from: f.from === undefined ? null : neo4j.int(f.from),
          to: f.to === undefined ? null : neo4j.int(f.to),
        },
        (r) => {
          const to = text(r.get('to'), 'link end');
          if (!members.has(to)) return;
          const link = linkOf(r);
          if (!only || only.has(link.id)) out.push(link);
        },
      );
    return out;
  }

  /**
   * What changed after a version, as of the graph version this read starts at (the version it reports):
   * see `changes` for how a batch committed while it reads is kept out of the links.
   */
  changesSince(version: number): Promise<GraphChanges> {
    return this.executor.read(async (q) => {
      // Made inside the transaction's work: if the driver runs it again, it starts from empty.
      const entities: EntityView[] = [];
      const links: LinkView[] = [];
      const { version: now, removed } = await this.changes(q, version, {
        entity: (e) => entities.push(e),
        link: (l) => links.push(l),
      });
      return { version: now, entities, links, removed };
    });
  }

  /**
   * The same, handed over record by record: a projection of millions of links is never held twice. If
   * the driver retries the read, records already handed over come again; putting them again is a no-op.
   */
  streamChangesSince(
    version: number,
    sink: { entity(e: EntityView): void; link(l: LinkView): void },
  ): Promise<{ version: number; removed: string[] }> {
    return this.executor.read((q) => this.changes(q, version, sink));
  }

  /**
   * Neo4j reads what is committed when each query runs, not a snapshot, so the graph version is read
   * first and bounds the links: a link committed after it waits for the next catch-up, which starts
   * there. Entities are not bounded: one changed by a later batch is sent now and again next time, which
   * changes nothing, whereas leaving it out would leave out a link to it that is within the bound. So
   * every link sent has its ends either among the entities sent or unchanged since `version` (already in
   * the projection). Should an end changed since then still be missing from the entities read, it is
   * fetched before its link is handed over: a link is never sent ahead of its ends.
   */
  private async changes(
    q: QueryRunner,
    version: number,
    sink: { entity(e: EntityView): void; link(l: LinkView): void },
  ): Promise<{ version: number; removed: string[] }> {
    const [m] = await q.all('graph-version', {});
    const bound = m ? safeInt(m.get('version'), 'graph version') : 0;
    const since = neo4j.int(version);
    const sent = new Set<string>();
    const put = (e: EntityView) => {
      sent.add(e.id);
      sink.entity(e);
    };
    await q.each('entities-changed-since', { version: since }, (r) => put(toEntityView(r.get('e') as Node)));
    const waiting: { link: LinkView; ends: string[] }[] = [];
    await q.each('links-changed-since', { version: since, bound: neo4j.int(bound) }, (r) => {
      const link = linkOf(r);
      const absent = (
        [
          [link.from, r.get('fromVersion')],
          [link.to, r.get('toVersion')],
        ] as const
      ).filter(([id, v]) => !sent.has(id) && safeInt(v, `version of ${id}`) > version);
      if (absent.length) waiting.push({ link, ends: absent.map(([id]) => id) });
      else sink.link(link);
    });
    if (waiting.length) {
      const ends = new Set(waiting.flatMap((w) => w.ends).filter((id) => !sent.has(id)));
      await this.entitiesByIds(q, [...ends], (node) => put(toEntityView(node)));
      for (const w of waiting) if (w.ends.every((id) => sent.has(id))) sink.link(w.link);
    }
    const removed: string[] = [];
    await q.each('removed-since', { version: since, bound: neo4j.int(bound) }, (r) =>
      removed.push(text(r.get('id'), 'removed entity')),
    );
    return { version: bound, removed };
  }
}
