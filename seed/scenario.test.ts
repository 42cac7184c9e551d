import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntityRef, IngestBatchInput } from '../server/domain/batch.js';
import { ingestBatchSchema } from '../server/domain/batch.js';
import { auditBatches, refId } from './audit.js';
import { DEMO_OPTIONS, demoScenario } from './demo.js';
import { isSyntheticName, isSyntheticVariant } from './names.js';
import { TRANSLITERATIONS } from './world/duplicates.js';
import {
  generateScenario,
  ScenarioError,
  streamScenario,
  type GroundTruth,
  type Scenario,
} from './scenario.js';
import type { TruthRef } from './truth.js';

const idOf = (r: TruthRef) => `${r.kind}|${r.scheme}|${r.key}`;
const caseId = (key: string) => refId({ kind: 'case', key });

/** Every entity each case's documents carry, by canonical id. */
function mentionsByCase(batches: IngestBatchInput[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const b of batches) {
    if (!b.document.case) continue;
    const c = caseId(b.document.case);
    const set = out.get(c) ?? new Set<string>();
    for (const e of b.entities ?? []) set.add(refId(e));
    out.set(c, set);
  }
  return out;
}

function involvements(batches: IngestBatchInput[]): { c: string; to: string; role: string }[] {
  return batches.flatMap((b) =>
    (b.links ?? [])
      .filter((l) => l.kind === 'involves')
      .map((l) => ({ c: refId(l.from), to: refId(l.to), role: l.role ?? '' })),
  );
}

describe('the demo scenario (320 entities)', () => {
  let demo: Scenario;
  beforeAll(() => {
    demo = demoScenario();
  });

  it('passes the ingest batch contract, batch by batch', () => {
    for (const b of demo.batches) {
      const parsed = ingestBatchSchema.safeParse(b);
      expect(parsed.success, `${b.document.name}: ${parsed.error?.issues[0]?.message}`).toBe(true);
    }
  });

  it('declares every link end and every case in the same batch or an earlier one, and counts as the truth says', () => {
    const audit = auditBatches(demo.batches);
    expect(audit.problems).toEqual([]);
    expect(audit.entities).toBe(demo.truth.counts.entities);
    expect(audit.links).toBe(demo.truth.counts.links);
    expect(audit.occurrences).toBe(demo.truth.counts.occurrences);
    expect(audit.batches).toBe(demo.batches.length);
  });

  it('gives every entity, link and occurrence a row or page, and every document a unique hash', () => {
    for (const b of demo.batches) {
      for (const e of b.entities ?? []) expect(e.ref).toMatch(/row|page|entry|summary|capture/);
      for (const l of b.links ?? []) {
        expect(l.ref).toBeTruthy();
        for (const o of l.occurrences ?? []) {
          expect(o.ref).toBeTruthy();
          expect(o.at).toMatch(/^2026-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:30$/);
          if (o.txnRef !== undefined) expect(o.txnRef).toMatch(/^\d{12}$/);
        }
      }
    }
    const hashes = demo.batches.map((b) => b.document.sha256);
    expect(new Set(hashes).size).toBe(hashes.length);
    const gradings = new Set(
      demo.batches.map((b) => `${b.document.grading?.source}${b.document.grading?.information}`),
    );
    expect(gradings.size).toBeGreaterThan(3);
  });

  it('writes one phone several ways across documents, as operators do', () => {
    const forms = new Set<string>();
    const classify = (r: EntityRef) =>
      r.key.startsWith("'")
        ? 'apostrophe'
        : r.key.startsWith('+91 ')
          ? 'spaced'
          : r.key.startsWith('+')
            ? 'e164'
            : r.key.length === 12
              ? 'cc'
              : r.key.length === 11
                ? 'trunk'
                : 'bare';
    for (const b of demo.batches)
      for (const e of b.entities ?? []) if (e.kind === 'phone') forms.add(classify(e));
    expect(forms.size).toBeGreaterThanOrEqual(5);
    const imeis = demo.batches.flatMap((b) =>
      (b.entities ?? []).filter((e) => e.kind === 'device').map((e) => e.key),
    );
    expect(imeis.some((k) => refId({ kind: 'device', key: k }).endsWith(k))).toBe(true);
    expect(imeis.some((k) => !refId({ kind: 'device', key: k }).endsWith(k))).toBe(true);
  });

  it('has victims, minors among them, and rings of every role', () => {
    const { truth } = demo;
    expect(truth.rings).toHaveLength(3);
    for (const r of truth.rings) {
      expect(new Set(r.members.map((m) => m.role))).toEqual(
        new Set(['recruiter', 'transporter', 'harbourer', 'manager', 'financier']),
      );
      expect(r.victims.length).toBeGreaterThanOrEqual(3);
    }
    expect(truth.minors.length).toBeGreaterThan(0);
    const props = new Map<string, Record<string, unknown>>();
    for (const b of demo.batches)
      for (const e of b.entities ?? [])
        if (e.kind === 'person') props.set(refId(e), { ...props.get(refId(e)), ...e.props });
    for (const m of truth.minors) {
      const p = props.get(idOf(m));
      expect(p?.minor === true || (typeof p?.age === 'number' && p.age < 18)).toBe(true);
    }
    const inv = involvements(demo.batches);
    const named = truth.victims.filter((v) => v.cases.length > 0);
    expect(named.length).toBeGreaterThan(0);
    for (const v of named)
      for (const c of v.cases)
        expect(
          inv.some((i) => i.c === `case|fir|${c}` && i.to === idOf(v.person) && i.role === 'victim'),
        ).toBe(true);
  });

  it('plants every kind of cross-case overlap, and each shows in the evidence of both FIRs', () => {
    const { truth, batches } = demo;
    expect(new Set(truth.planted.map((p) => p.kind))).toEqual(
      new Set(['shared-accused', 'victim-rescued-twice', 'shared-phone', 'shared-hotel', 'shared-account']),
    );
    const mentions = mentionsByCase(batches);
    const casesOfRing = new Map(truth.rings.map((r) => [r.id, r.cases]));
    for (const p of truth.planted) {
      expect(p.cases.length).toBeGreaterThanOrEqual(2);
      for (const c of p.cases) expect(mentions.get(`case|fir|${c}`)?.has(idOf(p.entity))).toBe(true);
      expect(p.cases.some((c) => casesOfRing.get(p.fromRing)?.includes(c))).toBe(true);
      expect(p.cases.some((c) => casesOfRing.get(p.toRing)?.includes(c))).toBe(true);
    }
    const twice = truth.planted.filter((p) => p.kind === 'victim-rescued-twice');
    for (const p of twice)
      expect(
        truth.victims.find((v) => idOf(v.person) === idOf(p.entity))?.cases.length,
      ).toBeGreaterThanOrEqual(2);
    // A recruiter accused by two units: involved in FIRs of two different police stations.
    const inv = involvements(batches);
    for (const p of truth.planted.filter((x) => x.kind === 'shared-accused')) {
      const stations = new Set(
        inv.filter((i) => i.to === idOf(p.entity)).map((i) => i.c.split('/').slice(0, 3).join('/')),
      );
      expect(stations.size).toBeGreaterThanOrEqual(2);
    }
    for (const x of truth.crossCase) {
      expect(x.cases.length).toBeGreaterThanOrEqual(2);
      for (const c of x.cases) expect(mentions.get(`case|fir|${c}`)?.has(idOf(x.entity))).toBe(true);
      const units = new Set(x.cases.map((c) => truth.cases.find((k) => k.ref.key === c)!.unit));
      expect(x.units).toEqual([...units].sort());
    }
    // The same phone and the same hotel in FIRs of different units: what a resource centre pools cases for.
    for (const kind of ['shared-phone', 'shared-hotel'] as const) {
      const p = truth.planted.find((x) => x.kind === kind)!;
      expect(p.units.length, kind).toBeGreaterThanOrEqual(2);
      expect(truth.crossCase.find((x) => idOf(x.entity) === idOf(p.entity))?.planted).toBe(kind);
    }
  });

  it('plants SIM switching: one phone in two handsets, two phones in one handset', () => {
    const { truth, batches } = demo;
    const pairs = new Set(
      batches.flatMap((b) =>
        (b.links ?? []).filter((l) => l.kind === 'in-device').map((l) => `${refId(l.from)}>${refId(l.to)}`),
      ),
    );
    expect(truth.simSwitching.phonesInSeveralDevices.length).toBeGreaterThan(0);
    expect(truth.simSwitching.devicesWithSeveralPhones.length).toBeGreaterThan(0);
    for (const x of truth.simSwitching.phonesInSeveralDevices)
      for (const d of x.devices) expect(pairs.has(`${idOf(x.phone)}>${idOf(d)}`)).toBe(true);
    for (const x of truth.simSwitching.devicesWithSeveralPhones)
      for (const p of x.phones) expect(pairs.has(`${idOf(p)}>${idOf(x.device)}`)).toBe(true);
  });

  it('is mostly ordinary people, all with invented names', () => {
    const { truth, batches } = demo;
    const ringPeople = truth.rings.reduce(
      (n, r) => n + r.members.length + r.victims.length + r.customers.length,
      0,
    );
    expect(truth.background.persons).toBeGreaterThan(ringPeople);
    expect(truth.background.personKeys).toHaveLength(truth.background.persons);
    expect(truth.background.bridges.some((b) => b.relation === 'hotel-receptionist')).toBe(true);
    for (const b of batches)
      for (const e of b.entities ?? [])
        if (e.props?.name !== undefined && e.kind === 'person')
          expect(isSyntheticName(String(e.props.name))).toBe(true);
  });

  it('says in statements and registers only what such files say: no FIR person, no payment beside the account', () => {
    const statements = demo.batches.filter((b) => /^(bank|upi)-statement$/.test(b.document.type));
    const registers = demo.batches.filter((b) => b.document.type === 'hotel-register');
    expect(statements.length).toBeGreaterThan(5);
    expect(registers.length).toBeGreaterThan(2);
    for (const b of statements) {
      expect((b.entities ?? []).filter((e) => e.kind === 'person')).toEqual([]);
      // The account a statement is of is at one end of each payment it shows.
      const own = refId(b.entities![0]!);
      for (const l of b.links ?? []) {
        expect(l.kind).toBe('paid');
        expect([refId(l.from), refId(l.to)]).toContain(own);
      }
    }
    const firPersons = new Set(
      demo.batches
        .filter((b) => b.document.type !== 'hotel-register')
        .flatMap((b) => (b.entities ?? []).filter((e) => e.kind === 'person').map(refId)),
    );
    for (const b of registers) {
      const hotel = refId((b.entities ?? []).find((e) => e.kind === 'hotel')!)
        .split('|')
        .slice(2)
        .join('|');
      for (const e of (b.entities ?? []).filter((x) => x.kind === 'person')) {
        expect(firPersons.has(refId(e)), e.key).toBe(false);
        expect(refId(e)).toContain(hotel.toUpperCase());
      }
    }
  });

  it('emits each FIR before any document that names its case', () => {
    const seen = new Set<string>();
    for (const b of demo.batches) {
      if (b.document.type === 'fir')
        for (const e of b.entities ?? []) if (e.kind === 'case') seen.add(refId(e));
      if (b.document.case) expect(seen.has(caseId(b.document.case))).toBe(true);
    }
  });
});

describe('determinism', () => {
  const digest = (s: Scenario) => createHash('sha256').update(JSON.stringify(s)).digest('hex');

  it('gives byte-identical batches and truth for the same options', () => {
    expect(JSON.stringify(generateScenario({ ...DEMO_OPTIONS }))).toBe(JSON.stringify(demoScenario()));
    expect(digest(generateScenario({ entities: 5000, seed: 7, rings: 4 }))).toBe(
      digest(generateScenario({ entities: 5000, seed: 7, rings: 4 })),
    );
  });

  it('gives a different world for a different seed', () => {
    expect(digest(generateScenario({ entities: 300, seed: 'a' }))).not.toBe(
      digest(generateScenario({ entities: 300, seed: 'b' })),
    );
  });
});

describe('sizes', () => {
  it.each([300, 5000])('stays within 5%% of %i entities and passes the contract', (n) => {
    const { batches, truth } = generateScenario({ entities: n, seed: `size-${n}` });
    expect(Math.abs(truth.counts.entities - n)).toBeLessThanOrEqual(n * 0.05);
    for (const b of batches) expect(ingestBatchSchema.safeParse(b).success).toBe(true);
    const audit = auditBatches(batches);
    expect(audit.problems).toEqual([]);
    expect(audit.entities).toBe(truth.counts.entities);
    expect(audit.links).toBe(truth.counts.links);
  });

  it('streams 50,000 entities at about 5 links each, 1–3 occurrences per link', () => {
    let truth: GroundTruth | undefined;
    const audit = auditBatches(streamScenario({ entities: 50_000, seed: 'size-50k' }, (t) => (truth = t)));
    expect(audit.problems).toEqual([]);
    expect(truth).toBeDefined();
    const t = truth as GroundTruth;
    expect(audit.entities).toBe(t.counts.entities);
    expect(audit.links).toBe(t.counts.links);
    expect(Math.abs(t.counts.entities - 50_000)).toBeLessThanOrEqual(2500);
    expect(t.counts.links / t.counts.entities).toBeGreaterThan(4.5);
    expect(t.counts.links / t.counts.entities).toBeLessThan(5.5);
    expect(t.counts.occurrences / t.counts.links).toBeGreaterThan(1);
    expect(t.counts.occurrences / t.counts.links).toBeLessThan(3);
    expect(t.background.persons).toBeGreaterThan(
      10 * t.rings.reduce((n, r) => n + r.members.length + r.victims.length, 0),
    );
  });

  it('rejects options it cannot honour, naming the option', () => {
    expect(() => generateScenario({ entities: 100, seed: 'x' })).toThrow(ScenarioError);
    expect(() => generateScenario({ entities: 1000, seed: 'x', rings: 50 })).toThrow(/rings/);
    expect(() => generateScenario({ entities: 1000, seed: '' })).toThrow(/seed/);
  });
});

describe('planted duplicates (merge candidates, issue 8)', () => {
  const { batches, truth } = generateScenario({ entities: 3000, seed: 'dups', duplicates: 16 });
  const words = [...TRANSLITERATIONS.flat(), 'Kumari', 'Kum'];

  it('keeps the tally true and every name invented, if spelled another way', () => {
    const audit = auditBatches(batches);
    expect(audit.problems).toEqual([]);
    expect(audit.entities).toBe(truth.counts.entities);
    expect(audit.links).toBe(truth.counts.links);
    for (const b of batches)
      for (const e of b.entities ?? [])
        if (e.kind === 'person' && e.props?.name !== undefined)
          expect(isSyntheticVariant(String(e.props.name), words), String(e.props.name)).toBe(true);
  });

  it('lists each planted person with every record of them, each record in a register', () => {
    const clusters = truth.duplicates!.clusters;
    expect(clusters).toHaveLength(16);
    const named = new Set(batches.flatMap((b) => (b.entities ?? []).map((e) => refId(e))));
    for (const c of clusters) {
      expect(c.persons.length).toBeGreaterThanOrEqual(2);
      for (const p of c.persons) expect(named.has(refId(p))).toBe(true);
    }
    // Each cluster is of a background person; their own records are in it where the tie is theirs.
    expect(truth.background.personKeys).toEqual(expect.arrayContaining(clusters.map((c) => c.original.key)));
    for (const c of clusters)
      expect(c.persons.some((p) => p.key === c.original.key)).toBe(
        c.shared === 'phone' || c.shared === 'account',
      );
  });

  it('is off unless asked for, leaving every other scenario as it was', () => {
    expect(generateScenario({ ...DEMO_OPTIONS }).truth.duplicates).toBeUndefined();
    expect(JSON.stringify(generateScenario({ ...DEMO_OPTIONS, duplicates: 0 }))).toBe(
      JSON.stringify(demoScenario()),
    );
    expect(() => generateScenario({ entities: 300, seed: 'x', duplicates: -1 })).toThrow(/duplicates/);
  });
});
