/**
 * A large store written straight in SQL, for tests about the service under a big graph (not about
 * ingest): phones in planted communities, called links mostly inside their community.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from '../../server/store/sqlite/migrations.js';

/** n phone entities with rids 1..n, ids phone:<24 hex digits of i>, in one statement. */
export function writePhones(db: Database.Database, n: number): void {
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
     INSERT INTO entity (id, kind, scheme, key, display, label, props, created_at, updated_at, version)
     SELECT printf('phone:%024x', i), 'phone', 'phone', printf('+9170%08d', i), printf('+91 70%08d', i),
            printf('+91 70%08d', i), '{}', 0, 0, 1 FROM n`,
  ).run(n);
}

export function writeBigStore(path: string, o: { nodes: number; links: number; communities: number }): void {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  migrate(db);
  const size = Math.floor(o.nodes / o.communities);
  db.transaction(() => {
    writePhones(db, o.nodes);
    // One link in ten crosses to another community; the rest stay inside their own.
    db.prepare(
      `WITH RECURSIVE l(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM l WHERE j < @links - 1),
       ends(j, a, b) AS MATERIALIZED (
         SELECT j, (j % @c) * @size + abs(random()) % @size,
                CASE WHEN abs(random()) % 10 = 0 THEN abs(random()) % (@c * @size)
                     ELSE (j % @c) * @size + abs(random()) % @size END
         FROM l)
       INSERT INTO link (id, kind, from_rid, to_rid, qualifier, props, occ_count, duration_s, amount_paise,
                         first_at, last_at, created_at, updated_at, version)
       SELECT printf('link:%024x', j), 'called', a + 1, CASE WHEN b = a THEN (a + 1) % (@c * @size) + 1 ELSE b + 1 END,
              '', '{}', 1, 60, 0, 0, 0, 0, 0, 1 FROM ends`,
    ).run({ links: o.links, c: o.communities, size });
    db.prepare("UPDATE meta SET value = '1' WHERE key = 'graph_version'").run();
  })();
  db.close();
}
