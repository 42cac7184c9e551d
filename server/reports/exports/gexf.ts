/** GEXF 1.3 (gexf.net), as Gephi opens it: entities and links with their attributes and provenance. */
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, xmlEscape as x, type ExportModel } from './model.js';

const TYPE: Record<string, string> = {
  count: 'integer',
  durationS: 'integer',
  amount: 'double',
  protected: 'boolean',
};

export function toGexf(m: ExportModel): string {
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push('<gexf xmlns="http://gexf.net/1.3" version="1.3">');
  out.push(
    `  <meta><creator>CaseGraph</creator><description>${x(`${m.caseLabel}, graph version ${m.graphVersion}`)}</description></meta>`,
  );
  out.push('  <graph defaultedgetype="directed" mode="static">');
  out.push('    <attributes class="node">');
  NODE_ATTRIBUTES.forEach((a) =>
    out.push(`      <attribute id="${a}" title="${a}" type="${TYPE[a] ?? 'string'}"/>`),
  );
  out.push('    </attributes>');
  out.push('    <attributes class="edge">');
  EDGE_ATTRIBUTES.forEach((a) =>
    out.push(`      <attribute id="${a}" title="${a}" type="${TYPE[a] ?? 'string'}"/>`),
  );
  out.push('    </attributes>');
  out.push('    <nodes>');
  for (const n of m.nodes) {
    out.push(`      <node id="${x(n.id)}" label="${x(n.label)}"><attvalues>`);
    NODE_ATTRIBUTES.forEach((a) => out.push(`        <attvalue for="${a}" value="${x(String(n[a]))}"/>`));
    out.push('      </attvalues></node>');
  }
  out.push('    </nodes>');
  out.push('    <edges>');
  for (const e of m.edges) {
    out.push(
      `      <edge id="${x(e.id)}" source="${x(e.source)}" target="${x(e.target)}" type="${e.directed ? 'directed' : 'undirected'}" weight="${Math.max(1, e.count)}" label="${x(e.kind)}"><attvalues>`,
    );
    EDGE_ATTRIBUTES.forEach((a) => out.push(`        <attvalue for="${a}" value="${x(String(e[a]))}"/>`));
    out.push('      </attvalues></edge>');
  }
  out.push('    </edges>');
  out.push('  </graph>');
  out.push('</gexf>');
  return out.join('\n') + '\n';
}
