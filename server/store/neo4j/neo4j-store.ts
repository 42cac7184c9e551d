/**
 * The Neo4j adapter of the GraphStore port, chosen when NEO4J_URI is set. It holds the graph, and the
 * users, sessions, case access and audit trail beside it (access.ts, audit.ts), in one database, so
 * several stateless CaseGraph instances behind a balancer share one truth.
 */
import type { NormalisedBatch } from '../../domain/normalise-batch.js';
import type { ProtectedEntity } from '../../domain/protection.js';
import type {
  CaseAlert,
  DocumentView,
  EntityDetail,
  EntityView,
  GraphChanges,
  IngestCounts,
  LinkDetail,
  LinkView,
  PathsResult,
  Subgraph,
  Watch,
  WatchRef,
} from '../../domain/views.js';
import type { EntityKind } from '../../domain/kinds.js';
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
import { Neo4jAccessStore } from './access.js';
import { Neo4jAuditStore } from './audit.js';
import { Neo4jCaseWork } from './case-work.js';
import { gdsLouvain, gdsVersion, readEdgeList, type StoreEdgeList } from './communities.js';
import { connect, schemaStepErrorOf, type Neo4jSettings } from './connect.js';
import { Neo4jExecutor, type Executor } from './executor.js';
import { Neo4jIngest } from './ingest.js';
import { Neo4jMerges } from './merges.js';
import { occurrenceBins } from './occurrence-bins.js';
import type { OccurrenceBins, OccurrenceBinsQuery } from '../../domain/occurrence-bins.js';
import type { MergeRequest, MergeView, NotSameDecision, ResolutionPerson } from '../../domain/merges.js';
import { safeInt } from './map-records.js';
import { Neo4jProtection } from './protection.js';
import { queries as loadedQueries, type Queries } from './queries.js';
import { Neo4jReads } from './reads.js';
import { applySchema } from './schema.js';
import { Neo4jTraversal } from './traverse.js';

export interface Neo4jOptions {
  /** Rows per UNWIND statement of an ingest. */
  batchSize: number;
  /** Apply the schema step (default true); a process beside the service that already did, need not. */
  schema?: boolean;
  /**
   * How long a write other than an import or a Graph Data Science run may take, waiting for locks
   * included, before it ends as STORE.UNAVAILABLE (default DEFAULT_TX_TIMEOUT_MS, 10 s).
   */
  txTimeoutMs?: number;
}

export const DEFAULT_BATCH_SIZE = 1000;

export interface Neo4jServer {
  version: string;
  edition: string;
  /** Graph Data Science's version, or null when the server does not have it. */
  gds: string | null;
}

export class Neo4jGraphStore implements GraphStore {
  private readonly writer: Neo4jIngest;
  private readonly reads: Neo4jReads;
  private readonly traversal: Neo4jTraversal;
  private readonly protection: Neo4jProtection;
  private readonly merges: Neo4jMerges;
  private readonly caseWork: Neo4jCaseWork;
  readonly access: Neo4jAccessStore;
  readonly audit: Neo4jAuditStore;

  /**
   * Connects, checks the server (connect.ts) and applies the schema. Fails with a Neo4jStartError of
   * one line when the server cannot be used.
   */
  static async open(
    settings: Neo4jSettings,
    options: Neo4jOptions = { batchSize: DEFAULT_BATCH_SIZE },
    queries: Queries = loadedQueries(),
  ): Promise<Neo4jGraphStore> {
    const { driver, version, edition } = await connect(settings, queries);
    const executor = new Neo4jExecutor(driver, settings.database, queries, options.txTimeoutMs);
    return Neo4jGraphStore.startOn(executor, settings, options, queries, { version, edition });
  }

  /**
   * What follows the connection: the schema step (unless turned off) and the check for Graph Data
   * Science. A failure closes the executor and is a Neo4jStartError of one line too.
   */
  static async startOn(
    executor: Executor,
    settings: Neo4jSettings,
    options: Neo4jOptions,
    queries: Queries,
    server: { version: string; edition: string },
  ): Promise<Neo4jGraphStore> {
    try {
      if (options.schema !== false) await applySchema(executor, queries);
      const gds = await gdsVersion(executor);
      return new Neo4jGraphStore(executor, options, { ...server, gds });
    } catch (error) {
      await executor.close();
      throw schemaStepErrorOf(error, settings);
    }
  }

  constructor(
    private readonly executor: Executor,
    options: Neo4jOptions,
    readonly server: Neo4jServer,
  ) {
    this.writer = new Neo4jIngest(executor, options.batchSize);
    this.reads = new Neo4jReads(executor);
    this.traversal = new Neo4jTraversal(executor, this.reads);
    this.protection = new Neo4jProtection(executor);
    this.merges = new Neo4jMerges(executor);
    this.caseWork = new Neo4jCaseWork(executor);
    this.access = new Neo4jAccessStore(executor);
    this.audit = new Neo4jAuditStore(executor);
  }

  ingest(batch: NormalisedBatch, ctx: IngestContext): Promise<IngestCounts> {
    return this.writer.ingest(batch, ctx);
  }

  ingestMany(batches: NormalisedBatch[], ctx: IngestContext): Promise<IngestOutcome[]> {
    return this.writer.ingestMany(batches, ctx);
  }

  /** A first import goes batch by batch: Neo4j has no cheaper path the store could take for it. */
  async openBulkLoad(): Promise<BulkLoad | undefined> {
    return undefined;
  }

  getEntity(id: string): Promise<EntityDetail | null> {
    return this.reads.getEntity(id);
  }

  getLink(id: string, occurrenceLimit: number): Promise<LinkDetail | null> {
    return this.reads.getLink(id, occurrenceLimit);
  }

  search(query: SearchQuery): Promise<EntityView[]> {
    return this.reads.search(query);
  }

  subgraph(query: SubgraphQuery): Promise<Subgraph> {
    return this.reads.subgraph(query);
  }

  neighbourhood(id: string, query: NeighbourhoodQuery): Promise<Subgraph> {
    return this.traversal.neighbourhood(id, query);
  }

  paths(fromId: string, toId: string, query: PathsQuery): Promise<PathsResult> {
    return this.traversal.paths(fromId, toId, query);
  }

  occurrenceBins(query: OccurrenceBinsQuery): Promise<OccurrenceBins> {
    return occurrenceBins(this.executor, query);
  }

  stats(): Promise<StoreStats> {
    return this.executor.read(async (q) => {
      const [r] = await q.all('count-graph', {});
      if (!r) throw new Error('the Neo4j database has no graph counters: the schema step did not run');
      return {
        entities: safeInt(r.get('entities'), 'entity count'),
        links: safeInt(r.get('links'), 'link count'),
        occurrences: safeInt(r.get('occurrences'), 'occurrence count'),
        documents: safeInt(r.get('documents'), 'document count'),
        version: safeInt(r.get('version'), 'graph version'),
      };
    });
  }

  protectedEntities(): Promise<ProtectedEntity[]> {
    return this.protection.protectedEntities();
  }

  version(): Promise<number> {
    return this.executor.read(async (q) => {
      const [r] = await q.all('graph-version', {});
      return r ? safeInt(r.get('version'), 'graph version') : 0;
    });
  }

  changesSince(version: number): Promise<GraphChanges> {
    return this.reads.changesSince(version);
  }

  getDocument(id: string): Promise<DocumentView | null> {
    return this.caseWork.getDocument(id);
  }

  casesOfEntities(ids: readonly string[]): Promise<Map<string, string[]>> {
    return this.caseWork.casesOfEntities(ids);
  }

  addAlerts(alerts: readonly CaseAlert[]): Promise<CaseAlert[]> {
    return this.caseWork.addAlerts(alerts);
  }

  alertsOf(caseId: string, limit: number): Promise<CaseAlert[]> {
    return this.caseWork.alertsOf(caseId, limit);
  }

  alertsOfWatch(watch: WatchRef, limit: number): Promise<CaseAlert[]> {
    return this.caseWork.alertsOfWatch(watch, limit);
  }

  addWatch(watch: Watch): Promise<void> {
    return this.caseWork.addWatch(watch);
  }

  removeWatch(userId: string, entityId: string): Promise<boolean> {
    return this.caseWork.removeWatch(userId, entityId);
  }

  watchesOf(userId: string): Promise<Watch[]> {
    return this.caseWork.watchesOf(userId);
  }

  watchesOn(entityIds: readonly string[]): Promise<Watch[]> {
    return this.caseWork.watchesOn(entityIds);
  }

  watchesForCases(caseIds: readonly string[]): Promise<Watch[]> {
    return this.caseWork.watchesForCases(caseIds);
  }

  /** changesSince, record by record, for a projection built straight from the stream. */
  streamChangesSince(
    version: number,
    sink: { entity(e: EntityView): void; link(l: LinkView): void },
  ): Promise<{ version: number; removed: string[] }> {
    return this.reads.streamChangesSince(version, sink);
  }

  resolutionPersons(): Promise<ResolutionPerson[]> {
    return this.merges.resolutionPersons();
  }

  mergePersons(request: MergeRequest): Promise<MergeView> {
    return this.merges.merge(request);
  }

  undoMerge(id: string, by: { undoneBy: string; at: Date }): Promise<MergeView> {
    return this.merges.undo(id, by);
  }

  getMerge(id: string): Promise<MergeView | null> {
    return this.merges.get(id);
  }

  markNotSame(decision: NotSameDecision): Promise<void> {
    return this.merges.markNotSame(decision);
  }

  notSamePairs(): Promise<Set<string>> {
    return this.merges.notSamePairs();
  }

  /** The whole graph as an edge list for community detection, streamed into typed arrays. */
  edgeList(): Promise<StoreEdgeList> {
    return readEdgeList(this.executor);
  }

  /** Louvain run by Graph Data Science in the database; only when `server.gds` is not null. */
  gdsLouvain(kinds: readonly EntityKind[]): Promise<Map<string, number>> {
    if (!this.server.gds) throw new Error('this Neo4j server has no Graph Data Science library');
    return gdsLouvain(this.executor, kinds);
  }

  close(): Promise<void> {
    return this.executor.close();
  }
}
