/**
 * A subgraph as it travels to the client: graphology's serialisation format (Graph.import), with the
 * read shapes of views.ts as attributes. The server writes it (server/http/serialise-graph.ts) and the
 * client reads it, both from this one definition.
 */
import type { EntityView, LinkView } from './views.js';

export type NodeAttributes = Pick<EntityView, 'kind' | 'label' | 'key' | 'scheme' | 'props'>;

export type EdgeAttributes = Omit<LinkView, 'id' | 'from' | 'to' | 'directed'> & {
  /** Occurrences recorded, at least 1. */
  weight: number;
};

export interface GraphAttributes {
  /** The store's graph version the subgraph was read at. */
  version: number;
  /** True when a limit cut the subgraph short. */
  truncated: boolean;
  /** True when the store holds the synthetic demo scenario the server seeded. */
  demo: boolean;
  case?: string;
}

export interface SerialisedGraph<N extends NodeAttributes = NodeAttributes> {
  attributes: GraphAttributes;
  options: { type: 'mixed'; multi: true; allowSelfLoops: false };
  nodes: { key: string; attributes: N }[];
  edges: { key: string; source: string; target: string; undirected: boolean; attributes: EdgeAttributes }[];
}
