/**
 * The measured side of the ingest benchmark (see ingest.bench.ts): reads NDJSON batches line by line and
 * ingests them through the bulk path `npm run ingest` uses, then times the bare peer on the same link keys.
 */
import Database from 'better-sqlite3';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ingestBulk, type BulkItem } from '../../server/ingest/bulk.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { SqliteGraphStore } from '../../server/store/sqlite/sqlite-store.js';

const [file, dir] = process.argv.slice(2) as [string, string];
const keys = { defaultRegion: 'IN' as const, aadhaarKey: 'bench-only-aadhaar-key-0123456789abcdef' };
const sqlite = new SqliteGraphStore(join(dir, 'casegraph.db'));
for (const p of (process.env.BENCH_PRAGMAS ?? '').split(';').filter(Boolean))
  console.error(p, (sqlite as any).db.pragma(p));
const linkKeys: string[] = [];
let storeSeconds = 0;
// The store as the bulk path sees it, timing its writes and keeping the link keys for the peer.
const store: GraphStore = Object.create(sqlite, {
  ingestMany: {
    value: async (...args: Parameters<GraphStore['ingestMany']>) => {
      for (const b of args[0]) for (const l of b.links) linkKeys.push(l.id);
      const t = performance.now();
      const r = await sqlite.ingestMany(...args);
      storeSeconds += (performance.now() - t) / 1000;
      return r;
    },
  },
});

// Reading the file is not ingest: the API receives parsed JSON too, so parsing is done before timing.
const items: BulkItem[] = [];
let n = 0;
for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity }))
  if (line) items.push({ where: `line ${++n}`, raw: JSON.parse(line) });

const t0 = performance.now();
for await (const r of ingestBulk(items, 'bench', { store, keys }))
  if (!r.ok) throw new Error(`${r.where} rejected: ${JSON.stringify(r.error.issues.slice(0, 3))}`);
const seconds = (performance.now() - t0) / 1000;
const stats = await sqlite.stats();
await sqlite.close();
const peakRssMiB = process.resourceUsage().maxRSS / 1024;

// The peer: the same link keys, in the same order, into one text primary key; WAL; one transaction.
const bare = new Database(join(dir, 'bare.db'));
bare.pragma('journal_mode = WAL');
bare.exec('CREATE TABLE link (id TEXT PRIMARY KEY)');
const insert = bare.prepare('INSERT OR IGNORE INTO link (id) VALUES (?)');
const t1 = performance.now();
bare.transaction(() => {
  for (const k of linkKeys) insert.run(k);
})();
const bareSeconds = (performance.now() - t1) / 1000;
bare.close();

process.stdout.write(
  JSON.stringify({
    entities: stats.entities,
    links: stats.links,
    occurrences: stats.occurrences,
    seconds,
    storeSeconds,
    peakRssMiB,
    bareRowsPerS: linkKeys.length / bareSeconds,
    bareRows: linkKeys.length,
  }),
);
