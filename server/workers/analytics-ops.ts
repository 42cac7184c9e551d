/**
 * The questions the analytics worker answers, by name. Each takes the graph of the request's scope and
 * its parameters (already validated by the HTTP layer) and returns plain data.
 */
import type { AnalyticsGraph } from '../analytics/graph.js';

export type AnalyticsOp = (graph: AnalyticsGraph, params: Record<string, unknown>) => unknown;

export const OPS: Record<string, AnalyticsOp> = {
  /** Size of the graph in scope: the smallest question, and a check that the scope is what was asked. */
  size: (graph) => ({ nodes: graph.order, edges: graph.size }),
};
