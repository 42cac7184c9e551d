/**
 * Planted duplicates: background persons who turn up again under another spelling of their name — a
 * transliteration (Mohammed / Mohd), an initial for the given name, the family name first — with something
 * that ties the records together: their phone or a PAN or a date of birth written in lodge registers, or
 * their UPI id in a booking platform's records (a register has no column for one). The ground truth lists
 * each cluster of records that are one person, so merge candidates can be scored (issue 8). Beside them,
 * look-alikes that are not the same person: a namesake with nothing shared, and a relative with another
 * name on the same phone. Off unless asked for (`duplicates`), so every other scenario stays as it was.
 *
 * A register's guest is a record of the register's own (guests.ts); so a PAN or a birth date, which the
 * original's own records never state, ties the register records to each other, not to the original.
 */
import type { EntityKind } from '../../server/domain/kinds.js';
import { pan, personKey } from '../identifiers.js';
import { personName } from '../names.js';
import type { Rng } from '../rng.js';
import { YEAR } from '../time.js';
import type { BgPerson } from './background.js';
import type { WorldCtx } from './context.js';
import { ent, truthRef, type Ent, type TruthRef } from './types.js';

export const NAME_VARIANTS = ['transliteration', 'initial', 'swapped', 'initial-swapped'] as const;
export type NameVariant = (typeof NAME_VARIANTS)[number];
export const SHARED = ['phone', 'account', 'id-document', 'dob'] as const;
export type Shared = (typeof SHARED)[number];

/** Spellings of one name part, as person-names.ts knows them; a name gets two of one group. */
export const TRANSLITERATIONS: readonly (readonly string[])[] = [
  ['Mohammed', 'Mohd', 'Muhammad', 'Md'],
  ['Shaikh', 'Sk', 'Sheikh'],
];
const FEMALE_TRANSLITERATIONS: readonly (readonly string[])[] = [['Kumari', 'Kum']];

export interface DuplicateRecord {
  name: string;
  gender: 'female' | 'male';
  age: number;
  /** Where the record is: a lodge register's row, or a booking platform's (for a UPI id). */
  source: 'register' | 'booking';
  /** The record as written: a register's guest record, or the booking's customer; set when it is written. */
  person?: Ent;
  /** The identifier the record names: the original's phone or UPI id, or the cluster's PAN. */
  uses?: Ent;
  holds?: Ent;
  dob?: string;
}

export interface DuplicateCluster {
  original: BgPerson;
  variant: NameVariant;
  shared: Shared;
  /** Records of the same person: the original stated again first where the tie is new (a PAN, a birth date). */
  records: DuplicateRecord[];
}

/** Records that look alike but are two people: what a candidate generator must not offer. */
export interface LookAlike {
  kind: 'namesake' | 'relative';
  of: BgPerson;
  record: DuplicateRecord;
}

export interface DuplicateTruth {
  variant: NameVariant;
  shared: Shared;
  /** The background person the records are of. */
  original: TruthRef;
  /**
   * The records the evidence ties together — with the original where the tie is the original's own phone
   * or UPI id: each pair among them should be offered.
   */
  persons: TruthRef[];
}

export interface LookAlikeTruth {
  kind: LookAlike['kind'];
  persons: [TruthRef, TruthRef];
}

/** Booking platforms' customer keys, above every index the background and the rings use. */
const KEY_BASE = 9_000_000;
const PAN_BASE = 2_000_000;

const initial = (given: string) => `${given[0]}.`;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** A birth date that makes the age as the scenario's year ends: "1988-04-17". */
const birthDate = (age: number, rng: Rng) => `${YEAR - age}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`;

function variantNames(p: BgPerson, variant: NameVariant, rng: Rng): string[] {
  const { given, family } = p.name;
  switch (variant) {
    case 'initial':
      return [`${initial(given)} ${family}`];
    case 'swapped':
      return [`${family} ${given}`];
    case 'initial-swapped':
      return [`${family} ${initial(given)}`];
    case 'transliteration': {
      const groups = p.gender === 'female' ? FEMALE_TRANSLITERATIONS : TRANSLITERATIONS;
      const group = rng.pick(groups);
      const first = rng.int(0, group.length - 1);
      const second = (first + rng.int(1, group.length - 1)) % group.length;
      return [`${group[first]} ${given} ${family}`, `${group[second]} ${given} ${family}`];
    }
  }
}

/**
 * Picks `count` background persons (with a phone) as evenly as the order they are generated in allows,
 * and plans their duplicates. `take` is called for every background person in order.
 */
export class DuplicatePlanner {
  readonly clusters: DuplicateCluster[] = [];
  readonly lookAlikes: LookAlike[] = [];
  private seen = 0;
  private planted = 0;

  constructor(
    private readonly ctx: WorldCtx,
    private readonly rng: Rng,
    private readonly count: number,
    /** Background persons expected in all: sets the stride. */
    private readonly population: number,
  ) {}

  private record(
    p: BgPerson,
    name: string,
    tie: Partial<DuplicateRecord>,
    source: DuplicateRecord['source'],
    age = p.age,
    gender = p.gender,
  ): DuplicateRecord {
    const r: DuplicateRecord = { name, gender, age, source, ...tie };
    if (source === 'booking')
      r.person = ent('person', 'person', personKey(KEY_BASE + this.planted, this.ctx.keys), {}, true);
    this.planted++;
    return r;
  }

  take(p: BgPerson): void {
    const stride = Math.max(2, Math.floor(this.population / Math.max(1, this.count * 1.6)));
    if (this.seen++ % stride !== 0 || !p.phones.length) return;
    if (this.clusters.length < this.count) this.cluster(p);
    else if (this.lookAlikes.length < Math.ceil(this.count / 2)) this.lookAlike(p);
  }

  private cluster(p: BgPerson): void {
    const i = this.clusters.length;
    const variant = NAME_VARIANTS[i % NAME_VARIANTS.length]!;
    let shared = SHARED[Math.floor(i / NAME_VARIANTS.length) % SHARED.length]!;
    if (shared === 'account' && !p.upi) shared = 'phone';
    const records: DuplicateRecord[] = [];
    const tie: Partial<DuplicateRecord> = {};
    if (shared === 'phone') tie.uses = p.phones[0];
    if (shared === 'account') tie.holds = p.upi;
    if (shared === 'id-document')
      tie.holds = ent(
        'id-document',
        'pan',
        pan(PAN_BASE + i, this.ctx.keys, p.name.family[0] ?? 'X'),
        {},
        true,
      );
    if (shared === 'dob') tie.dob = birthDate(p.age, this.rng);
    const source = shared === 'account' ? 'booking' : 'register';
    // A PAN or a birth date is new: the original is stated again with it, in a register of its own.
    if (shared === 'id-document' || shared === 'dob') records.push(this.record(p, p.name.full, tie, source));
    for (const name of variantNames(p, variant, this.rng))
      records.push(this.record(p, name, tie, source, p.age + this.rng.int(-1, 1)));
    this.clusters.push({ original: p, variant, shared, records });
  }

  private lookAlike(p: BgPerson): void {
    const namesake = this.lookAlikes.length % 2 === 0;
    if (namesake) {
      // Same name, nothing else in common: another man of that name in another lodge.
      const record = this.record(p, p.name.full, {}, 'register', p.age + 17);
      this.lookAlikes.push({ kind: 'namesake', of: p, record });
      return;
    }
    // A relative who gives the family's phone: the same number, another given name.
    let given = personName(this.rng).given;
    while (given === p.name.given) given = personName(this.rng).given;
    const name = `${given} ${p.name.family}`;
    const record = this.record(
      p,
      name,
      { uses: p.phones[0] },
      'register',
      p.age,
      p.gender === 'male' ? 'female' : 'male',
    );
    this.lookAlikes.push({ kind: 'relative', of: p, record });
  }

  truth(): { clusters: DuplicateTruth[]; lookAlikes: LookAlikeTruth[] } {
    const written = (r: DuplicateRecord) => {
      if (!r.person) throw new Error('seed: a planted duplicate was never written');
      return r.person;
    };
    return {
      clusters: this.clusters.map((c) => ({
        variant: c.variant,
        shared: c.shared,
        original: truthRef(c.original.ent),
        persons: [
          ...(c.shared === 'phone' || c.shared === 'account' ? [c.original.ent] : []),
          ...c.records.map(written),
        ].map(truthRef),
      })),
      lookAlikes: this.lookAlikes.map((l) => ({
        kind: l.kind,
        persons: [truthRef(l.of.ent), truthRef(written(l.record))],
      })),
    };
  }

  /** Entities first stated by the planted records (new persons and PANs), for the tally. */
  newEntities(): { kind: EntityKind; n: number }[] {
    const pans = this.clusters.filter((c) => c.shared === 'id-document').length;
    return [
      { kind: 'person', n: this.planted },
      { kind: 'id-document', n: pans },
    ];
  }
}
