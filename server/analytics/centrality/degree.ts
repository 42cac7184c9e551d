/**
 * Degree centrality: distinct neighbours of each node (edge directions ignored, parallel links counted
 * once), and weighted degree (strength): the sum of the weights of its links, Barrat et al., "The
 * architecture of complex weighted networks" (PNAS 101(11), 2004). Raw counts, not normalised, since
 * an analyst reads "tied to 14 entities" directly.
 */
import type { Csr } from '../structure/csr.js';

export function degreeCsr(csr: Csr): Float64Array {
  const out = new Float64Array(csr.order);
  for (let i = 0; i < csr.order; i++) out[i] = csr.offsets[i + 1]! - csr.offsets[i]!;
  return out;
}

export function weightedDegreeCsr(csr: Csr): Float64Array {
  const { order: n, offsets, weights } = csr;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    const end = offsets[i + 1]!;
    for (let j = offsets[i]!; j < end; j++) s += weights[j]!;
    out[i] = s;
  }
  return out;
}
