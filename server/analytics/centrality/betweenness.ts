/**
 * Betweenness centrality: for each node, the share of shortest paths between other pairs that pass
 * through it. Brandes, "A faster algorithm for betweenness centrality" (J. Math. Sociology 25(2),
 * 2001), on unweighted hop distance (a link is a link, however many calls it carries). Normalised as
 * graphology-metrics does: the sum over ordered pairs divided by (n − 1)(n − 2).
 *
 * Exact up to EXACT_LIMIT nodes; above it, the pivot estimate of Brandes & Pich, "Centrality estimation
 * in large networks" (IJBC 17(7), 2007): dependencies accumulated from k uniformly drawn sources,
 * scaled by n / k.
 *
 * EXACT_LIMIT = 5,000 nodes. Exact costs n breadth-first searches of O(m) each; on a 5,000-node,
 * 10,000-link graph it takes about 2 s here (igraph's C takes the same), which an analyst waits for in a
 * worker. Exact cost grows as n·m, so 20,000 nodes would take ~16× longer. Above the limit, 500 pivot
 * sources cost a tenth of an exact run at the limit on a graph of the same density. On a uniform random
 * 5,000-node, 10,000-link graph (a flat betweenness distribution, the hardest case) 500 pivots rank all
 * nodes with Spearman 0.95 against exact and find 10 of the exact top 20, 62 of the top 100; raise
 * `samples` where the order of near-equals matters. (The limit is on nodes: a dense graph under it is
 * still computed exactly.)
 */
import type { Csr } from '../structure/csr.js';
import { withDefaults } from '../structure/defaults.js';
import { pivots } from './pivots.js';

export const EXACT_LIMIT = 5_000;

export interface BetweennessOptions {
  /** Exact when the graph has at most this many nodes. */
  exactLimit: number;
  /** Pivot sources of the estimate above the limit. */
  samples: number;
  seed: number;
  normalized: boolean;
}

export const DEFAULTS: BetweennessOptions = {
  exactLimit: EXACT_LIMIT,
  samples: 500,
  seed: 42,
  normalized: true,
};

export interface BetweennessResult {
  scores: Float64Array;
  /** Sources searched: n when exact. */
  sources: number;
  exact: boolean;
}

/** Sum of Brandes dependencies over the given sources (ordered pairs), unscaled. */
export function accumulateDependencies(csr: Csr, sources: Int32Array): Float64Array {
  const { order: n, offsets, neighbours } = csr;
  const bc = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n); // BFS queue, read backwards as Brandes' stack

  for (let si = 0; si < sources.length; si++) {
    const s = sources[si]!;
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
      const v = order[head++]!;
      const dv = dist[v]! + 1;
      const sv = sigma[v]!;
      const end = offsets[v + 1]!;
      for (let j = offsets[v]!; j < end; j++) {
        const w = neighbours[j]!;
        let dw = dist[w]!;
        if (dw < 0) {
          dist[w] = dw = dv;
          order[tail++] = w;
        }
        if (dw === dv) sigma[w]! += sv;
      }
    }
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i]!;
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      const dp = dist[w]! - 1;
      const end = offsets[w + 1]!;
      for (let j = offsets[w]!; j < end; j++) {
        const v = neighbours[j]!;
        if (dist[v] === dp) delta[v]! += sigma[v]! * coefficient;
      }
      bc[w]! += delta[w]!;
    }
    for (let i = 0; i < tail; i++) {
      const v = order[i]!;
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  return bc;
}

export function betweennessCsr(csr: Csr, options: Partial<BetweennessOptions> = {}): BetweennessResult {
  const { exactLimit, samples, seed, normalized } = withDefaults(DEFAULTS, options);
  const n = csr.order;
  const exact = n <= exactLimit || samples >= n;
  const sources = pivots(n, exact ? n : Math.max(1, samples), seed);
  const scores = accumulateDependencies(csr, sources);
  let scale = exact ? 1 : n / sources.length;
  if (normalized) scale *= n > 2 ? 1 / ((n - 1) * (n - 2)) : 0;
  else scale *= 0.5; // each unordered pair was counted from both ends
  for (let i = 0; i < n; i++) scores[i]! *= scale;
  return { scores, sources: sources.length, exact };
}
