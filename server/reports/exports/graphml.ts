/** GraphML (graphml.graphdrawing.org), as Gephi, yEd and graphology-graphml read it. */
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, xmlEscape as x, type ExportModel } from './model.js';

const TYPE: Record<string, string> = {
  count: 'int',
  durationS: 'int',
  amount: 'double',
  protected: 'boolean',
};

export function toGraphml(m: ExportModel): string {
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  );
  out.push('  <key id="label" for="node" attr.name="label" attr.type="string"/>');
  for (const a of NODE_ATTRIBUTES)
    out.push(`  <key id="n_${a}" for="node" attr.name="${a}" attr.type="${TYPE[a] ?? 'string'}"/>`);
  out.push('  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>');
  for (const a of EDGE_ATTRIBUTES)
    out.push(`  <key id="e_${a}" for="edge" attr.name="${a}" attr.type="${TYPE[a] ?? 'string'}"/>`);
  out.push(`  <graph id="${x(m.caseId)}" edgedefault="directed">`);
  for (const n of m.nodes) {
    out.push(`    <node id="${x(n.id)}">`);
    out.push(`      <data key="label">${x(n.label)}</data>`);
    for (const a of NODE_ATTRIBUTES) out.push(`      <data key="n_${a}">${x(String(n[a]))}</data>`);
    out.push('    </node>');
  }
  for (const e of m.edges) {
    out.push(
      `    <edge id="${x(e.id)}" source="${x(e.source)}" target="${x(e.target)}" directed="${e.directed}">`,
    );
    out.push(`      <data key="weight">${Math.max(1, e.count)}</data>`);
    for (const a of EDGE_ATTRIBUTES) out.push(`      <data key="e_${a}">${x(String(e[a]))}</data>`);
    out.push('    </edge>');
  }
  out.push('  </graph>');
  out.push('</graphml>');
  return out.join('\n') + '\n';
}
