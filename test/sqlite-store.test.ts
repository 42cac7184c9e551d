import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteGraphStore } from '../server/store/sqlite/sqlite-store.js';
import { describeStoreContract } from './store-contract.js';

let dir = '';
describeStoreContract('SQLite', {
  async open() {
    dir = mkdtempSync(join(tmpdir(), 'casegraph-store-'));
    return new SqliteGraphStore(join(dir, 'graph.db'));
  },
  async reopen(store) {
    await store.close();
    return new SqliteGraphStore(join(dir, 'graph.db'));
  },
  async cleanup() {
    rmSync(dir, { recursive: true, force: true });
  },
});
