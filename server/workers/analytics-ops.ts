/**
 * The questions the analytics worker answers, by name. Each takes the graph of the request's scope and
 * its parameters (already checked by the HTTP layer; the algorithms check them again) and returns
 * plain data.
 */
import { centrality, type Metric } from '../analytics/centrality/index.js';
import {
  detectCommunities,
  detectCommunitiesInEdgeList,
  type EdgeList,
} from '../analytics/communities/index.js';
import type { AnalyticsGraph } from '../analytics/graph.js';
import { explainTie } from '../analytics/paths/index.js';
import { sharedIdentifiers } from '../analytics/shared/index.js';
import { brokers, connectedComponents, cutStructure, kCore } from '../analytics/structure/index.js';

/** What the worker knows besides the graph and the parameters. */
export interface OpContext {
  /** Victims and minors: persons no answer may call a broker. */
  protectedPersons: ReadonlySet<string>;
}

export type AnalyticsOp = (
  graph: AnalyticsGraph,
  params: Record<string, unknown>,
  context: OpContext,
) => unknown;

/** Every node's score is sent for graphs a client can draw; above this, the ranking only. */
const ALL_SCORES_UP_TO = 20_000;

const communityOptions = (p: Record<string, unknown>) => ({
  resolution: p.resolution as number,
  seed: p.seed as string,
});

/** `communities` on an edge list read in bulk, before the projection exists: the same answer. */
export const coldCommunities = (list: EdgeList, p: Record<string, unknown>) =>
  detectCommunitiesInEdgeList(list, communityOptions(p));

export const OPS: Record<string, AnalyticsOp> = {
  size: (graph) => ({ nodes: graph.order, edges: graph.size }),

  communities: (graph, p) => detectCommunities(graph, communityOptions(p)),

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

  /** Components largest first, so a tiny isolated pair does not hide in a big view. */
  components: (graph, p) => {
    const { components } = connectedComponents(graph, { minSize: p.minSize as number });
    const members = p.members as number;
    return {
      count: components.length,
      components: components.map((c) => ({
        index: c.index,
        size: c.size,
        nodes: c.nodes.slice(0, members),
        nodesTruncated: c.nodes.length > members,
      })),
    };
  },

  kcore: (graph, p) => {
    const nodes = kCore(graph, p.k as number);
    return { k: p.k, size: nodes.length, nodes };
  },

  /** Who holds the network together: cut points, bridges, and people whose ties span communities. */
  brokers: (graph, p, context) => {
    const { communityOf } = detectCommunities(graph, {});
    return {
      ...cutStructure(graph),
      brokers: brokers(graph, communityOf, p.limit as number, { notBrokers: context.protectedPersons }),
    };
  },
};
