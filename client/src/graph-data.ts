/**
 * What GET /api/graph returns (server/domain/graph-wire.ts) and the graphology graph the client builds
 * from it. The client adds what drawing needs and nothing else: a position, whether the analyst pinned
 * the entity (ForceAtlas2 leaves `fixed` nodes where they are), and, in the graph of communities, the
 * community a node stands for.
 */
import Graph from 'graphology';
import type { EntityKind } from '../../server/domain/kinds.js';
import type {
  EdgeAttributes as WireEdgeAttributes,
  GraphAttributes,
  NodeAttributes as WireNodeAttributes,
  SerialisedGraph as WireGraph,
} from '../../server/domain/graph-wire.js';

export type { GraphAttributes };

export interface NodeAttributes extends Omit<WireNodeAttributes, 'kind'> {
  /** An entity kind, or 'community' for a node that stands for a whole community. */
  kind: EntityKind | 'community';
  x?: number;
  y?: number;
  fixed?: boolean;
  /** In the graph of communities: the community this node stands for, and how many it holds. */
  community?: number;
  members?: number;
}

export interface EdgeAttributes extends Omit<WireEdgeAttributes, 'kind'> {
  /** A link kind, or 'aggregate' for the links between two communities taken together. */
  kind: WireEdgeAttributes['kind'] | 'aggregate';
  /** Written by @sigma/edge-curve's indexParallelEdgesIndex: the place among links of one pair. */
  parallelIndex?: number | null;
  parallelMaxIndex?: number | null;
}

export type SerialisedGraph = WireGraph<WireNodeAttributes>;

export type CaseGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export function emptyGraph(): CaseGraph {
  return new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
}

export function toGraph(data: SerialisedGraph): CaseGraph {
  const graph = emptyGraph();
  graph.import(data as unknown as Parameters<CaseGraph['import']>[0]);
  return graph;
}

/** How many entities of each kind the graph holds. */
export function countKinds(graph: CaseGraph, only?: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  graph.forEachNode((node, attributes) => {
    if (!only || only.has(node)) counts.set(attributes.kind, (counts.get(attributes.kind) ?? 0) + 1);
  });
  return counts;
}

/**
 * Adds what a subgraph holds that the graph does not, and says what it added, so that an undo (or a
 * collapse) can take exactly that away again.
 */
export function mergeInto(
  graph: CaseGraph,
  data: SerialisedGraph,
  keepNode: (key: string, kind: string) => boolean = () => true,
): { nodes: string[]; edges: string[] } {
  const nodes: string[] = [];
  const edges: string[] = [];
  for (const n of data.nodes) {
    if (graph.hasNode(n.key) || !keepNode(n.key, n.attributes.kind)) continue;
    graph.addNode(n.key, { ...n.attributes });
    nodes.push(n.key);
  }
  for (const e of data.edges) {
    if (graph.hasEdge(e.key) || !graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    if (e.undirected) graph.addUndirectedEdgeWithKey(e.key, e.source, e.target, { ...e.attributes });
    else graph.addDirectedEdgeWithKey(e.key, e.source, e.target, { ...e.attributes });
    edges.push(e.key);
  }
  return { nodes, edges };
}
