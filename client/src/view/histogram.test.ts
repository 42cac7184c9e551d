import { describe, expect, it } from 'vitest';
import { emptyGraph } from '../graph-data.js';
import { occurrenceHistogram } from './histogram.js';

const link = (first: string | null, last: string | null, count: number) => ({
  kind: 'called' as const,
  props: {},
  count,
  durationS: 0,
  amount: 0,
  firstAt: first,
  lastAt: last,
  weight: Math.max(1, count),
});

describe('occurrenceHistogram', () => {
  it('spreads each link over the bins of its span and keeps every occurrence', () => {
    const g = emptyGraph();
    for (const n of ['a', 'b', 'c'])
      g.addNode(n, { kind: 'phone', label: n, key: n, scheme: 'phone', props: {} });
    g.addDirectedEdge('a', 'b', link('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 3));
    g.addDirectedEdge('b', 'c', link('2026-01-01T00:00:00Z', '2026-01-11T00:00:00Z', 10));
    g.addDirectedEdge('a', 'c', link(null, null, 0));
    const h = occurrenceHistogram(g, 10)!;
    expect(h.from).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(h.bins.reduce((s, v) => s + v, 0)).toBeCloseTo(13);
    expect(h.bins[0]).toBeCloseTo(3 + 1);
  });

  it('gives nothing for a graph without timed links', () => {
    expect(occurrenceHistogram(emptyGraph())).toBeNull();
  });
});
