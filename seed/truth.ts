/**
 * The ground truth of a scenario: what the generator planted, so tests and benchmarks can score what
 * CaseGraph finds. Every entity is named by (kind, scheme, canonical key) — the key the domain derives its
 * ids from (E.164 phones, 15-digit IMEIs, "IFSC:ACCOUNT", "name|city" hotels, upper-case FIR keys).
 *
 * Cross-case facts are measured, not assumed: the collector watches which entities each case's documents
 * actually carry, and reports every entity found in the evidence of two or more FIRs.
 */
import type { CaseRole, EntityKind } from '../server/domain/kinds.js';
import type { BgPlan } from './world/background.js';
import type { Overlap, OverlapKind } from './world/overlaps.js';
import type { BridgeRelation, RingPlan, RingRole } from './world/ring-plan.js';
import { truthRef, type Ent, type TruthRef } from './world/types.js';
import type { DuplicateTruth, LookAlikeTruth } from './world/duplicates.js';
import { guestRecord } from './world/guests.js';

export type { TruthRef } from './world/types.js';

export interface RingTruth {
  id: string;
  source: { state: string; district: string };
  destination: { state: string; district: string };
  /** Canonical keys of the ring's own FIRs. */
  cases: string[];
  members: { person: TruthRef; role: RingRole; name: string }[];
  victims: TruthRef[];
  customers: TruthRef[];
  /** Numbers, handsets and accounts the members use (the ring's operational identifiers). */
  phones: TruthRef[];
  devices: TruthRef[];
  accounts: TruthRef[];
  hotels: TruthRef[];
  vehicles: TruthRef[];
  ads: TruthRef[];
}

export interface CaseTruth {
  ref: TruthRef;
  /** The key as documents write it ("MH/Mumbai City/Kamathipura PS/0123/2026"). */
  written: string;
  ring: string;
  kind: 'source' | 'destination';
  state: string;
  district: string;
  station: string;
  unit: string;
  firDate: string;
  involved: { entity: TruthRef; role: CaseRole }[];
}

export interface VictimTruth {
  person: TruthRef;
  ring: string;
  age: number;
  minor: boolean;
  nationality: string;
  /** FIRs naming her as a victim (two for a victim rescued twice; none if never rescued). */
  cases: string[];
}

export interface PlantedTruth {
  kind: OverlapKind;
  entity: TruthRef;
  /** The ring it belongs to and the ring whose evidence it also appears in. */
  fromRing: string;
  toRing: string;
  /** Every FIR whose evidence holds it. */
  cases: string[];
  /** The units that registered those FIRs: a planted phone or hotel ties FIRs of different units. */
  units: string[];
}

export interface CrossCaseTruth {
  entity: TruthRef;
  cases: string[];
  /** The units of those cases: who would have to tell whom. */
  units: string[];
  rings: string[];
  /** Set when this is one of the deliberately planted overlaps. */
  planted?: OverlapKind;
  /** A background person or number (a taxi driver two cases' suspects both called), not a ring identifier. */
  background: boolean;
}

/**
 * A victim as lodge registers know her: the guest records her stays made (one per lodge when she showed a
 * document, one per stay otherwise), beside the person FIRs and subscriber records name. All of them are
 * one person; any pair of them is a right merge candidate, to offer where evidence ties it.
 */
export interface GuestTruth {
  /** The person as FIRs and subscriber details name her; absent from the graph when none does. */
  person: TruthRef;
  ring: string;
  records: TruthRef[];
}

export interface BridgeTruth {
  person: TruthRef;
  phone: TruthRef;
  relation: BridgeRelation;
  ring: string;
  /** The ring person they deal with. */
  contact: TruthRef;
}

export interface GroundTruth {
  version: 1;
  options: { entities: number; seed: string; rings: number };
  counts: {
    /** Distinct entities (after normalisation) and distinct links across all batches. */
    entities: number;
    links: number;
    /** Occurrence records written (a call in two CDRs is written twice; the store keeps one). */
    occurrences: number;
    batches: number;
    entitiesByKind: Partial<Record<EntityKind, number>>;
    linksByKind: Record<string, number>;
    documentsByType: Record<string, number>;
  };
  rings: RingTruth[];
  cases: CaseTruth[];
  victims: VictimTruth[];
  /** Every record by which the evidence names a minor victim: her person record, her register entries. */
  minors: TruthRef[];
  guests: GuestTruth[];
  planted: PlantedTruth[];
  crossCase: CrossCaseTruth[];
  simSwitching: {
    phonesInSeveralDevices: { phone: TruthRef; devices: TruthRef[] }[];
    devicesWithSeveralPhones: { device: TruthRef; phones: TruthRef[] }[];
  };
  background: {
    persons: number;
    neighbourhoods: number;
    /** Person keys (scheme person) of every background person. */
    personKeys: string[];
    bridges: BridgeTruth[];
  };
  /**
   * With `duplicates`: clusters of person records that are one person under other spellings of the
   * name (every pair within a cluster is a true merge candidate), and look-alikes that are two people.
   */
  duplicates?: { clusters: DuplicateTruth[]; lookAlikes: LookAlikeTruth[] };
}

const refs = (es: readonly (Ent | undefined)[]) => es.filter((e): e is Ent => e !== undefined).map(truthRef);

/** Collects, while the scenario streams, what only the emitted evidence can tell. */
export class TruthCollector {
  private readonly casesOf = new Map<string, { e: Ent; cases: Set<string> }>();
  private readonly victimCases = new Map<string, Set<string>>();
  readonly entitiesByKind: Partial<Record<EntityKind, number>> = {};
  readonly linksByKind: Record<string, number> = {};
  readonly documentsByType: Record<string, number> = {};
  occurrences = 0;
  batches = 0;
  entities = 0;
  links = 0;

  /** What a document of a case carries; `caseKey` is canonical. */
  mention(caseKey: string, e: Ent): void {
    if (e.kind === 'case') return;
    let slot = this.casesOf.get(e.id);
    if (!slot) this.casesOf.set(e.id, (slot = { e, cases: new Set() }));
    slot.cases.add(caseKey);
  }

  involvement(caseKey: string, e: Ent, role: string): void {
    if (role !== 'victim') return;
    let set = this.victimCases.get(e.id);
    if (!set) this.victimCases.set(e.id, (set = new Set()));
    set.add(caseKey);
  }

  countEntity(kind: EntityKind, n = 1): void {
    this.entitiesByKind[kind] = (this.entitiesByKind[kind] ?? 0) + n;
    this.entities += n;
  }

  countLink(kind: string): void {
    this.linksByKind[kind] = (this.linksByKind[kind] ?? 0) + 1;
    this.links++;
  }

  countDocument(type: string): void {
    this.documentsByType[type] = (this.documentsByType[type] ?? 0) + 1;
    this.batches++;
  }

  finish(input: {
    entities: number;
    seed: string;
    rings: RingPlan[];
    overlaps: Overlap[];
    bg: BgPlan;
    personKeys: string[];
    /** Ids of every ring entity some document declared. */
    emitted: ReadonlySet<string>;
  }): GroundTruth {
    const { rings, overlaps, bg, emitted } = input;
    const records = new Map<string, Map<string, Ent>>();
    for (const r of rings)
      for (const st of r.stays) {
        const rec = guestRecord(st);
        const mine = records.get(st.person.ent.id) ?? new Map<string, Ent>();
        records.set(st.person.ent.id, mine.set(rec.id, rec));
      }
    const recordsOf = (e: Ent) => [...(records.get(e.id)?.values() ?? [])];
    const ringOfCase = new Map(rings.flatMap((r) => r.cases.map((c) => [(c.ent as Ent).key, r.id] as const)));
    const ringId = (i: number) => (rings[i] as RingPlan).id;
    const unitOfCase = new Map(
      rings.flatMap((r) => r.cases.map((c) => [(c.ent as Ent).key, c.unit] as const)),
    );
    const unitsOf = (cases: Iterable<string>) =>
      sorted(new Set([...cases].map((k) => unitOfCase.get(k) ?? '?')));
    const planted = new Map(overlaps.map((o) => [o.entity.id, o.kind] as const));
    const sorted = <T>(xs: Iterable<T>) => [...xs].sort();

    const crossCase: CrossCaseTruth[] = [];
    for (const { e, cases } of this.casesOf.values()) {
      if (cases.size < 2) continue;
      const c = sorted(cases);
      const x: CrossCaseTruth = {
        entity: truthRef(e),
        cases: c,
        units: unitsOf(c),
        rings: sorted(new Set(c.map((k) => ringOfCase.get(k) ?? '?'))),
        background: e.bg,
      };
      const kind = planted.get(e.id);
      if (kind) x.planted = kind;
      crossCase.push(x);
    }
    crossCase.sort((a, b) => (a.entity.kind + a.entity.key < b.entity.kind + b.entity.key ? -1 : 1));

    const phonesInSeveralDevices: GroundTruth['simSwitching']['phonesInSeveralDevices'] = [];
    const phonesOfDevice = new Map<string, { device: Ent; phones: Ent[] }>();
    for (const r of rings)
      for (const p of [...r.members, ...r.victims].flatMap((x) => x.phones)) {
        const devs = [...new Map(p.spans.map((s) => [s.dev.id, s.dev])).values()];
        if (devs.length > 1) phonesInSeveralDevices.push({ phone: truthRef(p.ent), devices: refs(devs) });
        for (const d of devs) {
          const slot = phonesOfDevice.get(d.id) ?? { device: d, phones: [] };
          slot.phones.push(p.ent);
          phonesOfDevice.set(d.id, slot);
        }
      }

    return {
      version: 1,
      options: { entities: input.entities, seed: input.seed, rings: rings.length },
      counts: {
        entities: this.entities,
        links: this.links,
        occurrences: this.occurrences,
        batches: this.batches,
        entitiesByKind: this.entitiesByKind,
        linksByKind: this.linksByKind,
        documentsByType: this.documentsByType,
      },
      rings: rings.map((r) => ({
        id: r.id,
        source: { state: r.source.state, district: r.source.district },
        destination: { state: r.dest.state, district: r.dest.district },
        cases: r.cases.map((c) => (c.ent as Ent).key),
        members: r.members.map((m) => ({
          person: truthRef(m.ent),
          role: m.role as RingRole,
          name: m.name.full,
        })),
        victims: refs(r.victims.map((v) => v.ent)),
        customers: refs(r.customers.map((c) => c.ent)),
        phones: refs(r.members.flatMap((m) => m.phones.map((p) => p.ent))),
        devices: refs(r.members.flatMap((m) => m.devices)),
        accounts: refs(r.members.flatMap((m) => [m.upi, ...m.banks, m.email, ...m.handles])),
        hotels: refs(r.hotels.map((h) => h.ent)),
        vehicles: refs(r.members.map((m) => m.vehicle)),
        ads: refs(r.ads),
      })),
      cases: rings.flatMap((r) =>
        r.cases.map((c) => ({
          ref: truthRef(c.ent as Ent),
          written: c.key,
          ring: r.id,
          kind: c.kind,
          state: c.place.state,
          district: c.place.district,
          station: c.station,
          unit: c.unit,
          firDate: String((c.ent as Ent).props.firDate),
          involved: c.involved.map((i) => ({ entity: truthRef(i.e), role: i.role })),
        })),
      ),
      victims: rings.flatMap((r) =>
        r.victims.map((v) => ({
          person: truthRef(v.ent),
          ring: r.id,
          age: v.age,
          minor: v.minor,
          nationality: v.nationality,
          cases: sorted(this.victimCases.get(v.ent.id) ?? []),
        })),
      ),
      minors: rings.flatMap((r) =>
        refs(
          r.victims
            .filter((v) => v.minor)
            .flatMap((v) => [...(emitted.has(v.ent.id) ? [v.ent] : []), ...recordsOf(v.ent)]),
        ),
      ),
      guests: rings.flatMap((r) =>
        r.victims
          .map((p) => ({ person: truthRef(p.ent), ring: r.id, records: refs(recordsOf(p.ent)) }))
          .filter((g) => g.records.length > 0),
      ),
      planted: overlaps.map((o) => ({
        kind: o.kind,
        entity: truthRef(o.entity),
        fromRing: ringId(o.from),
        toRing: ringId(o.to),
        cases: sorted(this.casesOf.get(o.entity.id)?.cases ?? []),
        units: unitsOf(this.casesOf.get(o.entity.id)?.cases ?? []),
      })),
      crossCase,
      simSwitching: {
        phonesInSeveralDevices,
        devicesWithSeveralPhones: [...phonesOfDevice.values()]
          .filter((x) => x.phones.length > 1)
          .map((x) => ({ device: truthRef(x.device), phones: refs(x.phones) })),
      },
      background: {
        persons: bg.persons,
        neighbourhoods: bg.neighbourhoods,
        personKeys: input.personKeys,
        bridges: rings.flatMap((r) =>
          r.bridges.map((b) => ({
            person: truthRef(b.person.ent),
            phone: truthRef(b.phone),
            relation: b.relation,
            ring: r.id,
            contact: truthRef(b.contact.ent),
          })),
        ),
      },
    };
  }
}
