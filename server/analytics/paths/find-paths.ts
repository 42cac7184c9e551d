/**
 * Paths between two entities: the shortest by hop count, then the next shortest loopless ones up to a
 * hop limit — Yen (1971), k shortest loopless paths (./yen.ts) over the pair view (./pair-view.ts).
 *
 * - Links are undirected for reachability; several links between one pair are one hop carried by the
 *   strongest, the others listed per hop in `parallel`.
 * - "Strong links only": links whose weight (occurrences, at least 1) is below `minWeight` are ignored.
 * - A path's `weight` is its weakest link's weight (a minimum, not a sum: a sum grows with the hops and
 *   would rank a long chain of one-off calls above a short one). Paths come fewest hops first, then
 *   strongest weakest link, then by node ids.
 */
import { LINK_KINDS, type LinkKind } from '../../domain/kinds.js';
import type { GraphPath } from '../../domain/views.js';
import { AnalyticsInputError, checkInteger } from '../errors.js';
import type { AnalyticsGraph } from '../graph.js';
import { pairView } from './pair-view.js';
import { yenKShortestPaths } from './yen.js';

export interface FindPathsOptions {
  /** Longest path reported, in hops (1..8). */
  maxHops: number;
  /** How many paths at most (1..50). */
  k: number;
  /** Ignore links whose weight is below this ("strong links only"); 1 keeps every link. */
  minWeight: number;
  /** Only links of these kinds; all kinds when absent. */
  linkKinds?: readonly LinkKind[] | undefined;
}

export const DEFAULTS: FindPathsOptions = { maxHops: 4, k: 5, minWeight: 1 };

export const LIMITS = { maxHops: { min: 1, max: 8 }, k: { min: 1, max: 50 } } as const;

export interface FoundPath extends GraphPath {
  /** Per hop, the other links between the same pair (strongest first); empty when there are none. */
  parallel: string[][];
  hops: number;
  /** The weakest link's weight along the path. */
  weight: number;
}

export interface FindPathsResult {
  from: string;
  to: string;
  /** At most k paths, fewest hops first; empty when the two are not tied within maxHops. */
  paths: FoundPath[];
  /** True when more loopless paths within maxHops exist than the k returned. */
  truncated: boolean;
}

/** Options merged over DEFAULTS and checked; an AnalyticsInputError names the first bad field. */
export function pathOptions(
  graph: AnalyticsGraph,
  from: string,
  to: string,
  options: Partial<FindPathsOptions>,
): FindPathsOptions {
  const o = { ...DEFAULTS, ...options };
  for (const [field, id] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (typeof id !== 'string' || !graph.hasNode(id))
      throw new AnalyticsInputError(field, `\`${field}\` is not an entity of this graph: ${String(id)}`);
  if (from === to) throw new AnalyticsInputError('to', '`to` must differ from `from`');
  checkInteger('maxHops', o.maxHops, LIMITS.maxHops.min, LIMITS.maxHops.max);
  checkInteger('k', o.k, LIMITS.k.min, LIMITS.k.max);
  if (typeof o.minWeight !== 'number' || !Number.isFinite(o.minWeight) || o.minWeight < 0)
    throw new AnalyticsInputError('minWeight', '`minWeight` must be a number of at least 0');
  if (o.linkKinds !== undefined) {
    if (!Array.isArray(o.linkKinds) || o.linkKinds.length === 0)
      throw new AnalyticsInputError('linkKinds', '`linkKinds` must name at least one link kind');
    const bad = o.linkKinds.find((k) => !(LINK_KINDS as readonly string[]).includes(k));
    if (bad !== undefined)
      throw new AnalyticsInputError(
        'linkKinds',
        `\`linkKinds\` must be among ${LINK_KINDS.join(', ')}; got ${String(bad)}`,
      );
  }
  return o;
}

export function findPaths(
  graph: AnalyticsGraph,
  from: string,
  to: string,
  options: Partial<FindPathsOptions> = {},
): FindPathsResult {
  const o = pathOptions(graph, from, to, options);
  const view = pairView(graph, o);
  const { paths, truncated } = yenKShortestPaths(view, from, to, o.k, o.maxHops);
  return {
    from,
    to,
    truncated,
    paths: paths.map((p) => {
      const links: string[] = [];
      const parallel: string[][] = [];
      for (let i = 0; i < p.hops; i++) {
        const pair = view.neighbours(p.nodes[i]!).get(p.nodes[i + 1]!)!;
        links.push(pair.link);
        parallel.push(pair.parallel);
      }
      return { nodes: p.nodes, links, parallel, hops: p.hops, weight: p.weight };
    }),
  };
}
