/**
 * The write path of the embedded store: one batch, one transaction, idempotent upserts. A fact already
 * known from the same document and row is left alone, so re-ingesting a file changes nothing; a fact
 * from a new document adds a provenance record and merges properties.
 */
import type Database from 'better-sqlite3';
import { CaseGraphError, type Issue } from '../../domain/errors.js';
import type { NormalisedBatch, NormalisedEntity, NormalisedLink } from '../../domain/normalise-batch.js';
import { mergeProps, type Props } from '../../domain/props.js';
import { entityLabel, searchText } from '../../domain/labels.js';
import type { IngestCounts } from '../../domain/views.js';
import type { IngestContext, IngestOutcome } from '../graph-store.js';

function statements(db: Database.Database) {
  return {
    documentByHash: db.prepare<
      [string],
      { rid: number; type: string; source_grade: string; info_grade: string; case_id: string | null }
    >('SELECT rid, type, source_grade, info_grade, case_id FROM document WHERE id = ?'),
    insertDocument: db.prepare(
      `INSERT INTO document (id, sha256, name, type, source_grade, info_grade, case_id, received_from, first_imported_at)
       VALUES (@id, @sha256, @name, @type, @source, @information, @caseId, @receivedFrom, @at)`,
    ),
    entityById: db.prepare<[string], { rid: number; props: string; display: string; label: string }>(
      'SELECT rid, props, display, label FROM entity WHERE id = ?',
    ),
    // Insert first, look up only on conflict: most entities and links of a large import are new.
    insertEntity: db.prepare<unknown[], { rid: number }>(
      `INSERT INTO entity (id, kind, scheme, key, display, label, props, created_at, updated_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING rid`,
    ),
    updateEntity: db.prepare(
      'UPDATE entity SET props = ?, label = ?, updated_at = ?, version = ? WHERE rid = ?',
    ),
    insertText: db.prepare('INSERT INTO entity_text (rowid, text) VALUES (?, ?)'),
    deleteText: db.prepare('DELETE FROM entity_text WHERE rowid = ?'),
    insertEntityFact: db.prepare(
      `INSERT OR IGNORE INTO entity_fact (entity_rid, document_rid, ref, props, imported_by, imported_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    linkById: db.prepare<[string], { rid: number; props: string }>(
      'SELECT rid, props FROM link WHERE id = ?',
    ),
    insertLink: db.prepare<unknown[], { rid: number }>(
      `INSERT INTO link (id, kind, from_rid, to_rid, qualifier, props, occ_count, duration_s, amount_paise,
         first_at, last_at, created_at, updated_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING rid`,
    ),
    updateLinkProps: db.prepare('UPDATE link SET props = ?, updated_at = ?, version = ? WHERE rid = ?'),
    insertLinkFact: db.prepare(
      `INSERT OR IGNORE INTO link_fact (link_rid, document_rid, ref, props, imported_by, imported_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    insertOccurrence: db.prepare(
      `INSERT OR IGNORE INTO occurrence (link_rid, at, end_at, duration_s, amount_paise, txn_ref, props)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    occurrenceRid: db
      .prepare<[number, number, number, number, string], number>(
        `SELECT rid FROM occurrence WHERE link_rid = ? AND at = ? AND ifnull(duration_s, -1) = ?
         AND ifnull(amount_paise, -1) = ? AND ifnull(txn_ref, '') = ?`,
      )
      .pluck(),
    insertOccurrenceFact: db.prepare(
      `INSERT OR IGNORE INTO occurrence_fact (occurrence_rid, document_rid, ref, imported_by, imported_at)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    // Aggregates kept on the link so the graph can be drawn without reading every occurrence.
    addToLink: db.prepare(
      `UPDATE link SET occ_count = occ_count + ?, duration_s = duration_s + ?, amount_paise = amount_paise + ?,
         first_at = min(ifnull(first_at, ?), ?), last_at = max(ifnull(last_at, ?), ?), updated_at = ?,
         version = ?
       WHERE rid = ?`,
    ),
    ridOf: db.prepare<[string], number>('SELECT rid FROM entity WHERE id = ?').pluck(),
    version: db.prepare<[], string>("SELECT value FROM meta WHERE key = 'graph_version'").pluck(),
    setVersion: db.prepare("UPDATE meta SET value = ? WHERE key = 'graph_version'"),
    log: db.prepare(
      'INSERT INTO ingest_log (document_rid, imported_by, imported_at, counts) VALUES (?, ?, ?, ?)',
    ),
  };
}

export type IngestStatements = ReturnType<typeof statements>;

const EMPTY_COUNTS = (): IngestCounts => ({
  entities: { created: 0, updated: 0, unchanged: 0 },
  links: { created: 0, updated: 0, unchanged: 0 },
  occurrences: { created: 0, unchanged: 0 },
  version: 0,
});

export class SqliteIngest {
  private readonly st: IngestStatements;
  readonly run: (batch: NormalisedBatch, ctx: IngestContext) => IngestCounts;
  readonly runMany: (batches: NormalisedBatch[], ctx: IngestContext) => IngestOutcome[];

  constructor(private readonly db: Database.Database) {
    this.st = statements(db);
    // IMMEDIATE: the write lock is taken at BEGIN, where the busy timeout can wait for it; a deferred
    // transaction that upgrades mid-way fails at once with SQLITE_BUSY instead.
    const run = db.transaction((batch: NormalisedBatch, ctx: IngestContext) =>
      this.forgetting(() => this.write(batch, ctx)),
    );
    this.run = (batch, ctx) => run.immediate(batch, ctx);
    // A rejected batch is refused by check() before it writes anything, so batches share one
    // transaction; any other error aborts the whole group.
    const runMany = db.transaction((batches: NormalisedBatch[], ctx: IngestContext) =>
      this.forgetting(() =>
        batches.map((batch): IngestOutcome => {
          try {
            return { ok: true, counts: this.write(batch, ctx) };
          } catch (error) {
            if (error instanceof CaseGraphError) return { ok: false, error };
            throw error;
          }
        }),
      ),
    );
    this.runMany = (batches, ctx) => runMany.immediate(batches, ctx);
  }

  /**
   * Search texts of the batch, written last. SQLite opens a statement savepoint for most writes inside a
   * transaction, and FTS5 flushes its pending terms at every savepoint: interleaved with the other
   * writes, each entity's text would become a segment of its own (measured: 5× slower ingest).
   */
  private readonly searchTexts = new Map<number, string>();

  private writeSearchTexts(): void {
    for (const [rid, text] of this.searchTexts) this.st.insertText.run(rid, text);
    this.searchTexts.clear();
  }

  /**
   * Everything that can make a batch unacceptable to the store is checked before anything is written,
   * so a rejected batch never needs rolling back: that is what lets many batches share one transaction
   * without a savepoint each (measured: savepoints more than doubled the time of a bulk import).
   * Returns the row ids of the entities named by links but not declared in the batch.
   */
  private check(batch: NormalisedBatch): Map<string, number> {
    this.checkDocument(batch);
    const declared = new Set(batch.entities.map((e) => e.id));
    const known = new Map<string, number>();
    const exists = (id: string): boolean => {
      if (declared.has(id) || known.has(id)) return true;
      const rid = this.st.ridOf.get(id);
      if (rid !== undefined) known.set(id, rid);
      return rid !== undefined;
    };
    const caseId = batch.document.caseId;
    if (caseId && !exists(caseId)) {
      throw new CaseGraphError('BATCH.UNKNOWN_ENTITY', 'the case named by the document exists nowhere', [
        {
          section: 'document',
          path: 'document.case',
          message: 'this case is neither in this batch nor in the store',
        },
      ]);
    }
    const unknown: Issue[] = [];
    for (const link of batch.links) {
      for (const end of ['from', 'to'] as const) {
        if (exists(end === 'from' ? link.fromId : link.toId)) continue;
        unknown.push({
          section: 'links',
          index: link.index,
          path: `links[${link.index}].${end}`,
          message: `${end === 'from' ? link.fromDesc : link.toDesc} is neither in this batch nor in the store`,
        });
      }
    }
    if (unknown.length) {
      throw new CaseGraphError(
        'BATCH.UNKNOWN_ENTITY',
        `${unknown.length} link end(s) name an entity that exists nowhere`,
        unknown,
      );
    }
    return known;
  }

  /** Runs a write with a fresh cache of known entities, dropped after, whether it commits or not. */
  private forgetting<T>(write: () => T): T {
    this.known.clear();
    try {
      return write();
    } finally {
      this.known.clear();
    }
  }

  /** The graph version this batch will make, stamped on every row it changes. */
  private next = 0;

  /**
   * A document is known by its SHA-256. The same file sent again with another case, type or grading
   * would silently keep the first; it is refused instead, so nobody believes a file was filed where it
   * was not.
   */
  private checkDocument(batch: NormalisedBatch): void {
    const known = this.st.documentByHash.get(batch.document.id);
    if (!known) return;
    const d = batch.document;
    const issues: Issue[] = [];
    if ((known.case_id ?? undefined) !== d.caseId)
      issues.push({
        section: 'document',
        path: 'document.case',
        message:
          'this file is already on record under another case (or under none); a file belongs to one case',
      });
    if (known.type !== d.type)
      issues.push({
        section: 'document',
        path: 'document.type',
        message: `this file is already on record as ${known.type}`,
      });
    if (known.source_grade !== d.grading.source || known.info_grade !== d.grading.information)
      issues.push({
        section: 'document',
        path: 'document.grading',
        message: `this file is already on record graded ${known.source_grade}${known.info_grade}`,
      });
    if (issues.length)
      throw new CaseGraphError(
        'DOCUMENT.CONFLICT',
        'this document is already on record with other details',
        issues,
      );
  }

  private write(batch: NormalisedBatch, ctx: IngestContext): IngestCounts {
    const entityRids = this.check(batch);
    this.next = Number(this.st.version.get()) + 1;
    this.searchTexts.clear();
    const at = ctx.importedAt.getTime();
    const counts = EMPTY_COUNTS();
    const documentRid = this.upsertDocument(batch, at);
    for (const [, o] of tally(batch.entities, (e) =>
      this.upsertEntity(e, documentRid, batch.importedBy, at, entityRids),
    ))
      counts.entities[o]++;
    for (const [, o] of tally(batch.links, (l) =>
      this.upsertLink(
        l,
        entityRids.get(l.fromId)!,
        entityRids.get(l.toId)!,
        documentRid,
        batch.importedBy,
        at,
        counts,
      ),
    ))
      counts.links[o]++;
    this.writeSearchTexts();

    const changed =
      counts.entities.created +
        counts.entities.updated +
        counts.links.created +
        counts.links.updated +
        counts.occurrences.created >
      0;
    let version = this.next - 1;
    if (changed) {
      version = this.next;
      this.st.setVersion.run(String(version));
      this.st.log.run(documentRid, batch.importedBy, at, JSON.stringify(counts));
    }
    counts.version = version;
    return counts;
  }

  private upsertDocument(batch: NormalisedBatch, at: number): number {
    const d = batch.document;
    const known = this.st.documentByHash.get(d.id);
    if (known) return known.rid;
    const info = this.st.insertDocument.run({
      id: d.id,
      sha256: d.sha256,
      name: d.name,
      type: d.type,
      source: d.grading.source,
      information: d.grading.information,
      caseId: d.caseId ?? null,
      receivedFrom: d.receivedFrom ?? null,
      at,
    });
    return Number(info.lastInsertRowid);
  }

  /**
   * Entities known to exist, with their merged properties, for the length of one write call (one
   * transaction): a batch that is refused writes nothing, so what is cached stays true until commit.
   */
  private known = new Map<string, KnownEntity>();

  private knownRow(id: string): KnownEntity {
    const row = this.st.entityById.get(id)!;
    const known = { rid: row.rid, display: row.display, props: JSON.parse(row.props) as Props };
    this.known.set(id, known);
    return known;
  }

  private upsertEntity(
    e: NormalisedEntity,
    documentRid: number,
    importedBy: string,
    at: number,
    rids: Map<string, number>,
  ): 'created' | 'updated' | 'unchanged' {
    const ref = e.ref ?? '';
    const propsJson = JSON.stringify(e.props);
    const label = entityLabel(e.kind, e.display, e.props);
    // Documents of one investigation name the same phones again and again: skip the doomed insert.
    const cached = this.known.get(e.id);
    const inserted = cached
      ? undefined
      : this.st.insertEntity.get(
          e.id,
          e.kind,
          e.scheme,
          e.key,
          e.display,
          label,
          propsJson,
          at,
          at,
          this.next,
        );
    if (inserted) {
      this.searchTexts.set(inserted.rid, searchText(e.kind, e.display, label, e.props));
      this.st.insertEntityFact.run(inserted.rid, documentRid, ref, propsJson, importedBy, at);
      rids.set(e.id, inserted.rid);
      this.known.set(e.id, { rid: inserted.rid, display: e.display, props: e.props });
      return 'created';
    }
    const row = cached ?? this.knownRow(e.id);
    rids.set(e.id, row.rid);
    const newFact =
      this.st.insertEntityFact.run(row.rid, documentRid, ref, propsJson, importedBy, at).changes > 0;
    // A statement already on record says nothing new: merging it again would let the order in which
    // files are re-sent decide the properties.
    const { merged, changed } = newFact
      ? mergeProps(row.props, e.props)
      : { merged: row.props, changed: false };
    if (changed) {
      row.props = merged;
      const label = entityLabel(e.kind, row.display, merged);
      this.st.updateEntity.run(JSON.stringify(merged), label, at, this.next, row.rid);
      if (!this.searchTexts.has(row.rid)) this.st.deleteText.run(row.rid);
      this.searchTexts.set(row.rid, searchText(e.kind, row.display, label, merged));
    }
    return changed || newFact ? 'updated' : 'unchanged';
  }

  private upsertLink(
    link: NormalisedLink,
    fromRid: number,
    toRid: number,
    documentRid: number,
    importedBy: string,
    at: number,
    counts: IngestCounts,
  ): 'created' | 'updated' | 'unchanged' {
    const ref = link.ref ?? '';
    const propsJson = JSON.stringify(link.props);
    // A new link is written with its aggregates at once; a known one has them added to below.
    const agg = aggregate(link.occurrences);
    const inserted = this.st.insertLink.get(
      link.id,
      link.kind,
      fromRid,
      toRid,
      link.qualifier,
      propsJson,
      agg.count,
      agg.duration,
      agg.amount,
      agg.first,
      agg.last,
      at,
      at,
      this.next,
    );
    if (inserted) {
      this.st.insertLinkFact.run(inserted.rid, documentRid, ref, propsJson, importedBy, at);
      this.writeOccurrences(link, inserted.rid, documentRid, importedBy, at, counts, false);
      return 'created';
    }
    const row = this.st.linkById.get(link.id)!;
    const rid = row.rid;
    const newFact = this.st.insertLinkFact.run(rid, documentRid, ref, propsJson, importedBy, at).changes > 0;
    const { merged, changed } = newFact
      ? mergeProps(JSON.parse(row.props) as Props, link.props)
      : { merged: {}, changed: false };
    if (changed) this.st.updateLinkProps.run(JSON.stringify(merged), at, this.next, rid);
    const outcome = changed || newFact ? 'updated' : 'unchanged';
    const added = this.writeOccurrences(link, rid, documentRid, importedBy, at, counts, true);
    return outcome === 'unchanged' && added ? 'updated' : outcome;
  }

  /** Returns whether anything new was recorded (a new occurrence or a new source for a known one). */
  private writeOccurrences(
    link: NormalisedLink,
    linkRid: number,
    documentRid: number,
    importedBy: string,
    at: number,
    counts: IngestCounts,
    addToAggregates: boolean,
  ): boolean {
    let added = 0;
    let newSource = false;
    let duration = 0;
    let amount = 0;
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const o of link.occurrences) {
      const info = this.st.insertOccurrence.run(
        linkRid,
        o.at,
        o.endAt ?? null,
        o.durationS ?? null,
        o.amountPaise ?? null,
        o.txnRef ?? null,
        JSON.stringify(o.props),
      );
      let occRid: number;
      if (info.changes > 0) {
        occRid = Number(info.lastInsertRowid);
        added++;
        duration += o.durationS ?? 0;
        amount += o.amountPaise ?? 0;
        first = Math.min(first, o.at);
        last = Math.max(last, o.endAt ?? o.at);
        counts.occurrences.created++;
      } else {
        occRid = this.st.occurrenceRid.get(
          linkRid,
          o.at,
          o.durationS ?? -1,
          o.amountPaise ?? -1,
          o.txnRef ?? '',
        )!;
        counts.occurrences.unchanged++;
      }
      if (
        this.st.insertOccurrenceFact.run(occRid, documentRid, o.ref ?? '', importedBy, at).changes > 0 &&
        info.changes === 0
      )
        newSource = true;
    }
    if (added && addToAggregates)
      this.st.addToLink.run(added, duration, amount, first, first, last, last, at, this.next, linkRid);
    return added > 0 || newSource;
  }
}

/** Count, total duration and amount, first and last time of a link's occurrences, each counted once. */
function aggregate(occurrences: NormalisedLink['occurrences']) {
  const agg = { count: 0, duration: 0, amount: 0, first: null as number | null, last: null as number | null };
  const seen = occurrences.length > 1 ? new Set<string>() : undefined;
  for (const o of occurrences) {
    if (seen) {
      const identity = `${o.at}|${o.durationS ?? -1}|${o.amountPaise ?? -1}|${o.txnRef ?? ''}`;
      if (seen.has(identity)) continue;
      seen.add(identity);
    }
    agg.count++;
    agg.duration += o.durationS ?? 0;
    agg.amount += o.amountPaise ?? 0;
    agg.first = Math.min(agg.first ?? o.at, o.at);
    agg.last = Math.max(agg.last ?? o.at, o.endAt ?? o.at);
  }
  return agg;
}

type Outcome = 'created' | 'updated' | 'unchanged';

interface KnownEntity {
  rid: number;
  display: string;
  props: Props;
}

/** A fact named twice in one batch is counted once, by what happened to it overall. */
function tally<T extends { id: string }>(items: T[], upsert: (item: T) => Outcome): Map<string, Outcome> {
  const outcome = new Map<string, Outcome>();
  for (const item of items) {
    const prior = outcome.get(item.id);
    const now = upsert(item);
    outcome.set(item.id, prior === 'created' || (prior === 'updated' && now === 'unchanged') ? prior : now);
  }
  return outcome;
}
