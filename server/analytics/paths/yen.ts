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
 * Search stays local: hop distances to the target (a breadth-first search up to `maxHops`) bound every
 * spur search, so nodes that cannot reach the target within the hops left are never expanded.
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

/** Hop distance to `target` of every node within `maxHops` of it. */
function distancesTo(view: PairView, target: string, maxHops: number): Map<string, number> {
  const dist = new Map<string, number>([[target, 0]]);
  let frontier = [target];
  for (let h = 1; h <= maxHops && frontier.length; h++) {
    const next: string[] = [];
    for (const u of frontier)
      for (const v of view.neighbours(u).keys())
        if (!dist.has(v)) {
          dist.set(v, h);
          next.push(v);
        }
    frontier = next;
  }
  return dist;
}

/**
 * The widest of the shortest paths from `source` to `target` within `budget` hops, avoiding the blocked
 * nodes and pairs; null when there is none.
 */
function spurPath(
  view: PairView,
  source: string,
  target: string,
  budget: number,
  toTarget: Map<string, number>,
  blockedNodes: ReadonlySet<string>,
  /** Neighbours of `source` not to step to first (Yen's removed edges all leave the spur node). */
  blockedFirst: ReadonlySet<string>,
): RankedPath | null {
  const label = new Map<string, { weight: number; pred: string | null }>([
    [source, { weight: Infinity, pred: null }],
  ]);
  let frontier = [source];
  for (let h = 1; h <= budget && frontier.length; h++) {
    const next = new Map<string, { weight: number; pred: string }>();
    for (const u of frontier) {
      const wu = label.get(u)!.weight;
      for (const [v, pair] of view.neighbours(u)) {
        if (label.has(v) || blockedNodes.has(v) || (h === 1 && blockedFirst.has(v))) continue;
        const d = toTarget.get(v);
        if (d === undefined || d > budget - h) continue;
        const w = Math.min(wu, pair.weight);
        const cur = next.get(v);
        if (!cur || w > cur.weight) next.set(v, { weight: w, pred: u });
      }
    }
    for (const [v, l] of next) label.set(v, l);
    const end = next.get(target);
    if (end) {
      const nodes = [target];
      for (let p = end.pred as string | null; p !== null; p = label.get(p)!.pred) nodes.push(p);
      nodes.reverse();
      return { nodes, hops: h, weight: end.weight };
    }
    frontier = [...next.keys()];
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
  // A node farther than maxHops - 1 from the target is never a step of a path within maxHops.
  const toTarget = distancesTo(view, target, maxHops - 1);
  const first = spurPath(view, source, target, maxHops, toTarget, new Set(), new Set());
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
      const spur = spurPath(view, spurNode, target, maxHops - j, toTarget, blockedNodes, blockedFirst);
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
