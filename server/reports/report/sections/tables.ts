/** Tables 3 and 4: persons with their roles and centralities; every other entity with its code. */
import type { Flow } from '../../pdf/text.js';
import { KIND_WORDS, type ReportContext } from '../context.js';

const fixed = (v: number, d: number) => v.toFixed(d);

/** The group of an entity as printed: blank for one alone (a "group" of one is no group). */
function groupOf(ctx: ReportContext, id: string): string {
  const { communityOf, communities } = ctx.analysis.communities;
  const c = communityOf[id];
  return c === undefined || (communities[c]?.size ?? 0) < 2 ? '' : String(c + 1);
}

const SHORT_KIND: Record<string, string> = {
  account: 'account',
  'id-document': 'ID document',
  ip: 'IP address',
  location: 'place / cell',
  hotel: 'hotel / lodge',
  ad: 'online ad',
  device: 'handset',
};

export function persons(flow: Flow, ctx: ReportContext): void {
  flow.newPage();
  flow.heading('3. Persons');
  flow.paragraph(
    'Role: as the FIR records it. Group: the community of section 1 (blank for a person in no group). ' +
      'Links: how many entities the person is directly linked to (degree). PageRank: how well connected ' +
      'they are to others who are themselves well connected (all persons and identifiers together sum ' +
      'to 1). Between: the share of shortest chains of contact between others that pass through them ' +
      '(betweenness). Key persons are marked *.',
    { size: 8.5, grey: 0.25 },
  );
  const keys = new Set(ctx.analysis.keyPersons);
  const rows = ctx.data.entities
    .filter((e) => e.kind === 'person')
    .map((e) => ({ e, s: ctx.analysis.scores.get(e.id) }))
    .sort((a, b) => (b.s?.pagerank ?? 0) - (a.s?.pagerank ?? 0) || a.e.id.localeCompare(b.e.id))
    .map(({ e, s }) => [
      `${ctx.code.get(e.id)}${keys.has(e.id) ? ' *' : ''}`,
      e.label,
      (ctx.roles.get(e.id) ?? []).join(', ') || '—',
      groupOf(ctx, e.id),
      String(s?.degree ?? 0),
      fixed(s?.pagerank ?? 0, 4),
      fixed(s?.betweenness ?? 0, 4),
    ]);
  flow.table(
    [
      { title: 'Code', width: 7 },
      { title: 'Name (pseudonym if protected)', width: 30 },
      { title: 'Role in the FIR', width: 18 },
      { title: 'Group', width: 7, align: 'right' },
      { title: 'Links', width: 7, align: 'right' },
      { title: 'PageRank', width: 10, align: 'right' },
      { title: 'Between', width: 10, align: 'right' },
    ],
    rows,
    8,
  );
}

export function others(flow: Flow, ctx: ReportContext): void {
  flow.heading('4. Other entities');
  const rows = ctx.data.entities
    .filter((e) => e.kind !== 'person')
    .sort((a, b) => {
      const ca = ctx.code.get(a.id)!;
      const cb = ctx.code.get(b.id)!;
      const pa = ca.replace(/\d+$/, '');
      const pb = cb.replace(/\d+$/, '');
      return pa.localeCompare(pb) || Number(ca.slice(pa.length)) - Number(cb.slice(pb.length));
    })
    .map((e) => [
      ctx.code.get(e.id)!,
      SHORT_KIND[e.kind] ?? KIND_WORDS[e.kind][0],
      e.label,
      (ctx.roles.get(e.id) ?? []).join(', '),
      groupOf(ctx, e.id),
      String(ctx.analysis.scores.get(e.id)?.degree ?? ''),
    ]);
  flow.table(
    [
      { title: 'Code', width: 7 },
      { title: 'Kind', width: 17 },
      { title: 'Identifier as written (pseudonym if protected)', width: 45 },
      { title: 'Role', width: 12 },
      { title: 'Group', width: 7, align: 'right' },
      { title: 'Links', width: 7, align: 'right' },
    ],
    rows,
    8,
  );
}
