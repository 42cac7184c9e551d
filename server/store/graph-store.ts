/**
 * The GraphStore port: everything the rest of CaseGraph asks of the record, whichever database holds it
 * (embedded SQLite by default, Neo4j when NEO4J_URI is set). Callers receive this interface, never an
 * adapter; the contract suite in test/store-contract.ts holds every adapter to the same behaviour.
 */
import type { CaseGraphError } from '../domain/errors.js';
import type { EntityKind, LinkKind } from '../domain/kinds.js';
import type { MergeRequest, MergeView, NotSameDecision, ResolutionPerson } from '../domain/merges.js';
import type { NormalisedBatch } from '../domain/normalise-batch.js';
import type { OccurrenceBins, OccurrenceBinsQuery } from '../domain/occurrence-bins.js';
import type { ProtectedEntity } from '../domain/protection.js';
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
} from '../domain/views.js';

export interface SubgraphQuery {
  /** Only what the evidence of this case says, plus what the case involves. */
  caseId?: string;
  /** As caseId, for several cases at once: the union of their graphs (a user's assigned cases). */
  caseIds?: string[];
  kinds?: EntityKind[];
  linkKinds?: LinkKind[];
  /** Time window (epoch ms) over occurrences; links without occurrences are kept. */
  from?: number;
  to?: number;
  /** At most this many entities. */
  limit: number;
}

export interface NeighbourhoodQuery {
  hops: number;
  /** At most this many entities, the start included; the nearest are kept. */
  limit: number;
  linkKinds?: LinkKind[];
}

export interface PathsQuery {
  maxHops: number;
  /** At most this many paths, shortest first. */
  limit: number;
  linkKinds?: LinkKind[];
}

export interface SearchQuery {
  /** Ids the query may denote exactly (the query normalised as a phone, IMEI, UPI id …). */
  ids: string[];
  /** Words to match against names and keys, case- and accent-insensitively, as prefixes. */
  text: string;
  kinds?: EntityKind[];
  limit: number;
}

export interface IngestContext {
  importedAt: Date;
}

export type IngestOutcome = { ok: true; counts: IngestCounts } | { ok: false; error: CaseGraphError };

/**
 * A first import into an empty store, written as one all-or-nothing load so that the store can take
 * the paths a database restore takes (see sqlite/bulk-load.ts). Batches are checked and reported one by
 * one as by ingestMany; nothing is visible to readers, and nothing is kept, until finish().
 */
export interface BulkLoad {
  write(batch: NormalisedBatch, ctx: IngestContext): Promise<IngestOutcome>;
  finish(): Promise<void>;
  abort(): Promise<void>;
}

export interface StoreStats {
  entities: number;
  links: number;
  occurrences: number;
  documents: number;
  version: number;
}

export interface GraphStore {
  /** Writes one batch all-or-nothing; throws BATCH.UNKNOWN_ENTITY when a link names an entity that exists nowhere. */
  ingest(batch: NormalisedBatch, ctx: IngestContext): Promise<IngestCounts>;
  /**
   * Writes many batches, each still all-or-nothing (a rejected one leaves no trace and does not stop
   * the others), committed together: the bulk path of imports, where a commit per small document
   * would cost more than the writing. Results come in the order of the batches.
   */
  ingestMany(batches: NormalisedBatch[], ctx: IngestContext): Promise<IngestOutcome[]>;
  /** A bulk load when the store holds nothing yet (and the store can do it faster); otherwise undefined. */
  openBulkLoad(): Promise<BulkLoad | undefined>;
  getEntity(id: string): Promise<EntityDetail | null>;
  getLink(id: string, occurrenceLimit: number): Promise<LinkDetail | null>;
  search(query: SearchQuery): Promise<EntityView[]>;
  subgraph(query: SubgraphQuery): Promise<Subgraph>;
  neighbourhood(id: string, query: NeighbourhoodQuery): Promise<Subgraph>;
  paths(fromId: string, toId: string, query: PathsQuery): Promise<PathsResult>;
  /**
   * The occurrences of these links counted in equal bins from the earliest to the latest of them
   * (domain/occurrence-bins.ts): what a view's time histogram draws. Counted in the database by a
   * fixed number of queries whatever the number of links, never one per link.
   */
  occurrenceBins(query: OccurrenceBinsQuery): Promise<OccurrenceBins>;
  stats(): Promise<StoreStats>;
  /**
   * Every protected entity (victims, minors, the identifiers they use or hold) with its pseudonym,
   * numbered once and kept: what responses are masked with (domain/protection.ts).
   */
  protectedEntities(): Promise<ProtectedEntity[]>;
  /** Increases with every batch that changes anything: the key for caches of derived results. */
  version(): Promise<number>;
  /**
   * Entities and links created or changed after a version, as they are now, read at one consistent
   * point: how an in-memory projection catches up without a rebuild. changesSince(0) is everything.
   */
  changesSince(version: number): Promise<GraphChanges>;
  /** Every person with its properties and the identifiers it uses, holds or was seen at: what merge candidates weigh. */
  resolutionPersons(): Promise<ResolutionPerson[]>;
  /**
   * Merges one person into another, as a user decided: the absorbed person's provenance records and
   * links move to the survivor (occurrences and link evidence stay with their links), and the absorbed
   * person leaves the graph. Refused (MERGE.CONFLICT) when a document states them as two people: a link
   * between them, or one row of one document naming both. ENTITY.NOT_FOUND, MERGE.NOT_PERSON as named.
   */
  mergePersons(request: MergeRequest): Promise<MergeView>;
  /**
   * Undoes a merge exactly: the absorbed person, its records and links are as they were before it.
   * MERGE.NOT_FOUND when there is no such merge; MERGE.CONFLICT when it is undone already or a later
   * change stands in the way (the survivor merged on, the absorbed person stated again since).
   */
  undoMerge(id: string, by: { undoneBy: string; at: Date }): Promise<MergeView>;
  getMerge(id: string): Promise<MergeView | null>;
  /** Records that two persons are not the same; recording it again changes nothing. */
  markNotSame(decision: NotSameDecision): Promise<void>;
  /** Pairs decided "not the same", each as pairKey(). */
  notSamePairs(): Promise<Set<string>>;

  // --- the investigator's case work (issue 9)
  getDocument(id: string): Promise<DocumentView | null>;
  /** For each id, the cases it is part of (as EntityDetail.caseIds); none for an id the store does not hold. */
  casesOfEntities(ids: readonly string[]): Promise<Map<string, string[]>>;
  /** Keeps the alerts not already kept (by id) and returns those, in the order given: raising one again is a no-op. */
  addAlerts(alerts: readonly CaseAlert[]): Promise<CaseAlert[]>;
  /** A case's alerts, newest first. */
  alertsOf(caseId: string, limit: number): Promise<CaseAlert[]>;
  /** The alerts a watch raised: on its case, about its entity, for its watcher; newest first. */
  alertsOfWatch(watch: WatchRef, limit: number): Promise<CaseAlert[]>;
  /** Watching an entity already watched by the user moves the watch to the case given. */
  addWatch(watch: Watch): Promise<void>;
  /** False when the user did not watch it. */
  removeWatch(userId: string, entityId: string): Promise<boolean>;
  /** A user's watches, oldest first. */
  watchesOf(userId: string): Promise<Watch[]>;
  /** Every watch on any of these entities, by entity then user. */
  watchesOn(entityIds: readonly string[]): Promise<Watch[]>;
  /** Every watch for any of these cases, by case, entity, then user. */
  watchesForCases(caseIds: readonly string[]): Promise<Watch[]>;
  close(): Promise<void>;
}
