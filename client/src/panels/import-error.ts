/**
 * An API error as the import screen shows it: a title an officer understands, the server's sentence
 * with its stable code, every row and column at fault in a table (or every record of a batch), whether
 * anything was written, and the request id to quote.
 */
import type { Issue } from '../../../server/domain/errors.js';
import { ApiError } from '../api.js';
import { el } from './dom.js';

const TITLES: Record<string, string> = {
  'IMPORT.ROWS_INVALID': 'Rows that cannot be read',
  'IMPORT.MISSING_COLUMN': 'A column the layout needs is missing',
  'IMPORT.UNREADABLE': 'The file cannot be read',
  'REQUEST.TOO_LARGE': 'The file is too large',
  'BATCH.INVALID': 'The batch has records that are not valid',
  'BATCH.UNKNOWN_ENTITY': 'The batch names entities that are not known',
  'DOCUMENT.CONFLICT': 'This file is already on record differently',
  'CASE.NOT_ASSIGNED': 'The case is not assigned to you',
  'AUTH.FORBIDDEN': 'Your role may not import',
};

/** Codes after which the API guarantees nothing was written. */
const NOTHING_WRITTEN = new Set([
  'IMPORT.ROWS_INVALID',
  'IMPORT.MISSING_COLUMN',
  'IMPORT.UNREADABLE',
  'REQUEST.TOO_LARGE',
  'REQUEST.INVALID',
  'BATCH.INVALID',
  'BATCH.UNKNOWN_ENTITY',
  'DOCUMENT.CONFLICT',
  'CASE.NOT_ASSIGNED',
  'AUTH.FORBIDDEN',
]);

const SHOWN = 200;
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function issuesTable(issues: Issue[]): HTMLElement {
  const byRow = issues.some((i) => i.row !== undefined);
  const table = el(
    'table',
    { className: 'import-table import-issues' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...(byRow ? ['Row', 'Column', 'Reason'] : ['Record', 'Reason']).map((h) => el('th', { text: h })),
      ),
    ),
  );
  const body = el('tbody');
  for (const i of issues.slice(0, SHOWN))
    body.append(
      el(
        'tr',
        {},
        ...(byRow
          ? [
              el('td', { className: 'num', text: i.row === undefined ? '' : String(i.row) }),
              el('td', { text: i.column ?? '' }),
            ]
          : [el('td', { className: 'mono', text: i.path })]),
        el('td', { text: i.message }),
      ),
    );
  table.append(body);
  if (issues.length <= SHOWN) return table;
  return el(
    'div',
    {},
    table,
    el('p', { className: 'muted', text: `…and ${issues.length - SHOWN} more, not shown.` }),
  );
}

/** `wrote`: whether the failed call could have written anything (a preview never does). */
export function errorBox(error: unknown, context: string, wrote = true): HTMLElement {
  const box = el('div', { className: 'import-error', attrs: { role: 'alert' } });
  if (!(error instanceof ApiError)) {
    box.append(
      el('h3', { className: 'import-error-title', text: context }),
      el('p', { text: error instanceof Error ? error.message : String(error) }),
    );
    return box;
  }
  box.dataset.code = error.code;
  const code = error.status ? `${error.code}, HTTP ${error.status}` : error.code;
  box.append(
    el('h3', { className: 'import-error-title', text: TITLES[error.code] ?? context }),
    el('p', { className: 'import-error-message', text: `${sentence(error.message)} (${code})` }),
  );
  if (error.issues.length) box.append(issuesTable(error.issues));
  if (wrote && NOTHING_WRITTEN.has(error.code))
    box.append(el('p', { className: 'import-nothing', text: 'Nothing was written.' }));
  if (error.requestId)
    box.append(
      el(
        'p',
        { className: 'notice-reference' },
        'Request id ',
        el('code', { className: 'request-id', text: error.requestId }),
        ' — quote it to the administrator.',
      ),
    );
  return box;
}
