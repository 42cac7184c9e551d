/**
 * Occurrences over time for the time filter's histogram. The server counts them: every call, payment,
 * stay and sighting of the view's links in its bin (GET /api/graph/histogram), per link kind, so the
 * bars can follow the link filter. Only when that request fails is the histogram estimated from what
 * the graph itself carries, each link's count and its first and last time, by spreading the count
 * evenly over the span. That estimate misleads — a pair that called 300 times in one March week and
 * once in December draws as a flat band from March to December — so it is a fallback that keeps the
 * time filter usable, and the panel says when it is showing one.
 */
import { fetchOccurrenceHistogram } from '../api-reads.js';
import type { CaseGraph } from '../graph-data.js';

export const DEFAULTS = {
  /** Bins asked for: about a week each over a year, some nine pixels a bar in the filters panel. */
  bins: 48,
};

export interface Histogram {
  /** The earliest and latest occurrence (epoch ms); `to` is after `from` even for a single instant. */
  from: number;
  to: number;
  /** Occurrences per bin, per link kind. */
  byKind: Map<string, number[]>;
  binCount: number;
  /** Counted by the server, or estimated from the links' spans because the counts could not be read. */
  source: 'counted' | 'estimated';
}

/** The server's answer as a histogram; null when the view has no occurrence. */
export function countedHistogram(answer: {
  from: string | null;
  to: string | null;
  bins: number[];
  byKind: Record<string, number[] | undefined>;
}): Histogram | null {
  if (answer.from === null || answer.to === null || !answer.bins.length) return null;
  const from = Date.parse(answer.from);
  const byKind = new Map<string, number[]>();
  for (const [kind, bins] of Object.entries(answer.byKind)) if (bins) byKind.set(kind, bins);
  return {
    from,
    to: Math.max(Date.parse(answer.to), from + 1),
    byKind,
    binCount: answer.bins.length,
    source: 'counted',
  };
}

/** The fallback: each link's count spread evenly over the bins its first–last span covers. */
export function estimatedHistogram(graph: CaseGraph, binCount = DEFAULTS.bins): Histogram | null {
  let from = Infinity;
  let to = -Infinity;
  const spans: [string, number, number, number][] = [];
  graph.forEachEdge((_e, a) => {
    if (!a.firstAt || !a.lastAt || a.count <= 0) return;
    const f = Date.parse(a.firstAt);
    const l = Date.parse(a.lastAt);
    spans.push([a.kind, f, l, a.count]);
    from = Math.min(from, f);
    to = Math.max(to, l);
  });
  if (!spans.length) return null;
  const width = Math.max(1, to - from) / binCount;
  const byKind = new Map<string, number[]>();
  const binOf = (t: number) => Math.min(binCount - 1, Math.floor((t - from) / width));
  for (const [kind, f, l, count] of spans) {
    let bins = byKind.get(kind);
    if (!bins) byKind.set(kind, (bins = new Array<number>(binCount).fill(0)));
    const a = binOf(f);
    const b = binOf(l);
    for (let i = a; i <= b; i++) bins[i]! += count / (b - a + 1);
  }
  return { from, to: Math.max(to, from + 1), byKind, binCount, source: 'estimated' };
}

/** The bars to draw: every link kind but those the link filter hides, together. */
export function shownBins(h: Histogram, hiddenLinkKinds: readonly string[]): number[] {
  const hidden = new Set(hiddenLinkKinds);
  const bins = new Array<number>(h.binCount).fill(0);
  for (const [kind, counts] of h.byKind) if (!hidden.has(kind)) counts.forEach((n, i) => (bins[i]! += n));
  return bins;
}

/** The histogram of a view (its scope, as GET /api/graph was asked for it): counted, or estimated if that fails. */
export async function loadHistogram(
  scope: string,
  graph: CaseGraph,
  binCount = DEFAULTS.bins,
): Promise<Histogram | null> {
  try {
    const answer = await fetchOccurrenceHistogram(scope === 'all' ? {} : { case: scope }, binCount);
    return countedHistogram(answer);
  } catch {
    return estimatedHistogram(graph, binCount);
  }
}
