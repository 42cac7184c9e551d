/**
 * Views derived from a graphology graph (CSR, projections) are kept until the graph changes. Which of
 * graphology's events count as a change depends on what the view reads: links only, or node kinds too.
 */
import type { AnalyticsGraph } from './graph.js';

/** What changes the links of a graph: enough for a view that reads only ends and weights. */
export const LINK_CHANGES = [
  'nodeAdded',
  'edgeAdded',
  'nodeDropped',
  'edgeDropped',
  'cleared',
  'edgesCleared',
  'edgeAttributesUpdated',
  'eachEdgeAttributesUpdated',
] as const;

/** Links, and node attributes as well (a node's kind decides whether a projection keeps it). */
export const ANY_CHANGE = [
  ...LINK_CHANGES,
  'attributesUpdated',
  'nodeAttributesUpdated',
  'eachNodeAttributesUpdated',
] as const;

export function onChange(
  graph: AnalyticsGraph,
  events: readonly (typeof ANY_CHANGE)[number][],
  invalidate: () => void,
): void {
  for (const event of events) graph.on(event, invalidate);
}
