/**
 * What GET /api/graph returns (server/domain/graph-wire.ts) and the graphology graph the client builds
 * from it.
 */
import Graph from 'graphology';
import type {
  EdgeAttributes,
  GraphAttributes,
  NodeAttributes as WireNodeAttributes,
  SerialisedGraph as WireGraph,
} from '../../server/domain/graph-wire.js';

export type { EdgeAttributes, GraphAttributes };

export interface NodeAttributes extends WireNodeAttributes {
  /** Layout position, written by layout.ts. */
  x?: number;
  y?: number;
}

export type SerialisedGraph = WireGraph<NodeAttributes>;

export type CaseGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export function toGraph(data: SerialisedGraph): CaseGraph {
  const graph: CaseGraph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  graph.import(data);
  return graph;
}

/** How many entities of each kind the graph holds. */
export function countKinds(graph: CaseGraph): Map<string, number> {
  const counts = new Map<string, number>();
  graph.forEachNode((_node, attributes) =>
    counts.set(attributes.kind, (counts.get(attributes.kind) ?? 0) + 1),
  );
  return counts;
}
