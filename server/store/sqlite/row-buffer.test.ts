import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ROWS_PER_STATEMENT, RowBuffer } from './row-buffer.js';

const table = () => {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)');
  return {
    db,
    rows: new RowBuffer(db, { into: 'INTO t (k, v) VALUES ', row: "(?, ifnull(?, '-'))", width: 2 }),
  };
};

describe('rows written several to a statement', () => {
  it('writes every row, whole statements as they fill and the rest when flushed', () => {
    const { db, rows } = table();
    const n = 2 * ROWS_PER_STATEMENT + 3;
    for (let k = 1; k <= n; k++) rows.add(k, k % 5 === 0 ? null : `v${k}`);
    const count = () => db.prepare('SELECT count(*) FROM t').pluck().get();
    expect(count()).toBe(2 * ROWS_PER_STATEMENT);
    rows.flush();
    expect(count()).toBe(n);
    expect(db.prepare('SELECT v FROM t WHERE k IN (5, 7) ORDER BY k').pluck().all()).toEqual(['-', 'v7']);
    rows.flush();
    expect(count()).toBe(n);
  });

  it('fails on a row already on record instead of dropping it', () => {
    const { db, rows } = table();
    db.prepare('INSERT INTO t VALUES (1, ?)').run('there');
    rows.add(1, 'again');
    expect(() => rows.flush()).toThrow(/UNIQUE constraint failed/);
  });

  it('refuses a row of the wrong width', () => {
    const { rows } = table();
    expect(() => rows.add(1)).toThrow(/a row needs 2 values, not 1/);
  });
});
