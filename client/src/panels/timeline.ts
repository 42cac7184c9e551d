/**
 * A small timeline of an entity's occurrences (calls, messages, payments, stays), one tick per
 * occurrence on a line from the first to the last, coloured by link kind: enough to see when it was
 * active and whether activity came in bursts. Drawn as SVG elements, never as markup text.
 */
import { formatDate } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const KIND_COLOURS: Record<string, string> = {
  called: '#0072B2',
  messaged: '#56B4E9',
  paid: '#009E73',
  'stayed-at': '#D55E00',
  'seen-at': '#CC79A7',
};

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

export function renderTimeline(occurrences: { at: number; kind: string }[]): SVGSVGElement | null {
  if (!occurrences.length) return null;
  const width = 220;
  const height = 44;
  const pad = 6;
  const times = occurrences.map((o) => o.at);
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = Math.max(1, last - first);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'timeline', role: 'img' });
  root.setAttribute(
    'aria-label',
    `${occurrences.length} occurrences from ${formatDate(first)} to ${formatDate(last)}`,
  );
  root.append(
    svg('line', { x1: pad, x2: width - pad, y1: 24, y2: 24, stroke: '#cbd5e1', 'stroke-width': 1 }),
  );
  for (const o of occurrences) {
    const x = pad + ((o.at - first) / span) * (width - 2 * pad);
    root.append(
      svg('line', {
        x1: x,
        x2: x,
        y1: 14,
        y2: 34,
        stroke: KIND_COLOURS[o.kind] ?? '#6b7280',
        'stroke-width': 1.5,
        'stroke-opacity': 0.7,
      }),
    );
  }
  const label = (x: number, anchor: string, text: string) => {
    const t = svg('text', { x, y: 43, 'text-anchor': anchor, 'font-size': 8, fill: '#6b7280' });
    t.textContent = text;
    return t;
  };
  root.append(label(pad, 'start', formatDate(first)), label(width - pad, 'end', formatDate(last)));
  return root;
}
