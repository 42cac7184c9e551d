/**
 * The details of the selected entity: what it is, its properties, its roles in cases, every
 * provenance record (document, row or page, who imported it and when, the source's grading), and a
 * timeline of its occurrences; with the actions on it — expand neighbours by kind with a limit,
 * collapse, hide, pin — and, for a person, the people who share an identifier with them.
 */
import { fetchEntity, fetchLink, type EntityDetail } from '../api-reads.js';
import { ApiError } from '../api.js';
import type { ViewController } from '../view/controller.js';
import { collapse, DEFAULTS as EXPAND, expand, hasExpanded } from '../view/expand.js';
import { kindStyle, KIND_ORDER } from '../kinds.js';
import { counted } from '../format.js';
import { button, el, formatDateTime, swatch } from './dom.js';
import { renderTimeline } from './timeline.js';

export const DEFAULTS = { timelineLinks: 15 };

function properties(detail: EntityDetail): HTMLElement {
  const list = el('dl', { className: 'props' });
  list.append(el('dt', { text: 'Key' }), el('dd', { text: detail.key }));
  for (const [k, v] of Object.entries(detail.props)) {
    if (v === null || v === undefined || v === '') continue;
    list.append(el('dt', { text: k }), el('dd', { text: Array.isArray(v) ? v.join(', ') : String(v) }));
  }
  return list;
}

function roles(
  view: ViewController,
  id: string,
  detail: EntityDetail,
  caseLabel: (id: string) => string,
): HTMLElement {
  const list = el('ul', { className: 'roles' });
  const seen = new Set<string>();
  if (view.full.hasNode(id))
    view.full.forEachEdge(id, (_e, a, source) => {
      if (a.kind !== 'involves' || source === id) return;
      seen.add(source);
      const fir = caseLabel(source);
      list.append(el('li', {}, el('strong', { text: String(a.props.role ?? 'involved') }), ` in ${fir}`));
    });
  for (const c of detail.caseIds) {
    if (seen.has(c) || c === id) continue;
    const fir = caseLabel(c);
    list.append(el('li', { text: `in the evidence of ${fir}` }));
  }
  if (!list.childElementCount)
    list.append(el('li', { className: 'muted', text: 'No case names a role for it.' }));
  return list;
}

function provenance(detail: EntityDetail): HTMLElement {
  const list = el('ol', { className: 'provenance' });
  for (const p of detail.provenance)
    list.append(
      el(
        'li',
        { className: 'provenance-record' },
        el('span', { className: 'doc-name', text: p.document.name }),
        el('span', {
          className: 'doc-meta',
          text: `${p.ref ?? 'whole document'} · ${p.document.type} · graded ${p.document.grading.source}${p.document.grading.information}`,
        }),
        el('span', {
          className: 'doc-meta',
          text: `imported by ${p.importedBy}, ${formatDateTime(p.importedAt)}`,
        }),
      ),
    );
  return list;
}

async function timeline(view: ViewController, id: string): Promise<SVGSVGElement | HTMLElement> {
  if (!view.full.hasNode(id)) return el('p', { className: 'muted', text: 'No occurrences loaded.' });
  const links = view.full
    .edges(id)
    .filter((e) => view.full.getEdgeAttribute(e, 'count') > 0)
    .sort((a, b) => view.full.getEdgeAttribute(b, 'weight') - view.full.getEdgeAttribute(a, 'weight'))
    .slice(0, DEFAULTS.timelineLinks);
  const details = await Promise.all(links.map((l) => fetchLink(l, 200)));
  const occurrences = details.flatMap((d) =>
    d.occurrences.map((o) => ({ at: Date.parse(o.at), kind: d.kind })),
  );
  return (
    renderTimeline(occurrences) ??
    el('p', { className: 'muted', text: 'No calls, payments or stays on record.' })
  );
}

function actions(view: ViewController, id: string, onShared: (id: string) => void): HTMLElement {
  const kind = el('select', { attrs: { id: 'expand-kind', 'aria-label': 'Kind of neighbours' } });
  kind.append(el('option', { text: 'all kinds', attrs: { value: '' } }));
  for (const k of KIND_ORDER) kind.append(el('option', { text: kindStyle(k).name, attrs: { value: k } }));
  const limit = el('input', {
    attrs: {
      id: 'expand-limit',
      type: 'number',
      min: '1',
      max: '500',
      value: String(EXPAND.limit),
      'aria-label': 'At most',
    },
  });
  const status = el('span', {
    className: 'action-status',
    attrs: { id: 'expand-status', 'aria-live': 'polite' },
  });
  const doExpand = button('Expand', () => {
    status.textContent = 'Expanding…';
    void expand(view, id, kind.value || null, Math.max(1, Number(limit.value) || EXPAND.limit))
      .then(
        (n) => (status.textContent = n ? `${counted(n, 'entity', 'entities')} added` : 'Nothing more to add'),
      )
      .catch((e: unknown) => (status.textContent = e instanceof ApiError ? e.message : 'Expansion failed'));
  });
  doExpand.id = 'expand';
  const pinned = view.state.pinned.includes(id);
  const row = el(
    'div',
    { className: 'actions' },
    el(
      'div',
      { className: 'action-row' },
      doExpand,
      kind,
      el('label', { className: 'inline' }, 'max ', limit),
    ),
    el(
      'div',
      { className: 'action-row' },
      button(
        'Collapse',
        () => {
          const n = collapse(view, id);
          status.textContent = n
            ? `${counted(n, 'entity', 'entities')} removed`
            : 'Nothing was expanded from it';
        },
        {
          title: hasExpanded(view, id) ? 'Take away what expanding it added' : 'Nothing was expanded from it',
        },
      ),
      button('Hide', () => view.update({ hidden: [...view.state.hidden, id], selection: [] }, 'hide')),
      button(pinned ? 'Unpin' : 'Pin', () =>
        view.update(
          { pinned: pinned ? view.state.pinned.filter((p) => p !== id) : [...view.state.pinned, id] },
          pinned ? 'unpin' : 'pin',
        ),
      ),
    ),
    status,
  );
  if (view.full.hasNode(id) && view.full.getNodeAttribute(id, 'kind') === 'person')
    row.append(
      el(
        'div',
        { className: 'action-row' },
        button('Shared identifiers', () => onShared(id)),
      ),
    );
  return row;
}

export function mountDetails(
  panel: HTMLElement,
  body: HTMLElement,
  view: ViewController,
  onShared: (id: string) => void,
  caseLabel: (id: string) => string,
  /** More actions on the entity, for those whose role has them (attach to a case, watch). */
  more: (id: string, detail: EntityDetail) => HTMLElement | null = () => null,
): void {
  let shownFor: string | null = null;
  let token = 0;
  const render = async () => {
    const id = view.state.selection[0] ?? null;
    const key = `${id}|${view.state.pinned.includes(id ?? '')}`;
    if (key === shownFor) return;
    shownFor = key;
    const mine = ++token;
    if (!id || !view.full.hasNode(id)) {
      panel.hidden = true;
      body.replaceChildren();
      delete body.dataset.entity;
      return;
    }
    panel.hidden = false;
    const a = view.full.getNodeAttributes(id);
    const style = kindStyle(a.kind);
    body.dataset.entity = id;
    body.replaceChildren(
      el('p', { className: 'detail-kind' }, swatch(style.colour), style.name),
      el('p', { className: 'detail-label', text: a.label }),
      el('p', { className: 'muted', text: 'Loading details…' }),
    );
    try {
      const detail = await fetchEntity(id);
      if (mine !== token) return;
      const time = el(
        'div',
        { className: 'detail-timeline' },
        el('p', { className: 'muted', text: 'Loading occurrences…' }),
      );
      body.replaceChildren(
        el('p', { className: 'detail-kind' }, swatch(style.colour), style.name),
        el('p', { className: 'detail-label', text: detail.label }),
        el('p', { className: 'muted', text: `${counted(detail.degree, 'link')} on record` }),
        actions(view, id, onShared),
        more(id, detail) ?? '',
        el('h3', { className: 'detail-heading', text: 'Properties' }),
        properties(detail),
        el('h3', { className: 'detail-heading', text: 'Roles in cases' }),
        roles(view, id, detail, caseLabel),
        el('h3', { className: 'detail-heading', text: 'Occurrences' }),
        time,
        el('h3', { className: 'detail-heading', text: `Provenance (${detail.provenance.length})` }),
        provenance(detail),
      );
      const drawn = await timeline(view, id);
      if (mine === token) time.replaceChildren(drawn);
    } catch (error) {
      if (mine !== token) return;
      body.append(
        el('p', {
          className: 'error-text',
          text: error instanceof ApiError ? error.message : 'The details could not be loaded.',
        }),
      );
    }
  };
  view.on('state', () => void render());
  // An expansion keeps the panel as it is (its status line says what came); a collapse or undo that
  // took the entity away closes it.
  view.on('graph', () => {
    const id = view.state.selection[0];
    if (id && !view.full.hasNode(id)) {
      shownFor = null;
      void render();
    }
  });
}
