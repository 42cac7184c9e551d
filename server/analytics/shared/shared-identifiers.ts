/**
 * Shared identifiers of one person: the other persons tied to them through a common phone, device,
 * account, identity document, hotel, location or vehicle (./holders.ts), ranked by an Adamic–Adar score
 * (Adamic & Adar 2003; ./tie-weight.ts): the sum over shared identifiers of 1 / log2(persons holding it),
 * a hotel weighed by overlapping stays.
 */
import { AnalyticsInputError, checkInteger } from '../errors.js';
import type { AnalyticsGraph } from '../graph.js';
import { DEFAULT_KINDS, holdersOf, identifiersOf, SHAREABLE_KINDS, type ShareableKind } from './holders.js';
import { scoreOf, sharedVia, type Person, type SharedVia } from './tie-weight.js';

export interface SharedIdentifiersOptions {
  /** How many tied persons at most (1..500). */
  limit: number;
  /** Identifier kinds that tie persons; by default all but IP addresses. */
  identifierKinds: readonly ShareableKind[];
}

export const DEFAULTS: SharedIdentifiersOptions = { limit: 20, identifierKinds: DEFAULT_KINDS };

export const LIMITS = { limit: { min: 1, max: 500 } } as const;

export interface SharedTie {
  person: Person;
  score: number;
  /** What they share, strongest first. */
  via: SharedVia[];
}

export interface SharedIdentifiersResult {
  person: Person;
  /** Strongest first (then more identifiers, then by id); at most `limit`. */
  ties: SharedTie[];
  /** True when more persons are tied than `limit` lets through. */
  truncated: boolean;
}

/** `identifierKinds` checked and made a set; an AnalyticsInputError names the field. */
export function kindSet(kinds: readonly ShareableKind[]): Set<ShareableKind> {
  if (!Array.isArray(kinds) || kinds.length === 0)
    throw new AnalyticsInputError('identifierKinds', '`identifierKinds` must name at least one kind');
  const bad = kinds.find((k) => !(SHAREABLE_KINDS as readonly string[]).includes(k));
  if (bad !== undefined)
    throw new AnalyticsInputError(
      'identifierKinds',
      `\`identifierKinds\` must be among ${SHAREABLE_KINDS.join(', ')}; got ${String(bad)}`,
    );
  return new Set(kinds);
}

export function personOf(graph: AnalyticsGraph, id: string): Person {
  return { id, label: graph.getNodeAttribute(id, 'label') };
}

/** Stronger first, then more identifiers, then by id. */
export function compareTies(
  a: { score: number; via: unknown[]; key: string },
  b: { score: number; via: unknown[]; key: string },
): number {
  return b.score - a.score || b.via.length - a.via.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

export function sharedIdentifiers(
  graph: AnalyticsGraph,
  personId: string,
  options: Partial<SharedIdentifiersOptions> = {},
): SharedIdentifiersResult {
  const o = { ...DEFAULTS, ...options };
  if (typeof personId !== 'string' || !graph.hasNode(personId))
    throw new AnalyticsInputError('person', `\`person\` is not an entity of this graph: ${String(personId)}`);
  if (graph.getNodeAttribute(personId, 'kind') !== 'person')
    throw new AnalyticsInputError('person', `\`person\` must be a person; ${personId} is not`);
  checkInteger('limit', o.limit, LIMITS.limit.min, LIMITS.limit.max);
  const kinds = kindSet(o.identifierKinds);

  const me = personOf(graph, personId);
  const byPerson = new Map<string, SharedVia[]>();
  for (const identifier of identifiersOf(graph, personId, kinds)) {
    const holders = holdersOf(graph, identifier, kinds);
    const mine = holders.get(personId);
    if (!mine || holders.size < 2) continue;
    for (const [other, theirs] of holders) {
      if (other === personId) continue;
      const via = sharedVia(graph, identifier, holders.size, me, mine, personOf(graph, other), theirs);
      if (!via) continue;
      const list = byPerson.get(other);
      if (list) list.push(via);
      else byPerson.set(other, [via]);
    }
  }

  const ties = [...byPerson].map(([other, via]) => ({ key: other, score: scoreOf(via), via }));
  ties.sort(compareTies);
  return {
    person: me,
    ties: ties.slice(0, o.limit).map((t) => ({ person: personOf(graph, t.key), score: t.score, via: t.via })),
    truncated: ties.length > o.limit,
  };
}
