/**
 * A process that bulk-loads two batches into the store at argv[2] and is killed (SIGKILL, no clean-up)
 * the moment the load has finished, before its background checkpoint can run: what a power cut or an
 * operator's kill leaves. Prints the entities the load reported created first.
 */
import { ingestBulk } from '../../server/ingest/bulk.js';
import { SqliteGraphStore } from '../../server/store/sqlite/sqlite-store.js';
import { airtelCdr, firBatch, TEST_KEYS } from './batches.js';

const store = new SqliteGraphStore(process.argv[2]!);
const items = [firBatch(), airtelCdr()].map((raw, i) => ({ where: `b${i}`, raw }));
let created = 0;
for await (const o of ingestBulk(items, 'test', { store, keys: TEST_KEYS })) {
  if (!o.ok) throw new Error(`${o.where} refused`);
  created += o.counts.entities.created;
}
process.stdout.write(`${created}\n`, () => process.kill(process.pid, 'SIGKILL'));
