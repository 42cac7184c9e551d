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

/** The hotel factor, and the first day both were there when the stays overlap. */
function stayFactor(a: Holding, b: Holding): { factor: number; from?: number } {
  if (a.firstMs !== null && a.lastMs !== null && b.firstMs !== null && b.lastMs !== null) {
    const slack = DEFAULTS.staySlackDays * DAY_MS;
    const start = Math.max(a.firstMs, b.firstMs);
    const end = Math.min(a.lastMs, b.lastMs) + slack;
    return start <= end ? { factor: 1, from: start } : { factor: DEFAULTS.disjointStays };
  }
  const c = Math.max(1, Math.min(a.count, b.count));
  return { factor: c / (c + 1) };
}

function stayNote(a: Holding, b: Holding): string {
  const { from } = stayFactor(a, b);
  if (from !== undefined) return `their stays overlap from ${new Date(from).toISOString().slice(0, 10)}`;
  if (a.firstMs !== null && a.lastMs !== null && b.firstMs !== null && b.lastMs !== null)
    return 'their stays do not overlap';
  return `${a.count} and ${b.count} stays, dates not recorded`;
}

/**
 * What an identifier of `kind`, held by `persons` persons, adds to a pair holding it as `ha` and `hb`;
 * null when it ties them through nothing of its own (a device both reach through the same single phone).
 */
export function tieScore(kind: ShareableKind, persons: number, ha: Holding, hb: Holding): number | null {
  if (
    kind === 'device' &&
    !ha.direct &&
    !hb.direct &&
    ha.throughPhones.length === 1 &&
    hb.throughPhones.length === 1 &&
    ha.throughPhones[0] === hb.throughPhones[0]
  )
    return null;
  const factor = kind === 'hotel' ? stayFactor(ha, hb).factor : 1;
  return factor / Math.log2(Math.max(2, persons));
}

/** Scores are rounded to 6 decimals, so a pair's score is the same whichever order its shares are added in. */
export const roundScore = (s: number) => Math.round(s * 1e6) / 1e6;

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
      return `both stayed at hotel ${label}; ${stayNote(ha, hb)}`;
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

/** What `identifier`, held by `persons` persons, adds to the pair a–b, in full; null as for tieScore. */
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
  const score = tieScore(kind, persons, ha, hb);
  if (score === null) return null;
  return {
    id: identifier,
    kind,
    label,
    how: how(graph, kind, label, a, ha, b, hb),
    persons,
    score: roundScore(score),
    links: [...new Set([...ha.links, ...hb.links])],
  };
}

/** Sorts via entries strongest first (then by id) and returns their total score. */
export function scoreOf(via: SharedVia[]): number {
  via.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  let s = 0;
  for (const v of via) s += v.score;
  return roundScore(s);
}
