/**
 * Compressed sparse row (CSR) view of an AnalyticsGraph: the undirected, simple, weighted graph under
 * the mixed multigraph. Nodes are numbered 0..n-1 in `graph.nodes()` order. Parallel and antiparallel
 * edges between two nodes are merged into one slot (weights summed, the number of merged edges kept as
 * its multiplicity); self-loops are dropped. Every algorithm of centrality/ and structure/ runs on this
 * view, so their inner loops read typed arrays and allocate nothing per edge.
 *
 * Layout: the compressed-row storage of Saad, Iterative Methods for Sparse Linear Systems (2003), §3.4;
 * row u is `neighbours[offsets[u] .. offsets[u + 1])`, each undirected pair appears in both rows.
 */
import { LINK_CHANGES, onChange } from '../graph-changes.js';
import type { EdgeAttributes } from '../../domain/graph-wire.js';
import { edgeIndexOf } from '../edge-index.js';
import type { AnalyticsGraph } from '../graph.js';

export interface Csr {
  /** Number of nodes. */
  readonly order: number;
  /** Number of distinct undirected pairs (merged edges). */
  readonly size: number;
  /** Node ids, index i is node i. */
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** n + 1 row starts. */
  readonly offsets: Int32Array;
  /** 2 × size neighbour indices. */
  readonly neighbours: Int32Array;
  /** 2 × size summed weights, aligned with `neighbours`. */
  readonly weights: Float64Array;
  /** 2 × size: how many graph edges were merged into the slot. */
  readonly multiplicity: Int32Array;
}

export interface CsrOptions {
  /** Weight of one graph edge; `null` counts every edge as 1. */
  getEdgeWeight: ((attributes: EdgeAttributes) => number) | null;
}

export const DEFAULTS: CsrOptions = {
  getEdgeWeight: (a) => (Number.isFinite(a.weight) && a.weight > 0 ? a.weight : 1),
};

export function buildCsr(graph: AnalyticsGraph, options: Partial<CsrOptions> = {}): Csr {
  const getEdgeWeight = options.getEdgeWeight === undefined ? DEFAULTS.getEdgeWeight : options.getEdgeWeight;
  const ids = graph.nodes();
  const n = ids.length;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) indexOf.set(ids[i] as string, i);

  // 1. The edge list as three typed arrays.
  const m = graph.size;
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  const wt = new Float64Array(m);
  let e = 0;
  graph.forEachEdge((_edge, attributes, source, target) => {
    src[e] = indexOf.get(source) as number;
    dst[e] = indexOf.get(target) as number;
    wt[e] = getEdgeWeight === null ? 1 : getEdgeWeight(attributes);
    e++;
  });
  return csrFromEdges(ids, indexOf, src, dst, wt, e);
}

/**
 * The CSR of `e` links given as typed arrays over the nodes `ids` (self-loops dropped): what buildCsr
 * makes of a graph's edges, and csrOf of a graph's EdgeIndex without reading the graph.
 */
export function csrFromEdges(
  ids: string[],
  indexOf: ReadonlyMap<string, number>,
  src: Int32Array,
  dst: Int32Array,
  wt: Float64Array,
  e: number,
): Csr {
  const n = ids.length;
  // 2. Raw (unmerged) rows by counting sort.
  const rawStart = new Int32Array(n + 1);
  for (let i = 0; i < e; i++) {
    if (src[i] === dst[i]) continue;
    rawStart[src[i]! + 1]!++;
    rawStart[dst[i]! + 1]!++;
  }
  for (let u = 0; u < n; u++) rawStart[u + 1]! += rawStart[u]!;
  const fill = rawStart.slice(0, n);
  const rawNb = new Int32Array(2 * e);
  const rawW = new Float64Array(2 * e);
  for (let i = 0; i < e; i++) {
    const a = src[i]!;
    const b = dst[i]!;
    if (a === b) continue;
    const w = wt[i]!;
    let p = fill[a]!++;
    rawNb[p] = b;
    rawW[p] = w;
    p = fill[b]!++;
    rawNb[p] = a;
    rawW[p] = w;
  }

  // 3. Merge repeated neighbours of each row in one pass (a stamp per node, no sort).
  const offsets = new Int32Array(n + 1);
  const nb = new Int32Array(2 * e);
  const w = new Float64Array(2 * e);
  const mult = new Int32Array(2 * e);
  const stamp = new Int32Array(n).fill(-1);
  const slot = new Int32Array(n);
  let ptr = 0;
  for (let u = 0; u < n; u++) {
    const end = rawStart[u + 1]!;
    for (let j = rawStart[u]!; j < end; j++) {
      const v = rawNb[j]!;
      if (stamp[v] === u) {
        const s = slot[v]!;
        w[s]! += rawW[j]!;
        mult[s]!++;
      } else {
        stamp[v] = u;
        slot[v] = ptr;
        nb[ptr] = v;
        w[ptr] = rawW[j]!;
        mult[ptr] = 1;
        ptr++;
      }
    }
    offsets[u + 1] = ptr;
  }

  return {
    order: n,
    size: ptr / 2,
    ids,
    indexOf,
    offsets,
    neighbours: nb.slice(0, ptr),
    weights: w.slice(0, ptr),
    multiplicity: mult.slice(0, ptr),
  };
}

const cache = new WeakMap<AnalyticsGraph, Csr | null>();

/**
 * The default-weighted view of a graph, built once and reused until the graph changes (any node or edge
 * added or dropped, any edge attribute set through graphology's API). Mutating an attributes object in
 * place bypasses graphology's events; call `buildCsr` after doing that.
 */
export function csrOf(graph: AnalyticsGraph): Csr {
  const cached = cache.get(graph);
  if (cached) return cached;
  if (!cache.has(graph)) {
    const invalidate = () => cache.set(graph, null);
    onChange(graph, LINK_CHANGES, invalidate);
  }
  // A Projection's graph keeps its links in typed arrays (edge-index.ts): the view is made from them,
  // in the graph's node order, without a pass over graphology's edges.
  const index = edgeIndexOf(graph);
  const csr = index
    ? csrFromEdges(index.ids.slice(), new Map(index.indexOf), index.src, index.dst, index.wt, index.size)
    : buildCsr(graph);
  cache.set(graph, csr);
  return csr;
}

/** Distinct neighbours of node i. */
export function degreeOf(csr: Csr, i: number): number {
  return csr.offsets[i + 1]! - csr.offsets[i]!;
}
