/**
 * Section 5, every link of the case with its evidence (document, row or page, dates), in the order of
 * the codes it joins; section 6, the timeline of calls, payments and stays; section 7, the documents
 * with their SHA-256, so each reference can be matched to the file produced in court.
 */
import type { Flow } from '../../pdf/text.js';
import type { Evidence } from '../data.js';
import { isoMinute, type ReportContext } from '../context.js';

/** "F3 row 12", its words joined by non-breaking spaces so that a wrapped cell never splits it. */
const docRef = (ctx: ReportContext, e: Evidence) =>
  `${ctx.docCode(e.document.id)} ${e.ref ?? '(whole document)'}`.replace(/ /g, '\u00a0');

function measures(l: {
  count: number;
  durationS: number;
  amount: number;
  firstAt: string | null;
  lastAt: string | null;
}) {
  const parts: string[] = [];
  if (l.count) parts.push(`${l.count}x`);
  if (l.durationS) parts.push(`${l.durationS} s`);
  if (l.amount) parts.push(`Rs ${l.amount.toLocaleString('en-IN')}`);
  if (l.firstAt)
    parts.push(
      l.firstAt === l.lastAt || !l.lastAt
        ? isoMinute(l.firstAt)
        : `${isoMinute(l.firstAt)} to ${isoMinute(l.lastAt)}`,
    );
  return parts.join(', ');
}

export function links(flow: Flow, ctx: ReportContext): void {
  flow.newPage();
  flow.heading('5. Links and their evidence');
  flow.paragraph(
    'Every link of the case, with the documents that state it: the document code (section 7 gives its ' +
      'file name and SHA-256) and the row or page in it. Times are UTC. A link read from two documents ' +
      'lists both.',
    { size: 8.5, grey: 0.25 },
  );
  const code = (id: string) => ctx.code.get(id) ?? '?';
  const rows = [...ctx.data.links]
    .sort(
      (a, b) =>
        code(a.from).localeCompare(code(b.from), 'en', { numeric: true }) ||
        code(a.to).localeCompare(code(b.to), 'en', { numeric: true }) ||
        a.kind.localeCompare(b.kind) ||
        a.id.localeCompare(b.id),
    )
    .map((l, i) => [
      String(i + 1),
      `${code(l.from)} ${l.directed ? '->' : '-'} ${code(l.to)}`,
      l.kind + (typeof l.props.role === 'string' ? ` (${l.props.role})` : ''),
      measures(l),
      l.evidence.length ? l.evidence.map((e) => docRef(ctx, e)).join('; ') : 'no document of this case',
    ]);
  flow.table(
    [
      { title: '#', width: 5, align: 'right' },
      { title: 'Link', width: 15 },
      { title: 'Kind', width: 14 },
      { title: 'Measures, dates', width: 26 },
      { title: 'Evidence: document, row or page', width: 40 },
    ],
    rows,
    7.5,
  );
}

export function timeline(flow: Flow, ctx: ReportContext): void {
  flow.newPage();
  flow.heading('6. Timeline');
  const t = ctx.data.timeline;
  flow.paragraph(
    `Calls, messages, payments, stays and sightings of the case in time order (UTC), ${t.length} shown` +
      (ctx.data.timelineOmitted
        ? `, ${ctx.data.timelineOmitted} later ones left out here (they are in the CSV export).`
        : '.'),
    { size: 8.5, grey: 0.25 },
  );
  const code = (id: string) => ctx.code.get(id) ?? '?';
  flow.table(
    [
      { title: 'When (UTC)', width: 16 },
      { title: 'What', width: 12 },
      { title: 'Link', width: 15 },
      { title: 'Duration / amount', width: 14 },
      { title: 'Evidence', width: 43 },
    ],
    t.map((o) => [
      isoMinute(o.at),
      o.kind,
      `${code(o.from)} -> ${code(o.to)}`,
      o.durationS ? `${o.durationS} s` : o.amount ? `Rs ${o.amount.toLocaleString('en-IN')}` : '',
      o.evidence.map((e) => docRef(ctx, e)).join('; '),
    ]),
    7.5,
  );
}

export function documents(flow: Flow, ctx: ReportContext): void {
  flow.heading('7. Documents');
  flow.paragraph(
    'The evidence files of this case that the links above cite, as filed: code, file name, type, grading ' +
      '(reliability of the source A-F, credibility of the information 1-6), when and by whom it was filed into CaseGraph, and the SHA-256 of the file.',
    { size: 8.5, grey: 0.25 },
  );
  for (const d of ctx.data.documents) {
    flow.ensure(26);
    flow.paragraph(`${ctx.docCode(d.id)}  ${d.name}`, { font: 'Helvetica-Bold', size: 8.5 });
    flow.y -= 4;
    flow.paragraph(
      `type ${d.type}, grading ${d.grading.source}${d.grading.information}, filed ${isoMinute(d.filedAt)} UTC by ${d.filedBy}, SHA-256 ${d.sha256}`,
      { size: 7.5, indent: 18, grey: 0.15 },
    );
  }
}
