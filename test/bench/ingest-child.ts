/**
 * The measured side of the ingest benchmark (see ingest.bench.ts): ingests an NDJSON file of batches
 * through the path `npm run ingest` uses, then times the bare peer on the same link keys.
 */
import { join } from 'node:path';
import { ingestFiles } from '../../server/ingest/bulk.js';
import type { NormalisedBatch } from '../../server/domain/normalise-batch.js';
import type { BulkLoad, GraphStore, IngestContext } from '../../server/store/graph-store.js';
import { SqliteGraphStore } from '../../server/store/sqlite/sqlite-store.js';
import { sampleThreads } from './thread-cpu.js';
import { bareInsertRowsPerS, freshMemoryMicros, machineCheckMs, yardstickRowsPerS } from './machine-check.js';

const [file, dir] = process.argv.slice(2) as [string, string];
const keys = { defaultRegion: 'IN' as const, aadhaarKey: 'bench-only-aadhaar-key-0123456789abcdef' };
const sqlite = new SqliteGraphStore(join(dir, 'casegraph.db'));
for (const p of (process.env.BENCH_PRAGMAS ?? '').split(';').filter(Boolean))
  console.error(p, (sqlite as any).db.pragma(p));
const linkKeys: string[] = [];
let storeSeconds = 0;
let firstLoad = false;
const timed = async <T>(write: () => Promise<T>): Promise<T> => {
  const t = performance.now();
  const r = await write();
  storeSeconds += (performance.now() - t) / 1000;
  return r;
};
const keep = (b: NormalisedBatch) => {
  for (const l of b.links) linkKeys.push(l.id);
};
// The store as the bulk path sees it, timing its writes and keeping the link keys for the peer.
const store: GraphStore = Object.create(sqlite, {
  ingestMany: {
    value: (batches: NormalisedBatch[], ctx: IngestContext) => {
      batches.forEach(keep);
      return timed(() => sqlite.ingestMany(batches, ctx));
    },
  },
  openBulkLoad: {
    value: async (): Promise<BulkLoad | undefined> => {
      const load = await sqlite.openBulkLoad();
      return (
        load && {
          write: (batch, ctx) => {
            keep(batch);
            return timed(() => load.write(batch, ctx));
          },
          finish: () => timed(() => load.finish()),
          abort: () => load.abort(),
        }
      );
    },
  },
});

// The whole of `npm run ingest` after start-up: reading the file, preparing in a worker, writing.
const threads = await sampleThreads();
const faultsBefore = process.resourceUsage().minorPageFault;
const t0 = performance.now();
const unreadable = (f: string, why: string) => {
  throw new Error(`${f}: ${why}`);
};
for await (const r of ingestFiles([file], 'bench', { store, keys }, unreadable, {
  onFirstLoad: () => (firstLoad = true),
}))
  if (!r.ok) throw new Error(`${r.where} rejected: ${JSON.stringify(r.error.issues.slice(0, 3))}`);
const seconds = (performance.now() - t0) / 1000;
const pageFaults = process.resourceUsage().minorPageFault - faultsBefore;
const cpu = await threads.stop();
// The load is durable when it finishes; copying its log into the file goes on in the background. The
// peer below waits for it, so that the two do not share the cores.
const checkpoint = await sqlite.bulkLoadCheckpoint();
if (checkpoint?.error) throw new Error(`the checkpoint after the load failed: ${checkpoint.error}`);
const stats = await sqlite.stats();
await sqlite.close();
const peakRssMiB = process.resourceUsage().maxRSS / 1024;

// The peer: the same link keys, in the same order, into one text primary key; WAL; one transaction.
const bareRowsPerS = bareInsertRowsPerS(join(dir, 'bare.db'), linkKeys);
const checkMs = machineCheckMs();
const freshPageMicros = freshMemoryMicros();
const yardstick = yardstickRowsPerS(dir);

process.stdout.write(
  JSON.stringify({
    entities: stats.entities,
    links: stats.links,
    occurrences: stats.occurrences,
    seconds,
    storeSeconds,
    peakRssMiB,
    pageFaults,
    bareRowsPerS,
    bareRows: linkKeys.length,
    checkMs,
    freshPageMicros,
    yardstick,
    firstLoad,
    checkpointSeconds: checkpoint?.seconds ?? null,
    writerCpuSeconds: cpu.main,
    preparerCpuSeconds: cpu.busiestOther,
  }),
);
