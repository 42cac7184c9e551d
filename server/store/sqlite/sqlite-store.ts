/**
 * The embedded store: a GraphStore on one SQLite file (better-sqlite3), the default when no Neo4j is
 * configured. WAL lets readers go on while a batch is written.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { NormalisedBatch } from '../../domain/normalise-batch.js';
import type {
  CaseAlert,
  DocumentView,
  EntityDetail,
  EntityView,
  GraphChanges,
  IngestCounts,
  LinkDetail,
  PathsResult,
  Subgraph,
  Watch,
  WatchRef,
} from '../../domain/views.js';
import type {
  BulkLoad,
  GraphStore,
  IngestContext,
  IngestOutcome,
  NeighbourhoodQuery,
  PathsQuery,
  SearchQuery,
  StoreStats,
  SubgraphQuery,
} from '../graph-store.js';
import { migrate } from './migrations.js';
import { SqliteIngest } from './ingest.js';
import { SqliteBulkLoad } from './bulk-load.js';
import { checkpointInBackground, type CheckpointReport } from './checkpoint.js';
import { SqliteAccessStore } from './access.js';
import { SqliteProtection } from './protection.js';
import type { ProtectedEntity } from '../../domain/protection.js';
import { SqliteReads } from './reads.js';
import { SqliteTraversal } from './traverse.js';
import { SqliteAuditStore } from './audit.js';
import { busyAsUnavailable } from './busy.js';
import { SqliteMerges } from './merges.js';
import type { MergeRequest, MergeView, NotSameDecision, ResolutionPerson } from '../../domain/merges.js';
import { SqliteCaseWork } from './case-work.js';
import { SqliteOccurrenceBins } from './occurrence-bins.js';
import type { OccurrenceBins, OccurrenceBinsQuery } from '../../domain/occurrence-bins.js';

export interface SqliteOptions {
  /** Page cache in MiB; bulk ingest of large batches wants the indexes in memory. */
  cacheMiB?: number;
  /** The page cache of a first import's bulk load, in MiB (bulk-load.ts says why it is small). */
  bulkLoadCacheMiB?: number;
  /** New entities whose search texts a bulk load writes together (bulk-load.ts TEXT_GROUP). */
  bulkLoadTextGroup?: number;
  /** How long a write waits for another writer before the store reports itself busy. */
  busyTimeoutMs?: number;
  /** Told when the background checkpoint after a bulk load has run, or could not. */
  onCheckpoint?: (report: CheckpointReport) => void;
}

export class SqliteGraphStore implements GraphStore {
  private readonly db: Database.Database;
  private readonly writer: SqliteIngest;
  private readonly reads: SqliteReads;
  private readonly traversal: SqliteTraversal;
  private readonly protection: SqliteProtection;
  private readonly merges: SqliteMerges;
  private readonly caseWork: SqliteCaseWork;
  private readonly bins: SqliteOccurrenceBins;
  /** The hash-chained audit trail, in the same file as the graph so one backup holds both. */
  readonly audit: SqliteAuditStore;
  /** Users, sessions and case access lists, in the same file as the graph. */
  readonly access: SqliteAccessStore;
  /** The checkpoint a finished bulk load left running. */
  private checkpoint: Promise<CheckpointReport> | undefined;

  constructor(
    readonly path: string,
    private readonly options: SqliteOptions = {},
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    // Takes effect only when the file is new. Measured on a 100k-entity first load: 8 KiB pages wrote
    // it about 10% faster than the 4 KiB default (fewer pages to split and to log), 16 KiB no better.
    this.db.pragma('page_size = 8192');
    this.db.pragma('journal_mode = WAL');
    // NORMAL under WAL: a committed batch survives a crash of CaseGraph; only an OS crash can lose the last one.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma(`cache_size = -${(options.cacheMiB ?? 256) * 1024}`);
    this.db.pragma('temp_store = MEMORY');
    // Another writer (npm run ingest beside the service) holds the lock for one group at a time: wait.
    this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
    try {
      migrate(this.db);
    } catch (err) {
      this.db.close();
      throw err;
    }
    this.writer = new SqliteIngest(this.db);
    this.reads = new SqliteReads(this.db);
    this.traversal = new SqliteTraversal(this.db, this.reads);
    this.protection = new SqliteProtection(this.db);
    this.merges = new SqliteMerges(this.db);
    this.caseWork = new SqliteCaseWork(this.db);
    this.bins = new SqliteOccurrenceBins(this.db);
    this.audit = new SqliteAuditStore(this.db);
    this.access = new SqliteAccessStore(this.db);
  }

  async ingest(batch: NormalisedBatch, ctx: IngestContext): Promise<IngestCounts> {
    return busyAsUnavailable(() => this.writer.run(batch, ctx));
  }

  async ingestMany(batches: NormalisedBatch[], ctx: IngestContext): Promise<IngestOutcome[]> {
    return busyAsUnavailable(() => this.writer.runMany(batches, ctx));
  }

  async openBulkLoad(): Promise<BulkLoad | undefined> {
    const busyTimeoutMs = this.options.busyTimeoutMs ?? 10_000;
    const cacheMiB = this.options.bulkLoadCacheMiB;
    const textGroup = this.options.bulkLoadTextGroup;
    const load = await busyAsUnavailable(() =>
      SqliteBulkLoad.open(this.path, { busyTimeoutMs, cacheMiB, textGroup }),
    );
    if (!load) return undefined;
    return {
      write: (batch, ctx) => load.write(batch, ctx),
      abort: () => load.abort(),
      finish: async () => {
        await load.finish();
        this.checkpoint = checkpointInBackground({ path: this.path, busyTimeoutMs }).then((report) => {
          this.options.onCheckpoint?.(report);
          return report;
        });
      },
    };
  }

  /** The background checkpoint of the last bulk load, once it has run; undefined when none was started. */
  async bulkLoadCheckpoint(): Promise<CheckpointReport | undefined> {
    return this.checkpoint;
  }

  async getEntity(id: string): Promise<EntityDetail | null> {
    return this.reads.getEntity(id);
  }

  async getLink(id: string, occurrenceLimit: number): Promise<LinkDetail | null> {
    return this.reads.getLink(id, occurrenceLimit);
  }

  async search(query: SearchQuery): Promise<EntityView[]> {
    return this.reads.search(query);
  }

  async subgraph(query: SubgraphQuery): Promise<Subgraph> {
    return this.reads.subgraph(query);
  }

  async neighbourhood(id: string, query: NeighbourhoodQuery): Promise<Subgraph> {
    return this.traversal.neighbourhood(id, query);
  }

  async paths(fromId: string, toId: string, query: PathsQuery): Promise<PathsResult> {
    return this.traversal.paths(fromId, toId, query);
  }

  async occurrenceBins(query: OccurrenceBinsQuery): Promise<OccurrenceBins> {
    return this.bins.count(query);
  }

  async stats(): Promise<StoreStats> {
    const count = (table: string) =>
      this.db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get() ?? 0;
    return {
      entities: count('entity'),
      links: count('link'),
      occurrences: count('occurrence'),
      documents: count('document'),
      version: await this.version(),
    };
  }

  async protectedEntities(): Promise<ProtectedEntity[]> {
    return busyAsUnavailable(() => this.protection.protectedEntities());
  }

  async version(): Promise<number> {
    return Number(
      this.db.prepare<[], string>("SELECT value FROM meta WHERE key = 'graph_version'").pluck().get(),
    );
  }

  async changesSince(version: number): Promise<GraphChanges> {
    return this.reads.changesSince(version);
  }

  async resolutionPersons(): Promise<ResolutionPerson[]> {
    return this.merges.resolutionPersons();
  }

  async mergePersons(request: MergeRequest): Promise<MergeView> {
    return busyAsUnavailable(() => this.merges.merge(request));
  }

  async undoMerge(id: string, by: { undoneBy: string; at: Date }): Promise<MergeView> {
    return busyAsUnavailable(() => this.merges.undo(id, by));
  }

  async getMerge(id: string): Promise<MergeView | null> {
    return this.merges.get(id);
  }

  async markNotSame(decision: NotSameDecision): Promise<void> {
    return busyAsUnavailable(() => this.merges.markNotSame(decision));
  }

  async notSamePairs(): Promise<Set<string>> {
    return this.merges.notSamePairs();
  }

  async getDocument(id: string): Promise<DocumentView | null> {
    return this.reads.getDocument(id);
  }

  async casesOfEntities(ids: readonly string[]): Promise<Map<string, string[]>> {
    return this.reads.casesOfEntities(ids);
  }

  async addAlerts(alerts: readonly CaseAlert[]): Promise<CaseAlert[]> {
    return busyAsUnavailable(() => this.caseWork.addAlerts(alerts));
  }

  async alertsOf(caseId: string, limit: number): Promise<CaseAlert[]> {
    return this.caseWork.alertsOf(caseId, limit);
  }

  async alertsOfWatch(watch: WatchRef, limit: number): Promise<CaseAlert[]> {
    return this.caseWork.alertsOfWatch(watch, limit);
  }

  async addWatch(watch: Watch): Promise<void> {
    busyAsUnavailable(() => this.caseWork.addWatch(watch));
  }

  async removeWatch(userId: string, entityId: string): Promise<boolean> {
    return busyAsUnavailable(() => this.caseWork.removeWatch(userId, entityId));
  }

  async watchesOf(userId: string): Promise<Watch[]> {
    return this.caseWork.watchesOf(userId);
  }

  async watchesOn(entityIds: readonly string[]): Promise<Watch[]> {
    return this.caseWork.watchesOn(entityIds);
  }

  async watchesForCases(caseIds: readonly string[]): Promise<Watch[]> {
    return this.caseWork.watchesForCases(caseIds);
  }

  async close(): Promise<void> {
    await this.checkpoint;
    if (this.db.open) this.db.close();
  }
}
