/**
 * Core numbers: the largest k such that a node belongs to the k-core, the maximal subgraph in which
 * every node has at least k distinct neighbours (edge directions ignored, parallel edges counted once).
 * O(m) bucket algorithm of Batagelj & Zaversnik, "An O(m) algorithm for cores decomposition of
 * networks" (2003).
 */
import type { AnalyticsGraph } from '../graph.js';
import { csrOf, type Csr } from './csr.js';

export function coreNumbersCsr(csr: Csr): Int32Array {
  const { order: n, offsets, neighbours } = csr;
  const deg = new Int32Array(n);
  let maxDeg = 0;
  for (let v = 0; v < n; v++) {
    deg[v] = offsets[v + 1]! - offsets[v]!;
    if (deg[v]! > maxDeg) maxDeg = deg[v]!;
  }
  // bin[d] = first position of degree d in vert; pos[v] = position of v in vert.
  const bin = new Int32Array(maxDeg + 1);
  for (let v = 0; v < n; v++) bin[deg[v]!]!++;
  let start = 0;
  for (let d = 0; d <= maxDeg; d++) {
    const num = bin[d]!;
    bin[d] = start;
    start += num;
  }
  const vert = new Int32Array(n);
  const pos = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    pos[v] = bin[deg[v]!]!;
    vert[pos[v]!] = v;
    bin[deg[v]!]!++;
  }
  for (let d = maxDeg; d > 0; d--) bin[d] = bin[d - 1]!;
  bin[0] = 0;
  for (let i = 0; i < n; i++) {
    const v = vert[i]!;
    const dv = deg[v]!;
    const end = offsets[v + 1]!;
    for (let j = offsets[v]!; j < end; j++) {
      const u = neighbours[j]!;
      const du = deg[u]!;
      if (du > dv) {
        const pu = pos[u]!;
        const pw = bin[du]!;
        const w = vert[pw]!;
        if (u !== w) {
          pos[u] = pw;
          vert[pu] = w;
          pos[w] = pu;
          vert[pw] = u;
        }
        bin[du]!++;
        deg[u] = du - 1;
      }
    }
  }
  return deg;
}

export function coreNumbers(graph: AnalyticsGraph): Record<string, number> {
  const csr = csrOf(graph);
  const core = coreNumbersCsr(csr);
  const out: Record<string, number> = {};
  for (let i = 0; i < csr.order; i++) out[csr.ids[i]!] = core[i]!;
  return out;
}

/** Ids of the nodes of the k-core (core number >= k), in graph order. */
export function kCore(graph: AnalyticsGraph, k: number): string[] {
  const csr = csrOf(graph);
  const core = coreNumbersCsr(csr);
  const out: string[] = [];
  for (let i = 0; i < csr.order; i++) if (core[i]! >= k) out.push(csr.ids[i]!);
  return out;
}
