/**
 * GraphML (graphml.graphdrawing.org) for the shown view: entities and links with their kind, label,
 * community, position, colour and size as typed keys, so yEd, Gephi or Cytoscape open it as drawn.
 * Written here because graphology-graphml only reads the format.
 */
export interface ExportNode {
  id: string;
  kind: string;
  label: string;
  community: number | null;
  x: number;
  y: number;
  size: number;
  colour: string;
}

export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  directed: boolean;
  kind: string;
  weight: number;
  firstAt: string | null;
  lastAt: string | null;
}

const escape = (v: string) =>
  v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const KEYS = [
  ['d0', 'node', 'kind', 'string'],
  ['d1', 'node', 'label', 'string'],
  ['d2', 'node', 'community', 'int'],
  ['d3', 'node', 'x', 'double'],
  ['d4', 'node', 'y', 'double'],
  ['d5', 'node', 'size', 'double'],
  ['d6', 'node', 'color', 'string'],
  ['e0', 'edge', 'kind', 'string'],
  ['e1', 'edge', 'weight', 'double'],
  ['e2', 'edge', 'firstAt', 'string'],
  ['e3', 'edge', 'lastAt', 'string'],
] as const;

export function toGraphml(nodes: ExportNode[], edges: ExportEdge[]): string {
  const data = (key: string, value: string | number | null) =>
    value === null ? '' : `<data key="${key}">${escape(String(value))}</data>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...KEYS.map(
      ([id, f, name, type]) => `  <key id="${id}" for="${f}" attr.name="${name}" attr.type="${type}"/>`,
    ),
    '  <graph id="casegraph" edgedefault="undirected">',
    ...nodes.map(
      (n) =>
        `    <node id="${escape(n.id)}">${data('d0', n.kind)}${data('d1', n.label)}${data('d2', n.community)}${data('d3', n.x)}${data('d4', n.y)}${data('d5', n.size)}${data('d6', n.colour)}</node>`,
    ),
    ...edges.map(
      (e) =>
        `    <edge id="${escape(e.id)}" source="${escape(e.source)}" target="${escape(e.target)}" directed="${e.directed}">${data('e0', e.kind)}${data('e1', e.weight)}${data('e2', e.firstAt)}${data('e3', e.lastAt)}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
    '',
  ];
  return lines.join('\n');
}
