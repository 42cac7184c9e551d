/**
 * `npm run audit:verify [-- --expect-head SEQ:HASH]`: recomputes the audit chain of the store named by
 * the configuration (DATA_DIR, or the Neo4j database when NEO4J_URI is set) and names every entry that was changed, deleted, reordered or forged.
 * Exits 0 when the trail is intact, 1 when it was tampered with, 2 when it could not be verified (usage,
 * configuration, no store). It prints the head to keep elsewhere: given back as --expect-head, it also
 * catches the last entries cut off, or the whole chain recomputed after an edit.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { verifyChain, type ChainHead } from '../audit/verify.js';
import { ConfigError, loadConfig } from '../config.js';
import { CaseGraphError } from '../domain/errors.js';
import { SqliteGraphStore } from '../store/sqlite/sqlite-store.js';
import type { AuditStore } from '../store/audit-store.js';
import { Neo4jStartError } from '../store/neo4j/connect.js';
import { Neo4jGraphStore } from '../store/neo4j/neo4j-store.js';

const USAGE = `usage: npm run audit:verify [-- --expect-head SEQ:HASH]
  --expect-head SEQ:HASH  a head printed by an earlier run; the trail must still hold it unchanged
exit status: 0 intact, 1 tampered with, 2 not verified (usage, configuration, no store)`;

class UsageError extends Error {}

function parseArgs(args: string[]): { expectHead?: ChainHead; help: boolean } {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) return { help: true };
  if (!args.length) return { help: false };
  const [flag, value, ...rest] = args;
  const m = /^(\d+):([0-9a-f]{64})$/.exec(value ?? '');
  if (flag !== '--expect-head' || !m || rest.length) throw new UsageError(USAGE);
  return { expectHead: { seq: Number(m[1]), hash: m[2]! }, help: false };
}

async function main(args: string[]): Promise<number> {
  const { expectHead, help } = parseArgs(args);
  if (help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  if (config.NEO4J_URI) {
    // Without the schema step: it would make a fresh audit head in the wrong database, and an empty
    // chain verifies as intact. The head must already be there, as the file must for SQLite below.
    const store = await Neo4jGraphStore.open(
      {
        uri: config.NEO4J_URI,
        user: config.NEO4J_USER,
        password: config.NEO4J_PASSWORD!,
        database: config.NEO4J_DATABASE,
      },
      { batchSize: config.NEO4J_BATCH_SIZE, txTimeoutMs: config.NEO4J_TX_TIMEOUT_MS, schema: false },
    );
    try {
      if (!(await store.audit.hasChain())) {
        console.error(
          `no audit trail in the database "${config.NEO4J_DATABASE}" at ${config.NEO4J_URI}: is NEO4J_DATABASE right?`,
        );
        return 2;
      }
      return await report(store.audit, expectHead);
    } finally {
      await store.close();
    }
  }
  // The same file openStore (server/start.ts) opens; checked first so that a wrong DATA_DIR is reported,
  // not answered with a new empty store that verifies as intact.
  const dbPath = join(resolve(config.DATA_DIR), 'casegraph.db');
  if (!existsSync(dbPath)) {
    console.error(`no store at ${dbPath}: is DATA_DIR right?`);
    return 2;
  }
  const store = new SqliteGraphStore(dbPath, {
    cacheMiB: config.SQLITE_CACHE_MIB,
    busyTimeoutMs: config.SQLITE_BUSY_TIMEOUT_MS,
  });
  try {
    return await report(store.audit, expectHead);
  } finally {
    await store.close();
  }
}

async function report(audit: AuditStore, expectHead: ChainHead | undefined): Promise<number> {
  const result = await verifyChain(audit.entries(), { expectHead });
  const head = `head seq ${result.head.seq}:${result.head.hash}`;
  if (result.ok) {
    console.log(`audit trail intact: ${result.entries} entries, ${head}`);
    return 0;
  }
  for (const p of result.problems) console.log(`seq ${p.seq}: ${p.kind}: ${p.message}`);
  const more = result.truncated ? ' (and more not listed)' : '';
  console.log(
    `audit trail TAMPERED WITH: ${result.problems.length} problem(s)${more} in ${result.entries} entries, ` +
      `first at seq ${result.problems[0]?.seq}; ${head}`,
  );
  return 1;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  // Messages, never stack traces: whoever runs this is an auditor, not the developer.
  if (
    err instanceof UsageError ||
    err instanceof ConfigError ||
    err instanceof CaseGraphError ||
    err instanceof Neo4jStartError
  )
    console.error(err.message);
  else console.error(`cannot verify the audit trail: ${(err as Error).message ?? String(err)}`);
  process.exitCode = 2;
}
