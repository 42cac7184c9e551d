/**
 * The simple weighted undirected projection community detection works on. The analytics graph is a
 * mixed multigraph (a call A→B and a call B→A are two links; a person may use a phone and be seen with
 * it); modularity (Newman & Girvan 2004) is defined on a simple undirected weighted graph, so parallel and
 * antiparallel links between two entities become one edge whose weight is the sum of theirs.
 *
 * Nodes are indexed in sorted id order, so the projection — and everything seeded on it — is the same
 * whatever order the store returned the subgraph in. Adjacency is kept in typed arrays (CSR); the
 * graphology graph Louvain needs is made from it with one small attribute object per simple edge.
 */
import Graph from 'graphology';
import type { EntityKind } from '../../domain/kinds.js';
import type { AnalyticsGraph } from '../graph.js';

export interface Projection {
  /** Node ids in sorted order; a node's index is its position here. */
  ids: string[];
  kinds: EntityKind[];
  /** CSR adjacency: the neighbours of node i are targets[offsets[i] .. offsets[i+1]). */
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /** Weighted degree of each node. */
  strength: Float64Array;
  /** Sum of edge weights, each undirected edge counted once (m). */
  totalWeight: number;
  /** Undirected edges, each once, lo < hi, in ascending (lo, hi) order. */
  edgeLo: Int32Array;
  edgeHi: Int32Array;
  edgeWeight: Float64Array;
}

export function project(graph: AnalyticsGraph, includeKinds: ReadonlySet<string>): Projection {
  const ids: string[] = [];
  graph.forEachNode((id, attributes) => {
    if (includeKinds.has(attributes.kind)) ids.push(id);
  });
  ids.sort();
  const n = ids.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(ids[i]!, i);
  const kinds = ids.map((id) => graph.getNodeAttribute(id, 'kind'));

  // Sum the weights of every link between the same two entities, whatever its kind or direction.
  const summed = new Map<number, number>();
  graph.forEachEdge((_edge, attributes, source, target) => {
    const a = index.get(source);
    const b = index.get(target);
    if (a === undefined || b === undefined || a === b) return;
    const key = a < b ? a * n + b : b * n + a;
    const w = attributes.weight;
    summed.set(key, (summed.get(key) ?? 0) + (Number.isFinite(w) && w > 0 ? w : 1));
  });

  const keys = Float64Array.from(summed.keys()).sort();
  const e = keys.length;
  const edgeLo = new Int32Array(e);
  const edgeHi = new Int32Array(e);
  const edgeWeight = new Float64Array(e);
  const degree = new Int32Array(n + 1);
  let totalWeight = 0;
  for (let k = 0; k < e; k++) {
    const key = keys[k]!;
    const lo = Math.floor(key / n);
    const hi = key - lo * n;
    const w = summed.get(key)!;
    edgeLo[k] = lo;
    edgeHi[k] = hi;
    edgeWeight[k] = w;
    totalWeight += w;
    degree[lo]!++;
    degree[hi]!++;
  }

  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + degree[i]!;
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(2 * e);
  const weights = new Float64Array(2 * e);
  const strength = new Float64Array(n);
  for (let k = 0; k < e; k++) {
    const lo = edgeLo[k]!;
    const hi = edgeHi[k]!;
    const w = edgeWeight[k]!;
    targets[fill[lo]!] = hi;
    weights[fill[lo]!++] = w;
    targets[fill[hi]!] = lo;
    weights[fill[hi]!++] = w;
    strength[lo]! += w;
    strength[hi]! += w;
  }
  return { ids, kinds, offsets, targets, weights, strength, totalWeight, edgeLo, edgeHi, edgeWeight };
}

/** The projection as a graphology graph (nodes keyed by entity id, edges carrying `weight`). */
export function toGraphology(p: Projection): Graph<Record<string, never>, { weight: number }> {
  const graph = new Graph<Record<string, never>, { weight: number }>({
    type: 'undirected',
    multi: false,
    allowSelfLoops: false,
  });
  for (const id of p.ids) graph.addNode(id);
  for (let k = 0; k < p.edgeLo.length; k++)
    graph.addUndirectedEdgeWithKey(k, p.ids[p.edgeLo[k]!]!, p.ids[p.edgeHi[k]!]!, {
      weight: p.edgeWeight[k]!,
    });
  return graph;
}
