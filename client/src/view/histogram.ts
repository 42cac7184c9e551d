/**
 * Occurrences over time for the time filter's histogram. The graph carries each link's occurrence
 * count and its first and last time, not every occurrence, so a link's count is spread evenly over
 * the bins its first–last span covers: exact for single events, an even smear for a long run of
 * calls — enough to see when a network was active and to place the range.
 */
import type { CaseGraph } from '../graph-data.js';

export interface Histogram {
  from: number;
  to: number;
  bins: number[];
}

export function occurrenceHistogram(graph: CaseGraph, binCount = 48): Histogram | null {
  let from = Infinity;
  let to = -Infinity;
  const spans: [number, number, number][] = [];
  graph.forEachEdge((_e, a) => {
    if (!a.firstAt || !a.lastAt || a.count <= 0) return;
    const f = Date.parse(a.firstAt);
    const l = Date.parse(a.lastAt);
    spans.push([f, l, a.count]);
    from = Math.min(from, f);
    to = Math.max(to, l);
  });
  if (!spans.length) return null;
  const width = Math.max(1, to - from) / binCount;
  const bins = new Array<number>(binCount).fill(0);
  const binOf = (t: number) => Math.min(binCount - 1, Math.floor((t - from) / width));
  for (const [f, l, count] of spans) {
    const a = binOf(f);
    const b = binOf(l);
    for (let i = a; i <= b; i++) bins[i]! += count / (b - a + 1);
  }
  return { from, to: Math.max(to, from + 1), bins };
}
