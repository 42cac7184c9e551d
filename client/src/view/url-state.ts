/**
 * The view in the address, so it can be shared with a colleague who has access to the same case. It
 * lives in the fragment (#…), which the browser never sends: the server's logs and any proxy's see
 * none of it. Only what differs from the defaults is written, in short keys; what cannot be read
 * (an old or hand-edited link) falls back to the default rather than failing.
 */
import type { Metric } from '../api-reads.js';
import { DEFAULT_STATE, type ViewState } from './view-state.js';

const METRICS: readonly Metric[] = ['degree', 'weighted-degree', 'pagerank', 'betweenness', 'closeness'];
const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);
const num = (v: string | null, fallback: number) => {
  const n = v === null ? NaN : Number(v);
  return Number.isFinite(n) ? n : fallback;
};

export function toFragment(s: ViewState): string {
  const p = new URLSearchParams();
  const d = DEFAULT_STATE;
  if (s.scope !== d.scope) p.set('case', s.scope);
  if (s.colourBy !== d.colourBy) p.set('colour', s.colourBy);
  if (s.sizeBy !== d.sizeBy) p.set('size', s.sizeBy);
  if (s.hiddenKinds.length) p.set('nokinds', s.hiddenKinds.join(','));
  if (s.hiddenLinkKinds.length) p.set('nolinks', s.hiddenLinkKinds.join(','));
  if (s.community !== null) p.set('community', String(s.community));
  if (s.minDegree) p.set('degree', String(s.minDegree));
  if (s.minCentrality) p.set('centrality', String(s.minCentrality));
  if (s.time) p.set('time', `${s.time[0]},${s.time[1]}`);
  if (s.hideIsolated) p.set('isolated', 'hide');
  if (s.hidden.length) p.set('hidden', s.hidden.join(','));
  if (s.pinned.length) p.set('pinned', s.pinned.join(','));
  if (s.selection.length) p.set('selected', s.selection.join(','));
  if (s.tie) p.set('tie', 'shown');
  if (s.opened.length) p.set('opened', s.opened.join(','));
  if (s.grouped !== null) p.set('grouped', String(s.grouped));
  return p.toString();
}

export function fromFragment(fragment: string): ViewState {
  const p = new URLSearchParams(fragment.replace(/^#/, ''));
  const time = list(p.get('time')).map(Number);
  const size = p.get('size') as Metric | null;
  const grouped = p.get('grouped');
  const selection = list(p.get('selected')).slice(0, 2);
  return {
    scope: p.get('case') || DEFAULT_STATE.scope,
    colourBy: p.get('colour') === 'kind' ? 'kind' : 'community',
    sizeBy: size && METRICS.includes(size) ? size : DEFAULT_STATE.sizeBy,
    hiddenKinds: list(p.get('nokinds')),
    hiddenLinkKinds: list(p.get('nolinks')),
    community: p.has('community') ? num(p.get('community'), 0) : null,
    minDegree: Math.max(0, num(p.get('degree'), 0)),
    minCentrality: Math.min(1, Math.max(0, num(p.get('centrality'), 0))),
    time: time.length === 2 && time.every(Number.isFinite) ? [time[0]!, time[1]!] : null,
    hideIsolated: p.get('isolated') === 'hide',
    hidden: list(p.get('hidden')),
    pinned: list(p.get('pinned')),
    selection,
    // A tie needs its two ends: without them the flag means nothing.
    tie: p.get('tie') === 'shown' && selection.length === 2,
    opened: list(p.get('opened')).map(Number).filter(Number.isInteger),
    grouped: grouped === 'true' ? true : grouped === 'false' ? false : null,
  };
}
