/**
 * How fast this machine runs just now, printed beside each ingest run so that a slow run can be told
 * from a slow machine. The development VM's speed swings by a third or more for minutes at a time, and
 * the bare SQLite peer does not always show it. Three probes: a fixed task on one thread (parse a JSON
 * text of 50,000 call records and hash as many ids, the kind of work the preparing worker does; best of
 * five, in ms), what touching fresh memory costs, and the bare insert issue 3 set its floor beside.
 */
import Database from 'better-sqlite3';
import { hash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const RECORDS = 50_000;

export function machineCheckMs(): number {
  const records = Array.from({ length: RECORDS }, (_, i) => ({
    at: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:15:00+05:30`,
    durationS: (i * 37) % 900,
    ref: `row ${i + 2}`,
    to: { kind: 'phone', key: `98${String(20_000_000 + ((i * 7919) % 9_000_000))}` },
  }));
  const text = JSON.stringify(records);
  let best = Number.POSITIVE_INFINITY;
  let sink = 0;
  for (let round = 0; round < 5; round++) {
    const t = performance.now();
    const parsed = JSON.parse(text) as typeof records;
    for (const r of parsed) sink += hash('sha256', `called\u0000${r.to.key}\u0000${r.at}`, 'hex').length;
    best = Math.min(best, performance.now() - t);
  }
  if (sink !== 5 * RECORDS * 64) throw new Error('the machine check hashed the wrong number of records');
  return best;
}

const FRESH_BYTES = 32 * 1024 * 1024;
const PAGE = 4096;

/**
 * What touching fresh memory costs just now, in µs a 4 KiB page: the ingest's page faults cost ~13 µs
 * each on the development VM at its usual speed, and in its slow spells the load and the bare peer slow
 * down while the single-thread check above may not. A buffer this large is mapped afresh by the system
 * each time; one byte written per page. Best of five.
 */
export function freshMemoryMicros(): number {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5; round++) {
    const t = performance.now();
    const bytes = new Uint8Array(FRESH_BYTES);
    for (let i = 0; i < FRESH_BYTES; i += PAGE) bytes[i] = 1;
    best = Math.min(best, ((performance.now() - t) * 1000) / (FRESH_BYTES / PAGE));
  }
  return best;
}

const YARDSTICK_KEYS = 500_000;

/**
 * The yardstick issue 3 quotes for this machine, measured again: a bare insert of 500,000 random text
 * keys (64 hex digits, as a SHA-256 is written) into one text primary key, WAL, one transaction. The
 * issue measured about 90,000 rows/s; the floor of 50,000 links/s was set beside that figure. The keys
 * are hashes of their numbers, the same each run; making them is not timed. The store's own link ids
 * are shorter (24 hex digits), which is why the peer on the load's keys runs about three times faster.
 */
export function yardstickRowsPerS(dir: string): number {
  const keys = Array.from({ length: YARDSTICK_KEYS }, (_, i) => hash('sha256', `yardstick ${i}`, 'hex'));
  return bareInsertRowsPerS(join(dir, 'yardstick.db'), keys);
}

/**
 * Keys inserted in their order into a new file's one text primary key, WAL, one transaction: rows a
 * second. A key given twice is inserted once, as a link stated by two documents is. The file is removed.
 */
export function bareInsertRowsPerS(file: string, keys: string[]): number {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE k (id TEXT PRIMARY KEY)');
    const insert = db.prepare('INSERT OR IGNORE INTO k (id) VALUES (?)');
    const t = performance.now();
    db.transaction(() => {
      for (const k of keys) insert.run(k);
    })();
    return keys.length / ((performance.now() - t) / 1000);
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
}
