/**
 * What a case shares with others, as lists: its cross-case hits, strongest first, and its alerts,
 * newest first. Another case the user may read is named and opens with a click; any other is only the
 * server's sentence — "another case at unit X holds this identifier — contact it" — for the server
 * sends nothing more of it.
 */
import type { CaseAlert, CaseHit, OtherCase } from '../api-cases.js';
import { kindStyle } from '../kinds.js';
import { button, el, formatDateTime, swatch } from './dom.js';

export type OpenCase = (id: string) => void;

function other(o: OtherCase, open: OpenCase): HTMLElement {
  if (!o.visible) return el('li', { className: 'hit-other hit-hidden', text: o.message });
  const name = button(o.fir, () => open(o.caseId), { className: 'link-button', title: 'Open this case' });
  return el('li', { className: 'hit-other' }, 'also in ', name, o.unit ? ` (${o.unit})` : '');
}

export const entityLine = (e: { kind: string; label: string }) =>
  el('span', { className: 'hit-entity' }, swatch(kindStyle(e.kind).colour), e.label);

export function hitList(hits: CaseHit[], open: OpenCase, select: (id: string) => void): HTMLElement {
  if (!hits.length)
    return el('p', { className: 'muted', text: 'No identifier of this case is in another case.' });
  const list = el('ul', { className: 'hit-list', attrs: { id: 'case-hits' } });
  for (const h of hits) {
    const show = button('Show', () => select(h.entity.id), { title: 'Select it in the network' });
    list.append(
      el(
        'li',
        { className: 'hit', data: { entity: h.entity.id, strength: h.strength } },
        el(
          'div',
          { className: 'hit-head' },
          entityLine(h.entity),
          el('span', { className: `strength strength-${h.strength}`, text: h.strength }),
          show,
        ),
        el('p', {
          className: 'muted',
          // The server counts links of the case's evidence, not the roles it gives.
          text: `${kindStyle(h.entity.kind).name}, ${
            h.linksHere
              ? `${h.linksHere} evidence link${h.linksHere === 1 ? '' : 's'} in this case`
              : 'named by a role here, no evidence link yet'
          }`,
        }),
        el('ul', { className: 'hit-others' }, ...h.others.map((o) => other(o, open))),
      ),
    );
  }
  return list;
}

export const WHY: Record<string, string> = {
  touched: 'a new document names it',
  near: 'a new link brings it within two steps of the case',
};

export function alertList(alerts: CaseAlert[], open: OpenCase): HTMLElement {
  if (!alerts.length) return el('p', { className: 'muted', text: 'No alerts on this case.' });
  const list = el('ul', { className: 'alert-list', attrs: { id: 'case-alerts' } });
  for (const a of alerts) {
    const head =
      a.kind === 'watch'
        ? `Watched${a.watcher ? ` by ${a.watcher}` : ''}: ${WHY[a.reason ?? ''] ?? 'new evidence'}`
        : 'Cross-case hit on ingest';
    list.append(
      el(
        'li',
        { className: `alert alert-${a.kind}`, data: { alert: a.id } },
        el(
          'p',
          { className: 'alert-head' },
          el('strong', { text: head }),
          ` · ${formatDateTime(a.raisedAt)}`,
        ),
        a.entity ? el('p', {}, entityLine(a.entity)) : null,
        el('p', {
          className: 'alert-document',
          text: `Batch: ${a.document.name ?? 'a document of a case you may not read'}`,
        }),
        a.other ? el('ul', { className: 'hit-others' }, other(a.other, open)) : null,
      ),
    );
  }
  return list;
}
