/**
 * Harmonic closeness: the mean over all other nodes of 1 / distance (0 for a node not reached), so a
 * graph in pieces needs no special case. Marchiori & Latora, "Harmony in the small-world" (Physica A
 * 285, 2000); Boldi & Vigna, "Axioms for centrality" (2014). Unweighted hop distance, edge directions
 * ignored, normalised by n − 1 so scores lie in [0, 1].
 *
 * Exact up to the betweenness EXACT_LIMIT (same cost: n breadth-first searches); above it, the estimate
 * of Eppstein & Wang, "Fast approximation of centrality" (JGAA 8(1), 2004): distances are symmetric, so
 * a search from each of k uniform pivots gives every node a sample of its reciprocal distances, scaled
 * by n / k.
 */
import type { Csr } from '../structure/csr.js';
import { withDefaults } from '../structure/defaults.js';
import { EXACT_LIMIT } from './betweenness.js';
import { pivots } from './pivots.js';

export interface ClosenessOptions {
  exactLimit: number;
  samples: number;
  seed: number;
}

export const DEFAULTS: ClosenessOptions = { exactLimit: EXACT_LIMIT, samples: 500, seed: 42 };

export interface ClosenessResult {
  scores: Float64Array;
  sources: number;
  exact: boolean;
}

export function harmonicClosenessCsr(csr: Csr, options: Partial<ClosenessOptions> = {}): ClosenessResult {
  const { exactLimit, samples, seed } = withDefaults(DEFAULTS, options);
  const { order: n, offsets, neighbours } = csr;
  const exact = n <= exactLimit || samples >= n;
  const sources = pivots(n, exact ? n : Math.max(1, samples), seed);
  const scores = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  // 1 / d for d = 1.. (a table avoids a division per visit)
  const inverse = new Float64Array(n + 1);
  for (let d = 1; d <= n; d++) inverse[d] = 1 / d;

  for (let si = 0; si < sources.length; si++) {
    const s = sources[si]!;
    let head = 0;
    let tail = 0;
    let sum = 0;
    queue[tail++] = s;
    dist[s] = 0;
    while (head < tail) {
      const v = queue[head++]!;
      const dv = dist[v]! + 1;
      const end = offsets[v + 1]!;
      for (let j = offsets[v]!; j < end; j++) {
        const w = neighbours[j]!;
        if (dist[w]! >= 0) continue;
        dist[w] = dv;
        queue[tail++] = w;
        if (exact) sum += inverse[dv]!;
        else scores[w]! += inverse[dv]!;
      }
    }
    if (exact) scores[s] = sum;
    for (let i = 0; i < tail; i++) dist[queue[i]!] = -1;
  }
  const scale = n > 1 ? (exact ? 1 : n / sources.length) / (n - 1) : 0;
  for (let i = 0; i < n; i++) scores[i]! *= scale;
  return { scores, sources: sources.length, exact };
}
