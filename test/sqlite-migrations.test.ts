/** The embedded store's schema moves forward once, keeps what it holds, and refuses a newer one. */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../server/store/sqlite/migrations.js';
import { SqliteGraphStore } from '../server/store/sqlite/sqlite-store.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite migrations', () => {
  it('brings a version-1 store forward, keeping its rows, and records each step once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'casegraph-migrate-'));
    const path = join(dir, 'old.db');
    const old = new Database(path);
    migrate(old, MIGRATIONS.slice(0, 1));
    old.exec(`
      UPDATE meta SET value = '7' WHERE key = 'graph_version';
      INSERT INTO entity (id, kind, scheme, key, display, label, props, created_at, updated_at)
        VALUES ('phone:000000000000000000000001', 'phone', 'phone', '+919820100001', '+91 98201 00001', '+91 98201 00001', '{}', 0, 0);`);
    old.close();

    const store = new SqliteGraphStore(path);
    expect((await store.stats()).entities).toBe(1);
    const changes = await store.changesSince(0);
    expect(changes.version).toBe(7);
    expect(changes.entities.map((e) => e.key)).toEqual(['+91 98201 00001']);
    expect(await store.changesSince(7)).toEqual({ version: 7, entities: [], links: [] });
    await store.close();

    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(
      MIGRATIONS.map((m) => m.version),
    );
    db.close();
  });

  it('refuses a store written by a newer CaseGraph', () => {
    dir = mkdtempSync(join(tmpdir(), 'casegraph-migrate-'));
    const path = join(dir, 'new.db');
    const db = new Database(path);
    migrate(db);
    db.prepare(
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', 'x')",
    ).run();
    db.close();
    expect(() => new SqliteGraphStore(path)).toThrow(/written by a newer CaseGraph \(schema 999/);
  });
});
