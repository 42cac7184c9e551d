import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteGraphStore } from '../server/store/sqlite/sqlite-store.js';
import { describe, expect, it } from 'vitest';
import { prepareBatch } from '../server/ingest/ingest-batch.js';
import { describeStoreContract } from './store-contract.js';
import { firBatch, TEST_KEYS } from './support/batches.js';

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

describe('SQLite: protected persons while another writer holds the store', () => {
  it('are listed without waiting for its lock when everyone already has a pseudonym', async () => {
    const d = mkdtempSync(join(tmpdir(), 'casegraph-protect-'));
    const path = join(d, 'graph.db');
    const store = new SqliteGraphStore(path, { busyTimeoutMs: 50 });
    try {
      await store.ingest(prepareBatch(firBatch(), 'test', TEST_KEYS), { importedAt: new Date() });
      const numbered = await store.protectedEntities();
      const writer = new Database(path);
      writer.exec('BEGIN IMMEDIATE');
      try {
        expect(await store.protectedEntities()).toEqual(numbered);
      } finally {
        writer.exec('ROLLBACK');
        writer.close();
      }
    } finally {
      await store.close();
      rmSync(d, { recursive: true, force: true });
    }
  });
});
