/**
 * The write path of the embedded store: one batch, one transaction, idempotent upserts. A fact already
 * known from the same document and row is left alone, so re-ingesting a file changes nothing; a fact
 * from a new document adds a provenance record and merges properties.
 */
import type Database from 'better-sqlite3';
import { CaseGraphError } from '../../domain/errors.js';
import type { NormalisedBatch, NormalisedEntity, NormalisedLink } from '../../domain/normalise-batch.js';
import { mergeProps, type Props } from '../../domain/props.js';
import { entityLabel, searchText } from '../../domain/labels.js';
import type { IngestCounts } from '../../domain/views.js';
import type { IngestContext, IngestOutcome } from '../graph-store.js';
import { checkDocument, checkEnds, countOutcomes } from '../batch-checks.js';
import { documentRow, emptyCounts, statements, type IngestStatements } from './ingest-statements.js';
import { propsJson, writeOccurrences } from './occurrence-writes.js';
import { addLinkSource, insertLinkRow, type LinkSource } from './link-row.js';
import { boundProps, sourceStatementsOf, type SourceStatements } from './source-statements.js';

export class SqliteIngest {
  private readonly st: IngestStatements;
  private readonly sourceStatements: (importedBy: string) => SourceStatements;
  /** The statements of the batch being written, for its importer. */
  private sst!: SourceStatements;
  readonly run: (batch: NormalisedBatch, ctx: IngestContext) => IngestCounts;
  readonly runMany: (batches: NormalisedBatch[], ctx: IngestContext) => IngestOutcome[];

  constructor(private readonly db: Database.Database) {
    this.st = statements(db);
    this.sourceStatements = sourceStatementsOf(db);
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
    checkDocument(this.st.documentByHash.get(batch.document.id), batch);
    const known = new Map<string, number>();
    checkEnds(batch, (id) => {
      if (known.has(id)) return true;
      const rid = this.st.ridOf.get(id);
      if (rid !== undefined) known.set(id, rid);
      return rid !== undefined;
    });
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

  private write(batch: NormalisedBatch, ctx: IngestContext): IngestCounts {
    const entityRids = this.check(batch);
    this.sst = this.sourceStatements(batch.importedBy);
    this.next = Number(this.st.version.get()) + 1;
    this.searchTexts.clear();
    const at = ctx.importedAt.getTime();
    const counts = emptyCounts();
    const documentRid = this.upsertDocument(batch, at);
    countOutcomes(
      batch.entities,
      (e) => this.upsertEntity(e, documentRid, at, entityRids),
      counts.entities,
      batch.distinctIds,
    );
    countOutcomes(
      batch.links,
      (l) => this.upsertLink(l, entityRids.get(l.fromId)!, entityRids.get(l.toId)!, documentRid, at, counts),
      counts.links,
      batch.distinctIds,
    );
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
    }
    counts.version = version;
    if (changed) this.st.log.run(documentRid, batch.importedBy, at, JSON.stringify(counts));
    return counts;
  }

  private upsertDocument(batch: NormalisedBatch, at: number): number {
    const d = batch.document;
    const known = this.st.documentByHash.get(d.id);
    if (known) return known.rid;
    const info = this.st.insertDocument.run(documentRow(batch, at));
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
    at: number,
    rids: Map<string, number>,
  ): 'created' | 'updated' | 'unchanged' {
    const ref = e.ref ?? '';
    const json = e.propsText ?? propsJson(e.props);
    const label = entityLabel(e.kind, e.display, e.props);
    // Documents of one investigation name the same phones again and again: skip the doomed insert.
    const cached = this.known.get(e.id);
    const inserted = cached
      ? undefined
      : this.st.insertEntity.get(e.id, e.kind, e.scheme, e.key, e.display, label, json, at, at, this.next);
    if (inserted) {
      this.searchTexts.set(inserted.rid, searchText(e.kind, e.display, label, e.props));
      this.sst.insertEntityFact.run(inserted.rid, documentRid, ref, boundProps(json), at);
      rids.set(e.id, inserted.rid);
      this.known.set(e.id, { rid: inserted.rid, display: e.display, props: e.props });
      return 'created';
    }
    const row = cached ?? this.knownRow(e.id);
    rids.set(e.id, row.rid);
    const newFact =
      this.sst.insertEntityFact.run(row.rid, documentRid, ref, boundProps(json), at).changes > 0;
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
    at: number,
    counts: IngestCounts,
  ): 'created' | 'updated' | 'unchanged' {
    const source: LinkSource = {
      documentRid,
      ref: link.ref ?? '',
      propsJson: link.propsText ?? propsJson(link.props),
      at,
    };
    // A new link is written with its aggregates and first source at once; a known one has them added to below.
    const inserted = insertLinkRow(this.sst, undefined, link, fromRid, toRid, source, this.next);
    if (inserted) {
      writeOccurrences(
        this.st,
        this.sst,
        { link, linkRid: inserted.rid, documentRid, at, version: this.next, addToAggregates: false },
        counts,
      );
      return 'created';
    }
    const row = this.st.linkById.get(link.id)!;
    const rid = row.rid;
    const newFact = addLinkSource(this.sst, row, source);
    const { merged, changed } = newFact
      ? mergeProps(JSON.parse(row.props) as Props, link.props)
      : { merged: {}, changed: false };
    if (changed) this.st.updateLinkProps.run(JSON.stringify(merged), at, this.next, rid);
    const outcome = changed || newFact ? 'updated' : 'unchanged';
    const added = writeOccurrences(
      this.st,
      this.sst,
      { link, linkRid: rid, documentRid, at, version: this.next, addToAggregates: true },
      counts,
    );
    return outcome === 'unchanged' && added ? 'updated' : outcome;
  }
}

interface KnownEntity {
  rid: number;
  display: string;
  props: Props;
}
