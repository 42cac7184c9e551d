/**
 * Filters: entity and link kinds, one community, minimum degree and centrality, a time range chosen
 * with two sliders over a histogram of occurrences, and hiding isolated entities. Each change is a
 * step undo can take back; the counts of what is shown and hidden sit on the stage. The histogram's
 * counts are asked of the server once per loaded view (view/histogram.ts); the bars add up the link
 * kinds the link filter shows.
 */
import type { CaseGraph } from '../graph-data.js';
import type { ViewController } from '../view/controller.js';
import { loadHistogram, shownBins, type Histogram } from '../view/histogram.js';
import { kindStyle, linkName } from '../kinds.js';
import { counted, formatCount } from '../format.js';
import { button, el, formatDate, swatch } from './dom.js';

function checkList(
  name: string,
  items: { value: string; label: string; colour?: string }[],
  hidden: string[],
  onChange: (hidden: string[]) => void,
): HTMLElement {
  const box = el('fieldset', { className: 'check-list', data: { filter: name } });
  box.append(el('legend', { text: name === 'kinds' ? 'Entities' : 'Links' }));
  for (const item of items) {
    const input = el('input', { attrs: { type: 'checkbox', value: item.value } });
    input.checked = !hidden.includes(item.value);
    input.addEventListener('change', () => {
      const off = [...box.querySelectorAll<HTMLInputElement>('input')]
        .filter((i) => !i.checked)
        .map((i) => i.value);
      onChange(off);
    });
    box.append(
      el('label', { className: 'check' }, input, item.colour ? swatch(item.colour) : null, item.label),
    );
  }
  return box;
}

const DAY_MS = 86_400_000;

/** A bin's width in words: "bins of 7 days", "bins of 5 hours". */
function binWidth(h: Histogram): string {
  const ms = (h.to - h.from) / h.binCount;
  if (ms >= DAY_MS) return counted(Math.round(ms / DAY_MS), 'day');
  if (ms >= 3_600_000) return counted(Math.round(ms / 3_600_000), 'hour');
  return counted(Math.max(1, Math.round(ms / 60_000)), 'minute');
}

function histogramCanvas(h: Histogram, bins: number[], range: [number, number]): HTMLCanvasElement {
  const canvas = el('canvas', {
    className: 'histogram',
    attrs: { width: '440', height: '80', role: 'img', 'aria-label': 'Occurrences over time' },
  });
  const c = canvas.getContext('2d');
  if (!c) return canvas;
  const max = Math.max(...bins, 1);
  const w = canvas.width / bins.length;
  const span = (h.to - h.from) / bins.length;
  bins.forEach((v, i) => {
    const t = h.from + (i + 0.5) * span;
    c.fillStyle = t >= range[0] && t <= range[1] ? '#1e3a5f' : '#cbd5e1';
    const bh = (v / max) * (canvas.height - 4);
    c.fillRect(i * w + 1, canvas.height - bh, w - 2, bh);
  });
  // What a bar holds, on pointing at it: its dates and its count.
  canvas.addEventListener('mousemove', (event) => {
    const box = canvas.getBoundingClientRect();
    const i = Math.min(
      bins.length - 1,
      Math.max(0, Math.floor(((event.clientX - box.left) / box.width) * bins.length)),
    );
    const n = Math.round(bins[i]!);
    canvas.title = `${formatDate(h.from + i * span)} – ${formatDate(h.from + (i + 1) * span)}: ${counted(n, 'occurrence')}${h.source === 'estimated' ? ' (estimated)' : ''}`;
  });
  return canvas;
}

function timeFilter(view: ViewController, h: Histogram): HTMLElement {
  const steps = 200;
  const toT = (v: number) => Math.round(h.from + (v / steps) * (h.to - h.from));
  const toV = (t: number) => Math.round(((t - h.from) / (h.to - h.from)) * steps);
  const current = view.state.time ?? [h.from, h.to];
  const bins = shownBins(h, view.state.hiddenLinkKinds);
  const lo = el('input', {
    attrs: {
      type: 'range',
      min: '0',
      max: String(steps),
      value: String(toV(current[0])),
      id: 'time-from',
      'aria-label': 'From',
    },
  });
  const hi = el('input', {
    attrs: {
      type: 'range',
      min: '0',
      max: String(steps),
      value: String(toV(current[1])),
      id: 'time-to',
      'aria-label': 'To',
    },
  });
  const label = el('p', { className: 'range-label' });
  const wrap = el('div', { className: 'time-filter', data: { source: h.source } });
  const draw = (range: [number, number]) => {
    label.textContent = `${formatDate(range[0])} – ${formatDate(range[1])}`;
    wrap.querySelector('canvas')?.replaceWith(histogramCanvas(h, bins, range));
  };
  const chosen = (): [number, number] => {
    const a = Math.min(Number(lo.value), Number(hi.value));
    const b = Math.max(Number(lo.value), Number(hi.value));
    return [toT(a), toT(b)];
  };
  for (const input of [lo, hi]) {
    input.addEventListener('input', () => draw(chosen()));
    input.addEventListener('change', () => {
      const [a, b] = chosen();
      const whole = a <= h.from && b >= h.to;
      view.update({ time: whole ? null : [a, b] }, 'time filter');
    });
  }
  const total = Math.round(bins.reduce((n, v) => n + v, 0));
  wrap.append(
    el('p', { className: 'filter-title', text: 'Time (occurrences)' }),
    histogramCanvas(h, bins, current),
    el('div', { className: 'range-pair' }, lo, hi),
    label,
    el('p', {
      className: h.source === 'estimated' ? 'range-label estimate' : 'range-label',
      text:
        h.source === 'counted'
          ? `${counted(total, 'occurrence')}, bars of ${binWidth(h)}`
          : "Estimated from each link's first and last time: the server's counts could not be read.",
    }),
  );
  draw(current);
  return wrap;
}

function slider(
  id: string,
  title: string,
  max: number,
  step: number,
  value: number,
  show: (v: number) => string,
  onChange: (v: number) => void,
): HTMLElement {
  const input = el('input', {
    attrs: { id, type: 'range', min: '0', max: String(max), step: String(step), value: String(value) },
  });
  const out = el('span', { className: 'range-value', text: show(value) });
  input.addEventListener('input', () => (out.textContent = show(Number(input.value))));
  input.addEventListener('change', () => onChange(Number(input.value)));
  return el(
    'label',
    { className: 'slider' },
    el('span', { className: 'filter-title', text: title }),
    input,
    out,
  );
}

export function mountFilters(
  panel: HTMLElement,
  body: HTMLElement,
  counts: HTMLElement,
  view: ViewController,
): void {
  // The histogram of the loaded view: asked for once per view, not on every filter change.
  let histogramOf: CaseGraph | null = null;
  let histogram: Histogram | null | 'loading' = 'loading';
  /** Counts each change of `histogram`, so the filters are redrawn for it. */
  let histogramStep = 0;
  const loadFor = (graph: CaseGraph) => {
    histogramOf = graph;
    histogram = 'loading';
    histogramStep++;
    void loadHistogram(view.state.scope, graph).then((h) => {
      if (histogramOf !== graph) return;
      histogram = h;
      histogramStep++;
      redraw();
    });
  };

  const render = () => {
    const s = view.state;
    const kinds = [...new Set(view.graph.mapNodes((_n, a) => a.kind))].sort();
    const linkKinds = [...new Set(view.graph.mapEdges((_e, a) => a.kind))].sort();
    const communities = [...view.appearance.communities].sort((a, b) => a[0] - b[0]);
    const community = el('select', { attrs: { id: 'community-filter' } });
    community.append(el('option', { text: 'all communities', attrs: { value: '' } }));
    for (const [id] of communities)
      community.append(el('option', { text: `community ${id}`, attrs: { value: String(id) } }));
    community.value = s.community === null ? '' : String(s.community);
    community.addEventListener('change', () =>
      view.update({ community: community.value === '' ? null : Number(community.value) }, 'community filter'),
    );
    const isolated = el('input', { attrs: { type: 'checkbox', id: 'hide-isolated' } });
    isolated.checked = s.hideIsolated;
    isolated.addEventListener('change', () =>
      view.update({ hideIsolated: isolated.checked }, 'hide isolated'),
    );
    let maxDegree = 1;
    view.graph.forEachNode((n) => (maxDegree = Math.max(maxDegree, view.graph.neighbors(n).length)));
    body.replaceChildren(
      checkList(
        'kinds',
        kinds.map((k) => ({ value: k, label: kindStyle(k).name, colour: kindStyle(k).colour })),
        s.hiddenKinds,
        (off) => view.update({ hiddenKinds: off }, 'kind filter'),
      ),
      checkList(
        'links',
        linkKinds.map((k) => ({ value: k, label: linkName(k) })),
        s.hiddenLinkKinds,
        (off) => view.update({ hiddenLinkKinds: off }, 'link filter'),
      ),
      el(
        'label',
        { className: 'filter-row' },
        el('span', { className: 'filter-title', text: 'Community' }),
        community,
      ),
      slider(
        'min-degree',
        'Minimum degree',
        Math.min(50, maxDegree),
        1,
        s.minDegree,
        (v) => formatCount(v),
        (v) => view.update({ minDegree: v }, 'degree filter'),
      ),
      slider(
        'min-centrality',
        `Minimum centrality (${s.sizeBy.replace('-', ' ')})`,
        1,
        0.01,
        s.minCentrality,
        (v) => `${Math.round(v * 100)}% of the top`,
        (v) => view.update({ minCentrality: v }, 'centrality filter'),
      ),
      histogram === 'loading'
        ? el('p', { className: 'muted', text: 'Counting occurrences…' })
        : histogram
          ? timeFilter(view, histogram)
          : el('p', { className: 'muted', text: 'No timed links to filter by.' }),
      el('label', { className: 'check' }, isolated, 'Hide isolated entities'),
      ...(s.hidden.length
        ? [
            button(`Show ${counted(s.hidden.length, 'hidden entity', 'hidden entities')}`, () =>
              view.update({ hidden: [] }, 'show hidden'),
            ),
          ]
        : []),
    );
    panel.hidden = false;
  };
  let last = '';
  // The filters are redrawn only when something they show changed, not on every hover or selection.
  const redraw = () => {
    const key = JSON.stringify([
      view.state.hiddenKinds,
      view.state.hiddenLinkKinds,
      view.state.community,
      view.state.minDegree,
      view.state.minCentrality,
      view.state.time,
      view.state.hideIsolated,
      view.state.hidden,
      view.state.sizeBy,
      view.graph.order,
      view.appearance.communities.size,
      histogramStep,
    ]);
    if (key !== last) {
      last = key;
      render();
    }
  };
  view.on('state', () => {
    if (view.full !== histogramOf) loadFor(view.full);
    redraw();
  });
  view.on('counts', (c) => {
    counts.textContent = `Shown: ${counted(c.shownNodes, 'entity', 'entities')}, ${counted(c.shownEdges, 'link')} · hidden: ${counted(c.hiddenNodes, 'entity', 'entities')}, ${counted(c.hiddenEdges, 'link')}`;
    counts.dataset.shownNodes = String(c.shownNodes);
    counts.dataset.hiddenNodes = String(c.hiddenNodes);
  });
}
