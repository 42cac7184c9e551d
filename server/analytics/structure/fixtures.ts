/**
 * Small graphs for the tests of centrality/ and structure/: built from edge lists, with every node a
 * person unless told, and a seeded random graph (Erdős–Rényi G(n, m) plus optional parallel edges).
 */
import Graph from 'graphology';
import type { EntityKind } from '../../domain/kinds.js';
import type { AnalyticsGraph } from '../graph.js';
import { mulberry32 } from '../rng.js';

export type EdgeSpec = [from: string, to: string, weight?: number];

export function graphOf(
  edges: readonly EdgeSpec[],
  options: { nodes?: readonly string[]; kinds?: Record<string, EntityKind>; directed?: boolean } = {},
): AnalyticsGraph {
  const graph: AnalyticsGraph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  const add = (id: string) => {
    if (graph.hasNode(id)) return;
    const kind = options.kinds?.[id] ?? 'person';
    graph.addNode(id, { kind, label: `Label ${id}`, key: id, scheme: 'person', props: {} } as never);
  };
  for (const id of options.nodes ?? []) add(id);
  edges.forEach(([from, to, weight = 1], i) => {
    add(from);
    add(to);
    const attributes = {
      kind: 'associate-of' as const,
      props: {},
      count: weight,
      durationS: 0,
      amount: 0,
      firstAt: null,
      lastAt: null,
      weight,
    };
    if (options.directed) graph.addDirectedEdgeWithKey(`e${i}`, from, to, attributes);
    else graph.addUndirectedEdgeWithKey(`e${i}`, from, to, attributes);
  });
  return graph;
}

/** The analytics' seeded generator, for fixtures. */
export const rng = mulberry32;

/**
 * A random graph on n nodes with m edges drawn uniformly (repeats and both directions allowed, so the
 * result is a multigraph with antiparallel edges; self-loops skipped). Weights are integers 1..5.
 */
export function randomGraph(
  n: number,
  m: number,
  seed = 1,
  options: { isolated?: number } = {},
): AnalyticsGraph {
  const random = rng(seed);
  const edges: EdgeSpec[] = [];
  const live = n - (options.isolated ?? 0);
  while (edges.length < m) {
    const a = Math.floor(random() * live);
    const b = Math.floor(random() * live);
    if (a === b) continue;
    edges.push([`n${a}`, `n${b}`, 1 + Math.floor(random() * 5)]);
  }
  const nodes = Array.from({ length: n }, (_, i) => `n${i}`);
  return graphOf(edges, { nodes, directed: true });
}

/** The undirected simple weighted graph graphology-metrics should see for an AnalyticsGraph. */
export function simpleUndirected(graph: AnalyticsGraph): Graph {
  const simple = new Graph({ type: 'undirected' });
  graph.forEachNode((id) => simple.addNode(id));
  graph.forEachEdge((_e, a, s, t) => {
    if (s === t) return;
    if (simple.hasEdge(s, t)) simple.updateEdgeAttribute(s, t, 'weight', (w: number) => w + a.weight);
    else simple.addEdge(s, t, { weight: a.weight });
  });
  return simple;
}

/** Spearman's rank correlation with average ranks for ties. */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const rank = (x: ArrayLike<number>) => {
    const idx = Array.from({ length: x.length }, (_, i) => i).sort((i, j) => x[i]! - x[j]!);
    const r = new Float64Array(x.length);
    for (let i = 0; i < idx.length;) {
      let j = i;
      while (j + 1 < idx.length && x[idx[j + 1]!] === x[idx[i]!]) j++;
      for (let k = i; k <= j; k++) r[idx[k]!] = (i + j) / 2;
      i = j + 1;
    }
    return r;
  };
  const ra = rank(a);
  const rb = rank(b);
  const n = ra.length;
  const mean = (n - 1) / 2;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < n; i++) {
    num += (ra[i]! - mean) * (rb[i]! - mean);
    da += (ra[i]! - mean) ** 2;
    db += (rb[i]! - mean) ** 2;
  }
  return num / Math.sqrt(da * db);
}
