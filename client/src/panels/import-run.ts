/**
 * Running an import: where the evidence goes (the case, the grading of its source), what to do with bad
 * rows, the progress as the server reports it, and the summary with the way into the network view.
 */
import type { CaseSummary } from '../api-reads.js';
import type { Counts, ImportJob, RunSettings } from '../import/import-api.js';
import { counted, formatCount } from '../format.js';
import { button, el } from './dom.js';

const SOURCES: [string, string][] = [
  ['A', 'A — completely reliable'],
  ['B', 'B — usually reliable'],
  ['C', 'C — fairly reliable'],
  ['D', 'D — not usually reliable'],
  ['E', 'E — unreliable'],
  ['F', 'F — reliability cannot be judged'],
];
const INFORMATION: [string, string][] = [
  ['1', '1 — confirmed by other sources'],
  ['2', '2 — probably true'],
  ['3', '3 — possibly true'],
  ['4', '4 — doubtful'],
  ['5', '5 — improbable'],
  ['6', '6 — truth cannot be judged'],
];

export interface RunView {
  /** Its place among the screen's steps. */
  number: number;
  cases: CaseSummary[];
  /** An admin may import evidence of no case; everyone else names one of theirs. */
  caseOptional: boolean;
  /** A JSON batch carries its own case and grading, and is all-or-nothing. */
  batch: boolean;
  run: Omit<RunSettings, 'name'>;
  blocked: string | undefined;
  onChange: (change: Partial<Omit<RunSettings, 'name'>>) => void;
  onRun: () => void;
}

function select(
  id: string,
  label: string,
  options: [string, string][],
  value: string,
  on: (v: string) => void,
) {
  const s = el('select', { attrs: { id } });
  for (const [v, t] of options) s.append(el('option', { text: t, attrs: { value: v } }));
  s.value = value;
  s.addEventListener('change', () => on(s.value));
  return el('label', { className: 'import-choice' }, el('span', { text: label }), s);
}

function modeChoice(v: RunView): HTMLElement {
  const radio = (value: RunSettings['mode'], title: string, note: string) => {
    const input = el('input', {
      attrs: { type: 'radio', name: 'import-mode', value, id: `import-mode-${value}` },
    });
    input.checked = v.run.mode === value;
    input.disabled = v.batch && value === 'good-rows';
    input.addEventListener('change', () => input.checked && v.onChange({ mode: value }));
    return el(
      'label',
      { className: 'import-radio' },
      input,
      el('strong', { text: title }),
      el('span', { className: 'muted', text: note }),
    );
  };
  return el(
    'fieldset',
    { className: 'import-mode' },
    el('legend', { text: 'If some rows cannot be read' }),
    radio(
      'all-or-nothing',
      'Import nothing',
      'the file goes in whole or not at all; every bad row is listed',
    ),
    radio(
      'good-rows',
      'Import the good rows',
      'and keep the rejected ones as a CSV with a reason, to download',
    ),
  );
}

export function runSection(v: RunView): HTMLElement {
  const section = el('section', { className: 'import-step', attrs: { id: 'import-run' } });
  section.append(el('h2', { className: 'import-step-title', text: `${v.number}. Import` }));
  if (!v.batch) {
    const caseOptions: [string, string][] = [
      ['', v.caseOptional ? 'No case (evidence across cases)' : 'Choose the case…'],
      ...v.cases.map((c): [string, string] => [c.label, c.label]),
    ];
    const grading = v.run.grading ?? 'F6';
    section.append(
      el(
        'div',
        { className: 'import-controls' },
        select('import-case', 'Case (FIR) the evidence belongs to', caseOptions, v.run.case ?? '', (c) =>
          v.onChange({ case: c || undefined }),
        ),
        select('import-source', 'Source', SOURCES, grading[0]!, (s) =>
          v.onChange({ grading: `${s}${grading[1]}` }),
        ),
        select('import-information', 'Information', INFORMATION, grading[1]!, (i) =>
          v.onChange({ grading: `${grading[0]}${i}` }),
        ),
      ),
    );
  }
  section.append(modeChoice(v));
  const go = button('Import the file', v.onRun, { className: 'primary-button' });
  go.id = 'import-start';
  go.disabled = !!v.blocked;
  section.append(
    el(
      'div',
      { className: 'import-go' },
      go,
      v.blocked ? el('span', { className: 'muted', text: v.blocked }) : null,
    ),
  );
  return section;
}

/** `checked`: the server checked every row in a pass of its own before writing (a store holding data). */
export function progressSection(job: ImportJob, checked: boolean): HTMLElement {
  const p = job.progress;
  const bar = el('progress', { attrs: { id: 'import-progress', max: String(Math.max(p.bytesTotal, 1)) } });
  if (p.bytesTotal > 0 || job.state === 'done') bar.value = job.state === 'done' ? bar.max : p.bytesRead;
  const stage =
    job.state === 'queued'
      ? 'Waiting for the import before it to finish…'
      : job.state === 'done'
        ? 'Finished'
        : job.state === 'failed'
          ? 'Stopped'
          : p.phase === 'checking'
            ? 'Checking every row before anything is written (step 1 of 2)…'
            : checked
              ? 'Writing (step 2 of 2)…'
              : 'Writing…';
  const percent = p.bytesTotal ? Math.round((100 * p.bytesRead) / p.bytesTotal) : 0;
  return el(
    'section',
    { className: 'import-step', attrs: { id: 'import-progress-step', 'aria-live': 'polite' } },
    el('h2', { className: 'import-step-title', text: `Importing ${job.name}` }),
    el(
      'div',
      { className: 'import-bar' },
      bar,
      el('span', {
        className: 'import-percent',
        text: job.state === 'done' ? '100%' : p.bytesTotal ? `${percent}%` : 'starting',
      }),
    ),
    el('p', { className: 'import-stage', text: stage }),
    el(
      'p',
      { className: 'import-counts', attrs: { id: 'import-counts' } },
      el('span', { text: `${formatCount(p.rowsRead)} rows read` }),
      el('span', { className: 'count-ok', text: `${formatCount(p.rowsAccepted)} accepted` }),
      el('span', {
        className: p.rowsRejected ? 'count-bad' : '',
        text: `${formatCount(p.rowsRejected)} rejected`,
      }),
    ),
  );
}

export interface SummaryView {
  name: string;
  counts: Counts;
  rows?: { read: number; accepted: number; rejected: number };
  rejectedUrl?: string | undefined;
  caseLabel: string | undefined;
  find: string | undefined;
  onOpen: (find?: string) => void;
  onAnother: () => void;
}

export function summarySection(v: SummaryView): HTMLElement {
  const c = v.counts;
  const known = (x: { updated?: number; unchanged: number }) => (x.updated ?? 0) + x.unchanged;
  const row = (label: string, created: number, merged: number) =>
    el(
      'tr',
      {},
      el('th', { text: label }),
      el('td', { className: 'num', text: formatCount(created) }),
      el('td', { className: 'num', text: formatCount(merged) }),
    );
  const section = el('section', { className: 'import-step import-summary', attrs: { id: 'import-summary' } });
  section.append(el('h2', { className: 'import-step-title', text: `Imported ${v.name}` }));
  if (v.rows)
    section.append(
      el('p', {
        text: `${counted(v.rows.read, 'row')} read: ${formatCount(v.rows.accepted)} imported, ${formatCount(v.rows.rejected)} rejected.`,
      }),
    );
  section.append(
    el(
      'table',
      { className: 'import-table import-totals', attrs: { id: 'import-totals' } },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { text: '' }),
          el('th', { text: 'new' }),
          el('th', { text: 'already known, merged' }),
        ),
      ),
      el(
        'tbody',
        {},
        row('Entities', c.entities.created, known(c.entities)),
        row('Links', c.links.created, known(c.links)),
        row('Calls, messages, payments, stays', c.occurrences.created, c.occurrences.unchanged),
      ),
    ),
  );
  if (v.rejectedUrl)
    section.append(
      el(
        'p',
        {},
        el('a', {
          text: `Download the ${counted(v.rows?.rejected ?? 0, 'rejected row')} (CSV, with row, column and reason)`,
          attrs: { href: v.rejectedUrl, id: 'import-rejected-link', download: '' },
        }),
      ),
    );
  const open = button(
    v.caseLabel ? `Open ${v.caseLabel} in the network view` : 'Open the network view',
    () => v.onOpen(),
    {
      className: 'primary-button',
    },
  );
  open.id = 'import-open-view';
  const actions = el('div', { className: 'import-go' }, open);
  if (v.find) {
    const find = button(`Find ${v.find} in the network`, () => v.onOpen(v.find), {
      className: 'small-button',
    });
    find.id = 'import-find';
    actions.append(find);
  }
  const again = button('Import another file', v.onAnother, { className: 'small-button' });
  again.id = 'import-another';
  actions.append(again);
  section.append(actions);
  return section;
}
