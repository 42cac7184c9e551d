/**
 * The synthetic world's vocabulary: entities in canonical form, facts (links with their occurrences) and
 * the ground-truth reference by which tests and benchmarks name an entity.
 */
import type { CaseRole, EntityKind, LinkKind, Scheme } from '../../server/domain/kinds.js';
import { linkRule } from '../../server/domain/kinds.js';
import type { Props } from '../../server/domain/props.js';
import { canonicalKey } from '../spelling.js';

/** An entity as the ground truth names it: kind, scheme and canonical key. */
export interface TruthRef {
  kind: EntityKind;
  scheme: Scheme;
  key: string;
}

export interface Ent extends TruthRef {
  /** `kind|scheme|key`, computed once: the generator compares and counts entities by it. */
  readonly id: string;
  /** The base written form (E.164, "Hotel X Lodge, Mumbai", "MH 12 AB 1234"); spelling.ts varies it. */
  readonly text: string;
  /** What the world knows about the entity; each document carries the part of it that it would. */
  readonly props: Props;
  /** Part of the innocent background population (counted by construction, not by the ring tally). */
  readonly bg: boolean;
}

export function ent(kind: EntityKind, scheme: Scheme, text: string, props: Props = {}, bg = false): Ent {
  const key = canonicalKey(kind, scheme, text);
  return { kind, scheme, key, id: `${kind}|${scheme}|${key}`, text, props, bg };
}

export function truthRef(e: TruthRef): TruthRef {
  return { kind: e.kind, scheme: e.scheme, key: e.key };
}

/** One call, message, payment, stay or sighting, in world seconds (time.ts). */
export interface Occ {
  t: number;
  end?: number;
  dur?: number;
  amount?: number;
  txnRef?: string;
}

export interface Fact {
  kind: LinkKind;
  from: Ent;
  to: Ent;
  role?: CaseRole;
  props?: Props;
  occ: Occ[];
}

/** A link's identity, as the domain derives it: kind, both ends (ordered for undirected kinds) and role. */
export function factId(kind: LinkKind, from: Ent, to: Ent, role?: CaseRole): string {
  const [a, b] = linkRule(kind).directed || from.id <= to.id ? [from.id, to.id] : [to.id, from.id];
  return `${kind}>${a}>${b}>${role ?? ''}`;
}

/** Facts keyed by identity, so two events of one link become two occurrences of one fact. */
export class FactSet {
  readonly byId = new Map<string, Fact>();

  add(
    kind: LinkKind,
    from: Ent,
    to: Ent,
    occ: Occ[] = [],
    extra: { role?: CaseRole; props?: Props } = {},
  ): Fact {
    if (from.id === to.id) throw new Error(`seed: a ${kind} link from ${from.id} to itself`);
    const id = factId(kind, from, to, extra.role);
    const known = this.byId.get(id);
    if (known) {
      known.occ.push(...occ);
      return known;
    }
    const fact: Fact = { kind, from, to, occ: [...occ], ...extra };
    this.byId.set(id, fact);
    return fact;
  }

  all(): Fact[] {
    return [...this.byId.values()];
  }
}
