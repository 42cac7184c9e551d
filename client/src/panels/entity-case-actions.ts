/**
 * In an entity's details, for those who work cases: attach it to one of their cases with a role and the
 * document that supports it, and watch it for a case (or stop). The documents offered are the case's
 * own — the ones among the entity's provenance that are evidence of that case, and the case record's —
 * since the server takes no other; what it refuses is still shown in its words.
 */
import type { Session } from '../api.js';
import type { CaseSummary, EntityDetail } from '../api-reads.js';
import { fetchEntity } from '../api-reads.js';
import {
  attachRole,
  CASE_ROLES,
  fetchWatches,
  unwatch,
  watch,
  type CaseRole,
  type Watch,
} from '../api-cases.js';
import { sentence } from './case-form.js';
import { button, el, statusNote } from './dom.js';

export interface CaseActionHooks {
  session: Session;
  cases: () => CaseSummary[];
  /** The case on show, if the view is one: the default target. */
  currentCase: () => string | null;
  attached: (caseId: string) => void;
  /** A watch was added or ended here: the watchlist, if open, reads itself again. */
  watchesChanged: () => void;
}

export interface EntityCaseActions {
  /** The "In a case" block of an entity's details, or null when there is nothing to offer. */
  render: (id: string, detail: EntityDetail) => HTMLElement | null;
  /** The watches as the watchlist changed them, so the next Watch button says so. */
  known: (watches: Watch[]) => void;
}

/** The documents of a case among these provenance records, once each. */
const caseDocuments = (detail: EntityDetail, caseId: string) => {
  const docs = new Map<string, string>();
  for (const p of detail.provenance)
    if (p.document.caseId === caseId) docs.set(p.document.id, p.document.name);
  return docs;
};

export function entityCaseActions(hooks: CaseActionHooks): EntityCaseActions {
  let watches: Promise<Watch[]> | null = null;
  const watched = () => (watches ??= fetchWatches().catch(() => []));
  /** The Watch button of the details on show, to be told of a watch ended in the watchlist. */
  let markShown: (list: Watch[]) => void = () => undefined;

  const render: EntityCaseActions['render'] = (id, detail) => {
    const cases = hooks.cases();
    if (!cases.length || detail.kind === 'case' || detail.kind === 'document') return null;
    const target = el('select', { attrs: { id: 'attach-case', 'aria-label': 'Case' } });
    for (const c of cases) target.append(el('option', { text: c.label, attrs: { value: c.id } }));
    const current = hooks.currentCase();
    if (current && cases.some((c) => c.id === current)) target.value = current;
    const role = el('select', { attrs: { id: 'attach-role', 'aria-label': 'Role' } });
    for (const r of CASE_ROLES) role.append(el('option', { text: r, attrs: { value: r } }));
    const document = el('select', { attrs: { id: 'attach-document', 'aria-label': 'Supporting document' } });
    const ref = el('input', {
      attrs: { id: 'attach-ref', placeholder: 'page, para (optional)', 'aria-label': 'Where in it' },
    });
    const { node: status, say } = statusNote('attach-status');

    const fillDocuments = async () => {
      const caseId = target.value;
      // The other case's documents go at once: a role cannot be attached on them while these load.
      document.replaceChildren();
      attach.disabled = true;
      say('');
      const docs = caseDocuments(detail, caseId);
      try {
        // The case record's own documents: what a role rests on when no evidence names it yet.
        for (const [docId, name] of caseDocuments(await fetchEntity(caseId), caseId)) docs.set(docId, name);
      } catch {
        // The entity's own documents are still offered; the server says what it refuses.
      }
      if (caseId !== target.value) return;
      document.replaceChildren(
        ...[...docs].map(([docId, name]) => el('option', { text: name, attrs: { value: docId } })),
      );
      attach.disabled = !docs.size;
      if (!docs.size) say('No document of this case to rest a role on.', true);
    };

    const attach = button('Attach', () => {
      say('Attaching…');
      const caseId = target.value;
      void attachRole(
        caseId,
        {
          entity: id,
          role: role.value as CaseRole,
          document: document.value,
          ...(ref.value.trim() ? { ref: ref.value.trim() } : {}),
        },
        hooks.session.csrfToken,
      )
        .then(() => {
          say(`Attached as ${role.value}.`);
          hooks.attached(caseId);
        })
        .catch((error: unknown) => say(sentence(error), true));
    });
    attach.id = 'attach';

    const watchButton = button('Watch', () => {
      const on = watchButton.dataset.watched === 'true';
      say(on ? 'Stopping the watch…' : 'Watching…');
      const call = on
        ? unwatch(id, hooks.session.csrfToken)
        : watch(id, target.value, hooks.session.csrfToken);
      watches = call;
      void call
        .then((list) => {
          mark(list);
          hooks.watchesChanged();
          say(
            on
              ? 'No longer watched.'
              : 'Watched: a later ingest that touches it or comes near the case raises an alert.',
          );
        })
        .catch((error: unknown) => {
          watches = null;
          say(sentence(error), true);
        });
    });
    watchButton.id = 'watch';
    const mark = (list: Watch[]) => {
      const w = list.find((x) => x.entity.id === id);
      watchButton.dataset.watched = String(!!w);
      watchButton.textContent = w ? `Unwatch (for ${w.fir})` : 'Watch';
    };
    markShown = mark;
    void watched().then(mark);

    target.addEventListener('change', () => void fillDocuments());
    void fillDocuments();
    return el(
      'div',
      { className: 'actions case-actions' },
      el('h3', { className: 'detail-heading', text: 'In a case' }),
      el('div', { className: 'action-row' }, target),
      el('div', { className: 'action-row' }, document),
      el('div', { className: 'action-row' }, role, ref),
      el('div', { className: 'action-row' }, attach, watchButton),
      status,
    );
  };
  return {
    render,
    known: (list) => {
      watches = Promise.resolve(list);
      markShown(list);
    },
  };
}
