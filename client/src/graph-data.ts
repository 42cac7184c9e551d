/**
 * What GET /api/graph returns: a subgraph in graphology's serialisation format (server/http/schemas.ts,
 * `serialisedGraphSchema`), and the graphology graph the client builds from it. Types only come from
 * server/domain; the shapes are restated here because the client may not import server/http.
 */
import Graph from 'graphology';
import type { EntityKind, LinkKind } from '../../server/domain/kinds.js';
import type { Props } from '../../server/domain/props.js';

export interface NodeAttributes {
  kind: EntityKind;
  label: string;
  key: string;
  scheme: string;
  props: Props;
  /** Layout position, written by layout.ts. */
  x?: number;
  y?: number;
}

export interface EdgeAttributes {
  kind: LinkKind;
  props: Props;
  count: number;
  durationS: number;
  amount: number;
  firstAt: string | null;
  lastAt: string | null;
  /** Occurrences recorded, at least 1. */
  weight: number;
}

export interface GraphAttributes {
  version: number;
  /** True when the server's limit cut the subgraph short. */
  truncated: boolean;
  /** True when the store holds the synthetic demo scenario the server seeded. */
  demo: boolean;
  case?: string;
}

export interface SerialisedGraph {
  attributes: GraphAttributes;
  options: { type: 'mixed'; multi: true; allowSelfLoops: false };
  nodes: { key: string; attributes: NodeAttributes }[];
  edges: { key: string; source: string; target: string; undirected: boolean; attributes: EdgeAttributes }[];
}

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
