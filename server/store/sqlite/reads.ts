/**
 * The read path of the embedded store: one entity with its provenance, search, and the subgraphs the
 * views are drawn from.
 */
import type Database from 'better-sqlite3';
import type { LinkKind } from '../../domain/kinds.js';
import type {
  DocumentView,
  EntityDetail,
  EntityView,
  GraphChanges,
  LinkDetail,
  LinkView,
  Subgraph,
} from '../../domain/views.js';
import type { SearchQuery, SubgraphQuery } from '../graph-store.js';
import {
  DOCUMENT_COLUMNS,
  ENTITY_COLUMNS,
  LINK_COLUMNS,
  toDocumentView,
  toEntityView,
  toLinkView,
  toOccurrenceView,
  toProvenance,
  type DocumentRow,
  type EntityRow,
  type FactRow,
  type LinkRow,
  type OccurrenceRow,
} from './rows.js';

export interface LinkFilter {
  linkKinds?: LinkKind[];
  from?: number;
  to?: number;
}

export class SqliteReads {
  private readonly st;

  constructor(private readonly db: Database.Database) {
    this.st = {
      entityById: db.prepare<[string], EntityRow>(`SELECT ${ENTITY_COLUMNS} FROM entity e WHERE e.id = ?`),
      entityByRid: db.prepare<[number], EntityRow>(`SELECT ${ENTITY_COLUMNS} FROM entity e WHERE e.rid = ?`),
      entityFacts: db.prepare<[number], FactRow>(
        `SELECT f.ref, f.props, f.imported_by, f.imported_at, ${DOCUMENT_COLUMNS}
         FROM entity_fact f JOIN document d ON d.rid = f.document_rid WHERE f.entity_rid = ?
         ORDER BY f.imported_at, d.rid, f.ref`,
      ),
      // The same reach as a case's graph: its evidence names the entity or one of the entity's links.
      casesOf: db
        .prepare<{ rid: number }, string>(
          `SELECT d.case_id FROM entity_fact f JOIN document d ON d.rid = f.document_rid
           WHERE f.entity_rid = @rid AND d.case_id IS NOT NULL
         UNION
         SELECT d.case_id FROM link l JOIN document d ON d.rid = l.fact_document_rid
           WHERE (l.from_rid = @rid OR l.to_rid = @rid) AND d.case_id IS NOT NULL
         UNION
         SELECT d.case_id FROM link l JOIN link_fact f ON f.link_rid = l.rid JOIN document d ON d.rid = f.document_rid
           WHERE (l.from_rid = @rid OR l.to_rid = @rid) AND d.case_id IS NOT NULL
         UNION
         SELECT c.id FROM link l JOIN entity c ON c.rid = l.from_rid WHERE l.to_rid = @rid AND l.kind = 'involves'
         ORDER BY 1`,
        )
        .pluck(),
      degree: db
        .prepare<[number, number], number>(
          'SELECT (SELECT count(*) FROM link WHERE from_rid = ?) + (SELECT count(*) FROM link WHERE to_rid = ?)',
        )
        .pluck(),
      linkById: db.prepare<[string], LinkRow>(`SELECT ${LINK_COLUMNS} FROM link l WHERE l.id = ?`),
      // The first source is in the link's row (schema 8), any further ones in link_fact.
      linkFacts: db.prepare<{ rid: number }, FactRow>(
        `SELECT l.fact_ref AS ref, l.fact_props AS props, l.fact_imported_by AS imported_by,
           l.fact_imported_at AS imported_at, d.rid AS d_rid, ${DOCUMENT_COLUMNS}
         FROM link l JOIN document d ON d.rid = l.fact_document_rid WHERE l.rid = @rid
         UNION ALL
         SELECT f.ref, f.props, f.imported_by, f.imported_at, d.rid AS d_rid, ${DOCUMENT_COLUMNS}
         FROM link_fact f JOIN document d ON d.rid = f.document_rid WHERE f.link_rid = @rid
         ORDER BY imported_at, d_rid, ref`,
      ),
      occurrences: db.prepare<[number, number], OccurrenceRow>(
        `SELECT link_rid, at, end_at, duration_key, amount_key, txn_key, props FROM occurrence WHERE link_rid = ?
         ORDER BY at, duration_key, amount_key, txn_key LIMIT ?`,
      ),
      occurrenceFacts: db.prepare<[number, number, number, number, string], FactRow>(
        `SELECT f.ref, f.imported_by, f.imported_at, ${DOCUMENT_COLUMNS}
         FROM occurrence_source f JOIN document d ON d.rid = f.document_rid
         WHERE f.link_rid = ? AND f.at = ? AND f.duration_key = ? AND f.amount_key = ? AND f.txn_key = ?
         ORDER BY d.rid, f.ref`,
      ),
      linksFrom: db.prepare<[number], LinkRow>(`SELECT ${LINK_COLUMNS} FROM link l WHERE l.from_rid = ?`),
      hasOccurrenceIn: db
        .prepare<[number, number, number], number>(
          'SELECT 1 FROM occurrence WHERE link_rid = ? AND at BETWEEN ? AND ? LIMIT 1',
        )
        .pluck(),
      ridOf: db.prepare<[string], number>('SELECT rid FROM entity WHERE id = ?').pluck(),
      documentById: db.prepare<[string], DocumentRow>(
        `SELECT ${DOCUMENT_COLUMNS} FROM document d WHERE d.id = ?`,
      ),
      caseDocuments: db.prepare<[string], number>('SELECT rid FROM document WHERE case_id = ?').pluck(),
      entitiesOfDocument: db
        .prepare<[number], number>('SELECT DISTINCT entity_rid FROM entity_fact WHERE document_rid = ?')
        .pluck(),
      linksOfDocument: db
        .prepare<{ doc: number }, number>(
          `SELECT rid FROM link WHERE fact_document_rid = @doc
           UNION SELECT link_rid FROM link_fact WHERE document_rid = @doc`,
        )
        .pluck(),
      involvesOf: db.prepare<[number], { rid: number; to_rid: number }>(
        "SELECT rid, to_rid FROM link WHERE from_rid = ? AND kind = 'involves'",
      ),
      linkByRid: db.prepare<[number], LinkRow>(`SELECT ${LINK_COLUMNS} FROM link l WHERE l.rid = ?`),
      graphVersion: db.prepare<[], string>("SELECT value FROM meta WHERE key = 'graph_version'").pluck(),
      entitiesSince: db.prepare<[number], EntityRow>(
        `SELECT ${ENTITY_COLUMNS} FROM entity e WHERE e.version > ? ORDER BY e.rid`,
      ),
      removedSince: db
        .prepare<[number], string>('SELECT id FROM entity_removed WHERE version > ? ORDER BY id')
        .pluck(),
      linksSince: db.prepare<[number], LinkRow>(
        `SELECT ${LINK_COLUMNS} FROM link l WHERE l.version > ? ORDER BY l.rid`,
      ),
    };
  }

  /** One read transaction, so the version and the rows are of the same moment. */
  changesSince(version: number): GraphChanges {
    return this.db.transaction(() => ({
      version: Number(this.st.graphVersion.get()),
      entities: this.st.entitiesSince.all(version).map(toEntityView),
      links: this.st.linksSince.all(version).map(toLinkView),
      removed: this.st.removedSince.all(version),
    }))();
  }

  ridOf(id: string): number | undefined {
    return this.st.ridOf.get(id);
  }

  entity(rid: number): EntityView | undefined {
    const row = this.st.entityByRid.get(rid);
    return row && toEntityView(row);
  }

  getDocument(id: string): DocumentView | null {
    const row = this.st.documentById.get(id);
    return row ? toDocumentView(row) : null;
  }

  casesOfEntities(ids: readonly string[]): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const id of ids) {
      const rid = this.st.ridOf.get(id);
      out.set(id, rid === undefined ? [] : this.st.casesOf.all({ rid }));
    }
    return out;
  }

  getEntity(id: string): EntityDetail | null {
    const row = this.st.entityById.get(id);
    if (!row) return null;
    return {
      ...toEntityView(row),
      provenance: this.st.entityFacts.all(row.rid).map(toProvenance),
      caseIds: this.st.casesOf.all({ rid: row.rid }),
      degree: this.st.degree.get(row.rid, row.rid) ?? 0,
    };
  }

  getLink(id: string, occurrenceLimit: number): LinkDetail | null {
    const row = this.st.linkById.get(id);
    if (!row) return null;
    const occ = this.st.occurrences.all(row.rid, occurrenceLimit + 1);
    return {
      ...toLinkView(row),
      provenance: this.st.linkFacts.all({ rid: row.rid }).map(toProvenance),
      occurrences: occ
        .slice(0, occurrenceLimit)
        .map((o) =>
          toOccurrenceView(
            row.id,
            o,
            this.st.occurrenceFacts
              .all(o.link_rid, o.at, o.duration_key, o.amount_key, o.txn_key)
              .map(toProvenance),
          ),
        ),
      occurrencesTruncated: occ.length > occurrenceLimit,
    };
  }

  search(q: SearchQuery): EntityView[] {
    const kinds = q.kinds?.length ? new Set<string>(q.kinds) : undefined;
    const seen = new Set<string>();
    const out: EntityView[] = [];
    const add = (row: EntityRow | undefined) => {
      if (!row || seen.has(row.id) || (kinds && !kinds.has(row.kind)) || out.length >= q.limit) return;
      seen.add(row.id);
      out.push(toEntityView(row));
    };
    for (const id of q.ids) add(this.st.entityById.get(id));
    const match = ftsQuery(q.text);
    if (match && out.length < q.limit) {
      const kindClause = kinds ? `AND e.kind IN (${[...kinds].map(() => '?').join(',')})` : '';
      const rows = this.db
        .prepare<unknown[], EntityRow>(
          `SELECT ${ENTITY_COLUMNS} FROM entity_text t JOIN entity e ON e.rid = t.rowid
           WHERE entity_text MATCH ? ${kindClause} ORDER BY t.rank, e.rid LIMIT ?`,
        )
        .all(match, ...(kinds ? [...kinds] : []), q.limit);
      rows.forEach(add);
    }
    return out;
  }

  /** Links whose both ends are in the set, filtered by kind and time window. */
  linksAmong(rids: Set<number>, f: LinkFilter, only?: Set<number>): LinkView[] {
    const kinds = f.linkKinds?.length ? new Set<string>(f.linkKinds) : undefined;
    const out: LinkView[] = [];
    for (const rid of rids) {
      for (const l of this.st.linksFrom.all(rid)) {
        if (!rids.has(l.to_rid) || (kinds && !kinds.has(l.kind)) || (only && !only.has(l.rid))) continue;
        if (!this.inWindow(l, f)) continue;
        out.push(toLinkView(l));
      }
    }
    return out;
  }

  private inWindow(l: LinkRow, f: LinkFilter): boolean {
    if (f.from === undefined && f.to === undefined) return true;
    if (l.occ_count === 0) return true;
    return (
      this.st.hasOccurrenceIn.get(
        l.rid,
        f.from ?? Number.MIN_SAFE_INTEGER,
        f.to ?? Number.MAX_SAFE_INTEGER,
      ) === 1
    );
  }

  subgraph(q: SubgraphQuery): Subgraph {
    const cases = q.caseIds ?? (q.caseId === undefined ? undefined : [q.caseId]);
    return cases === undefined ? this.wholeGraph(q) : this.caseGraph(cases, q);
  }

  private wholeGraph(q: SubgraphQuery): Subgraph {
    const kinds = q.kinds?.length ? q.kinds : undefined;
    const rows = this.db
      .prepare<unknown[], EntityRow>(
        `SELECT ${ENTITY_COLUMNS} FROM entity e ${kinds ? `WHERE e.kind IN (${kinds.map(() => '?').join(',')})` : ''}
         ORDER BY e.rid LIMIT ?`,
      )
      .all(...(kinds ?? []), q.limit + 1);
    const truncated = rows.length > q.limit;
    const nodes = rows.slice(0, q.limit);
    const rids = new Set(nodes.map((r) => r.rid));
    return { nodes: nodes.map(toEntityView), links: this.linksAmong(rids, q), truncated };
  }

  /** A case's graph is what its own evidence says, plus the case and what it involves; several cases', the union. */
  private caseGraph(caseIds: string[], q: SubgraphQuery): Subgraph {
    const ordered = new Set<number>();
    const linkRids = new Set<number>();
    for (const caseId of caseIds) {
      const caseRid = this.st.ridOf.get(caseId);
      if (caseRid === undefined) continue;
      ordered.add(caseRid);
      for (const inv of this.st.involvesOf.all(caseRid)) {
        ordered.add(inv.to_rid);
        linkRids.add(inv.rid);
      }
      for (const doc of this.st.caseDocuments.all(caseId)) {
        for (const rid of this.st.entitiesOfDocument.all(doc)) ordered.add(rid);
        for (const rid of this.st.linksOfDocument.all({ doc })) linkRids.add(rid);
      }
    }
    // Ends of the case's links belong in its view even when only the link, not the entity, came from its evidence.
    for (const rid of linkRids) {
      const l = this.st.linkByRid.get(rid);
      if (l) ordered.add(l.from_rid).add(l.to_rid);
    }
    const kinds = q.kinds?.length ? new Set<string>(q.kinds) : undefined;
    const nodes: EntityView[] = [];
    const rids = new Set<number>();
    let truncated = false;
    for (const rid of ordered) {
      const e = this.entity(rid);
      if (!e || (kinds && !kinds.has(e.kind))) continue;
      if (nodes.length >= q.limit) {
        truncated = true;
        break;
      }
      nodes.push(e);
      rids.add(rid);
    }
    return { nodes, links: this.linksAmong(rids, q, linkRids), truncated };
  }
}

/** Turns what a person typed into an FTS5 query: every word must match, each as a prefix. */
export function ftsQuery(text: string): string | undefined {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 12);
  if (!words.length) return undefined;
  return words.map((w) => `"${w}"*`).join(' AND ');
}
