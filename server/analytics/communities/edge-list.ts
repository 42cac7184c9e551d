/**
 * A graph as a store can hand it over in bulk for community detection: entities by index, links as
 * three typed arrays. Building a graphology graph edge by edge costs several seconds per million links
 * (issue 4), far more than Louvain on it; a question asked before the projection exists (a cold start)
 * reads this instead and goes straight to the simple weighted projection.
 */
import type { EntityKind } from '../../domain/kinds.js';
import { fromLinks, type Projection } from './projection.js';

export interface EdgeList {
  /** Entity ids, ascending (the order of `project`, so seeded results agree with it). */
  ids: string[];
  kinds: EntityKind[];
  labels: string[];
  /** Link endpoints as indices into `ids`, and each link's weight (max(1, occurrences)). */
  from: Int32Array;
  to: Int32Array;
  weight: Float64Array;
}

/** How many links join two different entities of the given kinds: the links a projection keeps. */
export function linksAmong(list: Omit<EdgeList, 'labels'>, includeKinds: ReadonlySet<string>): number {
  let links = 0;
  for (let k = 0; k < list.from.length; k++) {
    const a = list.from[k]!;
    const b = list.to[k]!;
    if (a !== b && includeKinds.has(list.kinds[a]!) && includeKinds.has(list.kinds[b]!)) links++;
  }
  return links;
}

/** The projection `project` makes of the same graph: same node order, same summed weights. */
export function projectEdgeList(
  list: Omit<EdgeList, 'labels'>,
  includeKinds: ReadonlySet<string>,
): {
  projection: Projection;
  /** Index in `list.ids` of each projected node. */
  original: Int32Array;
} {
  const total = list.ids.length;
  const index = new Int32Array(total).fill(-1);
  const ids: string[] = [];
  const kinds: EntityKind[] = [];
  for (let i = 0; i < total; i++) {
    if (i > 0 && !(list.ids[i - 1]! < list.ids[i]!))
      throw new RangeError('edge list: ids must be strictly ascending');
    if (!includeKinds.has(list.kinds[i]!)) continue;
    index[i] = ids.length;
    ids.push(list.ids[i]!);
    kinds.push(list.kinds[i]!);
  }
  const m = list.from.length;
  const linkLo = new Int32Array(m);
  const linkHi = new Int32Array(m);
  const linkWeight = new Float64Array(m);
  let links = 0;
  for (let k = 0; k < m; k++) {
    const a = index[list.from[k]!]!;
    const b = index[list.to[k]!]!;
    if (a < 0 || b < 0 || a === b) continue;
    const w = list.weight[k]!;
    linkLo[links] = a < b ? a : b;
    linkHi[links] = a < b ? b : a;
    linkWeight[links++] = Number.isFinite(w) && w > 0 ? w : 1;
  }
  const original = new Int32Array(ids.length);
  for (let i = 0; i < total; i++) if (index[i]! >= 0) original[index[i]!] = i;
  return { projection: fromLinks(ids, kinds, linkLo, linkHi, linkWeight, links), original };
}
