/**
 * Pair view: the analytics graph seen as a simple undirected graph of entity pairs, for path search.
 *
 * - Links count for reachability whichever way they were recorded: a call from A to B ties them both ways.
 * - Links below `minWeight` (occurrences) or of a kind outside `linkKinds` are left out.
 * - Several links between one pair are one hop, carried by the strongest link (highest weight, then the
 *   smallest link id so the choice is stable); the others are kept as parallel evidence of that hop.
 *   Counting each parallel link as its own path would multiply paths through the very same people
 *   (three links on each of two hops = nine "paths") and push distinct routes out of the top k.
 *
 * Neighbourhoods are built lazily and cached, so a search pays only for the nodes it reaches.
 */
import type { LinkKind } from '../../domain/kinds.js';
import type { AnalyticsGraph } from '../graph.js';

/** One hop between two entities: the link that carries it and the other links between the same pair. */
export interface PairLink {
  link: string;
  weight: number;
  /** Other eligible links between the same pair, strongest first. */
  parallel: string[];
}

export interface PairView {
  /** The eligible neighbours of a node, each with the links of its pair. */
  neighbours(node: string): ReadonlyMap<string, PairLink>;
}

export interface PairViewOptions {
  minWeight: number;
  linkKinds?: readonly LinkKind[] | undefined;
}

export function pairView(graph: AnalyticsGraph, options: PairViewOptions): PairView {
  const kinds = options.linkKinds ? new Set<string>(options.linkKinds) : null;
  const cache = new Map<string, Map<string, PairLink>>();

  function build(node: string): Map<string, PairLink> {
    const byPair = new Map<string, { link: string; weight: number }[]>();
    graph.forEachEdge(node, (edge, attr, source, target) => {
      if (attr.weight < options.minWeight) return;
      if (kinds && !kinds.has(attr.kind)) return;
      const other = source === node ? target : source;
      const list = byPair.get(other);
      if (list) list.push({ link: edge, weight: attr.weight });
      else byPair.set(other, [{ link: edge, weight: attr.weight }]);
    });
    const out = new Map<string, PairLink>();
    for (const [other, list] of byPair) {
      list.sort((a, b) => b.weight - a.weight || (a.link < b.link ? -1 : a.link > b.link ? 1 : 0));
      const [best, ...rest] = list as [{ link: string; weight: number }, ...{ link: string }[]];
      out.set(other, { link: best.link, weight: best.weight, parallel: rest.map((r) => r.link) });
    }
    return out;
  }

  return {
    neighbours(node) {
      let n = cache.get(node);
      if (!n) {
        n = build(node);
        cache.set(node, n);
      }
      return n;
    },
  };
}
