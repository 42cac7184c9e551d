/**
 * The pairs of persons with the strongest shared identifiers in the whole graph, by the same
 * Adamic–Adar score as sharedIdentifiers (Adamic & Adar 2003; ./tie-weight.ts), so a pair scores the
 * same in both.
 *
 * Pairs are counted from each identifier's holders. An identifier held by more than `maxHolders` persons
 * (a busy hotel, a railway-station cell) would add up to maxHolders² pairs worth under
 * 1 / log2(maxHolders) each; it is "crowded": it still adds its share to every pair that shares something
 * else, but a pair tied only through crowded identifiers is not listed. The crowded ones are reported.
 *
 * Pairs are scored as plain numbers first; only the `limit` listed are spelt out with their `via`.
 */
import { checkInteger } from '../errors.js';
import type { AnalyticsGraph } from '../graph.js';
import {
  DEFAULT_KINDS,
  holdersOf,
  identifiersOf,
  isShareable,
  type Holding,
  type ShareableKind,
} from './holders.js';
import { kindSet, personOf } from './shared-identifiers.js';
import { roundScore, scoreOf, sharedVia, tieScore, type Person, type SharedVia } from './tie-weight.js';

export interface RankSharedOptions {
  /** How many pairs at most (1..500). */
  limit: number;
  /** Identifier kinds that tie persons; by default all but IP addresses. */
  identifierKinds: readonly ShareableKind[];
  /** Identifiers held by more persons than this are crowded (2..100000). */
  maxHolders: number;
}

export const DEFAULTS: RankSharedOptions = { limit: 20, identifierKinds: DEFAULT_KINDS, maxHolders: 200 };

export const LIMITS = { limit: { min: 1, max: 500 }, maxHolders: { min: 2, max: 100_000 } } as const;

export interface SharedPair {
  /** The two persons, the smaller id first. */
  a: Person;
  b: Person;
  score: number;
  via: SharedVia[];
}

export interface CrowdedIdentifier {
  id: string;
  kind: ShareableKind;
  label: string;
  persons: number;
}

export interface RankSharedResult {
  /** Strongest first (then more identifiers, then by ids); at most `limit`. */
  pairs: SharedPair[];
  /** True when more pairs share identifiers than `limit` lets through. */
  truncated: boolean;
  /** Identifiers with more than maxHolders persons: they tie listed pairs but list none of their own. */
  crowded: CrowdedIdentifier[];
}

/** Pairs better first: higher score, then more shared identifiers, then smaller pair index (id order). */
const better = (x: Ranked, y: Ranked) =>
  x.score > y.score ||
  (x.score === y.score && (x.count > y.count || (x.count === y.count && x.pair < y.pair)));

interface Ranked {
  pair: number;
  score: number;
  count: number;
}

/** `rankSharedAcrossGraph(graph, 20)` or `rankSharedAcrossGraph(graph, { limit: 20, maxHolders: 50 })`. */
export function rankSharedAcrossGraph(
  graph: AnalyticsGraph,
  limitOrOptions: number | Partial<RankSharedOptions> = {},
): RankSharedResult {
  const o = {
    ...DEFAULTS,
    ...(typeof limitOrOptions === 'number' ? { limit: limitOrOptions } : limitOrOptions),
  };
  checkInteger('limit', o.limit, LIMITS.limit.min, LIMITS.limit.max);
  checkInteger('maxHolders', o.maxHolders, LIMITS.maxHolders.min, LIMITS.maxHolders.max);
  const kinds = kindSet(o.identifierKinds);

  // 1. The holders of every identifier two or more persons hold; persons numbered in id order.
  const shared = new Map<string, Map<string, Holding>>();
  const crowded: string[] = [];
  graph.forEachNode((id, attr) => {
    if (!isShareable(attr.kind) || !kinds.has(attr.kind)) return;
    const holders = holdersOf(graph, id, kinds);
    if (holders.size < 2) return;
    shared.set(id, holders);
    if (holders.size > o.maxHolders) crowded.push(id);
  });
  const ids = [...new Set([...shared.values()].flatMap((h) => [...h.keys()]))].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const inCrowd = new Set(crowded.flatMap((id) => [...shared.get(id)!.keys()].map((p) => index.get(p)!)));

  // 2. Scores only (numbers; a pair is lo * n + hi): a pair's details are built only if it is listed.
  const slotOf = new Map<number, number>();
  const pairAt: number[] = [];
  const scoreAt: number[] = [];
  const countAt: number[] = [];
  const partners = new Map<number, number[]>();
  const link = (x: number, y: number) => {
    const list = partners.get(x);
    if (list) list.push(y);
    else partners.set(x, [y]);
  };
  const add = (
    kind: ShareableKind,
    d: number,
    i: number,
    j: number,
    hi: Holding,
    hj: Holding,
    create: boolean,
  ) => {
    const pair = i < j ? i * n + j : j * n + i;
    let slot = slotOf.get(pair);
    if (slot === undefined && !create) return;
    const w = tieScore(kind, d, hi, hj);
    if (w === null) return;
    if (slot === undefined) {
      slot = pairAt.length;
      slotOf.set(pair, slot);
      pairAt.push(pair);
      scoreAt.push(0);
      countAt.push(0);
      if (inCrowd.has(i) && inCrowd.has(j)) {
        link(i, j);
        link(j, i);
      }
    }
    scoreAt[slot]! += roundScore(w);
    countAt[slot]!++;
  };
  const crowdedSet = new Set(crowded);
  for (const [id, holders] of shared) {
    if (crowdedSet.has(id)) continue;
    const kind = graph.getNodeAttribute(id, 'kind') as ShareableKind;
    const at = [...holders.keys()].map((p) => index.get(p)!);
    const hs = [...holders.values()];
    for (let a = 0; a < at.length; a++)
      for (let b = a + 1; b < at.length; b++) add(kind, at.length, at[a]!, at[b]!, hs[a]!, hs[b]!, true);
  }
  // A crowded identifier adds its share only to pairs already tied by something else.
  for (const id of crowded) {
    const holders = shared.get(id)!;
    const kind = graph.getNodeAttribute(id, 'kind') as ShareableKind;
    for (const [p, hp] of holders) {
      const i = index.get(p)!;
      for (const j of partners.get(i) ?? []) {
        const hq = i < j ? holders.get(ids[j]!) : undefined;
        if (hq) add(kind, holders.size, i, j, hp, hq, false);
      }
    }
  }

  // 3. The best `limit` pairs, kept in order as they stream past.
  const top: Ranked[] = [];
  for (let slot = 0; slot < pairAt.length; slot++) {
    const [pair, score, count] = [pairAt[slot]!, roundScore(scoreAt[slot]!), countAt[slot]!];
    const worst = top[top.length - 1];
    if (top.length === o.limit && worst && !better({ pair, score, count }, worst)) continue;
    const r = { pair, score, count };
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (better(top[mid]!, r)) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, r);
    if (top.length > o.limit) top.pop();
  }

  // 4. The listed pairs in full, as sharedIdentifiers reports them.
  const people = new Map<string, Person>();
  const person = (id: string) => {
    let p = people.get(id);
    if (!p) people.set(id, (p = personOf(graph, id)));
    return p;
  };
  const pairs = top.map(({ pair }) => {
    const [a, b] = [ids[Math.floor(pair / n)]!, ids[pair % n]!];
    const via: SharedVia[] = [];
    for (const id of identifiersOf(graph, a, kinds)) {
      const holders = shared.get(id);
      if (!holders?.has(b)) continue;
      const v = sharedVia(graph, id, holders.size, person(a), holders.get(a)!, person(b), holders.get(b)!);
      if (v) via.push(v);
    }
    return { a: person(a), b: person(b), score: scoreOf(via), via };
  });
  return {
    pairs,
    truncated: pairAt.length > o.limit,
    crowded: crowded.map((id) => {
      const { kind, label } = graph.getNodeAttributes(id);
      return { id, kind: kind as ShareableKind, label, persons: shared.get(id)!.size };
    }),
  };
}
