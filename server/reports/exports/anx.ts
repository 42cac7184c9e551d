/**
 * An i2 Analyst's Notebook chart (ANX, the XML form ANB imports): an EntityType per CaseGraph kind with
 * i2's standard icon for it, a LinkType per link kind, one ChartItem per entity (at the report's layout
 * position) and per link (labelled with its kind, its provenance in the Description and an Evidence
 * attribute), so a unit that works in i2 opens the case there.
 */
import { xmlEscape as x, type ExportModel } from './model.js';

/** CaseGraph kind → i2 entity type name and standard icon file. */
export const I2_ENTITY_TYPES: Record<string, { name: string; icon: string }> = {
  person: { name: 'Person', icon: 'Person' },
  phone: { name: 'Telephone', icon: 'Phone' },
  device: { name: 'Mobile Handset', icon: 'Mobile Phone' },
  account: { name: 'Account', icon: 'Bank Account' },
  'id-document': { name: 'Identity Document', icon: 'Passport' },
  ip: { name: 'IP Address', icon: 'Computer' },
  location: { name: 'Location', icon: 'Location' },
  hotel: { name: 'Hotel', icon: 'Hotel' },
  vehicle: { name: 'Vehicle', icon: 'Car' },
  ad: { name: 'Advertisement', icon: 'Document' },
  case: { name: 'Case', icon: 'Police' },
  document: { name: 'Document', icon: 'Document' },
};

/** CaseGraph link kind → i2 link label. */
export const I2_LINK_LABELS: Record<string, string> = {
  uses: 'Uses',
  called: 'Called',
  messaged: 'Messaged',
  'in-device': 'In handset',
  'seen-at': 'Seen at',
  'used-ip': 'Used IP',
  holds: 'Holds',
  paid: 'Paid',
  'stayed-at': 'Stayed at',
  'located-at': 'Located at',
  'associate-of': 'Associate of',
  advertises: 'Advertises',
  'posted-by': 'Posted by',
  involves: 'Involves',
};

export function toAnx(m: ExportModel, positions: Map<string, { x: number; y: number }> = new Map()): string {
  const out: string[] = [];
  const kinds = [...new Set(m.nodes.map((n) => n.kind))].sort();
  const linkKinds = [...new Set(m.edges.map((e) => e.kind))].sort();
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push('<Chart IdReferenceLinking="false" Rigorous="true" UseLocalTimeZone="false">');
  out.push('  <AttributeClassCollection>');
  out.push('    <AttributeClass Name="Evidence" Type="AttText" ShowValue="false" Visible="true"/>');
  out.push('    <AttributeClass Name="CaseGraph id" Type="AttText" ShowValue="false" Visible="true"/>');
  out.push('    <AttributeClass Name="Role" Type="AttText" ShowValue="true" Visible="true"/>');
  out.push('  </AttributeClassCollection>');
  out.push('  <EntityTypeCollection>');
  for (const k of kinds) {
    const t = I2_ENTITY_TYPES[k] ?? { name: k, icon: 'Unknown' };
    out.push(
      `    <EntityType Name="${x(t.name)}" IconFile="${x(t.icon)}" Colour="0" PreferredRepresentation="RepresentAsIcon"/>`,
    );
  }
  out.push('  </EntityTypeCollection>');
  out.push('  <LinkTypeCollection>');
  for (const k of linkKinds) out.push(`    <LinkType Name="${x(I2_LINK_LABELS[k] ?? k)}" Colour="0"/>`);
  out.push('  </LinkTypeCollection>');
  out.push('  <ChartItemCollection>');
  for (const n of m.nodes) {
    const p = positions.get(n.id) ?? { x: 0, y: 0 };
    const type = I2_ENTITY_TYPES[n.kind]?.name ?? n.kind;
    out.push(
      `    <ChartItem Label="${x(n.label)}" Description="${x(`${n.kind} ${n.key}`)}" DateSet="false" XPosition="${Math.round(p.x)}">`,
    );
    out.push(`      <End X="${Math.round(p.x)}" Y="${Math.round(p.y)}" Z="0">`);
    out.push(`        <Entity EntityId="${x(n.id)}" Identity="${x(n.id)}" LabelIsIdentity="false">`);
    out.push(`          <Icon><IconStyle Type="${x(type)}"/></Icon>`);
    out.push('        </Entity>');
    out.push('      </End>');
    out.push('      <AttributeCollection>');
    out.push(`        <Attribute AttributeClass="CaseGraph id" Value="${x(n.id)}"/>`);
    if (n.roles) out.push(`        <Attribute AttributeClass="Role" Value="${x(n.roles)}"/>`);
    out.push('      </AttributeCollection>');
    out.push('    </ChartItem>');
  }
  for (const e of m.edges) {
    const label = I2_LINK_LABELS[e.kind] ?? e.kind;
    out.push(
      `    <ChartItem Label="${x(label + (e.role ? ` (${e.role})` : '') + (e.count > 1 ? ` x${e.count}` : ''))}" Description="${x(e.evidence)}" DateSet="false">`,
    );
    out.push(`      <Link End1Id="${x(e.source)}" End2Id="${x(e.target)}">`);
    out.push(
      `        <LinkStyle Type="${x(label)}" ArrowStyle="${e.directed ? 'ArrowOnHead' : 'ArrowNone'}" MlStyle="MultiplicitySingle"/>`,
    );
    out.push('      </Link>');
    out.push('      <AttributeCollection>');
    out.push(`        <Attribute AttributeClass="CaseGraph id" Value="${x(e.id)}"/>`);
    out.push(`        <Attribute AttributeClass="Evidence" Value="${x(e.evidence)}"/>`);
    out.push('      </AttributeCollection>');
    out.push('    </ChartItem>');
  }
  out.push('  </ChartItemCollection>');
  out.push('</Chart>');
  return out.join('\n') + '\n';
}
