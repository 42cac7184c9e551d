/**
 * Filters: entity and link kinds, one community, minimum degree and centrality, a time range chosen
 * with two sliders over a histogram of occurrences, and hiding isolated entities. Each change is a
 * step undo can take back; the counts of what is shown and hidden sit on the stage.
 */
import type { ViewController } from '../view/controller.js';
import { occurrenceHistogram, type Histogram } from '../view/histogram.js';
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

function histogramCanvas(h: Histogram, range: [number, number]): HTMLCanvasElement {
  const canvas = el('canvas', { className: 'histogram', attrs: { width: '440', height: '80' } });
  const c = canvas.getContext('2d');
  if (!c) return canvas;
  const max = Math.max(...h.bins, 1);
  const w = canvas.width / h.bins.length;
  h.bins.forEach((v, i) => {
    const t = h.from + ((i + 0.5) / h.bins.length) * (h.to - h.from);
    c.fillStyle = t >= range[0] && t <= range[1] ? '#1e3a5f' : '#cbd5e1';
    const bh = (v / max) * (canvas.height - 4);
    c.fillRect(i * w + 1, canvas.height - bh, w - 2, bh);
  });
  return canvas;
}

function timeFilter(view: ViewController, h: Histogram): HTMLElement {
  const steps = 200;
  const toT = (v: number) => Math.round(h.from + (v / steps) * (h.to - h.from));
  const toV = (t: number) => Math.round(((t - h.from) / (h.to - h.from)) * steps);
  const current = view.state.time ?? [h.from, h.to];
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
  const wrap = el('div', { className: 'time-filter' });
  const draw = (range: [number, number]) => {
    label.textContent = `${formatDate(range[0])} – ${formatDate(range[1])}`;
    wrap.querySelector('canvas')?.replaceWith(histogramCanvas(h, range));
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
  wrap.append(
    el('p', { className: 'filter-title', text: 'Time (occurrences)' }),
    histogramCanvas(h, current),
    el('div', { className: 'range-pair' }, lo, hi),
    label,
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
    const h = occurrenceHistogram(view.graph);
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
      h ? timeFilter(view, h) : el('p', { className: 'muted', text: 'No timed links to filter by.' }),
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
  view.on('state', () => {
    // The filters are redrawn only when something they show changed, not on every hover or selection.
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
    ]);
    if (key !== last) {
      last = key;
      render();
    }
  });
  view.on('counts', (c) => {
    counts.textContent = `Shown: ${counted(c.shownNodes, 'entity', 'entities')}, ${counted(c.shownEdges, 'link')} · hidden: ${counted(c.hiddenNodes, 'entity', 'entities')}, ${counted(c.hiddenEdges, 'link')}`;
    counts.dataset.shownNodes = String(c.shownNodes);
    counts.dataset.hiddenNodes = String(c.hiddenNodes);
  });
}
