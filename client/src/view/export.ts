/**
 * The current view as a file: a PNG of what is drawn, or the shown entities and links as GEXF (Gephi)
 * or GraphML. Only what is shown goes out — hidden and filtered entities stay behind — and labels are
 * as the API served them, so a protected person leaves as their pseudonym.
 */
import Graph from 'graphology';
import { write as writeGexf } from 'graphology-gexf/browser';
import type { ViewController } from './controller.js';
import { toGraphml, type ExportEdge, type ExportNode } from './graphml.js';
import { communityOfNode } from './visibility.js';

function shown(view: ViewController): { nodes: ExportNode[]; edges: ExportEdge[] } {
  const { graph, visible, appearance, scores } = view;
  const nodes = [...visible.nodes].map((id) => {
    const a = graph.getNodeAttributes(id);
    return {
      id,
      kind: a.kind,
      label: a.label,
      community: communityOfNode(graph, id, scores) ?? null,
      x: a.x ?? 0,
      y: a.y ?? 0,
      size: appearance.size.get(id) ?? 1,
      colour: appearance.colour.get(id) ?? '#999999',
    };
  });
  const edges = [...visible.edges].map((id) => {
    const a = graph.getEdgeAttributes(id);
    return {
      id,
      source: graph.source(id),
      target: graph.target(id),
      directed: graph.isDirected(id),
      kind: a.kind,
      weight: a.weight,
      firstAt: a.firstAt,
      lastAt: a.lastAt,
    };
  });
  return { nodes, edges };
}

export function gexfOf(view: ViewController): string {
  const { nodes, edges } = shown(view);
  const g = new Graph({ type: 'mixed', multi: true });
  for (const n of nodes)
    g.addNode(n.id, {
      label: n.label,
      kind: n.kind,
      community: n.community ?? -1,
      x: n.x,
      y: n.y,
      size: n.size,
      color: n.colour,
    });
  for (const e of edges) {
    const attributes = { kind: e.kind, weight: e.weight, firstAt: e.firstAt ?? '', lastAt: e.lastAt ?? '' };
    if (e.directed) g.addDirectedEdgeWithKey(e.id, e.source, e.target, attributes);
    else g.addUndirectedEdgeWithKey(e.id, e.source, e.target, attributes);
  }
  return writeGexf(g, {
    formatNode: (_key, a) => ({
      label: String(a.label),
      attributes: { kind: a.kind, community: a.community },
      viz: { color: String(a.color), size: Number(a.size), x: Number(a.x), y: Number(a.y) },
    }),
    formatEdge: (_key, a) => ({
      weight: Number(a.weight),
      attributes: { kind: a.kind, firstAt: a.firstAt, lastAt: a.lastAt },
    }),
  });
}

export function graphmlOf(view: ViewController): string {
  const { nodes, edges } = shown(view);
  return toGraphml(nodes, edges);
}

/**
 * What is on screen, on white: sigma's layers (links, entities, labels) drawn in order onto one
 * canvas. The WebGL layers keep no copy of their last frame, so a frame is rendered first and read
 * in the same task, before the browser clears it.
 */
export function pngOf(view: ViewController): Promise<Blob> {
  const canvases = view.sigma.getCanvases();
  const { width, height } = view.sigma.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const out = document.createElement('canvas');
  out.width = Math.round(width * ratio);
  out.height = Math.round(height * ratio);
  const context = out.getContext('2d')!;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, out.width, out.height);
  view.sigma.refresh();
  for (const layer of ['edges', 'nodes', 'edgeLabels', 'labels', 'hovers', 'hoverNodes']) {
    const canvas = canvases[layer];
    if (canvas) context.drawImage(canvas, 0, 0, out.width, out.height);
  }
  return new Promise((resolve, reject) =>
    out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser made no PNG'))), 'image/png'),
  );
}

/** Offers a file to save, by a link the page clicks itself (a blob: URL, never sent anywhere). */
export function download(name: string, content: Blob | string, type: string): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
