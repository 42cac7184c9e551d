/**
 * Which entities and links the view shows, as a pure function of the graph, the view state and the
 * analytics: the reducers then only look the answer up, so a frame costs the same whatever the
 * filters. Computed again when the state or the graph changes, never per frame.
 */
import type { CaseGraph } from '../graph-data.js';
import type { ViewState } from './view-state.js';

export interface Scores {
  /** Community per entity (from the server's Louvain); a community node carries its own id. */
  communityOf: ReadonlyMap<string, number>;
  /** The size-by centrality, per entity, as a share of the highest (0–1). */
  centrality: ReadonlyMap<string, number>;
}

export interface Visible {
  nodes: Set<string>;
  edges: Set<string>;
}

export function communityOfNode(graph: CaseGraph, node: string, scores: Scores): number | undefined {
  return graph.getNodeAttribute(node, 'community') ?? scores.communityOf.get(node);
}

function timeOverlaps(first: string | null, last: string | null, range: [number, number]): boolean {
  // Links without occurrences (uses, holds, involves) are facts, not events: a time filter keeps them.
  if (first === null || last === null) return true;
  return Date.parse(first) <= range[1] && Date.parse(last) >= range[0];
}

export function computeVisible(graph: CaseGraph, state: ViewState, scores: Scores): Visible {
  const hiddenKinds = new Set(state.hiddenKinds);
  const hiddenLinks = new Set(state.hiddenLinkKinds);
  const hidden = new Set(state.hidden);
  const nodes = new Set<string>();
  graph.forEachNode((node, a) => {
    if (hiddenKinds.has(a.kind) || hidden.has(node)) return;
    if (state.community !== null && communityOfNode(graph, node, scores) !== state.community) return;
    if (state.minDegree > 0 && graph.neighbors(node).length < state.minDegree) return;
    if (state.minCentrality > 0 && (scores.centrality.get(node) ?? 0) < state.minCentrality) return;
    nodes.add(node);
  });
  const edges = new Set<string>();
  const touched = new Set<string>();
  graph.forEachEdge((edge, a, source, target) => {
    if (!nodes.has(source) || !nodes.has(target) || hiddenLinks.has(a.kind)) return;
    if (state.time && !timeOverlaps(a.firstAt, a.lastAt, state.time)) return;
    edges.add(edge);
    touched.add(source);
    touched.add(target);
  });
  if (state.hideIsolated) for (const n of [...nodes]) if (!touched.has(n)) nodes.delete(n);
  return { nodes, edges };
}
