/**
 * The pairs of persons with the strongest shared identifiers in the whole graph, by the same
 * Adamic–Adar score as sharedIdentifiers (Adamic & Adar 2003; ./tie-weight.ts), so a pair scores the
 * same in both.
 *
 * Pairs are counted from each identifier's holders. An identifier held by more than `maxHolders` persons
 * (a busy hotel, a railway-station cell) would add up to maxHolders² pairs worth under
 * 1 / log2(maxHolders) each; it is "crowded": it still adds its share to every pair that shares something
 * else, but a pair tied only through crowded identifiers is not listed. The crowded ones are reported.
 */
import { checkInteger } from '../errors.js';
import type { AnalyticsGraph } from '../graph.js';
import { DEFAULT_KINDS, holdersOf, isShareable, type Holding, type ShareableKind } from './holders.js';
import { compareTies, kindSet, personOf } from './shared-identifiers.js';
import { scoreOf, sharedVia, type Person, type SharedVia } from './tie-weight.js';

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

const pairKey = (p: string, q: string) => `${p}\u0000${q}`;

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

  const pairs = new Map<string, SharedVia[]>();
  const partners = new Map<string, Set<string>>();
  const crowded: { id: string; holders: Map<string, Holding> }[] = [];
  const people = new Map<string, Person>();
  const person = (id: string) => {
    let p = people.get(id);
    if (!p) people.set(id, (p = personOf(graph, id)));
    return p;
  };
  const add = (id: string, holders: Map<string, Holding>, p: string, q: string, create: boolean) => {
    const [a, b] = p < q ? [p, q] : [q, p];
    const key = pairKey(a, b);
    const list = pairs.get(key);
    if (!list && !create) return;
    const via = sharedVia(graph, id, holders.size, person(a), holders.get(a)!, person(b), holders.get(b)!);
    if (!via) return;
    if (list) list.push(via);
    else {
      pairs.set(key, [via]);
      for (const [x, y] of [
        [a, b],
        [b, a],
      ] as const) {
        const s = partners.get(x);
        if (s) s.add(y);
        else partners.set(x, new Set([y]));
      }
    }
  };

  graph.forEachNode((id, attr) => {
    if (!isShareable(attr.kind) || !kinds.has(attr.kind)) return;
    const holders = holdersOf(graph, id, kinds);
    if (holders.size < 2) return;
    if (holders.size > o.maxHolders) return void crowded.push({ id, holders });
    const ids = [...holders.keys()];
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) add(id, holders, ids[i]!, ids[j]!, true);
  });
  // A crowded identifier adds its share only to pairs already tied by something else.
  for (const { id, holders } of crowded)
    for (const p of holders.keys())
      for (const q of partners.get(p) ?? []) if (p < q && holders.has(q)) add(id, holders, p, q, false);

  const ranked = [...pairs].map(([key, via]) => ({ key, score: scoreOf(via), via }));
  ranked.sort(compareTies);
  return {
    pairs: ranked.slice(0, o.limit).map((r) => {
      const [a, b] = r.key.split('\u0000') as [string, string];
      return { a: person(a), b: person(b), score: r.score, via: r.via };
    }),
    truncated: ranked.length > o.limit,
    crowded: crowded.map(({ id, holders }) => {
      const { kind, label } = graph.getNodeAttributes(id);
      return { id, kind: kind as ShareableKind, label, persons: holders.size };
    }),
  };
}
