/**
 * Splits every community that is not connected into its connected parts, then numbers the communities
 * deterministically. Louvain (Blondel et al. 2008) can leave a community whose parts are joined only
 * through the community itself, not by any edge inside it (Traag, Waltman & van Eck 2019 show how often);
 * an analyst reads a community as one ring, so each part is reported as a community of its own.
 * Splitting a disconnected community never lowers modularity: its parts share no edge.
 */
import type { Projection } from './projection.js';

export interface SplitResult {
  /** Final community of each node index, numbered 0.. by size (largest first), then smallest node id. */
  communityOf: Int32Array;
  count: number;
  /** How many of the input communities were split. */
  split: number;
}

function find(parent: Int32Array, i: number): number {
  let root = i;
  while (parent[root] !== root) root = parent[root]!;
  while (parent[i] !== root) {
    const next = parent[i]!;
    parent[i] = root;
    i = next;
  }
  return root;
}

export function splitDisconnected(p: Projection, found: Int32Array): SplitResult {
  const n = p.ids.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  for (let k = 0; k < p.edgeLo.length; k++) {
    const a = p.edgeLo[k]!;
    const b = p.edgeHi[k]!;
    if (found[a] !== found[b]) continue;
    const ra = find(parent, a);
    const rb = find(parent, b);
    // Keep the smaller index as the root, so a part's root is its smallest (sorted-first) node.
    if (ra < rb) parent[rb] = ra;
    else if (rb < ra) parent[ra] = rb;
  }

  const size = new Int32Array(n);
  const roots: number[] = [];
  const partsOf = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const r = find(parent, i);
    if (size[r] === 0) {
      roots.push(r);
      partsOf.set(found[i]!, (partsOf.get(found[i]!) ?? 0) + 1);
    }
    size[r]!++;
  }
  let split = 0;
  for (const parts of partsOf.values()) if (parts > 1) split++;

  // Roots are each part's smallest index and ids are sorted, so ties on size fall to the smallest id.
  roots.sort((a, b) => size[b]! - size[a]! || a - b);
  const number = new Int32Array(n);
  roots.forEach((r, c) => (number[r] = c));
  const communityOf = new Int32Array(n);
  for (let i = 0; i < n; i++) communityOf[i] = number[find(parent, i)]!;
  return { communityOf, count: roots.length, split };
}
