/**
 * Articulation points (nodes whose removal disconnects their component) and bridges (edges whose
 * removal does) of the undirected graph under an AnalyticsGraph. Depth-first search with discovery
 * times and low points, Hopcroft & Tarjan, "Algorithm 447: efficient algorithms for graph
 * manipulation", CACM 16(6), 1973 — written with an explicit stack, since a chain of phones and
 * accounts can be deeper than the JavaScript call stack.
 *
 * Two nodes tied by several links (two calls records, a call each way) share one merged CSR slot; its
 * multiplicity > 1 means no single link is a bridge there.
 */
import type { AnalyticsGraph } from '../graph.js';
import { csrOf, type Csr } from './csr.js';

export interface CutStructureIndexed {
  /** 1 where node i is an articulation point. */
  articulation: Uint8Array;
  /** DFS parent of each node (-1 for a root). */
  parent: Int32Array;
  /** 1 where the single edge between node i and parent[i] is a bridge. */
  bridgeToParent: Uint8Array;
}

export function cutStructureCsr(csr: Csr): CutStructureIndexed {
  const { order: n, offsets, neighbours, multiplicity } = csr;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const parentSlot = new Int32Array(n).fill(-1);
  const next = new Int32Array(n);
  const stack = new Int32Array(n);
  const articulation = new Uint8Array(n);
  const bridgeToParent = new Uint8Array(n);
  let time = 0;

  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    let top = 0;
    let rootChildren = 0;
    stack[top++] = root;
    disc[root] = low[root] = time++;
    next[root] = offsets[root]!;
    while (top > 0) {
      const u = stack[top - 1]!;
      const j = next[u]!;
      if (j < offsets[u + 1]!) {
        next[u] = j + 1;
        const v = neighbours[j]!;
        if (disc[v] === -1) {
          parent[v] = u;
          parentSlot[v] = j;
          disc[v] = low[v] = time++;
          next[v] = offsets[v]!;
          stack[top++] = v;
          if (u === root) rootChildren++;
        } else if (v !== parent[u]) {
          // Merged slots: the tree edge back to the parent is one slot, skipped once by this test.
          if (disc[v]! < low[u]!) low[u] = disc[v]!;
        }
        continue;
      }
      top--;
      const p = parent[u]!;
      if (p === -1) continue;
      if (low[u]! < low[p]!) low[p] = low[u]!;
      if (p !== root && low[u]! >= disc[p]!) articulation[p] = 1;
      if (low[u]! > disc[p]! && multiplicity[parentSlot[u]!] === 1) bridgeToParent[u] = 1;
    }
    if (rootChildren > 1) articulation[root] = 1;
  }
  return { articulation, parent, bridgeToParent };
}

export interface CutStructure {
  /** Node ids, in graph order. */
  articulationPoints: string[];
  /** Edge ids, in graph order. */
  bridges: string[];
}

export function cutStructure(graph: AnalyticsGraph): CutStructure {
  const csr = csrOf(graph);
  const { articulation, parent, bridgeToParent } = cutStructureCsr(csr);
  const articulationPoints: string[] = [];
  for (let i = 0; i < csr.order; i++) if (articulation[i]) articulationPoints.push(csr.ids[i]!);
  const bridges: string[] = [];
  let any = false;
  for (let i = 0; i < csr.order && !any; i++) any = bridgeToParent[i] === 1;
  if (any) {
    graph.forEachEdge((edge, _a, source, target) => {
      const s = csr.indexOf.get(source)!;
      const t = csr.indexOf.get(target)!;
      if ((parent[t] === s && bridgeToParent[t]) || (parent[s] === t && bridgeToParent[s]))
        bridges.push(edge);
    });
  }
  return { articulationPoints, bridges };
}

export function articulationPoints(graph: AnalyticsGraph): string[] {
  return cutStructure(graph).articulationPoints;
}

export function bridges(graph: AnalyticsGraph): string[] {
  return cutStructure(graph).bridges;
}
