import Graph from 'graphology';
import { findPaths } from './find-paths.js';
import type { AnalyticsGraph } from '../graph.js';
// Preferential attachment, 100k nodes, ~300k edges, weights 1..5.
let seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const g: AnalyticsGraph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
const ends: string[] = [];
const N = 100_000;
let e = 0;
for (let i = 0; i < N; i++) {
  const id = `n${i}`;
  g.addNode(id, { kind: 'person', label: id, key: id, scheme: 'person', props: {} });
  for (let j = 0; j < 3 && i > 0; j++) {
    const t = ends.length && rnd() < 0.8 ? ends[Math.floor(rnd() * ends.length)]! : `n${Math.floor(rnd() * i)}`;
    if (t === id) continue;
    const c = 1 + Math.floor(rnd() * 5);
    g.addDirectedEdgeWithKey(`e${e++}`, id, t, { kind: 'associate-of', count: c, weight: c, firstAt: null, lastAt: null, amount: 0, durationS: 0, props: {} });
    ends.push(id, t);
  }
}
console.log('edges', g.size, 'max degree', Math.max(...g.mapNodes((n) => g.degree(n))));
for (const [a, b, o] of [['n99990', 'n99991', {}], ['n50000', 'n77777', { k: 20 }], ['n99990', 'n12345', { maxHops: 6, k: 20 }], ['n5', 'n99999', { maxHops: 4, k: 50 }], ['n99990', 'n99991', {minWeight: 3}]] as const) {
  const t = performance.now();
  const r = findPaths(g, a, b, o);
  console.log(a, b, JSON.stringify(o), (performance.now() - t).toFixed(0), 'ms', r.paths.map((p) => p.hops).join(','), r.truncated);
}
