/** The cover: which case, for which court, prepared by whom, when, with which CaseGraph. */
import type { Flow } from '../../pdf/text.js';
import type { ReportContext } from '../context.js';

export function cover(flow: Flow, ctx: ReportContext): void {
  const c = ctx.data.caseEntity;
  const p = c.props;
  const text = (v: unknown) => (typeof v === 'string' && v ? v : '—');
  const by = ctx.meta.preparedBy;
  flow.y = 150;
  flow.page.text(flow.left, flow.y, 'Network analysis report', { font: 'Helvetica-Bold', size: 24 });
  flow.y += 26;
  flow.page.text(flow.left, flow.y, 'for the prosecution', { size: 14, grey: 0.25 });
  flow.y += 40;
  flow.fields(
    [
      ['Case (FIR)', c.label],
      ['Police station', text(p.policeStation)],
      ['District, state', `${text(p.district)}, ${text(p.state)}`],
      ['FIR date', text(p.firDate)],
      ['Sections of law', text(p.sections)],
      ['Court', ctx.meta.court],
      ...(by.statedAs ? ([['Prepared by', by.statedAs]] as [string, string][]) : []),
      [
        by.statedAs ? 'Asked for by' : 'Prepared by',
        `${by.name} (${by.role}${by.unit ? `, ${by.unit}` : ''})`,
      ],
      ['Generated at', `${ctx.meta.generatedAt.toISOString().replace('.000Z', 'Z')} (UTC)`],
      ['CaseGraph version', ctx.meta.version],
      ['Data version', `graph version ${ctx.data.graphVersion}`],
    ],
    11,
    140,
  );
  flow.y += 20;
  flow.paragraph(
    'Victims and minors are named in this report only by pseudonyms (for example "Victim V-0007"), as ' +
      'POCSO s.23, JJ Act s.74 and BNS s.72 require; no name, number or other identifying property of ' +
      'theirs is in this file. Every link drawn or listed names the document it comes from and the row ' +
      "or page in it. The footer of every page carries this report's verification reference: CaseGraph " +
      'answers, for the SHA-256 of this file, whether it produced it, when, for whom and from which data.',
    { size: 9.5, grey: 0.2 },
  );
  flow.subheading('Contents');
  flow.paragraph(
    '1. Summary   2. The network (picture and legend)   3. Persons   4. Other entities   ' +
      '5. Links and their evidence   6. Timeline   7. Documents   8. Method (annex)',
    { size: 10 },
  );
}
