/**
 * Occurrences over time, counted: a view's calls, payments, stays and sightings in equal bins from the
 * earliest to the latest of them, all link kinds together and per kind. What the time filter's
 * histogram draws (GraphStore.occurrenceBins, GET /api/graph/histogram). Both stores count in their
 * database and hand back one row per (kind, bin); this module fixes what a bin is and assembles the rows.
 *
 * Bin i of n over [lo, hi] holds the occurrences at t with floor((t − lo) · n / (hi − lo)) = i, the
 * last bin also holding t = hi; when every occurrence falls at one instant (hi = lo) all are in bin 0.
 * Whole-number arithmetic, so SQLite, Cypher and JavaScript put an occurrence in the same bin.
 */
import type { LinkKind } from './kinds.js';

export const BIN_LIMITS = {
  /** Bins asked for when none are named: about a week each over a year of records. */
  default: 48,
  /**
   * At most this many: (t − lo) · n stays a whole number JavaScript holds exactly (below 2^53) for
   * spans up to 285 years in milliseconds, and no histogram is drawn finer than a pixel per bin.
   */
  max: 1000,
};

export interface OccurrenceBinsQuery {
  /** The links whose occurrences are counted (a view's links); an id the store does not hold counts nothing. */
  linkIds: readonly string[];
  /** How many bins, 1 to BIN_LIMITS.max. */
  bins: number;
  /** Count only occurrences in [from, to] (epoch ms), as a subgraph's time window keeps links. */
  from?: number;
  to?: number;
}

export interface OccurrenceBins {
  /** The earliest and the latest occurrence counted (ISO 8601, UTC); null when there is none. */
  from: string | null;
  to: string | null;
  /** Occurrences per bin, every link kind together; empty when there is none. */
  bins: number[];
  /** The same per link kind, for the kinds that have any. */
  byKind: Partial<Record<LinkKind, number[]>>;
  /** How many were counted: the sum of the bins. */
  occurrences: number;
}

/** The bin of an occurrence at `at` (epoch ms): the definition above, as the stores' queries compute it. */
export function binIndex(at: number, lo: number, hi: number, bins: number): number {
  if (hi <= lo) return 0;
  return Math.min(bins - 1, Math.floor(((at - lo) * bins) / (hi - lo)));
}

export interface BinRow {
  kind: LinkKind;
  bin: number;
  n: number;
}

/** The answer from the span a store found and its counts per (kind, bin). */
export function assembleBins(
  span: { lo: number; hi: number } | null,
  bins: number,
  rows: Iterable<BinRow>,
): OccurrenceBins {
  if (!span) return { from: null, to: null, bins: [], byKind: {}, occurrences: 0 };
  const all = new Array<number>(bins).fill(0);
  const byKind: Partial<Record<LinkKind, number[]>> = {};
  let occurrences = 0;
  for (const { kind, bin, n } of rows) {
    if (!Number.isInteger(bin) || bin < 0 || bin >= bins)
      throw new Error(
        `occurrence bin ${bin} is outside 0–${bins - 1}: the store's query disagrees with binIndex`,
      );
    const of = (byKind[kind] ??= new Array<number>(bins).fill(0));
    of[bin]! += n;
    all[bin]! += n;
    occurrences += n;
  }
  const sorted = Object.fromEntries(
    Object.entries(byKind).sort(([a], [b]) => a.localeCompare(b)),
  ) as OccurrenceBins['byKind'];
  return {
    from: new Date(span.lo).toISOString(),
    to: new Date(span.hi).toISOString(),
    bins: all,
    byKind: sorted,
    occurrences,
  };
}
