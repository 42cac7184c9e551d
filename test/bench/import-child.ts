/**
 * The measured side of the import benchmark (import.bench.ts): imports one CDR file into a fresh store
 * through the importer's own path (runImport), and reports time, rows and peak RSS of this process only.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { runImport } from '../../server/ingest/import/run-import.js';
import { spareImportWorker } from '../../server/ingest/import/spare-worker.js';
import { SqliteGraphStore } from '../../server/store/sqlite/sqlite-store.js';
import { sampleThreads } from './thread-cpu.js';

const [file, dir] = process.argv.slice(2) as [string, string];
const keys = { defaultRegion: 'IN' as const, aadhaarKey: 'bench-only-aadhaar-key-0123456789abcdef' };
const store = new SqliteGraphStore(join(dir, 'casegraph.db'));
const threads = await sampleThreads();
const t0 = performance.now();
// The route starts the reading worker as the upload begins, and computes the hash while it is stored.
if (process.env.IMPORT_BENCH_THREAD !== 'main') spareImportWorker();
const hash = createHash('sha256');
for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
const sha256 = hash.digest('hex');
const tHash = performance.now();
const result = await runImport(
  {
    path: file,
    document: { name: 'bench-cdr.csv', sha256 },
    importedBy: 'bench',
    // The default reads a file this large in a worker; IMPORT_BENCH_THREAD=main measures the one-thread path.
    ...(process.env.IMPORT_BENCH_THREAD === 'main' ? { inWorker: false } : {}),
  },
  { store, keys },
);
const t1 = performance.now();
const cpu = await threads.stop();
const stats = await store.stats();
await store.close?.();
process.stdout.write(
  JSON.stringify({
    seconds: (t1 - t0) / 1000,
    hashSeconds: (tHash - t0) / 1000,
    rows: result.rowsAccepted,
    rejected: result.rowsRejected,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    stats,
    writerCpuSeconds: cpu.main,
    readerCpuSeconds: cpu.busiestOther,
  }) + '\n',
);
