/**
 * PageRank of Page, Brin, Motwani & Winograd, "The PageRank citation ranking: bringing order to the
 * web" (1999): the stationary distribution of a random walk that follows a link with probability alpha
 * (choosing among links in proportion to their weight, edge directions ignored) and jumps to a uniform
 * random node otherwise; a node without links (dangling) always jumps uniformly.
 *
 * Solved as the linear system y = v + alpha·Pᵀy, x = y / ‖y‖₁ (v uniform, dangling rows of P zero),
 * which has the same solution (Del Corso, Gullì & Romani, "Fast PageRank computation via a sparse
 * linear system", Internet Mathematics 2(3), 2005), by Gauss–Seidel sweeps over the CSR view (Arasu et
 * al., "PageRank computation and the structure of the web", 2002): each node pulls from its neighbours'
 * latest values, which needs ~20% fewer sweeps than power iteration and no second vector.
 */
import type { Csr } from '../structure/csr.js';
import { withDefaults } from '../structure/defaults.js';

export interface PagerankOptions {
  /** Probability of following a link. */
  alpha: number;
  /** Stop when the L1 change of a sweep, relative to the L1 norm, falls below this. */
  tolerance: number;
  maxIterations: number;
}

export const DEFAULTS: PagerankOptions = { alpha: 0.85, tolerance: 1e-9, maxIterations: 500 };

export interface PagerankResult {
  scores: Float64Array;
  iterations: number;
  converged: boolean;
}

export function pagerankCsr(csr: Csr, options: Partial<PagerankOptions> = {}): PagerankResult {
  const { alpha, tolerance, maxIterations } = withDefaults(DEFAULTS, options);
  const { order: n, offsets, neighbours, weights } = csr;
  if (n === 0) return { scores: new Float64Array(0), iterations: 0, converged: true };

  const invStrength = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    const end = offsets[i + 1]!;
    for (let j = offsets[i]!; j < end; j++) s += weights[j]!;
    invStrength[i] = s > 0 ? 1 / s : 0;
  }

  // Gauss–Seidel sweeps on y = v + alpha·Pᵀy (v uniform, dangling rows of P zero); x = y / ‖y‖₁.
  const y = new Float64Array(n).fill(1 / n);
  const share = new Float64Array(n);
  for (let i = 0; i < n; i++) share[i] = y[i]! * invStrength[i]!;
  const v0 = 1 / n;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    let change = 0;
    let total = 0;
    for (let v = 0; v < n; v++) {
      let sum = 0;
      const end = offsets[v + 1]!;
      for (let j = offsets[v]!; j < end; j++) sum += weights[j]! * share[neighbours[j]!]!;
      const value = v0 + alpha * sum;
      change += Math.abs(value - y[v]!);
      total += value;
      y[v] = value;
      share[v] = value * invStrength[v]!;
    }
    if (change < tolerance * total) {
      converged = true;
      break;
    }
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += y[i]!;
  for (let i = 0; i < n; i++) y[i]! /= total;
  return { scores: y, iterations, converged };
}
