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

  // The links between included nodes as (lo, hi, weight) triples, lo < hi, in typed arrays.
  const size = graph.size;
  const linkLo = new Int32Array(size);
  const linkHi = new Int32Array(size);
  const linkWeight = new Float64Array(size);
  let links = 0;
  graph.forEachEdge((_edge, attributes, source, target) => {
    const a = index.get(source);
    const b = index.get(target);
    if (a === undefined || b === undefined || a === b) return;
    const w = attributes.weight;
    linkLo[links] = a < b ? a : b;
    linkHi[links] = a < b ? b : a;
    linkWeight[links++] = Number.isFinite(w) && w > 0 ? w : 1;
  });
  return fromLinks(ids, kinds, linkLo, linkHi, linkWeight, links);
}

/**
 * The projection of `links` links given as (lo, hi, weight) with lo < hi, indices into `ids` (sorted):
 * the part shared by a graphology graph (`project`) and an edge list read straight from a store
 * (`edge-list.ts`).
 */
export function fromLinks(
  ids: string[],
  kinds: EntityKind[],
  linkLo: Int32Array,
  linkHi: Int32Array,
  linkWeight: Float64Array,
  links: number,
): Projection {
  const n = ids.length;
  const perLo = new Int32Array(n + 1);
  for (let k = 0; k < links; k++) perLo[linkLo[k]! + 1]!++;

  // Bucket the links by their lower end (a counting sort), then sum, per bucket, the weights of every
  // link between the same two entities, whatever its kind or direction; no map of pairs is built.
  for (let i = 0; i < n; i++) perLo[i + 1]! += perLo[i]!;
  const bucketHi = new Int32Array(links);
  const bucketWeight = new Float64Array(links);
  const cursor = perLo.slice(0, n);
  for (let k = 0; k < links; k++) {
    const at = cursor[linkLo[k]!]!++;
    bucketHi[at] = linkHi[k]!;
    bucketWeight[at] = linkWeight[k]!;
  }
  const edgeLoAll = new Int32Array(links);
  const edgeHiAll = new Int32Array(links);
  const edgeWeightAll = new Float64Array(links);
  const seenFor = new Int32Array(n).fill(-1);
  const acc = new Float64Array(n);
  const degree = new Int32Array(n);
  let e = 0;
  let totalWeight = 0;
  for (let lo = 0; lo < n; lo++) {
    const first = e;
    for (let k = perLo[lo]!; k < perLo[lo + 1]!; k++) {
      const hi = bucketHi[k]!;
      if (seenFor[hi] !== lo) {
        seenFor[hi] = lo;
        acc[hi] = 0;
        edgeHiAll[e++] = hi;
      }
      acc[hi]! += bucketWeight[k]!;
    }
    edgeHiAll.subarray(first, e).sort();
    for (let k = first; k < e; k++) {
      const hi = edgeHiAll[k]!;
      edgeLoAll[k] = lo;
      edgeWeightAll[k] = acc[hi]!;
      totalWeight += acc[hi]!;
      degree[lo]!++;
      degree[hi]!++;
    }
  }
  const edgeLo = edgeLoAll.slice(0, e);
  const edgeHi = edgeHiAll.slice(0, e);
  const edgeWeight = edgeWeightAll.slice(0, e);

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
