/**
 * The timeline of a case (issue 9): every occurrence — call, payment, stay, sighting — of the selected
 * entities (or, with none selected, of the entities the case gives roles to) on one time axis, one lane
 * per entity. Scroll or the buttons zoom, the kind boxes filter, a click on a tick shows the occurrence
 * with the documents that record it, and a drag across the axis chooses a time window: the view's own
 * time filter (ViewState.time), so the network shows only the links active in it, the filters panel
 * shows the same range, and undo takes it back. Drawn as SVG elements, never as markup text.
 */
import {
  fetchTimeline,
  OCCURRENCE_KINDS,
  type OccurrenceKind,
  type Timeline,
  type TimelineOccurrence,
} from '../api-cases.js';
import type { ViewController } from '../view/controller.js';
import { counted } from '../format.js';
import { sentence } from './case-form.js';
import { button, el, formatDate, formatDateTime } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
export const KIND_COLOURS: Record<OccurrenceKind, string> = {
  calls: '#0072B2',
  payments: '#009E73',
  stays: '#D55E00',
  sightings: '#CC79A7',
};
const LANE = 22;
const AXIS = 22;
const LEFT = 130;
/** A drag shorter than this (px) is a click on a tick, not a window. */
const DRAG_MIN = 6;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** Round dates for the axis: a step of a day, week, month… so that about six labels fit. */
function axisTicks(from: number, to: number): number[] {
  const day = 86_400_000;
  const steps = [3_600_000, 6 * 3_600_000, day, 7 * day, 30 * day, 91 * day, 365 * day];
  const step = steps.find((s) => (to - from) / s <= 7) ?? steps.at(-1)!;
  const out: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) out.push(t);
  return out;
}

export interface TimelineHandle {
  /** Occurrences drawn (after the kind filter) and the domain shown. */
  state: () => { occurrences: number; domain: [number, number] | null; entities: number };
  /** The case's entities changed (a record was read): draw theirs if nothing is selected. */
  refresh: () => void;
}

export function mountCaseTimeline(
  panel: HTMLElement,
  toolbar: HTMLElement,
  view: ViewController,
  caseEntities: () => string[],
): TimelineHandle {
  // Shown on a case's view, and on the cross-case view when asked for: a strip that came and went with
  // the selection would move the network under the pointer between two clicks.
  let asked = false;
  const toggle = button(
    'Timeline',
    () => {
      asked = !asked;
      toggle.setAttribute('aria-pressed', String(asked));
      entities = [];
      void load();
    },
    { title: 'The occurrences of the selected entities on one time axis' },
  );
  toggle.id = 'timeline-toggle';
  toggle.setAttribute('aria-pressed', 'false');
  toolbar.append(toggle);
  const kinds = new Set<OccurrenceKind>(OCCURRENCE_KINDS);
  let data: Timeline | null = null;
  let entities: string[] = [];
  let domain: [number, number] | null = null;
  let whole: [number, number] | null = null;
  let drawn = 0;
  let token = 0;

  const heading = el('p', { className: 'timeline-heading', attrs: { id: 'timeline-heading' } });
  const boxes = el('span', { className: 'timeline-kinds' });
  for (const k of OCCURRENCE_KINDS) {
    const box = el('input', { attrs: { type: 'checkbox', id: `timeline-kind-${k}` } });
    box.checked = true;
    box.addEventListener('change', () => {
      if (box.checked) kinds.add(k);
      else kinds.delete(k);
      draw();
    });
    const dot = el('span', { className: 'swatch' });
    dot.style.backgroundColor = KIND_COLOURS[k];
    boxes.append(el('label', { className: 'inline' }, box, dot, k));
  }
  const zoom = (factor: number, at?: number) => {
    if (!domain || !whole) return;
    const centre = at ?? (domain[0] + domain[1]) / 2;
    const span = Math.max(60_000, (domain[1] - domain[0]) * factor);
    const share = (centre - domain[0]) / (domain[1] - domain[0]);
    domain = [centre - share * span, centre - share * span + span];
    draw();
  };
  const zoomIn = button('+', () => zoom(0.5), { title: 'Zoom in' });
  zoomIn.id = 'timeline-zoom-in';
  const zoomOut = button('−', () => zoom(2), { title: 'Zoom out' });
  const fit = button(
    'Fit',
    () => {
      domain = whole;
      draw();
    },
    { title: 'Show every occurrence' },
  );
  fit.id = 'timeline-fit';
  const clear = button('Clear window', () => view.update({ time: null }, 'time window'), {
    title: 'Show the links of any time again',
  });
  clear.id = 'timeline-clear';
  const windowText = el('span', { className: 'timeline-window', attrs: { id: 'timeline-window' } });
  const chart = el('div', { className: 'timeline-chart', attrs: { id: 'timeline-chart' } });
  const detail = el('div', {
    className: 'timeline-detail',
    attrs: { id: 'timeline-detail', 'aria-live': 'polite' },
  });
  panel.replaceChildren(
    el('div', { className: 'timeline-bar' }, heading, boxes, zoomIn, zoomOut, fit, clear, windowText),
    chart,
    detail,
  );

  const showOccurrence = (o: TimelineOccurrence) => {
    const label = (id: string) => data?.entities.find((e) => e.id === id)?.label ?? id;
    const extra = [
      o.durationS !== null ? `${o.durationS} s` : '',
      o.amount !== null ? `₹${o.amount.toLocaleString('en-IN')}` : '',
    ].filter(Boolean);
    detail.replaceChildren(
      el(
        'p',
        {},
        el('strong', { text: `${o.linkKind} ` }),
        `${label(o.from)} → ${label(o.to)}, ${formatDateTime(o.at)}${extra.length ? ` · ${extra.join(', ')}` : ''}`,
      ),
      el(
        'ul',
        { className: 'timeline-evidence' },
        ...o.evidence.map((e) =>
          el('li', {}, el('span', { className: 'doc-name', text: e.name }), e.ref ? ` · ${e.ref}` : ''),
        ),
      ),
    );
  };

  function draw(): void {
    const time = view.state.time;
    windowText.textContent = time
      ? `Window ${formatDateTime(new Date(time[0]).toISOString())} – ${formatDateTime(new Date(time[1]).toISOString())}`
      : '';
    clear.disabled = !time;
    if (!data || !domain) {
      drawn = 0;
      return;
    }
    const shown = data.occurrences.filter((o) => kinds.has(o.kind));
    const width = Math.max(300, chart.clientWidth || 800);
    const height = AXIS + LANE * entities.length + 4;
    const [d0, d1] = domain;
    const x = (t: number) => LEFT + ((t - d0) / (d1 - d0)) * (width - LEFT - 10);
    const tOf = (px: number) => d0 + ((px - LEFT) / (width - LEFT - 10)) * (d1 - d0);
    const root = svg('svg', { width, height, class: 'timeline-svg', role: 'img' });
    root.setAttribute('aria-label', `${counted(shown.length, 'occurrence')} on a time axis`);
    entities.forEach((id, i) => {
      const y = AXIS + i * LANE + LANE / 2;
      const name = svg('text', { x: 4, y: y + 4, class: 'timeline-lane' });
      name.textContent = (data!.entities.find((e) => e.id === id)?.label ?? id).slice(0, 20);
      root.append(name, svg('line', { x1: LEFT, x2: width - 10, y1: y, y2: y, stroke: '#e5e7eb' }));
    });
    for (const t of axisTicks(d0, d1)) {
      const label = svg('text', { x: x(t), y: 12, class: 'timeline-axis', 'text-anchor': 'middle' });
      label.textContent = formatDate(t);
      root.append(label, svg('line', { x1: x(t), x2: x(t), y1: 16, y2: height, stroke: '#f1f5f9' }));
    }
    if (time && time[1] >= d0 && time[0] <= d1)
      root.append(
        svg('rect', {
          x: Math.max(LEFT, x(time[0])),
          y: AXIS - 4,
          width: Math.max(2, Math.min(width - 10, x(time[1])) - Math.max(LEFT, x(time[0]))),
          height: height - AXIS + 4,
          class: 'timeline-chosen',
        }),
      );
    drawn = 0;
    for (const o of shown) {
      const t = Date.parse(o.at);
      if (t < d0 || t > d1) continue;
      const lane = Math.max(0, entities.includes(o.from) ? entities.indexOf(o.from) : entities.indexOf(o.to));
      const y = AXIS + lane * LANE + LANE / 2;
      const tick = svg('line', {
        x1: x(t),
        x2: x(t),
        y1: y - 7,
        y2: y + 7,
        stroke: KIND_COLOURS[o.kind],
        'stroke-width': 2,
        class: 'timeline-tick',
      });
      tick.dataset.occurrence = o.id;
      root.append(tick);
      drawn++;
    }
    const brush = svg('rect', {
      x: 0,
      y: AXIS - 4,
      width: 0,
      height: height - AXIS + 4,
      class: 'timeline-brush',
    });
    root.append(brush);
    let start: number | null = null;
    // The pointer is captured for the drag, so the tick pressed is kept from the pointerdown.
    let pressed: string | undefined;
    root.addEventListener('pointerdown', (e) => {
      start = e.offsetX;
      pressed = (e.target as SVGElement).dataset?.occurrence;
      root.setPointerCapture(e.pointerId);
    });
    root.addEventListener('pointermove', (e) => {
      if (start === null) return;
      brush.setAttribute('x', String(Math.min(start, e.offsetX)));
      brush.setAttribute('width', String(Math.abs(e.offsetX - start)));
    });
    root.addEventListener('pointerup', (e) => {
      if (start === null) return;
      const a = start;
      start = null;
      if (Math.abs(e.offsetX - a) < DRAG_MIN) {
        const o = pressed ? data?.occurrences.find((x) => x.id === pressed) : undefined;
        if (o) showOccurrence(o);
        brush.setAttribute('width', '0');
        return;
      }
      const from = Math.round(tOf(Math.max(LEFT, Math.min(a, e.offsetX))));
      const to = Math.round(tOf(Math.max(a, e.offsetX)));
      view.update({ time: [from, to] }, 'time window');
    });
    root.addEventListener('wheel', (e) => {
      e.preventDefault();
      zoom(e.deltaY < 0 ? 0.8 : 1.25, tOf(e.offsetX));
    });
    chart.replaceChildren(root);
  }

  async function load(): Promise<void> {
    toggle.hidden = view.state.scope !== 'all';
    panel.hidden = view.state.scope === 'all' && !asked;
    if (panel.hidden) {
      entities = [];
      data = null;
      return;
    }
    const selected = view.state.selection.filter((id) => view.full.hasNode(id));
    const next = (selected.length ? selected : caseEntities()).slice(0, 20);
    if (next.join() === entities.join() && data) return draw();
    entities = next;
    const mine = ++token;
    if (!entities.length) {
      data = null;
      heading.textContent = 'Timeline — select entities to see their calls, payments, stays and sightings';
      clear.disabled = !view.state.time;
      chart.replaceChildren();
      return;
    }
    heading.textContent = 'Timeline — loading…';
    try {
      const t = await fetchTimeline(entities, OCCURRENCE_KINDS);
      if (mine !== token) return;
      data = t;
      const times = t.occurrences.map((o) => Date.parse(o.at));
      whole = times.length ? [Math.min(...times) - 3_600_000, Math.max(...times) + 3_600_000] : null;
      domain = whole;
      const who = selected.length
        ? counted(entities.length, 'selected entity', 'selected entities')
        : `the case's ${counted(entities.length, 'entity', 'entities')}`;
      heading.textContent = `Timeline of ${who}: ${counted(t.occurrences.length, 'occurrence')}${t.truncated ? ' (the first ones only)' : ''}`;
      detail.replaceChildren(
        el('p', {
          className: 'muted',
          text: 'Click a tick for its evidence; drag across the axis to narrow the network to a time window.',
        }),
      );
      if (!times.length)
        chart.replaceChildren(
          el('p', { className: 'muted', text: 'No calls, payments, stays or sightings on record.' }),
        );
      draw();
    } catch (error) {
      if (mine !== token) return;
      heading.textContent = 'Timeline';
      chart.replaceChildren(el('p', { className: 'error-text', text: sentence(error) }));
    }
  }

  view.on('state', () => void load());
  view.on('graph', () => {
    entities = [];
    void load();
  });
  return {
    state: () => ({ occurrences: drawn, domain, entities: entities.length }),
    refresh: () => {
      entities = [];
      void load();
    },
  };
}
