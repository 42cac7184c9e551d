/** CSV (RFC 4180) of nodes and of links with provenance, one file each; a formula-looking cell is quoted with a leading apostrophe (CSV injection). */
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type ExportModel } from './model.js';

function cell(v: unknown): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const rows = (header: readonly string[], values: unknown[][]) =>
  [header.join(','), ...values.map((r) => r.map(cell).join(','))].join('\r\n') + '\r\n';

export function toNodesCsv(m: ExportModel): string {
  return rows(
    ['id', 'label', ...NODE_ATTRIBUTES],
    m.nodes.map((n) => [n.id, n.label, ...NODE_ATTRIBUTES.map((a) => n[a])]),
  );
}

export function toLinksCsv(m: ExportModel): string {
  return rows(
    ['id', 'source', 'target', 'directed', ...EDGE_ATTRIBUTES],
    m.edges.map((e) => [e.id, e.source, e.target, e.directed, ...EDGE_ATTRIBUTES.map((a) => e[a])]),
  );
}

/** Both in one file: the nodes, a blank line, the links (the route's `format=csv`). */
export function toCsv(m: ExportModel): string {
  return `${toNodesCsv(m)}\r\n${toLinksCsv(m)}`;
}
