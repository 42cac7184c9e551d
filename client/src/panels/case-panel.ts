/**
 * The investigator's case (issue 9): on a case's view, its record — the FIR and its fields, status,
 * the roles it gives with the documents behind them — with edit, close and withdraw-a-role for those
 * who may change cases; its cross-case hits and its alerts; and "Links of this case", which draws the
 * case with the entities one hop beyond it. "New case" in the header opens the same panel on an empty
 * FIR form. Every refusal is the API's own sentence and code, with the field it names.
 */
import type { Session } from '../api.js';
import type { Reach } from '../api-reads.js';
import {
  closeCase,
  CLOSE_REASONS,
  createCase,
  detachRole,
  editCase,
  fetchAlerts,
  fetchCase,
  fetchHits,
  type CaseRecord,
  type CaseRoleView,
  type CloseReason,
} from '../api-cases.js';
import { canImport } from '../import/roles.js';
import type { ViewController } from '../view/controller.js';
import { kindStyle } from '../kinds.js';
import { DATE_HINT, readIndianDate, todayIndian, toIndianDate } from '../dates.js';
import { alertList, hitList } from './case-lists.js';
import { casePlayers } from './case-players.js';
import { caseForm, sentence } from './case-form.js';
import { button, el, statusNote, swatch } from './dom.js';

export interface CaseScreen {
  /** The record on show (null on the cross-case view), and a way to read it again after a change. */
  current: () => CaseRecord | null;
  reload: () => Promise<void>;
  /** The view on show is the case's own graph (0) or its links (1): key players and brokers follow it. */
  reach: (caseId: string, reach: Reach) => void;
}

export interface CaseHooks {
  session: Session;
  view: ViewController;
  /** A case was opened here: the page lists it and shows its view. */
  created: (record: CaseRecord) => void;
  openCase: (id: string) => void;
  openLinks: (record: CaseRecord) => Promise<void>;
  /** The record on show was read (or there is none). */
  loaded: () => void;
}

function recordFacts(r: CaseRecord): HTMLElement {
  const list = el('dl', { className: 'props case-facts' });
  const row = (k: string, v: string | null) => {
    if (v) list.append(el('dt', { text: k }), el('dd', { text: v }));
  };
  row('Police station', `${r.policeStation}, ${r.district}, ${r.state}`);
  row('Registered', toIndianDate(r.registeredOn));
  row(
    'Offence',
    r.occurredFrom || r.occurredTo
      ? `${toIndianDate(r.occurredFrom) || '…'} to ${toIndianDate(r.occurredTo) || '…'}`
      : null,
  );
  row('Sections', r.sections.join(', ') || null);
  row('Officer', r.officer);
  row('Unit', r.unit);
  if (r.status === 'closed')
    row(
      'Closed',
      `${toIndianDate(r.closedOn)} — ${CLOSE_REASONS[r.closeReason ?? 'other']}${r.closeNote ? `: ${r.closeNote}` : ''}`,
    );
  return list;
}

export function mountCase(panel: HTMLElement, hooks: CaseHooks): CaseScreen {
  const { session, view } = hooks;
  const changes = canImport(session.user.role);
  const body = panel.querySelector<HTMLElement>('.case-body') ?? panel;
  const title = panel.querySelector<HTMLElement>('.panel-title');
  let record: CaseRecord | null = null;
  let token = 0;

  const { node: status, say } = statusNote('case-status');

  const newButton = document.getElementById('case-new');
  if (newButton && changes) {
    newButton.hidden = false;
    newButton.addEventListener('click', () => showCreate());
  }

  function showCreate(): void {
    token++;
    panel.hidden = false;
    if (title) title.textContent = 'New case';
    const form = caseForm('case-create', 'Open case', (f) => {
      void createCase(f.values(), session.csrfToken)
        .then((r) => hooks.created(r))
        .catch((error: unknown) => f.showError(error));
    });
    body.replaceChildren(
      el('p', { className: 'panel-note', text: 'The FIR as registered. The case is assigned to you.' }),
      form.form,
      button('Cancel', () => void show()),
    );
    form.form.querySelector('input')?.focus();
  }

  const roleItem = (r: CaseRecord, role: CaseRoleView) => {
    const item = el(
      'li',
      { className: role.detached ? 'case-role detached' : 'case-role', data: { entity: role.entity.id } },
      el('strong', { text: role.role }),
      ' ',
      el('span', {}, swatch(kindStyle(role.entity.kind).colour), role.entity.label),
      role.detached ? el('span', { className: 'muted', text: ' (withdrawn)' }) : null,
      el('span', {
        className: 'doc-meta',
        text: `on ${role.evidence.map((e) => `${e.name}${e.ref ? `, ${e.ref}` : ''}`).join('; ') || 'no document'}`,
      }),
    );
    if (changes && !role.detached && r.status === 'open') {
      const withdraw = button('Withdraw', () => {
        const reason = el('input', {
          className: 'detach-reason',
          attrs: { placeholder: 'Why, in a sentence (kept on record)', 'aria-label': 'Reason' },
        });
        const confirm = button('Withdraw role', () => {
          void detachRole(
            r.id,
            { entity: role.entity.id, role: role.role, reason: reason.value },
            session.csrfToken,
          )
            .then(() => reload())
            .catch((error: unknown) => note.replaceChildren(sentence(error)));
        });
        const note = el('span', { className: 'error-text field-error' });
        withdraw.replaceWith(el('div', { className: 'action-row' }, reason, confirm), note);
        reason.focus();
      });
      withdraw.classList.add('role-withdraw');
      item.append(withdraw);
    }
    return item;
  };

  const editForm = (r: CaseRecord, host: HTMLElement) => {
    const form = caseForm(
      'case-edit',
      'Save changes',
      (f) => {
        const edit = f.changes(r);
        if (!Object.keys(edit).length) return void show();
        void editCase(r.id, edit, session.csrfToken)
          .then(() => reload())
          .catch((error: unknown) => f.showError(error));
      },
      r,
    );
    host.replaceChildren(form.form);
  };

  const closeForm = (r: CaseRecord, host: HTMLElement) => {
    const reason = el('select', { attrs: { id: 'case-close-reason', 'aria-label': 'Reason' } });
    for (const [value, text] of Object.entries(CLOSE_REASONS))
      reason.append(el('option', { text, attrs: { value } }));
    const closedOn = el('input', {
      attrs: {
        id: 'case-close-on',
        'aria-label': 'Closed on',
        placeholder: DATE_HINT,
        inputmode: 'numeric',
        maxlength: '10',
      },
    });
    closedOn.value = todayIndian();
    const note = el('input', { attrs: { id: 'case-close-note', placeholder: 'Note (optional)' } });
    const error = el('p', { className: 'error-text', attrs: { id: 'case-close-error', role: 'alert' } });
    const form = el(
      'form',
      { className: 'case-form', attrs: { id: 'case-close' } },
      el('label', { className: 'case-field' }, el('span', { text: 'Reason' }), reason),
      el(
        'label',
        { className: 'case-field' },
        el('span', { text: 'Closed on' }, el('span', { className: 'field-hint', text: ` ${DATE_HINT}` })),
        closedOn,
      ),
      el('label', { className: 'case-field' }, el('span', { text: 'Note' }), note),
      error,
      el('button', { className: 'small-button', text: 'Close case', attrs: { type: 'submit' } }),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const day = readIndianDate(closedOn.value);
      if ('error' in day) {
        closedOn.setAttribute('aria-invalid', 'true');
        error.textContent = `Closed on: ${day.error}.`;
        return;
      }
      closedOn.removeAttribute('aria-invalid');
      const close = {
        reason: reason.value as CloseReason,
        closedOn: day.iso,
        ...(note.value.trim() ? { note: note.value.trim() } : {}),
      };
      void closeCase(r.id, close, session.csrfToken)
        .then(() => reload())
        .catch((e: unknown) => (error.textContent = sentence(e)));
    });
    host.replaceChildren(form);
  };

  /** The case whose links are on show, if any; and how the record on show ranks its players. */
  let linksOf: string | null = null;
  const reachOf = (caseId: string): Reach => (linksOf === caseId ? 1 : 0);
  let rankPlayers: (reach: Reach) => void = () => undefined;

  async function show(): Promise<void> {
    const mine = ++token;
    const scope = view.state.scope;
    if (scope === 'all') {
      record = null;
      panel.hidden = true;
      hooks.loaded();
      return;
    }
    panel.hidden = false;
    if (title) title.textContent = 'Case';
    body.replaceChildren(el('p', { className: 'muted', text: 'Loading the case…' }));
    try {
      const r = await fetchCase(scope);
      if (mine !== token) return;
      record = r;
      render(r, mine);
      hooks.loaded();
    } catch (error) {
      if (mine !== token) return;
      record = null;
      body.replaceChildren(el('p', { className: 'error-text', text: sentence(error) }));
    }
  }

  function render(r: CaseRecord, mine: number): void {
    const hits = el('div', {}, el('p', { className: 'muted', text: 'Looking for hits…' }));
    const alerts = el('div', {}, el('p', { className: 'muted', text: 'Loading alerts…' }));
    const form = el('div', { className: 'case-change' });
    const links = button(
      'Links of this case',
      () => {
        say('Loading the links…');
        void hooks
          .openLinks(r)
          .then(() => say(''))
          .catch((error: unknown) => say(sentence(error), true));
      },
      { title: 'The case with every entity one hop beyond it' },
    );
    links.id = 'case-links';
    const actions = el('div', { className: 'action-row' }, links);
    if (changes && r.status === 'open') {
      const edit = button('Edit', () => editForm(r, form));
      edit.id = 'case-edit-open';
      const close = button('Close…', () => closeForm(r, form));
      close.id = 'case-close-open';
      actions.append(edit, close);
    }
    const current = r.roles.filter((x) => !x.detached).length;
    const select = (id: string) => {
      if (!view.full.hasNode(id))
        return say('It is not in the network on show: open the links of this case.', true);
      say('');
      view.select([id]);
      void view.flyTo([id]);
    };
    const players = el('div', {});
    rankPlayers = (reach) => {
      if (players.firstElementChild?.getAttribute('data-reach') === String(reach)) return;
      players.replaceChildren(casePlayers(r.id, reach, select, () => mine === token));
    };
    rankPlayers(reachOf(r.id));
    body.replaceChildren(
      el(
        'p',
        { className: 'case-fir' },
        el('strong', { text: r.fir }),
        el('span', { className: `case-state case-${r.status}`, text: r.status }),
      ),
      recordFacts(r),
      actions,
      status,
      form,
      el('h3', { className: 'detail-heading', text: `Roles (${current})` }),
      r.roles.length
        ? el(
            'ul',
            { className: 'roles case-roles', attrs: { id: 'case-roles' } },
            ...r.roles.map((x) => roleItem(r, x)),
          )
        : el('p', {
            className: 'muted',
            attrs: { id: 'case-roles' },
            text: 'No roles yet: select an entity and attach it from its details.',
          }),
      el('h3', { className: 'detail-heading', text: 'Key players and brokers' }),
      players,
      el('h3', { className: 'detail-heading', text: 'Cross-case hits' }),
      hits,
      el('h3', { className: 'detail-heading', text: 'Alerts' }),
      alerts,
    );
    say('');
    void fetchHits(r.id)
      .then((h) => mine === token && hits.replaceChildren(hitList(h, hooks.openCase, select)))
      .catch((e: unknown) => hits.replaceChildren(el('p', { className: 'error-text', text: sentence(e) })));
    void fetchAlerts(r.id)
      .then((a) => mine === token && alerts.replaceChildren(alertList(a, hooks.openCase)))
      .catch((e: unknown) => alerts.replaceChildren(el('p', { className: 'error-text', text: sentence(e) })));
  }

  async function reload(): Promise<void> {
    await show();
  }

  let shownScope = '';
  view.on('graph', () => {
    if (view.state.scope === shownScope) return;
    shownScope = view.state.scope;
    void show();
  });
  return {
    current: () => record,
    reload,
    reach: (caseId, reach) => {
      linksOf = reach ? caseId : null;
      if (record?.id === caseId) rankPlayers(reach);
    },
  };
}
