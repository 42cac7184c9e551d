/**
 * The whole graph as an edge list, read in bulk from the SQLite store for a cold start: entity ids,
 * kinds and labels, and every link as (from, to, weight) in typed arrays — three SELECTs in one read
 * transaction, so the rows and the version are of the same moment.
 *
 * Why here and not through GraphStore: `changesSince(0)` makes a full LinkView per link (props parsed,
 * dates formatted) and the projection then a graphology edge per link — 1.3 s + 1.3 s per 100k links,
 * against ~0.1 s for these SELECTs. This belongs in the store (server/store/sqlite/reads.ts, behind a
 * GraphStore method); it reads the store's tables directly only until the store offers it, and knows
 * just the columns it names: entity(rid, id, kind, label), link(from_rid, to_rid, occ_count) and
 * meta('graph_version').
 */
import Database from 'better-sqlite3';
import type { EdgeList } from '../analytics/communities/index.js';
import type { EntityKind } from '../domain/kinds.js';

export interface VersionedEdgeList extends EdgeList {
  version: number;
}

export function readEdgeList(dbPath: string): VersionedEdgeList {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.transaction(() => read(db))();
  } finally {
    db.close();
  }
}

function read(db: Database.Database): VersionedEdgeList {
  const version = Number(
    db.prepare<[], string>("SELECT value FROM meta WHERE key = 'graph_version'").pluck().get(),
  );
  // Ordered by id through its unique index; SQLite compares UTF-8 bytes and JavaScript UTF-16 units,
  // which differ only beyond the BMP, so the order is checked and made again if it must be.
  const rows = db
    .prepare<[], [number, string, string, string]>('SELECT rid, id, kind, label FROM entity ORDER BY id')
    .raw()
    .all();
  let sorted = true;
  for (let i = 1; i < rows.length && sorted; i++) sorted = rows[i - 1]![1] < rows[i]![1];
  if (!sorted) rows.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));

  let maxRid = 0;
  for (const r of rows) if (r[0] > maxRid) maxRid = r[0];
  const indexOf = new Int32Array(maxRid + 1).fill(-1);
  const ids = new Array<string>(rows.length);
  const kinds = new Array<EntityKind>(rows.length);
  const labels = new Array<string>(rows.length);
  rows.forEach(([rid, id, kind, label], i) => {
    indexOf[rid] = i;
    ids[i] = id;
    kinds[i] = kind as EntityKind;
    labels[i] = label;
  });

  // Each link's two ends packed into one number, and its occurrences, in two single-column scans in
  // rowid order: better-sqlite3 makes an array per row of several columns, which cost four times as
  // much as the scans themselves. Packing is exact while base² < 2⁵³ (rids below 94 million).
  const base = maxRid + 1;
  const ends = db
    .prepare<[number], number>('SELECT from_rid * ? + to_rid FROM link ORDER BY rid')
    .pluck()
    .all(base);
  const occurrences = db.prepare<[], number>('SELECT occ_count FROM link ORDER BY rid').pluck().all();
  if (base * base > Number.MAX_SAFE_INTEGER || occurrences.length !== ends.length)
    throw new RangeError(`edge list: ${maxRid} entities are too many to pack two rids in one number`);
  const m = ends.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const weight = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const packed = ends[k]!;
    const b = packed % base;
    from[k] = indexOf[(packed - b) / base] ?? -1;
    to[k] = indexOf[b] ?? -1;
    weight[k] = Math.max(1, occurrences[k]!);
  }
  return { version, ids, kinds, labels, from, to, weight };
}
