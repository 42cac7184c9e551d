/**
 * Adding entities to what is loaded (an expansion, a path's missing links) and taking them away (a
 * collapse) as undoable steps. Each step keeps a copy of exactly what it added or removed — nodes with
 * their attributes, links with their ends — so undo and redo put back that and nothing else.
 */
import type { CaseGraph, EdgeAttributes, NodeAttributes } from '../graph-data.js';
import type { Step } from './history.js';

interface SavedEdge {
  key: string;
  source: string;
  target: string;
  undirected: boolean;
  attributes: EdgeAttributes;
}

const saveEdge = (graph: CaseGraph, key: string): SavedEdge => ({
  key,
  source: graph.source(key),
  target: graph.target(key),
  undirected: graph.isUndirected(key),
  attributes: { ...graph.getEdgeAttributes(key) },
});

function restoreEdge(graph: CaseGraph, e: SavedEdge): void {
  if (graph.hasEdge(e.key) || !graph.hasNode(e.source) || !graph.hasNode(e.target)) return;
  if (e.undirected) graph.addUndirectedEdgeWithKey(e.key, e.source, e.target, { ...e.attributes });
  else graph.addDirectedEdgeWithKey(e.key, e.source, e.target, { ...e.attributes });
}

/**
 * Runs `add` and returns what it added with the step that takes it away again (null when it added
 * nothing). `changed` is called after every undo and redo.
 */
export function additionStep(
  graph: CaseGraph,
  label: string,
  add: () => { nodes: string[]; edges: string[] },
  changed: () => void,
): { added: { nodes: string[]; edges: string[] }; step: Step | null } {
  const before = new Set(graph.nodes());
  const added = add();
  if (!added.nodes.length && !added.edges.length) return { added, step: null };
  const nodes: [string, NodeAttributes][] = added.nodes.map((n) => [n, { ...graph.getNodeAttributes(n) }]);
  const edges = added.edges.map((e) => saveEdge(graph, e));
  const remove = () => {
    for (const { key } of edges) if (graph.hasEdge(key)) graph.dropEdge(key);
    for (const [n] of nodes) if (graph.hasNode(n) && !before.has(n)) graph.dropNode(n);
    changed();
  };
  const restore = () => {
    for (const [n, a] of nodes) if (!graph.hasNode(n)) graph.addNode(n, { ...a });
    for (const e of edges) restoreEdge(graph, e);
    changed();
  };
  return { added, step: { label, undo: remove, redo: restore } };
}

/** Removes these entities (with their links) now, and returns the step that puts them back. */
export function removalStep(
  graph: CaseGraph,
  label: string,
  nodes: string[],
  changed: () => void,
): Step | null {
  const saved = nodes
    .filter((n) => graph.hasNode(n))
    .map((n) => ({
      node: n,
      attributes: { ...graph.getNodeAttributes(n) },
      edges: graph.edges(n).map((e) => saveEdge(graph, e)),
    }));
  if (!saved.length) return null;
  const remove = () => {
    for (const s of saved) if (graph.hasNode(s.node)) graph.dropNode(s.node);
    changed();
  };
  const restore = () => {
    for (const s of saved) if (!graph.hasNode(s.node)) graph.addNode(s.node, { ...s.attributes });
    for (const s of saved) for (const e of s.edges) restoreEdge(graph, e);
    changed();
  };
  remove();
  return { label, undo: restore, redo: remove };
}
