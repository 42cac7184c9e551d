/**
 * The graph the analytics work on: a graphology multigraph with the wire attributes of
 * server/domain/graph-wire.ts, built from any subgraph a store returns. Analytics know no store.
 */
import Graph from 'graphology';
import type { EdgeAttributes, NodeAttributes } from '../domain/graph-wire.js';
import type { EntityView, LinkView, Subgraph } from '../domain/views.js';

export type AnalyticsGraph = Graph<NodeAttributes, EdgeAttributes>;

export const nodeAttributes = (e: EntityView): NodeAttributes => ({
  kind: e.kind,
  label: e.label,
  key: e.key,
  scheme: e.scheme,
  props: e.props,
});

export function edgeAttributes(l: LinkView): EdgeAttributes {
  const { id: _id, from: _from, to: _to, directed: _directed, ...rest } = l;
  return { ...rest, weight: Math.max(1, l.count) };
}

/** Adds an entity, or replaces its attributes when the graph has it already. */
export function putEntity(graph: AnalyticsGraph, e: EntityView): void {
  if (graph.hasNode(e.id)) graph.replaceNodeAttributes(e.id, nodeAttributes(e));
  else graph.addNode(e.id, nodeAttributes(e));
}

/** Adds a link, or replaces its attributes when the graph has it already. */
export function putLink(graph: AnalyticsGraph, l: LinkView): void {
  const attributes = edgeAttributes(l);
  // A merge of persons moves a link to another end under the same id: it is dropped and put again.
  if (graph.hasEdge(l.id) && !sameEnds(graph, l)) graph.dropEdge(l.id);
  if (graph.hasEdge(l.id)) graph.replaceEdgeAttributes(l.id, attributes);
  else if (l.directed) graph.addDirectedEdgeWithKey(l.id, l.from, l.to, attributes);
  else graph.addUndirectedEdgeWithKey(l.id, l.from, l.to, attributes);
}

function sameEnds(graph: AnalyticsGraph, l: LinkView): boolean {
  const [s, t] = graph.extremities(l.id);
  return (s === l.from && t === l.to) || (!l.directed && s === l.to && t === l.from);
}

export function buildGraph(sub: Subgraph): AnalyticsGraph {
  const graph: AnalyticsGraph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  for (const n of sub.nodes) putEntity(graph, n);
  for (const l of sub.links) putLink(graph, l);
  return graph;
}
