/**
 * The analytics worker: a process of its own that holds the in-memory projection and answers analytic
 * questions on it, so the service keeps answering while a Louvain on a million edges runs. A process,
 * not a thread: its garbage collector runs single-threaded (--single-threaded-gc), so a heap of
 * gigabytes keeps to one core and leaves the other to the service; and if it runs out of memory, the
 * service lives on. It reads the
 * store through its own connection (WAL lets it read while the service writes), catches the projection
 * up by graph version before each question, and caches answers per graph version and parameters.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph, type AnalyticsGraph } from '../analytics/graph.js';
import { Projection } from '../analytics/projection.js';
import { caseReach, REACH_DEFAULTS } from '../store/case-reach.js';
import { SqliteGraphStore } from '../store/sqlite/sqlite-store.js';
import { Neo4jGraphStore } from '../store/neo4j/neo4j-store.js';
import { loadConfig } from '../config.js';
import { communitiesFromPartition, DEFAULTS } from '../analytics/communities/index.js';
import { linksAmong } from '../analytics/communities/edge-list.js';
import type { EntityKind } from '../domain/kinds.js';
import { mask, maskSet } from '../domain/mask.js';
import { coldCommunities, OPS } from './analytics-ops.js';
import { mergeCandidates } from '../ingest/resolve/merge-candidates.js';
import { readEdgeList } from './analytics-edge-list.js';
import type {
  AnalyticsReply,
  AnalyticsRequest,
  AnalyticsScope,
  AnalyticsWorkerInput,
} from './analytics-protocol.js';
import { SPOOL_ABOVE_CHARS } from './analytics-protocol.js';

const input = JSON.parse(process.argv[2] ?? '{}') as AnalyticsWorkerInput;

async function openStore(): Promise<SqliteGraphStore | Neo4jGraphStore> {
  if (input.store === 'sqlite') return new SqliteGraphStore(input.dbPath, { cacheMiB: input.cacheMiB });
  const config = loadConfig();
  return Neo4jGraphStore.open(
    {
      uri: config.NEO4J_URI!,
      user: config.NEO4J_USER,
      password: config.NEO4J_PASSWORD!,
      database: config.NEO4J_DATABASE,
    },
    // The service applied the schema before it started this worker.
    { batchSize: config.NEO4J_BATCH_SIZE, txTimeoutMs: config.NEO4J_TX_TIMEOUT_MS, schema: false },
  );
}
const store = await openStore();
const projection = new Projection(store);
const CACHE_ENTRIES = 64;
const cache = new Map<string, string>();

/** An answer's JSON cached under this key, made the most recently used. */
function recall(key: string): string | undefined {
  const known = cache.get(key);
  if (known === undefined) return undefined;
  cache.delete(key);
  cache.set(key, known);
  return known;
}

/** Caches an answer's JSON, letting the least recently used go past CACHE_ENTRIES. */
function remember(key: string, json: string): void {
  cache.set(key, json);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
}

const wholeGraph = (s: AnalyticsScope) =>
  s.caseId === undefined &&
  s.caseIds === undefined &&
  !s.kinds?.length &&
  !s.linkKinds?.length &&
  s.from === undefined &&
  s.to === undefined;

async function graphOf(scope: AnalyticsScope): Promise<AnalyticsGraph> {
  if (wholeGraph(scope)) return projection.graph;
  if (scope.reach === 1 && scope.caseId !== undefined) {
    const readable = scope.readable === 'all' ? 'all' : new Set(scope.readable ?? []);
    return buildGraph((await caseReach(store, scope.caseId, readable, REACH_DEFAULTS)).graph);
  }
  return buildGraph(await store.subgraph({ ...scope, limit: scope.limit ?? 1_000_000 }));
}

/**
 * Answers leave as JSON text made here: a community map of a large graph is megabytes, and cloning it
 * into the service's thread and serialising it there would stall every other request for that long.
 */
function reply(id: number, resultJson: string, version: number, cached: boolean, t0: number): AnalyticsReply {
  const ms = Math.round((performance.now() - t0) * 10) / 10;
  const body = `{"version":${version},"cached":${cached},"ms":${ms},"result":${resultJson}}`;
  if (input.spoolDir === undefined || body.length <= SPOOL_ABOVE_CHARS)
    return { id, ok: true, version, body };
  const file = join(input.spoolDir, `${process.pid}-${id}.json`);
  writeFileSync(file, body, { mode: 0o600 });
  return { id, ok: true, version, file };
}

async function answer(req: AnalyticsRequest): Promise<AnalyticsReply> {
  const t0 = performance.now();
  if (req.op === 'projection') {
    const stats = await projection.refresh();
    return reply(req.id, JSON.stringify(stats), stats.version, false, t0);
  }
  if (req.op === 'merge-candidates') return candidates(req, t0);
  const op = OPS[req.op];
  if (!op)
    return {
      id: req.id,
      ok: false,
      error: { name: 'AnalyticsInputError', field: 'op', message: `no analysis ${req.op}` },
    };
  // Cold start: communities of the whole graph before the projection exists are read from the store in
  // bulk (analytics-edge-list.ts) rather than after building the projection, which costs ~20x as much;
  // the answer is the same (detectCommunitiesInEdgeList is tested against detectCommunities).
  const cold = req.op === 'communities' && wholeGraph(req.scope) && projection.stats().version === 0;
  if (req.op === 'communities' && wholeGraph(req.scope) && store instanceof Neo4jGraphStore) {
    const inDatabase = await gdsCommunities(store, req.params);
    if (inDatabase) return reply(req.id, inDatabase.json, inDatabase.version, false, t0);
  }
  const list = !cold
    ? undefined
    : input.store === 'sqlite'
      ? readEdgeList(input.dbPath)
      : await (store as Neo4jGraphStore).edgeList();
  const { version } = list ?? (await projection.refresh());
  const key = JSON.stringify([version, req.op, req.scope, req.params]);
  const known = recall(key);
  if (known !== undefined) return reply(req.id, known, version, true, t0);
  // Protection follows the data, so it holds for the version the cache key names.
  const protection = await store.protectedEntities();
  const protectedPersons = new Set(protection.filter((p) => p.reason !== 'identifier').map((p) => p.id));
  const result = list
    ? coldCommunities(list, req.params)
    : op(await graphOf(req.scope), req.params, { protectedPersons });
  // Victims and minors are masked before the answer leaves the worker (and before it is cached).
  const json = JSON.stringify(mask(result, maskSet(protection)));
  remember(key, json);
  return reply(req.id, json, version, false, t0);
}

/**
 * Persons who are probably one (server/ingest/resolve), read from the store rather than the projection:
 * comparing a hundred thousand persons' names and identifiers takes seconds, which the service's thread
 * cannot spend. Not masked here: the route withholds or masks each pair for the user who asks.
 */
async function candidates(req: AnalyticsRequest, t0: number): Promise<AnalyticsReply> {
  const version = await store.version();
  const key = JSON.stringify([version, req.op, req.params]);
  const known = recall(key);
  if (known !== undefined) return reply(req.id, known, version, true, t0);
  const json = JSON.stringify(mergeCandidates(await store.resolutionPersons(), req.params));
  remember(key, json);
  return reply(req.id, json, version, false, t0);
}

/**
 * Communities of a whole graph of at least gdsMinLinks links, on a Neo4j with Graph Data Science: Louvain
 * runs in the database (single-threaded, so the same graph gives the same partition) and only the edge
 * list comes here, streamed into typed arrays, to be numbered, split and summarised exactly as our own
 * Louvain's partition is (communitiesFromPartition). Below the size, or with a resolution other than
 * 1 (GDS's Louvain has none), or without GDS, the graph comes to graphology as everywhere else.
 */
async function gdsCommunities(
  neo4jStore: Neo4jGraphStore,
  params: Record<string, unknown>,
): Promise<{ json: string; version: number } | undefined> {
  if (input.store !== 'neo4j' || !neo4jStore.server.gds) return undefined;
  const resolution = (params.resolution as number | undefined) ?? DEFAULTS.resolution;
  if (resolution !== 1) return undefined;
  const { links, version } = await neo4jStore.stats();
  if (links < input.gdsMinLinks) return undefined;
  const known = recall(JSON.stringify([version, 'communities', 'gds', params]));
  if (known !== undefined) return { json: known, version };
  const list = await neo4jStore.edgeList();
  // The total above counts every link; the size that matters is the graph GDS would project.
  if (linksAmong(list, new Set(DEFAULTS.includeKinds)) < input.gdsMinLinks) return undefined;
  const key = JSON.stringify([list.version, 'communities', 'gds', params]);
  const partition = await neo4jStore.gdsLouvain(DEFAULTS.includeKinds as EntityKind[]);
  const result = communitiesFromPartition(list, partition, {
    resolution,
    seed: (params.seed as string | undefined) ?? DEFAULTS.seed,
  });
  const json = JSON.stringify(mask(result, maskSet(await store.protectedEntities())));
  remember(key, json);
  return { json, version: list.version };
}

// One question at a time: they share the projection, and a second core is all a workstation has.
let queue = Promise.resolve();
process.on('message', (req: AnalyticsRequest) => {
  queue = queue.then(async () => {
    let reply: AnalyticsReply;
    try {
      reply = await answer(req);
    } catch (error) {
      const e = error as Error & { field?: string };
      reply = {
        id: req.id,
        ok: false,
        error: { name: e.name, message: e.message, ...(e.field ? { field: e.field } : {}) },
      };
    }
    process.send!(reply);
  });
});

// The service went away: so does the worker.
process.on('disconnect', () => process.exit(0));
