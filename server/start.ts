/**
 * Wiring: configuration → store → demo seed on first start → HTTP. main.ts calls this for `npm start`;
 * the API tests call it too, so what they exercise is what a user runs.
 */
import { Masking } from './http/masking.js';
import { auditRecorder } from './audit/record.js';
import type { Express } from 'express';
import { Sessions } from './auth/sessions.js';
import { ensureFirstAdmin } from './auth/users.js';
import type { AccessStore } from './store/access-store.js';
import type { AuditStore } from './store/audit-store.js';
import type { Server } from 'node:http';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import type { CountryCode } from 'libphonenumber-js';
import type { Config } from './config.js';
import type { KeyContext } from './domain/keys.js';
import { createApp } from './http/app.js';
import { ingestBulk } from './ingest/bulk.js';
import { raiseAlerts } from './ingest/case-alerts.js';
import { prepareBatch } from './ingest/ingest-batch.js';
import { aadhaarKey } from './secrets.js';
import type { GraphStore } from './store/graph-store.js';
import { SqliteGraphStore } from './store/sqlite/sqlite-store.js';
import { Neo4jGraphStore } from './store/neo4j/neo4j-store.js';
import type { AnalyticsWorkerInput } from './workers/analytics-protocol.js';
import { AnalyticsClient } from './workers/analytics-client.js';
import { demoScenario } from '../seed/demo.js';
import { parseBytes } from './ingest/import/store-upload.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
export const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

export interface Running {
  url: string;
  store: GraphStore;
  keys: KeyContext;
  /** The Express app, for tests that walk its route table. */
  app: Express;
  /** The admin made at the first start of an empty instance, with its one-time password. */
  firstAdmin?: { username: string; password: string };
  close: () => Promise<void>;
}

export interface OpenedStore {
  store: GraphStore;
  access: AccessStore;
  audit: AuditStore;
  keys: KeyContext;
  name: 'sqlite' | 'neo4j';
  /** How the analytics worker reaches the same store. */
  worker: AnalyticsWorkerInput;
}

/**
 * The store the configuration names: Neo4j when NEO4J_URI is set (connected, checked and its schema
 * applied, or a Neo4jStartError of one line), the embedded SQLite file otherwise.
 */
export async function openStore(config: Config, logger: Logger): Promise<OpenedStore> {
  const dataDir = resolve(config.DATA_DIR);
  const secret = aadhaarKey(config.AADHAAR_HASH_KEY, dataDir);
  if (secret.generated)
    logger.warn(
      'AADHAAR_HASH_KEY is not set: made a random key in the data folder; set the variable in production',
    );
  const keys = { defaultRegion: config.PHONE_REGION as CountryCode, aadhaarKey: secret.key };
  if (config.NEO4J_URI) {
    const store = await Neo4jGraphStore.open(
      {
        uri: config.NEO4J_URI,
        user: config.NEO4J_USER,
        password: config.NEO4J_PASSWORD!,
        database: config.NEO4J_DATABASE,
      },
      { batchSize: config.NEO4J_BATCH_SIZE, txTimeoutMs: config.NEO4J_TX_TIMEOUT_MS },
    );
    const { version, edition, gds } = store.server;
    logger.info(
      `store: Neo4j ${version} (${edition}) at ${config.NEO4J_URI}, database ${config.NEO4J_DATABASE}` +
        (gds ? `, Graph Data Science ${gds}` : ', without Graph Data Science'),
    );
    return {
      store,
      access: store.access,
      audit: store.audit,
      keys,
      name: 'neo4j',
      worker: { store: 'neo4j', gdsMinLinks: config.NEO4J_GDS_MIN_LINKS },
    };
  }
  const dbPath = join(dataDir, 'casegraph.db');
  const store = new SqliteGraphStore(dbPath, {
    cacheMiB: config.SQLITE_CACHE_MIB,
    busyTimeoutMs: config.SQLITE_BUSY_TIMEOUT_MS,
    onCheckpoint: (r) =>
      r.error
        ? logger.warn({ checkpoint: r }, `the checkpoint after a bulk load did not run: ${r.error}`)
        : logger.info(
            { checkpoint: r },
            `a bulk load's log copied into the store in ${r.seconds.toFixed(1)} s`,
          ),
  });
  return {
    store,
    access: store.access,
    audit: store.audit,
    keys,
    name: 'sqlite',
    worker: { store: 'sqlite', dbPath, cacheMiB: config.SQLITE_CACHE_MIB },
  };
}

/**
 * Loads the synthetic demo scenario into an empty store, so a first start shows a network, and leaves
 * a marker in the data folder so the page can say that what it shows is synthetic.
 */
export async function seedDemoIfEmpty(
  store: GraphStore,
  keys: KeyContext,
  dataDir: string,
  logger: Logger,
): Promise<boolean> {
  const marker = join(dataDir, 'demo-seeded');
  if ((await store.stats()).entities > 0) return existsSync(marker);
  // One transaction: a start stopped half-way leaves no half demo behind.
  const { batches } = demoScenario();
  const items = batches.map((raw, i) => ({ where: `demo batch ${i + 1}`, raw }));
  for await (const r of ingestBulk(
    items,
    'demo-seed',
    { store, keys },
    { groupRecords: Infinity, groupBatches: Infinity },
  ))
    if (!r.ok) throw new Error(`the demo scenario does not ingest (${r.where}): ${r.error.message}`);
  // A first load raises no alerts as it goes (a large one would pay for asking about every
  // identifier); the demo is small, and shows the alerts its planted cross-case links raise.
  const at = Date.now();
  for (const raw of batches) await raiseAlerts(store, prepareBatch(raw, 'demo-seed', keys), at);
  writeFileSync(marker, `synthetic demo scenario seeded at ${new Date().toISOString()}\n`);
  const stats = await store.stats();
  logger.info(`seeded the synthetic demo scenario: ${stats.entities} entities, ${stats.links} links`);
  return true;
}

export async function start(
  config: Config,
  logger: Logger = pino({ level: config.LOG_LEVEL }),
): Promise<Running> {
  const { store, access, audit, keys, name, worker } = await openStore(config, logger);
  const firstAdmin = (await ensureFirstAdmin(access)) ?? undefined;
  const dataDir = resolve(config.DATA_DIR);
  const demo = config.SEED_DEMO
    ? await seedDemoIfEmpty(store, keys, dataDir, logger)
    : existsSync(join(dataDir, 'demo-seeded'));
  const analytics = new AnalyticsClient(worker, join(dataDir, 'analytics-spool'));
  const app = createApp(
    {
      store,
      access,
      sessions: new Sessions(access, {
        idleMs: config.SESSION_IDLE_MINUTES * 60_000,
        absoluteMs: config.SESSION_MAX_HOURS * 3_600_000,
      }),
      audit: auditRecorder(audit),
      auditStore: audit,
      masking: new Masking(store),
      analytics,
      storeName: name,
      keys,
      bodyLimit: config.BODY_LIMIT,
      imports: { dir: join(dataDir, 'imports'), limitBytes: parseBytes(config.IMPORT_LIMIT) },
      version: VERSION,
      startedAt: Date.now(),
      demo,
    },
    { logger, clientDir: join(ROOT, 'dist', 'client'), trustProxy: config.TRUST_PROXY },
  );
  const server: Server = await new Promise((ok, fail) => {
    const s = app.listen(config.PORT, config.HOST, () => ok(s));
    s.once('error', fail);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const host = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
  return {
    url: `http://${host}:${port}`,
    app,
    store,
    firstAdmin,
    keys,
    close: async () => {
      await new Promise<void>((ok) => server.close(() => ok()));
      await analytics.close();
      await store.close();
    },
  };
}
