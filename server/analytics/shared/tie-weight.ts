/**
 * The weight of one shared identifier between two persons — Adamic & Adar (2003), "Friends and neighbors
 * on the Web", Social Networks 25(3): a common neighbour counts 1 / log(its degree), so a rare one says
 * more than a common one. Here the neighbours are identifiers and the degree is the number of persons
 * holding the identifier (d >= 2 when shared): 1 / log2(d), so a phone two persons share counts 1, one
 * that three share 0.63, a hotel with 500 guests 0.11. A pair's score is the sum over what they share.
 *
 * A hotel is weighed by time as well, as far as the links' first and last stays allow (the graph holds
 * each person's stays aggregated, not each stay): when both persons' stay windows [first, last + slack]
 * are known and overlap, x1; known and apart, x`disjointStays`; unknown, by the stays recorded,
 * x c / (c + 1) with c the smaller of the two counts (one stay each 0.5, three each 0.75).
 * Two persons who reach one device only through the same phone share the phone, not the device: the
 * device then adds nothing of its own.
 */
import type { AnalyticsGraph } from '../graph.js';
import type { Holding, ShareableKind } from './holders.js';

export const DEFAULTS = {
  /** Days added to a person's last stay at a hotel (a stay's time is its check-in). */
  staySlackDays: 2,
  /** Factor for two persons whose stays at a hotel never overlap. */
  disjointStays: 0.25,
};

const DAY_MS = 86_400_000;

/** What one identifier adds to one pair, and how a person reads it. */
export interface SharedVia {
  id: string;
  kind: ShareableKind;
  label: string;
  /** "both use phone +91 98201 23456" */
  how: string;
  /** Persons in the graph holding this identifier. */
  persons: number;
  score: number;
  /** Both persons' links to it: the evidence the HTTP layer fetches from the store per link id. */
  links: string[];
}

export interface Person {
  id: string;
  label: string;
}

const day = (iso: string) => iso.slice(0, 10);

function stays(a: Holding, b: Holding): { factor: number; note: string } {
  if (a.firstAt && a.lastAt && b.firstAt && b.lastAt) {
    const slack = DEFAULTS.staySlackDays * DAY_MS;
    const start = Math.max(Date.parse(a.firstAt), Date.parse(b.firstAt));
    const end = Math.min(Date.parse(a.lastAt) + slack, Date.parse(b.lastAt) + slack);
    if (start <= end)
      return { factor: 1, note: `their stays overlap from ${day(new Date(start).toISOString())}` };
    return { factor: DEFAULTS.disjointStays, note: 'their stays do not overlap' };
  }
  const c = Math.max(1, Math.min(a.count, b.count));
  return {
    factor: c / (c + 1),
    note: `${a.count} and ${b.count} stays, dates not recorded`,
  };
}

const LOCATION_VERB: Record<string, string> = { 'located-at': 'located at', 'seen-at': 'seen at' };

function deviceSide(graph: AnalyticsGraph, who: Person, h: Holding): string {
  const parts: string[] = [];
  if (h.direct) parts.push('uses it');
  if (h.throughPhones.length)
    parts.push(
      `uses phone ${h.throughPhones.map((p) => graph.getNodeAttribute(p, 'label')).join(', ')}, which was in it`,
    );
  return `${who.label} ${parts.join(' and ')}`;
}

function how(
  graph: AnalyticsGraph,
  kind: ShareableKind,
  label: string,
  a: Person,
  ha: Holding,
  b: Person,
  hb: Holding,
  stayNote: string,
): string {
  switch (kind) {
    case 'phone':
    case 'vehicle':
      return `both use ${kind} ${label}`;
    case 'ip':
      return `both used IP address ${label}`;
    case 'account':
      return `both hold account ${label}`;
    case 'id-document':
      return `both hold identity document ${label}`;
    case 'hotel':
      return `both stayed at hotel ${label}; ${stayNote}`;
    case 'location': {
      const verbs = (h: Holding) => h.linkKinds.map((k) => LOCATION_VERB[k] ?? k).join(' and ');
      const va = verbs(ha);
      const vb = verbs(hb);
      return va === vb ? `both ${va} ${label}` : `${a.label} ${va} and ${b.label} ${vb} ${label}`;
    }
    case 'device':
      return ha.direct && hb.direct && !ha.throughPhones.length && !hb.throughPhones.length
        ? `both use device ${label}`
        : `device ${label}: ${deviceSide(graph, a, ha)}; ${deviceSide(graph, b, hb)}`;
  }
}

/**
 * What `identifier`, held by `persons` persons, adds to the pair a–b; null when it ties them through
 * nothing of its own (a device reached by both through the same single phone).
 */
export function sharedVia(
  graph: AnalyticsGraph,
  identifier: string,
  persons: number,
  a: Person,
  ha: Holding,
  b: Person,
  hb: Holding,
): SharedVia | null {
  const { kind, label } = graph.getNodeAttributes(identifier) as { kind: ShareableKind; label: string };
  if (
    kind === 'device' &&
    !ha.direct &&
    !hb.direct &&
    ha.throughPhones.length === 1 &&
    hb.throughPhones.length === 1 &&
    ha.throughPhones[0] === hb.throughPhones[0]
  )
    return null;
  const stay = kind === 'hotel' ? stays(ha, hb) : { factor: 1, note: '' };
  const score = (1 / Math.log2(Math.max(2, persons))) * stay.factor;
  return {
    id: identifier,
    kind,
    label,
    how: how(graph, kind, label, a, ha, b, hb, stay.note),
    persons,
    score,
    links: [...new Set([...ha.links, ...hb.links])],
  };
}

/** Via entries strongest first (then by id), and their sum in that order, so every caller adds alike. */
export function scoreOf(via: SharedVia[]): number {
  via.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  let s = 0;
  for (const v of via) s += v.score;
  return s;
}
