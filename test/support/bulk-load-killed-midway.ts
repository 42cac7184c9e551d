/**
 * A process that bulk-loads into the store at argv[2] with a tiny page cache and is killed (SIGKILL, no
 * clean-up) once the load's pages have overflowed into the write-ahead log, before the load commits.
 * Prints how many batches it had written.
 */
import { existsSync, statSync, writeSync } from 'node:fs';
import { generateScenario } from '../../seed/scenario.js';
import { ingestBulk } from '../../server/ingest/bulk.js';
import { SqliteGraphStore } from '../../server/store/sqlite/sqlite-store.js';
import { TEST_KEYS } from './batches.js';

const path = process.argv[2]!;
const store = new SqliteGraphStore(path, { bulkLoadCacheMiB: 0.0625 });
const scenario = generateScenario({ entities: 1500, seed: 'bulk-load-killed' });
const items = scenario.batches.map((raw, i) => ({ where: `b${i}`, raw }));
let written = 0;
for await (const o of ingestBulk(items, 'test', { store, keys: TEST_KEYS })) {
  if (!o.ok) throw new Error(`${o.where} refused`);
  written++;
  // Killed inside the loop: leaving it would abort the load, which is not what a crash does.
  if (existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0) {
    writeSync(1, `${written}\n`);
    process.kill(process.pid, 'SIGKILL');
  }
}
throw new Error('the load finished before its pages overflowed into the log');
