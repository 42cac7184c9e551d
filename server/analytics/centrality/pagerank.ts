/**
 * PageRank of Page, Brin, Motwani & Winograd, "The PageRank citation ranking: bringing order to the
 * web" (1999): the stationary distribution of a random walk that follows a link with probability alpha
 * (choosing among links in proportion to their weight, edge directions ignored) and jumps to a uniform
 * random node otherwise. A node without links (dangling) jumps uniformly. Power iteration on the CSR
 * view, pulling from neighbours so each iteration is one pass over typed arrays.
 */
import type { Csr } from '../structure/csr.js';
import { withDefaults } from '../structure/defaults.js';

export interface PagerankOptions {
  /** Probability of following a link. */
  alpha: number;
  /** Stop when the L1 change of the whole vector in one iteration falls below this. */
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

  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const share = new Float64Array(n);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      const inv = invStrength[i]!;
      if (inv === 0) dangling += x[i]!;
      share[i] = x[i]! * inv;
    }
    const base = (alpha * dangling + 1 - alpha) / n;
    let error = 0;
    for (let v = 0; v < n; v++) {
      let sum = 0;
      const end = offsets[v + 1]!;
      for (let j = offsets[v]!; j < end; j++) sum += weights[j]! * share[neighbours[j]!]!;
      const value = base + alpha * sum;
      next[v] = value;
      error += Math.abs(value - x[v]!);
    }
    const t = x;
    x = next;
    next = t;
    if (error < tolerance) {
      converged = true;
      break;
    }
  }
  return { scores: x, iterations, converged };
}
