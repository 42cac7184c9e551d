/** A store's subgraph in graphology's serialisation format, which the client loads with Graph.import. */
import type { SerialisedGraph } from '../domain/graph-wire.js';
import type { Subgraph } from '../domain/views.js';

export function toSerialisedGraph(
  sub: Subgraph,
  version: number,
  demo: boolean,
  caseId?: string,
): SerialisedGraph {
  return {
    attributes: { version, truncated: sub.truncated, demo, ...(caseId ? { case: caseId } : {}) },
    options: { type: 'mixed' as const, multi: true as const, allowSelfLoops: false as const },
    nodes: sub.nodes.map((n) => ({
      key: n.id,
      attributes: { kind: n.kind, label: n.label, key: n.key, scheme: n.scheme, props: n.props },
    })),
    edges: sub.links.map((l) => ({
      key: l.id,
      source: l.from,
      target: l.to,
      undirected: !l.directed,
      attributes: {
        kind: l.kind,
        props: l.props,
        count: l.count,
        durationS: l.durationS,
        amount: l.amount,
        firstAt: l.firstAt,
        lastAt: l.lastAt,
        weight: Math.max(1, l.count),
      },
    })),
  };
}
