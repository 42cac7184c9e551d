/**
 * A report for court, and the case's open exports (issue 10). On a case's view, for a role that makes
 * reports, a "Report" button in the toolbar opens this panel: it asks for the court and who prepared
 * the report, starts the report as a job, shows its progress, then offers the PDF and the draft BSA s.63
 * certificate with their SHA-256, which GET /api/reports/verify confirms. The exports are plain links:
 * the server names the files, masks them and records them as it does every answer.
 */
import { ApiError, type Session } from '../api.js';
import {
  EXPORT_FORMATS,
  exportUrl,
  fetchCertificate,
  reportJob,
  reportPdfUrl,
  startReport,
  type ReportJob,
} from '../api-reports.js';
import { makesReports } from '../report-access.js';
import type { ViewController } from '../view/controller.js';
import { button, el } from './dom.js';

const STAGES: Record<string, string> = {
  queued: 'Waiting to start',
  reading: 'Reading the links and their evidence',
  analysis: 'Finding groups and key persons',
  layout: 'Drawing the network and laying out the pages',
  writing: 'Writing the PDF',
  done: 'Done',
};
const POLL_MS = 400;

const sentence = (error: unknown) =>
  error instanceof ApiError
    ? `${error.message.charAt(0).toUpperCase()}${error.message.slice(1)} (${error.code})`
    : 'The report could not be made.';

function hashLine(id: string, label: string, sha: string): HTMLParagraphElement {
  return el(
    'p',
    { className: 'report-hash' },
    `${label} `,
    el('code', { text: sha, attrs: { id, title: 'SHA-256 of the file, as the audit trail records it' } }),
  );
}

export function mountReport(
  panel: HTMLElement,
  toolbar: HTMLElement,
  view: ViewController,
  session: Session,
  caseLabel: (id: string) => string,
): void {
  if (!makesReports(session.user.role)) return;
  const body = panel.querySelector<HTMLElement>('.report-body') ?? panel;
  const open = button('Report', () => show(), {
    title: 'A PDF report of this case for court, with its draft BSA s.63 certificate, and open exports',
  });
  open.id = 'report-open';
  open.hidden = true;
  toolbar.append(el('span', { className: 'tool-gap' }), open);

  const court = el('input', {
    attrs: { id: 'report-court', name: 'court', required: '', maxlength: '200', autocomplete: 'off' },
  });
  const preparedBy = el('input', {
    attrs: { id: 'report-prepared-by', name: 'preparedBy', maxlength: '200', autocomplete: 'off' },
  });
  preparedBy.value = session.user.displayName;
  const make = el('button', {
    className: 'small-button',
    text: 'Make report',
    attrs: { type: 'submit', id: 'report-make' },
  });
  const form = el(
    'form',
    { className: 'report-form', attrs: { id: 'report-form' } },
    el('label', {}, 'Court ', court),
    el('label', {}, 'Prepared by ', preparedBy),
    make,
  );
  const progress = el('progress', { attrs: { id: 'report-progress', max: '1', value: '0' } });
  const stage = el('p', { className: 'panel-note', attrs: { id: 'report-stage', 'aria-live': 'polite' } });
  const result = el('div', { className: 'report-result', attrs: { id: 'report-result' } });
  const exports = el('p', { className: 'report-exports', attrs: { id: 'report-exports' } });
  body.replaceChildren(
    form,
    progress,
    stage,
    result,
    el('h3', { className: 'report-subtitle', text: 'Open exports of the case' }),
    exports,
  );

  let caseId: string | null = null;
  /** Bumped when the case changes or a new report starts: an older poll then stops. */
  let run = 0;

  const reset = () => {
    run++;
    progress.value = 0;
    progress.hidden = true;
    stage.hidden = true;
    stage.classList.remove('error-text');
    result.replaceChildren();
    make.disabled = false;
  };

  const say = (text: string, error = false) => {
    stage.textContent = text;
    stage.classList.toggle('error-text', error);
    stage.hidden = false;
  };

  function show(): void {
    panel.hidden = false;
    court.focus();
  }

  const offer = async (job: ReportJob, mine: number) => {
    const pdf = el('a', {
      className: 'report-file',
      text: 'Report (PDF)',
      attrs: { id: 'report-pdf', href: reportPdfUrl(job.job), download: '' },
    });
    result.replaceChildren(
      el('p', {}, pdf),
      hashLine('report-sha256', 'SHA-256', job.sha256 ?? ''),
      el('p', { className: 'panel-note', text: `Verification reference ${job.reference ?? ''}` }),
    );
    try {
      const cert = await fetchCertificate(job.reference ?? '');
      if (mine !== run) return;
      const url = URL.createObjectURL(cert.blob);
      result.append(
        el(
          'p',
          {},
          el('a', {
            className: 'report-file',
            text: 'Draft certificate, BSA s.63 (PDF)',
            attrs: { id: 'report-certificate', href: url, download: cert.name },
          }),
        ),
        hashLine('report-certificate-sha256', 'SHA-256', cert.sha256),
        el('p', {
          className: 'panel-note',
          text: 'To be completed and signed: Part A by the officer, Part B by the expert.',
        }),
      );
    } catch (error) {
      if (mine === run) result.append(el('p', { className: 'error-text', text: sentence(error) }));
    }
  };

  const follow = async (job: ReportJob, mine: number) => {
    for (;;) {
      if (mine !== run) return;
      progress.value = job.progress;
      say(`${STAGES[job.stage] ?? job.stage} — ${Math.round(job.progress * 100)}%`);
      if (job.state === 'failed') {
        say(
          `The report failed: ${job.error?.message ?? 'no reason given'} (${job.error?.code ?? 'INTERNAL'})`,
          true,
        );
        make.disabled = false;
        return;
      }
      if (job.state === 'done') {
        say('The report is ready.');
        make.disabled = false;
        await offer(job, mine);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      job = await reportJob(job.job);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!caseId) return;
    reset();
    const mine = run;
    make.disabled = true;
    progress.hidden = false;
    say('Starting the report…');
    void startReport(
      caseId,
      { court: court.value.trim(), preparedBy: preparedBy.value.trim() },
      session.csrfToken,
    )
      .then((job) => follow(job, mine))
      .catch((error: unknown) => {
        if (mine !== run) return;
        say(sentence(error), true);
        make.disabled = false;
      });
  });

  const exportLinks = (id: string) => {
    const stem = caseLabel(id);
    exports.replaceChildren(
      ...EXPORT_FORMATS.map(([format, name]) =>
        el('a', {
          className: 'small-button export-link',
          text: name,
          attrs: {
            id: `case-export-${format}`,
            href: exportUrl(id, format),
            download: '',
            title: `${stem} as ${name}, masked, with the evidence of every link`,
          },
        }),
      ),
    );
  };

  view.on('graph', () => {
    const scope = view.state.scope;
    const next = scope === 'all' ? null : scope;
    if (next === caseId) return;
    caseId = next;
    reset();
    open.hidden = caseId === null;
    if (caseId === null) panel.hidden = true;
    else exportLinks(caseId);
  });
}
