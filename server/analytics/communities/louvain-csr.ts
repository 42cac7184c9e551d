/**
 * Louvain (Blondel et al. 2008) over typed arrays: the same algorithm, step for step, as
 * graphology-communities-louvain 2.0 with its defaults (fast local moves, a random start of the visit,
 * its tie-breaking), so that on the same graph and RNG it gives the same partition — tested in
 * louvain-csr.test.ts against graphology's own. What differs is only the data layout: graphology keeps
 * each aggregated graph's adjacency in one object per community, and the time goes to those objects and
 * to building a graphology graph first; here every level is a CSR of Int32Array/Float64Array.
 *
 * Replicated on purpose, because ties decide among equal moves and so the partition:
 * - the first level visits each row's neighbours in descending index order (graphology fills its rows
 *   backwards, edge by edge, from an edge list sorted by (lo, hi)): rows are read from their end, so the
 *   input (ascending rows) is used as it is, not copied;
 * - candidate communities are weighed in the order their first neighbour is met;
 * - an aggregated level numbers communities by first member and visits each row's neighbours ascending
 *   (graphology iterates an object's integer keys, which is ascending order): stored descending, read
 *   from the end like the first level;
 * - each level starts its queue at `floor(rng() * nodes)`.
 */

/** A simple undirected weighted graph in CSR form, each edge in both rows, no self-loops. */
export interface LouvainInput {
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

export interface LouvainOptions {
  resolution: number;
  rng: () => number;
}

/** Equal gains within this are a tie (graphology's EPSILON). */
const EPSILON = 1e-10;

/** The community of each node (labels 0.., not numbered in any particular order). */
export function louvainCsr(input: LouvainInput, { resolution, rng }: LouvainOptions): Int32Array {
  const n = input.offsets.length - 1;
  const e = input.targets.length;
  const mapping = new Int32Array(n);
  for (let i = 0; i < n; i++) mapping[i] = i;
  if (e === 0) return mapping;

  // Rows of the current level, each read from its end; the first level is the input itself. Nothing
  // here is sized by the edges but the aggregated levels, which are exact: on a heap of gigabytes (the
  // projection) every large typed array pushes V8 towards a full collection of that heap.
  let starts: Int32Array = input.offsets;
  let nbr: Int32Array = input.targets;
  let wt: Float64Array = input.weights;
  let C = n;
  const loops = new Float64Array(n);
  const total = new Float64Array(n);
  let M = 0;
  for (let i = 0; i < n; i++)
    for (let k = starts[i]!; k < starts[i + 1]!; k++) {
      total[i]! += wt[k]!;
      M += wt[k]!;
    }
  M /= 2;
  const twoM = 2 * M;

  const belongs = new Int32Array(n);
  const counts = new Int32Array(n);
  const unused = new Int32Array(n);
  // The neighbouring communities of one node: weight per community, listed in order of first sight.
  const seen = new Float64Array(n);
  const seenAt = new Int32Array(n).fill(-1);
  const seenList = new Int32Array(n);
  // FIFO queue of distinct nodes.
  const queue = new Int32Array(n);
  const queued = new Uint8Array(n);

  for (;;) {
    for (let i = 0; i < C; i++) {
      belongs[i] = i;
      counts[i] = 1;
    }
    let U = 0;
    let moved = false;
    let head = 0;
    const start = Math.floor(rng() * C);
    for (let s = 0, ri = start; s < C; s++, ri++) {
      queue[s] = ri % C;
      queued[ri % C] = 1;
    }
    let size = C;

    while (size !== 0) {
      const i = queue[head]!;
      head = head + 1 === n ? 0 : head + 1;
      size--;
      queued[i] = 0;

      const current = belongs[i]!;
      let degree = 0;
      let listed = 0;
      const rowStart = starts[i]!;
      for (let k = starts[i + 1]! - 1; k >= rowStart; k--) {
        const c = belongs[nbr[k]!]!;
        const w = wt[k]!;
        degree += w;
        if (seenAt[c] !== i) {
          seenAt[c] = i;
          seen[c] = w;
          seenList[listed++] = c;
        } else seen[c]! += w;
      }
      // Gains as graphology writes them, operation for operation, so rounding breaks no tie differently.
      const d = degree + loops[i]!;
      const ownWeight = seenAt[current] === i ? seen[current]! : 0;
      let bestDelta = ownWeight - (d * (total[current]! - d) * resolution) / twoM;
      let best = current;
      for (let x = 0; x < listed; x++) {
        const c = seenList[x]!;
        if (c === current) continue;
        const delta = seen[c]! - (d * total[c]! * resolution) / twoM;
        if (Math.abs(delta - bestDelta) < EPSILON) {
          if (best !== current && c > best) best = c;
        } else if (delta > bestDelta) {
          bestDelta = delta;
          best = c;
        }
      }
      // Stamps are node ids of this level; clear them so the next level's ids start fresh.
      for (let x = 0; x < listed; x++) seenAt[seenList[x]!] = -1;

      if (bestDelta < 0) {
        // Better alone than in its own community (possible with loops or γ ≠ 1): back to a singleton.
        if (counts[current] === 1) continue;
        best = unused[--U]!;
        total[current]! -= d;
        total[best]! += d;
        belongs[i] = best;
        counts[current]!--;
        counts[best]!++;
      } else {
        if (best === current) continue;
        total[current]! -= d;
        total[best]! += d;
        belongs[i] = best;
        if (counts[current]!-- === 1) unused[U++] = current;
        counts[best]!++;
      }
      moved = true;
      for (let k = starts[i + 1]! - 1; k >= rowStart; k--) {
        const j = nbr[k]!;
        if (belongs[j] !== best && queued[j] === 0) {
          queued[j] = 1;
          queue[(head + size) % n] = j;
          size++;
        }
      }
    }
    if (!moved) break;
    ({ starts, nbr, wt, C } = aggregate(C, starts, nbr, wt, belongs, loops, total, mapping, seen, seenAt));
  }
  return mapping;
}

/**
 * Zooms out: each community becomes a node whose loop is the community's internal weight (both
 * directions, plus its members' loops) and whose total weight is the community's. Rewrites `belongs`
 * to the new labels (numbered by first member), and `loops`, `total` and `mapping` in place.
 */
function aggregate(
  C: number,
  starts: Int32Array,
  nbr: Int32Array,
  wt: Float64Array,
  belongs: Int32Array,
  loops: Float64Array,
  total: Float64Array,
  mapping: Int32Array,
  acc: Float64Array,
  accAt: Int32Array,
): { starts: Int32Array; nbr: Int32Array; wt: Float64Array; C: number } {
  const label = new Int32Array(C).fill(-1);
  const newTotal = new Float64Array(C);
  let next = 0;
  for (let i = 0; i < C; i++) {
    const c = belongs[i]!;
    if (label[c] === -1) {
      label[c] = next;
      newTotal[next++] = total[c]!;
    }
    belongs[i] = label[c]!;
  }
  for (let i = 0; i < mapping.length; i++) mapping[i] = belongs[mapping[i]!]!;

  // Members of each new community in ascending order (counting sort).
  const memberStart = new Int32Array(next + 1);
  for (let i = 0; i < C; i++) memberStart[belongs[i]! + 1]!++;
  for (let c = 0; c < next; c++) memberStart[c + 1]! += memberStart[c]!;
  const members = new Int32Array(C);
  const fill = memberStart.slice(0, next);
  for (let i = 0; i < C; i++) members[fill[belongs[i]!]!++] = i;

  // Entries between different communities bound the new level's entries: allocate that, no more.
  let cross = 0;
  for (let i = 0; i < C; i++) {
    const c = belongs[i]!;
    for (let k = starts[i]!; k < starts[i + 1]!; k++) if (belongs[nbr[k]!] !== c) cross++;
  }
  const newStarts = new Int32Array(next + 1);
  const newNbr = new Int32Array(cross);
  const newWt = new Float64Array(cross);
  const newLoops = new Float64Array(next);
  let out = 0;
  for (let c = 0; c < next; c++) {
    const rowStart = out;
    let inside = 0;
    for (let x = memberStart[c]!; x < memberStart[c + 1]!; x++) {
      const i = members[x]!;
      inside += loops[i]!;
      for (let k = starts[i + 1]! - 1; k >= starts[i]!; k--) {
        const d = belongs[nbr[k]!]!;
        if (d === c) {
          inside += wt[k]!;
          continue;
        }
        if (accAt[d] !== c) {
          accAt[d] = c;
          acc[d] = 0;
          newNbr[out++] = d;
        }
        acc[d]! += wt[k]!;
      }
    }
    // Descending, so that reading from the end visits them ascending.
    newNbr.subarray(rowStart, out).sort().reverse();
    for (let k = rowStart; k < out; k++) newWt[k] = acc[newNbr[k]!]!;
    newLoops[c] = inside;
    newStarts[c + 1] = out;
  }
  accAt.fill(-1, 0, next);
  loops.set(newLoops);
  total.set(newTotal.subarray(0, next));
  return { starts: newStarts, nbr: newNbr.subarray(0, out), wt: newWt.subarray(0, out), C: next };
}
