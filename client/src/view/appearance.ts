/**
 * Colour and size per entity for the current encodings, worked out once per change of encoding or
 * analytics (not per frame): colour by community (Kelly's palette, largest communities first) or by
 * kind; size by the chosen centrality, on a square-root scale so a hub stands out without covering
 * its ring.
 */
import type { CaseGraph } from '../graph-data.js';
import { fade, kindStyle } from '../kinds.js';
import { LOOK } from '../look.js';
import { communityColours, OTHER_COMMUNITY } from './palette.js';
import { communityOfNode, type Scores } from './visibility.js';
import type { ColourBy } from './view-state.js';

export interface Appearance {
  colour: Map<string, string>;
  dimmed: Map<string, string>;
  size: Map<string, number>;
  /** Colour per community id, for the legend and the communities panel. */
  communities: Map<number, string>;
  /** Link widths are multiplied by this (smaller in large views). */
  edgeScale: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function sizeFor(share: number): number {
  const { min, max } = LOOK.node;
  return clamp(min + (max - min) * Math.sqrt(Math.max(0, share)), min, max);
}

export function communitySizes(graph: CaseGraph, scores: Scores): Map<number, number> {
  const sizes = new Map<number, number>();
  for (const [, c] of scores.communityOf) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  graph.forEachNode((_n, a) => {
    if (a.community !== undefined) sizes.set(a.community, a.members ?? 1);
  });
  return sizes;
}

export function computeAppearance(
  graph: CaseGraph,
  colourBy: ColourBy,
  scores: Scores,
  scale = 1,
): Appearance {
  const communities = communityColours(communitySizes(graph, scores));
  const colour = new Map<string, string>();
  const dimmed = new Map<string, string>();
  const size = new Map<string, number>();
  // A handful of colours for any number of entities: each is faded once.
  const fadedOf = new Map<string, string>();
  const faded = (c: string) => {
    let f = fadedOf.get(c);
    if (f === undefined) fadedOf.set(c, (f = fade(c, LOOK.dimAmount)));
    return f;
  };
  let largestCommunity = 1;
  graph.forEachNode((_n, a) => (largestCommunity = Math.max(largestCommunity, a.members ?? 1)));
  graph.forEachNode((node, a) => {
    const c = communityOfNode(graph, node, scores);
    const byCommunity = c === undefined ? OTHER_COMMUNITY : (communities.get(c) ?? OTHER_COMMUNITY);
    const chosen =
      a.kind === 'community' || colourBy === 'community' ? byCommunity : kindStyle(a.kind).colour;
    colour.set(node, chosen);
    dimmed.set(node, faded(chosen));
    const share =
      a.kind === 'community' ? (a.members ?? 1) / largestCommunity : (scores.centrality.get(node) ?? 0);
    size.set(node, sizeFor(share) * scale);
  });
  return { colour, dimmed, size, communities, edgeScale: Math.max(0.5, scale) };
}

/** Each entity's degree (distinct neighbours) as a share of the highest: size by degree needs no server. */
export function localDegreeShares(graph: CaseGraph): Map<string, number> {
  let max = 1;
  const degree = new Map<string, number>();
  graph.forEachNode((node) => {
    const d = graph.neighbors(node).length;
    degree.set(node, d);
    max = Math.max(max, d);
  });
  for (const [n, d] of degree) degree.set(n, d / max);
  return degree;
}

/** Scores from the server as shares of the highest. */
export function shares(scores: Record<string, number>): Map<string, number> {
  let max = 0;
  for (const v of Object.values(scores)) max = Math.max(max, v);
  return new Map(Object.entries(scores).map(([k, v]) => [k, max > 0 ? v / max : 0]));
}
