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
    expect(await store.changesSince(7)).toEqual({ version: 7, entities: [], links: [], removed: [] });
    await store.close();

    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(
      MIGRATIONS.map((m) => m.version),
    );
    db.close();
  });

  it('brings a version-2 store forward: each call keeps every source, the first one now in its row', async () => {
    dir = mkdtempSync(join(tmpdir(), 'casegraph-migrate-'));
    const path = join(dir, 'v2.db');
    const old = new Database(path);
    migrate(old, MIGRATIONS.slice(0, 2));
    old.exec(`
      UPDATE meta SET value = '2' WHERE key = 'graph_version';
      INSERT INTO document (rid, id, sha256, name, type, source_grade, info_grade, first_imported_at) VALUES
        (1, 'document:000000000000000000000001', '${'a'.repeat(64)}', 'airtel-cdr.csv', 'cdr', 'B', '2', 0),
        (2, 'document:000000000000000000000002', '${'b'.repeat(64)}', 'jio-cdr.csv', 'cdr', 'B', '2', 1000);
      INSERT INTO entity (rid, id, kind, scheme, key, display, label, props, created_at, updated_at, version) VALUES
        (1, 'phone:000000000000000000000001', 'phone', 'phone', '+919820100001', '+91 98201 00001', '+91 98201 00001', '{}', 0, 0, 1),
        (2, 'phone:000000000000000000000002', 'phone', 'phone', '+919820100002', '+91 98201 00002', '+91 98201 00002', '{}', 0, 0, 1);
      INSERT INTO link (rid, id, kind, from_rid, to_rid, qualifier, props, occ_count, duration_s, first_at, last_at,
        created_at, updated_at, version) VALUES
        (1, 'link:000000000000000000000001', 'called', 1, 2, '', '{}', 1, 60, 1776228120000, 1776228120000, 0, 0, 2);
      INSERT INTO link_fact VALUES (1, 1, 'row 12', '{}', 'officer', 0), (1, 2, 'row 7', '{}', 'officer', 1000);
      INSERT INTO occurrence (rid, link_rid, at, duration_s, props) VALUES (1, 1, 1776228120000, 60, '{}');
      INSERT INTO occurrence_fact VALUES (1, 1, 'row 12', 'officer', 0), (1, 2, 'row 7', 'officer', 1000);`);
    old.close();

    const store = new SqliteGraphStore(path);
    const link = await store.getLink('link:000000000000000000000001', 10);
    expect(link?.occurrences).toHaveLength(1);
    // Both sources of the link itself survive the facts' move to document-first keys (schema 6).
    expect(link!.provenance.map((p) => [p.document.name, p.ref])).toEqual([
      ['airtel-cdr.csv', 'row 12'],
      ['jio-cdr.csv', 'row 7'],
    ]);
    expect(link!.occurrences[0]!.provenance.map((p) => [p.document.name, p.ref])).toEqual([
      ['airtel-cdr.csv', 'row 12'],
      ['jio-cdr.csv', 'row 7'],
    ]);
    expect(
      (await store.search({ ids: ['phone:000000000000000000000002'], text: '', limit: 5 }))[0]?.key,
    ).toBe('+91 98201 00002');
    await store.close();
    const db = new Database(path);
    expect(db.prepare('SELECT count(*) FROM occurrence_fact').pluck().get()).toBe(1);
    expect(() =>
      db
        .prepare(
          "INSERT INTO link (id, kind, from_rid, to_rid, qualifier, props, created_at, updated_at) VALUES ('link:000000000000000000000001', 'called', 2, 1, '', '{}', 0, 0)",
        )
        .run(),
    ).toThrow(/UNIQUE constraint failed: link.id/);
    db.close();
  });

  it('brings a version-8 store forward to case alerts and watches, its graph untouched', async () => {
    dir = mkdtempSync(join(tmpdir(), 'casegraph-migrate-'));
    const path = join(dir, 'v8.db');
    const old = new Database(path);
    migrate(
      old,
      MIGRATIONS.filter((m) => m.version <= 8),
    );
    old.exec(`
      UPDATE meta SET value = '3' WHERE key = 'graph_version';
      INSERT INTO entity (rid, id, kind, scheme, key, display, label, props, created_at, updated_at, version) VALUES
        (1, 'case:000000000000000000000001', 'case', 'fir', 'MH/X/Y PS/0001/2026', 'MH/X/Y PS/0001/2026', 'MH/X/Y PS/0001/2026', '{"unit":"AHTU X"}', 0, 0, 3);`);
    old.close();

    const store = new SqliteGraphStore(path);
    expect((await store.changesSince(0)).entities.map((e) => [e.id, e.props])).toEqual([
      ['case:000000000000000000000001', { unit: 'AHTU X' }],
    ]);
    const alert = {
      id: 'alert:1',
      caseId: 'case:000000000000000000000001',
      kind: 'cross-case' as const,
      entityId: 'phone:000000000000000000000001',
      otherCaseId: 'case:000000000000000000000002',
      documentId: 'document:000000000000000000000001',
      userId: null,
      reason: null,
      linkId: null,
      raisedAt: 5,
    };
    expect(await store.addAlerts([alert])).toEqual([alert]);
    await store.addWatch({ userId: 'user:1', entityId: alert.entityId, caseId: alert.caseId, createdAt: 6 });
    await store.close();
    const again = new SqliteGraphStore(path);
    expect(await again.alertsOf(alert.caseId, 5)).toEqual([alert]);
    expect(await again.watchesOn([alert.entityId])).toHaveLength(1);
    expect(await again.version()).toBe(3);
    await again.close();
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
