/**
 * k shortest loopless paths — Yen, J. Y. (1971), "Finding the k shortest loopless paths in a network",
 * Management Science 17(11), 712–716.
 *
 * Over a PairView (undirected, one hop per entity pair). A path's cost is ordered by hops first, then by
 * its weakest link, strongest first ("widest shortest path"), then by its node ids so ties fall the same
 * way every time. That order is isotone (extending two paths by the same hop keeps their order), which is
 * what Yen's deviation argument needs; each spur path is found by a layered breadth-first search that
 * keeps, per node, the widest of its shortest paths.
 *
 * Search stays local: each spur path is found by a bidirectional search that meets halfway, so a hub near
 * either end costs its own neighbourhood, not the graph's.
 */
import type { PairView } from './pair-view.js';

export interface RankedPath {
  nodes: string[];
  hops: number;
  /** The weakest link's weight: a chain of ties is as strong as its weakest link. */
  weight: number;
}

export interface YenResult {
  /**
   * At most k paths in cost order. Yen's order is exact in hops and weakest link; where several paths
   * tie on both and not all fit in k, which ones are returned is fixed (the same every time) but not the
   * smallest by node ids; those returned are sorted by node ids.
   */
  paths: RankedPath[];
  /** True when more loopless paths within maxHops exist than were returned. */
  truncated: boolean;
}

/** Cost order: fewer hops, then a stronger weakest link, then node ids. */
export function comparePaths(a: RankedPath, b: RankedPath): number {
  if (a.hops !== b.hops) return a.hops - b.hops;
  if (a.weight !== b.weight) return b.weight - a.weight;
  const ka = a.nodes.join('\u0000');
  const kb = b.nodes.join('\u0000');
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

interface Label {
  /** Weakest link on the widest shortest path found to (forward) or from (backward) the node. */
  weight: number;
  /** The node before it on that path (forward) or after it (backward). */
  next: string | null;
}

/**
 * The widest of the shortest paths from `source` to `target` within `budget` hops, avoiding the blocked
 * nodes and the hops from `source` to `blockedFirst`; null when there is none.
 *
 * Bidirectional breadth-first search, a whole layer at a time from the side with the smaller frontier.
 * When a layer first reaches nodes the other side has labelled, after a forward and b backward layers,
 * the shortest path has a + b hops and passes through one of those nodes; every label on both sides is
 * the widest among shortest paths to its node, so the widest meeting node gives the widest shortest path.
 */
function spurPath(
  view: PairView,
  source: string,
  target: string,
  budget: number,
  blockedNodes: ReadonlySet<string>,
  blockedFirst: ReadonlySet<string>,
): RankedPath | null {
  const forward = new Map<string, Label>([[source, { weight: Infinity, next: null }]]);
  const backward = new Map<string, Label>([[target, { weight: Infinity, next: null }]]);
  let forwardFront = [source];
  let backwardFront = [target];
  let a = 0;
  let b = 0;
  const blocked = (u: string, v: string) =>
    blockedNodes.has(v) || (u === source && blockedFirst.has(v)) || (v === source && blockedFirst.has(u));

  while (a + b < budget && forwardFront.length && backwardFront.length) {
    const isForward = forwardFront.length <= backwardFront.length;
    const [labels, other, front] = isForward
      ? [forward, backward, forwardFront]
      : [backward, forward, backwardFront];
    const layer = new Map<string, Label>();
    for (const u of front) {
      const wu = labels.get(u)!.weight;
      for (const [v, pair] of view.neighbours(u)) {
        if (labels.has(v) || blocked(u, v)) continue;
        const w = Math.min(wu, pair.weight);
        const cur = layer.get(v);
        if (!cur || w > cur.weight) layer.set(v, { weight: w, next: u });
      }
    }
    let meet: string | null = null;
    let meetWeight = -Infinity;
    for (const [v, l] of layer) {
      labels.set(v, l);
      const o = other.get(v);
      if (o && Math.min(l.weight, o.weight) > meetWeight) {
        meet = v;
        meetWeight = Math.min(l.weight, o.weight);
      }
    }
    if (isForward) {
      a++;
      forwardFront = [...layer.keys()];
    } else {
      b++;
      backwardFront = [...layer.keys()];
    }
    if (meet !== null) {
      const nodes: string[] = [];
      for (let n: string | null = meet; n !== null; n = forward.get(n)!.next) nodes.push(n);
      nodes.reverse();
      for (let n = backward.get(meet)!.next; n !== null; n = backward.get(n)!.next) nodes.push(n);
      return { nodes, hops: a + b, weight: meetWeight };
    }
  }
  return null;
}

/** The k best loopless paths from `source` to `target` of at most `maxHops` hops (source !== target). */
export function yenKShortestPaths(
  view: PairView,
  source: string,
  target: string,
  k: number,
  maxHops: number,
): YenResult {
  const first = spurPath(view, source, target, maxHops, new Set(), new Set());
  if (!first) return { paths: [], truncated: false };

  const hopWeight = (u: string, v: string) => view.neighbours(u).get(v)!.weight;
  const accepted: RankedPath[] = [first];
  const candidates: RankedPath[] = [];
  const seen = new Set<string>([first.nodes.join('\u0000')]);

  for (;;) {
    const prev = accepted[accepted.length - 1]!;
    let rootWeight = Infinity;
    for (let j = 0; j < prev.hops; j++) {
      const spurNode = prev.nodes[j]!;
      const root = prev.nodes.slice(0, j + 1);
      if (j > 0) rootWeight = Math.min(rootWeight, hopWeight(prev.nodes[j - 1]!, spurNode));
      // Leave the hop every accepted path with this root takes next, and every node of the root itself.
      const blockedFirst = new Set<string>();
      for (const p of accepted)
        if (p.nodes.length > j + 1 && root.every((n, i) => p.nodes[i] === n))
          blockedFirst.add(p.nodes[j + 1]!);
      const blockedNodes = new Set(root.slice(0, j));
      const spur = spurPath(view, spurNode, target, maxHops - j, blockedNodes, blockedFirst);
      if (!spur) continue;
      const nodes = [...root.slice(0, j), ...spur.nodes];
      const key = nodes.join('\u0000');
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push({ nodes, hops: j + spur.hops, weight: Math.min(rootWeight, spur.weight) });
    }
    if (accepted.length >= k || candidates.length === 0)
      return { paths: accepted.sort(comparePaths), truncated: candidates.length > 0 };
    let best = 0;
    for (let i = 1; i < candidates.length; i++)
      if (comparePaths(candidates[i]!, candidates[best]!) < 0) best = i;
    accepted.push(candidates.splice(best, 1)[0]!);
  }
}
