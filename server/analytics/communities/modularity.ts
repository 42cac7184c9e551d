/**
 * Weighted modularity of a partition (Newman & Girvan 2004; Newman 2006, with the resolution γ of
 * Reichardt & Bornholdt 2006): Q = Σ_c [ in_c / m − γ (tot_c / 2m)² ], where in_c is the weight of the
 * edges inside community c, tot_c the weighted degree of its nodes and m the total edge weight.
 * A graph without edges has no meaningful modularity; it is reported as 0.
 */
import type { Projection } from './projection.js';

export function partitionModularity(p: Projection, communityOf: Int32Array, resolution = 1): number {
  const m = p.totalWeight;
  if (m === 0) return 0;
  let count = 0;
  for (let i = 0; i < communityOf.length; i++) count = Math.max(count, communityOf[i]! + 1);
  const inside = new Float64Array(count);
  const total = new Float64Array(count);
  for (let k = 0; k < p.edgeLo.length; k++) {
    const c = communityOf[p.edgeLo[k]!]!;
    if (c === communityOf[p.edgeHi[k]!]) inside[c]! += p.edgeWeight[k]!;
  }
  for (let i = 0; i < communityOf.length; i++) total[communityOf[i]!]! += p.strength[i]!;
  let q = 0;
  for (let c = 0; c < count; c++) q += inside[c]! / m - resolution * (total[c]! / (2 * m)) ** 2;
  return q;
}
