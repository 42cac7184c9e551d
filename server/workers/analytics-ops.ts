/**
 * The questions the analytics worker answers, by name. Each takes the graph of the request's scope and
 * its parameters (already checked by the HTTP layer; the algorithms check them again) and returns
 * plain data.
 */
import { centrality, type Metric } from '../analytics/centrality/index.js';
import { detectCommunities } from '../analytics/communities/index.js';
import type { AnalyticsGraph } from '../analytics/graph.js';
import { explainTie } from '../analytics/paths/index.js';
import { sharedIdentifiers } from '../analytics/shared/index.js';

export type AnalyticsOp = (graph: AnalyticsGraph, params: Record<string, unknown>) => unknown;

/** Every node's score is sent for graphs a client can draw; above this, the ranking only. */
const ALL_SCORES_UP_TO = 20_000;

export const OPS: Record<string, AnalyticsOp> = {
  size: (graph) => ({ nodes: graph.order, edges: graph.size }),

  communities: (graph, p) =>
    detectCommunities(graph, { resolution: p.resolution as number, seed: p.seed as string }),

  centrality: (graph, p) => {
    const r = centrality(graph, p.metric as Metric, { top: p.limit as number });
    const { scores: _scores, ...rest } = r;
    return graph.order <= ALL_SCORES_UP_TO ? r : { ...rest, scoresOmitted: true };
  },

  paths: (graph, p) =>
    explainTie(graph, p.from as string, p.to as string, {
      maxHops: p.maxHops as number,
      k: p.k as number,
      minWeight: p.minWeight as number,
    }),

  shared: (graph, p) => sharedIdentifiers(graph, p.entity as string, { limit: p.limit as number }),
};
