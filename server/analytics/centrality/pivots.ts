/**
 * Seeded choice of pivot sources for the sampled estimates (betweenness, closeness): k distinct nodes
 * drawn uniformly, as Brandes & Pich, "Centrality estimation in large networks" (IJBC 17(7), 2007)
 * recommend. A partial Fisher–Yates shuffle driven by mulberry32 (Tommy Ettinger, 2017), so the same
 * seed gives the same pivots — analytics are deterministic (DESIGN.md).
 */

import { mulberry32 } from '../rng.js';

export { mulberry32 };

export const DEFAULTS = { seed: 42 };

/** k distinct node indices of 0..n-1 (all n, in order, when k >= n). */
export function pivots(n: number, k: number, seed: number = DEFAULTS.seed): Int32Array {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  if (k >= n) return all;
  const random = mulberry32(seed);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = all[i]!;
    all[i] = all[j]!;
    all[j] = t;
  }
  return all.slice(0, k);
}
