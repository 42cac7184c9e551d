/** One page in plain words: how many of what, the groups found, who is key and why, without jargon. */
import type { EntityKind } from '../../../domain/kinds.js';
import type { Flow } from '../../pdf/text.js';
import { named, plural, type ReportContext } from '../context.js';

const COUNTED: EntityKind[] = ['person', 'phone', 'account', 'hotel', 'device', 'vehicle', 'location', 'ad'];

export function summary(flow: Flow, ctx: ReportContext): void {
  const { data, analysis } = ctx;
  flow.newPage();
  flow.heading('1. Summary');
  const count = (k: EntityKind) => data.entities.filter((e) => e.kind === k).length;
  const present = COUNTED.filter((k) => count(k) > 0).map((k) => plural(count(k), k));
  const last = present.pop();
  // Roles of persons only: an FIR also records the phones and accounts of a role.
  const personRoles = [...ctx.roles.entries()].filter(([id]) => ctx.byId.get(id)?.kind === 'person');
  const victims = personRoles.filter(([, r]) => r.includes('victim')).length;
  const accused = personRoles.filter(([, r]) =>
    r.some((x) => x !== 'victim' && x !== 'witness' && x !== 'complainant' && x !== 'customer'),
  ).length;
  flow.paragraph(
    `The evidence filed in this case (${data.documents.length} documents) connects ` +
      `${present.length ? `${present.join(', ')} and ${last}` : (last ?? 'no entities')}, through ` +
      `${data.links.length.toLocaleString('en-IN')} links (calls, messages, payments, stays, use of phones and accounts, and the case's own record of whom it involves). ` +
      (accused + victims
        ? `The FIR names ${accused} suspect${accused === 1 ? '' : 's'} in an active role and ${victims} victim${victims === 1 ? '' : 's'}; victims appear here by pseudonym only.`
        : 'No person is named in this FIR with a role.'),
    { size: 10.5 },
  );
  const groups = analysis.communities.communities.filter((c) => c.size > 1);
  flow.subheading('Groups found in the network');
  flow.paragraph(
    `Looking only at who is connected to whom, CaseGraph finds ${groups.length} group${groups.length === 1 ? '' : 's'} ` +
      'of people and identifiers that are much more connected among themselves than with the rest. ' +
      'A group is a pattern in the evidence, not a finding of guilt: it shows who deals with whom most.',
    { size: 10.5 },
  );
  for (const c of groups.slice(0, 6)) {
    const persons = c.kinds.person ?? 0;
    const top = c.topMembers
      .filter((m) => m.kind === 'person')
      .slice(0, 3)
      .map((m) => named(ctx, m.id));
    flow.paragraph(
      `Group ${c.id + 1}: ${c.size} entities, ${persons ? `of which ${persons} person${persons === 1 ? '' : 's'}` : 'no person among them'}` +
        (top.length ? `; most connected inside it: ${top.join(', ')}.` : '.'),
      { size: 10, indent: 12 },
    );
  }
  if (groups.length > 6)
    flow.paragraph(`… and ${groups.length - 6} smaller groups (see table 3).`, { size: 10, indent: 12 });

  flow.subheading('Key persons, and why they are key');
  const keyPersons = analysis.keyPersons.filter((id) => (analysis.scores.get(id)?.degree ?? 0) > 0);
  if (!keyPersons.length)
    flow.paragraph(
      'The evidence of this case links no person to a phone, account, hotel or another person.',
      {
        size: 10,
        indent: 12,
      },
    );
  for (const id of keyPersons) {
    const s = analysis.scores.get(id)!;
    const roles = ctx.roles.get(id);
    const why =
      `linked directly to ${s.degree} ${s.degree === 1 ? 'phone, account, hotel or person' : 'phones, accounts, hotels or persons'}` +
      (s.degree > 1 ? ', and through them to others who are themselves well connected' : '') +
      (analysis.brokers.includes(id)
        ? '; also stands between groups that would otherwise hardly be in touch'
        : '');
    flow.paragraph(`${named(ctx, id)}${roles ? ` (${roles.join(', ')} in the FIR)` : ''}: ${why}.`, {
      size: 10,
      indent: 12,
    });
  }
  const brokersOnly = analysis.brokers.filter((b) => !keyPersons.includes(b));
  for (const id of brokersOnly)
    flow.paragraph(
      `${named(ctx, id)}: stands between groups — many of the shortest chains of contact between other people pass through this person.`,
      { size: 10, indent: 12 },
    );
  flow.paragraph(
    'Codes such as P3 (person), T12 (phone), A4 (account) and H1 (hotel) name each entity in the picture and in every table. ' +
      'Each line of the picture is listed in section 5 with the document and the row or page it comes from.',
    { size: 9, grey: 0.3 },
  );
  if (data.truncated)
    flow.paragraph(
      'Note: this case holds more entities than a report takes; the report covers the first part of it.',
      {
        size: 9,
        font: 'Helvetica-Bold',
      },
    );
}
