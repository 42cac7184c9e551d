/**
 * A first import into an empty store, as `neo4j-admin import` or a database restore does it: the whole
 * load is one transaction on a connection of its own, the secondary indexes are dropped at the start and
 * built once at the end (sorting once is far cheaper than half a million random insertions), and what the
 * store holds is known from memory instead of asked row by row. Entities are written when first named
 * and kept in memory; the few whose properties change later are brought up to date now and then
 * between batches, and at the end.
 *
 * The result is the store that batch-by-batch ingest would have made from the same batches: the same
 * rows, row ids, versions, provenance and counts (test/bulk-load.test.ts compares the two). Each batch is
 * still checked before it writes anything, so a refused batch leaves no trace and the others go on;
 * if the process stops before the end, the store is left as empty as it was. Other connections keep
 * reading the empty store until the commit and wait (then report the store busy) if they try to write.
 */
import Database from 'better-sqlite3';
import { CaseGraphError } from '../../domain/errors.js';
import type { NormalisedBatch, NormalisedEntity, NormalisedLink } from '../../domain/normalise-batch.js';
import { hasProps, mergeProps, type Props } from '../../domain/props.js';
import { entityLabel, searchText } from '../../domain/labels.js';
import type { EntityKind, Scheme } from '../../domain/kinds.js';
import type { IngestCounts } from '../../domain/views.js';
import type { BulkLoad, IngestContext, IngestOutcome } from '../graph-store.js';
import { checkDocument, checkEnds, countOutcomes, type KnownDocument } from '../batch-checks.js';
import { documentRow, emptyCounts, statements, type IngestStatements } from './ingest-statements.js';
import { occurrenceValues, propsJson, writeOccurrences } from './occurrence-writes.js';
import { addLinkSource, insertLinkRow, linkRowValues, type KnownLink, type LinkSource } from './link-row.js';
import {
  boundProps,
  sourceStatementsOf,
  type SourceRowBuffers,
  type SourceStatements,
} from './source-statements.js';
import { RowBuffer } from './row-buffer.js';
import { IdTable } from './id-table.js';

/**
 * Tables whose indexes are built after the load, unique ids included: the load knows every id from memory,
 * and building a unique index over a duplicate would fail the load. Even an index whose keys only grow
 * (the graph version, a link's first document) is built at the end: kept, it cost the writing thread,
 * which bounds the load, more than sorting it once does (0.8 s against 0.1 s at 500,000 links).
 * Occurrences have no index to defer: their table is keyed by their identity (schema 7), which the load
 * asks whether a call is on record.
 */
const DEFERRED_INDEX_TABLES = ['document', 'entity', 'entity_fact', 'link', 'link_fact'];

const NO_PROPS: Props = Object.freeze({});

const textOf = (e: HeldEntity) =>
  searchText(e.kind, e.display, entityLabel(e.kind, e.display, e.props), e.props);

interface HeldEntity {
  rid: number;
  kind: EntityKind;
  scheme: Scheme;
  key: string;
  display: string;
  props: Props;
  createdAt: number;
  updatedAt: number;
  version: number;
  /** Its properties changed after its row was last written: the row is brought up to date later. */
  changed: boolean;
  /** The search text written for it, kept once its properties change afterwards: set again if it differs. */
  writtenText?: string;
}

/**
 * The load's page cache, small on purpose. Its writes are appends and its index builds write fresh
 * pages, so few pages are wanted again; what overflows goes to the write-ahead log (uncommitted, so
 * invisible to readers and dropped on abort), through the kernel's page cache. A cache as large as the
 * load held all of it in the process's memory instead, every page fresh memory to touch (a fault per
 * page, ~13 µs on the VM measured), and the commit then wrote it all out at once. Measured on the ingest
 * bench, runs alternated: 8 MiB 9.9-10.1 s, 16 MiB 10.4 s, 512 MiB 10.6-10.7 s; peak RSS 435-465 MiB
 * against 630-650; 2 and 4 MiB no different from 8.
 */
const LOAD_CACHE_MIB = 8;
/**
 * New entities whose search texts are written together, between batches. The writing thread waits for
 * the preparing worker for most of a load (~2 s of the bench scenario's); texts written as the load
 * goes are work done in that wait instead of at the end, where nothing else runs (0.35 s at 100,000
 * entities). FTS5 makes a segment of each group: its texts are written with no other statement
 * between them, because any write opens a savepoint and FTS5 flushes its pending terms at each.
 */
const TEXT_GROUP = 10_000;
/** The page cache while the indexes are built, which sets how much SQLite sorts in memory at a time. */
const INDEX_BUILD_CACHE_KIB = 1024;

export interface BulkLoadOptions {
  cacheMiB?: number;
  busyTimeoutMs?: number;
  /** New entities whose search texts are written together as the load goes (tests set a small one). */
  textGroup?: number;
}

export class SqliteBulkLoad implements BulkLoad {
  private readonly st: IngestStatements;
  private readonly entityRows: RowBuffer;
  private readonly sourceStatements: (importedBy: string) => SourceStatements;
  /** The statements of the batch being written, for its importer, and their buffers. */
  private sst!: SourceStatements;
  private rows!: SourceRowBuffers;
  /**
   * The batch being written is the load's first sight of its document and names each id once, so none
   * of its facts, nor any occurrence of a link new to the load, can be on record yet: those rows go
   * through the buffers, which write several to a statement and ask nothing back. Otherwise each is
   * written alone and SQLite says whether it was new.
   */
  private fresh = false;
  /** Every entity written, in the order written; `entityAt` finds one by id (its place here, plus one). */
  private readonly entities: HeldEntity[] = [];
  /** Entities before this place in `entities` have their search texts written. */
  private textsUpTo = 0;
  /** Entities whose properties changed since their rows were last brought up to date. */
  private readonly changedEntities: HeldEntity[] = [];
  private readonly entityAt = new IdTable(1 << 16);
  /**
   * The links written, by id: their rids alone. A held object per link (half a million in the bench
   * scenario) was memory the collector copied twice and kept scanning; what a restated link needs
   * besides its rid is kept apart (props, few links have any) or read back from its row (its first
   * source, needed only in a batch that is not fresh). Both tables of ids are sized for a load of a
   * few hundred thousand links, so that growing them (fresh memory, every id placed again) is rare.
   */
  private readonly links = new IdTable(1 << 18);
  private readonly linkProps = new Map<number, Props>();
  private readonly linkSource: Database.Statement<[number], KnownLink>;
  private readonly documents = new Map<string, KnownDocument & { rid: number }>();
  /** The batch being written's entities, in its order: where its links find the ends it declares. */
  private readonly batchEntities: HeldEntity[] = [];
  private readonly deferredIndexes: string[];
  private lastEntityRid: number;
  private lastLinkRid: number;
  private version: number;
  private done = false;

  /** Opens a load when the store at `path` is empty, inside its transaction; undefined when it holds anything. */
  static open(path: string, options: BulkLoadOptions = {}): SqliteBulkLoad | undefined {
    if (path === ':memory:') return undefined;
    const db = new Database(path);
    try {
      // The load's one commit syncs the log (FULL), so the load survives a power cut once finish returns;
      // copying the log into the file is left to the store's background checkpoint (checkpoint.ts).
      db.pragma('synchronous = FULL');
      db.pragma('wal_autocheckpoint = 0');
      const cacheKiB = Math.round((options.cacheMiB ?? LOAD_CACHE_MIB) * 1024);
      db.pragma(`cache_size = -${cacheKiB}`);
      db.pragma('temp_store = MEMORY');
      db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
      db.exec('BEGIN IMMEDIATE');
      const holds = db
        .prepare<[], number>(
          `SELECT EXISTS (SELECT 1 FROM entity) OR EXISTS (SELECT 1 FROM link) OR EXISTS (SELECT 1 FROM document)`,
        )
        .pluck()
        .get();
      if (holds) {
        db.exec('ROLLBACK');
        db.close();
        return undefined;
      }
      return new SqliteBulkLoad(db, cacheKiB, options.textGroup ?? TEXT_GROUP);
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
      throw error;
    }
  }

  private constructor(
    private readonly db: Database.Database,
    private readonly cacheKiB: number,
    private readonly textGroup: number,
  ) {
    // Prepared while every index exists: some statements name a conflict target. The load never runs
    // those; the ones it runs are prepared again by SQLite after the drops below.
    this.st = statements(db);
    const indexes = db
      .prepare<[], { name: string; sql: string }>(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
         AND tbl_name IN (${DEFERRED_INDEX_TABLES.map((t) => `'${t}'`).join(', ')}) ORDER BY name`,
      )
      .all();
    for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
    this.deferredIndexes = indexes.map((i) => i.sql);
    // Nothing reads an entity's row before the load ends: every new one is buffered.
    this.entityRows = new RowBuffer(db, {
      into: 'INTO entity (rid, id, kind, scheme, key, display, label, props, created_at, updated_at, version) VALUES ',
      row: '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      width: 11,
    });
    this.sourceStatements = sourceStatementsOf(db, true);
    this.linkSource = db.prepare<[number], KnownLink>(
      'SELECT rid, fact_document_rid, fact_ref FROM link WHERE rid = ?',
    );
    const max = (table: string) =>
      db.prepare<[], number>(`SELECT ifnull(max(rid), 0) FROM ${table}`).pluck().get()!;
    this.lastEntityRid = max('entity');
    this.lastLinkRid = max('link');
    this.version = Number(this.st.version.get());
  }

  async write(batch: NormalisedBatch, ctx: IngestContext): Promise<IngestOutcome> {
    if (this.done) throw new Error('this bulk load is already finished');
    try {
      checkDocument(this.documents.get(batch.document.id), batch);
      checkEnds(batch, (id) => this.entityAt.has(id));
    } catch (error) {
      if (error instanceof CaseGraphError) return { ok: false, error };
      throw error;
    }
    try {
      return { ok: true, counts: this.writeChecked(batch, ctx.importedAt.getTime()) };
    } catch (error) {
      // Past the checks a failure is a fault, and the load cannot go on from a half-written batch.
      this.abortNow();
      throw error;
    }
  }

  private writeChecked(batch: NormalisedBatch, at: number): IngestCounts {
    const next = this.version + 1;
    const counts = emptyCounts();
    this.fresh = batch.distinctIds && !this.documents.has(batch.document.id);
    const documentRid = this.upsertDocument(batch, at);
    this.sst = this.sourceStatements(batch.importedBy);
    this.rows = this.sst.buffered!;
    this.batchEntities.length = 0;
    countOutcomes(
      batch.entities,
      (e) => this.upsertEntity(e, documentRid, at, next),
      counts.entities,
      batch.distinctIds,
    );
    countOutcomes(
      batch.links,
      (l) => this.upsertLink(l, documentRid, at, next, counts),
      counts.links,
      batch.distinctIds,
    );
    this.flush();
    if (this.entities.length - this.textsUpTo >= this.textGroup) {
      this.updateChangedRows();
      this.writeNewTexts();
    }
    const changed =
      counts.entities.created +
        counts.entities.updated +
        counts.links.created +
        counts.links.updated +
        counts.occurrences.created >
      0;
    if (changed) this.version = next;
    counts.version = this.version;
    if (changed) this.st.log.run(documentRid, batch.importedBy, at, JSON.stringify(counts));
    return counts;
  }

  private upsertDocument(batch: NormalisedBatch, at: number): number {
    const d = batch.document;
    const known = this.documents.get(d.id);
    if (known) return known.rid;
    const info = this.st.insertDocument.run(documentRow(batch, at));
    const rid = Number(info.lastInsertRowid);
    this.documents.set(d.id, {
      rid,
      type: d.type,
      source_grade: d.grading.source,
      info_grade: d.grading.information,
      case_id: d.caseId ?? null,
    });
    return rid;
  }

  private upsertEntity(
    e: NormalisedEntity,
    documentRid: number,
    at: number,
    version: number,
  ): 'created' | 'updated' | 'unchanged' {
    const json = e.propsText ?? propsJson(e.props);
    const place = this.entityAt.get(e.id);
    if (place === 0) {
      const rid = ++this.lastEntityRid;
      const made: HeldEntity = {
        rid,
        kind: e.kind,
        scheme: e.scheme,
        key: e.key,
        display: e.display,
        props: e.props,
        createdAt: at,
        updatedAt: at,
        version,
        changed: false,
      };
      this.entities.push(made);
      this.entityAt.set(e.id, this.entities.length);
      this.batchEntities.push(made);
      const label = entityLabel(e.kind, e.display, e.props);
      this.entityRows.add(rid, e.id, e.kind, e.scheme, e.key, e.display, label, json, at, at, version);
      this.addEntityFact(rid, documentRid, e.ref ?? '', json, at);
      return 'created';
    }
    const held = this.entities[place - 1]!;
    this.batchEntities.push(held);
    const newFact = this.addEntityFact(held.rid, documentRid, e.ref ?? '', json, at);
    if (!newFact) return 'unchanged';
    const { merged, changed } = mergeProps(held.props, e.props);
    if (changed) {
      // The first change after its text was written: that text, from the properties it was written with.
      if (place <= this.textsUpTo && held.writtenText === undefined) held.writtenText = textOf(held);
      held.props = merged;
      held.updatedAt = at;
      held.version = version;
      if (!held.changed) this.changedEntities.push(held);
      held.changed = true;
    }
    return 'updated';
  }

  private upsertLink(
    link: NormalisedLink,
    documentRid: number,
    at: number,
    version: number,
    counts: IngestCounts,
  ): 'created' | 'updated' | 'unchanged' {
    const source: LinkSource = {
      documentRid,
      ref: link.ref ?? '',
      propsJson: link.propsText ?? propsJson(link.props),
      at,
    };
    const held = this.links.get(link.id);
    if (held === 0) {
      const rid = ++this.lastLinkRid;
      const from = this.endRid(link.fromEntity, link.fromId);
      const to = this.endRid(link.toEntity, link.toId);
      if (this.fresh) this.rows.link.add(rid, link.id, ...linkRowValues(link, from, to, source, version));
      else insertLinkRow(this.sst, rid, link, from, to, source, version);
      this.links.set(link.id, rid);
      if (hasProps(link.props)) this.linkProps.set(rid, link.props);
      // Its row already holds the totals of its distinct occurrences; a list that repeats one is
      // written row by row, so that the repeat becomes a further source of the first.
      if (this.fresh && link.totals.count === link.occurrences.length) {
        for (const o of link.occurrences)
          this.rows.occurrence.add(...occurrenceValues(rid, o, documentRid, at));
        counts.occurrences.created += link.occurrences.length;
      } else {
        const occurrences = { link, linkRid: rid, documentRid, at, version, addToAggregates: false };
        writeOccurrences(this.st, this.sst, occurrences, counts);
      }
      return 'created';
    }
    // A fresh batch's document is new to the load, so its source is new; otherwise ask the row.
    const newFact = this.fresh
      ? this.addLinkFact(held, source)
      : addLinkSource(this.sst, this.linkSource.get(held)!, source);
    const props = this.linkProps.get(held) ?? NO_PROPS;
    const { merged, changed } = newFact ? mergeProps(props, link.props) : { merged: props, changed: false };
    if (changed) {
      this.linkProps.set(held, merged);
      this.st.updateLinkProps.run(JSON.stringify(merged), at, version, held);
    }
    const occurrences = { link, linkRid: held, documentRid, at, version, addToAggregates: true };
    const added = writeOccurrences(this.st, this.sst, occurrences, counts);
    return changed || newFact || added ? 'updated' : 'unchanged';
  }

  /** Whether the fact is new; in a fresh batch it is, and waits in its buffer. */
  private addEntityFact(rid: number, documentRid: number, ref: string, json: string, at: number): boolean {
    if (!this.fresh)
      return this.sst.insertEntityFact.run(rid, documentRid, ref, boundProps(json), at).changes > 0;
    this.rows.entityFact.add(rid, documentRid, ref, boundProps(json), at);
    return true;
  }

  /**
   * A further source of a link known from an earlier batch, in a fresh batch: new, since its document
   * is (the source in the link's row is an earlier document's).
   */
  private addLinkFact(linkRid: number, s: LinkSource): true {
    this.rows.linkFact.add(linkRid, s.documentRid, s.ref, boundProps(s.propsJson), s.at);
    return true;
  }

  /** Rows of entities whose properties changed, brought up to date: once however often they changed. */
  private updateChangedRows(): void {
    for (const e of this.changedEntities) {
      const label = entityLabel(e.kind, e.display, e.props);
      this.st.updateEntity.run(propsJson(e.props), label, e.updatedAt, e.version, e.rid);
      e.changed = false;
    }
    this.changedEntities.length = 0;
  }

  /** The search texts of the entities written since the last ones, with no other statement between them. */
  private writeNewTexts(): void {
    for (let i = this.textsUpTo; i < this.entities.length; i++) {
      const e = this.entities[i]!;
      this.st.insertText.run(e.rid, textOf(e));
    }
    this.textsUpTo = this.entities.length;
  }

  /** Writes what the batch left in the buffers. */
  private flush(): void {
    this.entityRows.flush();
    this.rows.entityFact.flush();
    this.rows.link.flush();
    this.rows.linkFact.flush();
    this.rows.occurrence.flush();
  }

  private endRid(position: number | undefined, id: string): number {
    return (
      position === undefined ? this.entities[this.entityAt.get(id) - 1]! : this.batchEntities[position]!
    ).rid;
  }

  /** Brings changed entities up to date, writes the search texts, builds the indexes and commits durably. */
  async finish(): Promise<void> {
    if (this.done) return;
    try {
      this.updateChangedRows();
      // Texts written before their entity's properties changed are set again where they now differ: all
      // the deletes, then the inserts in row order, since FTS5 flushes its pending terms when a delete
      // follows an insert or a row id goes back.
      const redo: [number, string][] = [];
      for (let i = 0; i < this.textsUpTo; i++) {
        const e = this.entities[i]!;
        if (e.writtenText === undefined) continue;
        const text = textOf(e);
        if (text !== e.writtenText) redo.push([e.rid, text]);
      }
      for (const [rid] of redo) this.st.deleteText.run(rid);
      for (const [rid, text] of redo) this.st.insertText.run(rid, text);
      this.writeNewTexts();
      this.st.setVersion.run(String(this.version));
      // SQLite sorts an index's keys in runs as large as the page cache, each in memory that grows as
      // it fills: fresh memory for every index. Runs of 1 MiB, merged, built the bench scenario's
      // indexes in 1.50-1.75 s with 12,700 page faults, against 1.72-2.12 s and 21,200 at 8 MiB.
      this.db.pragma(`cache_size = -${Math.min(this.cacheKiB, INDEX_BUILD_CACHE_KIB)}`);
      // The runs are merged from temporary files: SQLite's in-memory ones are lists of small chunks,
      // slow to write and to read back. The bench store's indexes alone: 1.73-1.80 s against 2.85-3.03
      // s in memory; within the load, 1.08-1.20 s against 1.78-2.09 s (runs alternated). The files are
      // deleted as they are opened and hold these indexes' keys (hashed ids, row ids, versions, kinds,
      // source references), none of an entity's key or name. Only here: for the load's writes,
      // temporary files made the streaming part slower.
      this.db.pragma('temp_store = FILE');
      for (const sql of this.deferredIndexes) this.db.exec(sql);
      this.db.exec('COMMIT');
      this.done = true;
    } catch (error) {
      this.abortNow();
      throw error;
    } finally {
      this.entities.length = 0;
      this.changedEntities.length = 0;
      this.entityAt.clear();
      this.links.clear();
      this.linkProps.clear();
      if (this.db.open) this.db.close();
    }
  }

  async abort(): Promise<void> {
    this.abortNow();
  }

  private abortNow(): void {
    this.done = true;
    if (this.db.open) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.db.close();
    }
  }
}
