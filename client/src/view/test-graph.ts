/** A tiny case graph for the view's unit tests: two triangles of phones tied by one call, and a person. */
import { emptyGraph, type CaseGraph, type EdgeAttributes } from '../graph-data.js';

export const link = (
  kind: EdgeAttributes['kind'],
  first: string | null = null,
  count = 0,
): EdgeAttributes => ({
  kind,
  props: {},
  count,
  durationS: 0,
  amount: 0,
  firstAt: first,
  lastAt: first,
  weight: Math.max(1, count),
});

export function twoRings(): CaseGraph {
  const g = emptyGraph();
  for (const n of ['a1', 'a2', 'a3', 'b1', 'b2', 'b3'])
    g.addNode(n, { kind: 'phone', label: n, key: n, scheme: 'phone', props: {}, x: 0, y: 0 });
  g.addNode('p', { kind: 'person', label: 'p', key: 'p', scheme: 'person', props: {}, x: 0, y: 0 });
  g.addDirectedEdgeWithKey('a12', 'a1', 'a2', link('called', '2026-01-01T00:00:00Z', 2));
  g.addDirectedEdgeWithKey('a23', 'a2', 'a3', link('called', '2026-01-02T00:00:00Z', 1));
  g.addDirectedEdgeWithKey('a31', 'a3', 'a1', link('messaged', '2026-01-03T00:00:00Z', 1));
  g.addDirectedEdgeWithKey('b12', 'b1', 'b2', link('called', '2026-03-01T00:00:00Z', 1));
  g.addDirectedEdgeWithKey('b23', 'b2', 'b3', link('called', '2026-03-02T00:00:00Z', 1));
  g.addDirectedEdgeWithKey('b31', 'b3', 'b1', link('called', '2026-03-03T00:00:00Z', 1));
  g.addDirectedEdgeWithKey('ab', 'a1', 'b1', link('called', '2026-02-01T00:00:00Z', 5));
  g.addDirectedEdgeWithKey('pa', 'p', 'a1', link('uses'));
  return g;
}

export const communityOf = new Map([
  ['a1', 0],
  ['a2', 0],
  ['a3', 0],
  ['b1', 1],
  ['b2', 1],
  ['b3', 1],
  ['p', 0],
]);
