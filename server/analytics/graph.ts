/**
 * The graph the analytics work on: a graphology multigraph with the wire attributes of
 * server/domain/graph-wire.ts, built from any subgraph a store returns. Analytics know no store.
 */
import Graph from 'graphology';
import type { EdgeAttributes, NodeAttributes } from '../domain/graph-wire.js';
import type { Subgraph } from '../domain/views.js';

export type AnalyticsGraph = Graph<NodeAttributes, EdgeAttributes>;

export function buildGraph(sub: Subgraph): AnalyticsGraph {
  const graph: AnalyticsGraph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  for (const n of sub.nodes)
    graph.addNode(n.id, { kind: n.kind, label: n.label, key: n.key, scheme: n.scheme, props: n.props });
  for (const l of sub.links) {
    const { id, from, to, directed, ...rest } = l;
    const attributes = { ...rest, weight: Math.max(1, l.count) };
    if (directed) graph.addDirectedEdgeWithKey(id, from, to, attributes);
    else graph.addUndirectedEdgeWithKey(id, from, to, attributes);
  }
  return graph;
}
