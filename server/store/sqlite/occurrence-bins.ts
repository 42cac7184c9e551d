/**
 * A view's occurrences counted over time on the embedded store: one statement, whatever the number of
 * links. The link ids come as one JSON array (json_each), found through the unique index on link.id;
 * each link's occurrences are a range of the occurrence table's key (link_rid, at, …), read in key
 * order without touching a row's other columns.
 */
import type Database from 'better-sqlite3';
import type { LinkKind } from '../../domain/kinds.js';
import {
  assembleBins,
  type BinRow,
  type OccurrenceBins,
  type OccurrenceBinsQuery,
} from '../../domain/occurrence-bins.js';

interface Row {
  kind: LinkKind;
  bin: number;
  n: number;
  lo: number;
  hi: number;
}

// The bin is domain/occurrence-bins.ts's binIndex in whole numbers: SQLite divides integers as
// integers, and better-sqlite3 binds every JavaScript number as a real, hence the cast.
const SQL = `
  WITH asked(bins) AS (SELECT CAST(@bins AS INTEGER)),
  viewed(rid, kind) AS (
    SELECT l.rid, l.kind FROM link l WHERE l.id IN (SELECT value FROM json_each(@ids))
  ),
  timed(kind, at) AS MATERIALIZED (
    SELECT v.kind, o.at FROM viewed v JOIN occurrence o ON o.link_rid = v.rid
    WHERE o.at BETWEEN @from AND @to
  ),
  span(lo, hi) AS (SELECT min(at), max(at) FROM timed)
  SELECT t.kind AS kind,
         CASE WHEN s.hi = s.lo THEN 0
              ELSE min(a.bins - 1, (t.at - s.lo) * a.bins / (s.hi - s.lo)) END AS bin,
         count(*) AS n, s.lo AS lo, s.hi AS hi
  FROM timed t, span s, asked a
  GROUP BY t.kind, bin
  ORDER BY t.kind, bin`;

export class SqliteOccurrenceBins {
  private readonly st;

  constructor(db: Database.Database) {
    this.st = db.prepare<{ ids: string; from: number; to: number; bins: number }, Row>(SQL);
  }

  count(q: OccurrenceBinsQuery): OccurrenceBins {
    const rows = this.st.all({
      ids: JSON.stringify(q.linkIds),
      from: Math.trunc(q.from ?? Number.MIN_SAFE_INTEGER),
      to: Math.trunc(q.to ?? Number.MAX_SAFE_INTEGER),
      bins: q.bins,
    });
    const span = rows[0] ? { lo: rows[0].lo, hi: rows[0].hi } : null;
    return assembleBins(span, q.bins, rows as BinRow[]);
  }
}
