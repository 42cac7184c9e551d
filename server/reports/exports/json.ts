/** graphology's serialisation format (graphology.github.io/serialization), as Graph.import() reads it. */
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type ExportModel } from './model.js';

export function toGraphologyJson(m: ExportModel): string {
  return JSON.stringify({
    attributes: { case: m.caseId, caseLabel: m.caseLabel, graphVersion: m.graphVersion },
    options: { type: 'mixed', multi: true, allowSelfLoops: false },
    nodes: m.nodes.map((n) => ({
      key: n.id,
      attributes: { label: n.label, ...Object.fromEntries(NODE_ATTRIBUTES.map((a) => [a, n[a]])) },
    })),
    edges: m.edges.map((e) => ({
      key: e.id,
      source: e.source,
      target: e.target,
      undirected: !e.directed,
      attributes: Object.fromEntries(EDGE_ATTRIBUTES.map((a) => [a, e[a]])),
    })),
  });
}
