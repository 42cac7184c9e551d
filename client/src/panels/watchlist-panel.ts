/**
 * The investigator's watchlist (issue 9): "Watchlist" in the header lists the entities the officer
 * watches, each for one of their cases, with the alerts it has raised there — when, why (a new document
 * names it, or a new link brings it within two steps of the case) and the document of the batch that
 * did. "Show" opens the entity in its case's network; "Stop watching" ends the watch.
 */
import type { Session } from '../api.js';
import { fetchWatchAlerts, unwatch, type Watch, type WatchWithAlerts } from '../api-cases.js';
import { canImport } from '../import/roles.js';
import { kindStyle } from '../kinds.js';
import { counted } from '../format.js';
import { entityLine, WHY } from './case-lists.js';
import { sentence } from './case-form.js';
import { button, el, formatDate, formatDateTime, statusNote } from './dom.js';

export interface WatchlistHooks {
  session: Session;
  /** Selects the entity in the network, opening the watch's case first if it is not on show. */
  show: (caseId: string, entityId: string) => void;
  /** The watches changed here: the entity details' Watch buttons learn it. */
  changed: (watches: Watch[]) => void;
}

export interface Watchlist {
  /** Reads the list again if it is open (after a watch or unwatch elsewhere on the page). */
  refresh: () => void;
}

function alertItem(a: NonNullable<WatchWithAlerts['alerts']>[number]): HTMLElement {
  return el(
    'li',
    { className: 'watch-alert', data: { alert: a.id, reason: a.reason ?? '' } },
    el(
      'p',
      { className: 'alert-head' },
      el('strong', { text: WHY[a.reason ?? ''] ?? 'new evidence' }),
      ` · ${formatDateTime(a.raisedAt)}`,
    ),
    el('p', {
      className: 'alert-document',
      text: `Batch: ${a.document.name ?? 'a document of a case you may not read'}`,
    }),
  );
}

export function mountWatchlist(panel: HTMLElement, hooks: WatchlistHooks): Watchlist {
  const openButton = document.getElementById('watchlist-open');
  const body = panel.querySelector<HTMLElement>('.watchlist-body') ?? panel;
  if (!canImport(hooks.session.user.role) || !openButton) return { refresh: () => undefined };
  openButton.hidden = false;
  let token = 0;

  const { node: status, say } = statusNote('watchlist-status');

  const item = (w: WatchWithAlerts) => {
    const stop = button('Stop watching', () => {
      stop.disabled = true;
      say('Stopping the watch…');
      void unwatch(w.entity.id, hooks.session.csrfToken)
        .then((left) => {
          hooks.changed(left);
          say(`No longer watching ${w.entity.label}.`);
          return load();
        })
        .catch((error: unknown) => {
          stop.disabled = false;
          say(sentence(error), true);
        });
    });
    stop.classList.add('watch-stop');
    const show = button('Show', () => hooks.show(w.caseId, w.entity.id), {
      title: 'Select it in the network of its case',
    });
    show.classList.add('watch-show');
    const alerts =
      w.alerts === null
        ? el('p', {
            className: 'muted',
            text: 'The case is no longer assigned to you: its alerts are not shown.',
          })
        : w.alerts.length
          ? el('ul', { className: 'watch-alerts' }, ...w.alerts.map(alertItem))
          : el('p', { className: 'muted', text: 'No alerts yet.' });
    return el(
      'li',
      { className: 'watch', data: { entity: w.entity.id, case: w.caseId } },
      el('p', { className: 'watch-entity' }, entityLine(w.entity)),
      el('p', {
        className: 'muted',
        text: `${kindStyle(w.entity.kind).name}, for ${w.fir}, since ${formatDate(w.since)}`,
      }),
      el('div', { className: 'action-row' }, show, stop),
      el('h4', {
        className: 'watch-alerts-heading',
        text: w.alerts === null ? 'Alerts' : `Alerts (${w.alerts.length})`,
      }),
      alerts,
    );
  };

  async function load(): Promise<void> {
    const mine = ++token;
    try {
      const watches = await fetchWatchAlerts();
      if (mine !== token) return;
      body.replaceChildren(
        el('p', {
          className: 'panel-note',
          text: watches.length
            ? `${counted(watches.length, 'entity', 'entities')} watched. A later ingest that names one, or brings it within two steps of its case, raises an alert.`
            : 'You watch nothing. Watch an entity from its details (In a case → Watch).',
        }),
        el('ul', { className: 'watch-list', attrs: { id: 'watchlist' } }, ...watches.map(item)),
        status,
        button('Close', () => (panel.hidden = true)),
      );
    } catch (error) {
      if (mine !== token) return;
      body.replaceChildren(el('p', { className: 'error-text', text: sentence(error) }));
    }
  }

  openButton.addEventListener('click', () => {
    panel.hidden = false;
    say('');
    body.replaceChildren(el('p', { className: 'muted', text: 'Loading the watchlist…' }));
    void load();
    panel.scrollIntoView({ block: 'nearest' });
  });
  return {
    refresh: () => {
      if (!panel.hidden) void load();
    },
  };
}
