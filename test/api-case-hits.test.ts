/**
 * Cross-case hits over real HTTP on a seeded scenario whose ground truth says which identifiers two FIRs
 * share (issue 9): every one is found, nothing else is, an investigator without the other case learns
 * only which unit to contact, and the alerts ingest raised come once however often the batch is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestBatchInput } from '../server/domain/batch.js';
import { entityId } from '../server/domain/ids.js';
import type { Scheme } from '../server/domain/kinds.js';
import { generateScenario, type GroundTruth } from '../seed/scenario.js';
import type { TruthRef } from '../seed/truth.js';
import { startTestServer, type Client, type TestServer } from './support/server.js';

let server: TestServer;
let batches: IngestBatchInput[];
let truth: GroundTruth;

const IDENTIFIERS = new Set(['person', 'phone', 'device', 'account', 'id-document', 'hotel', 'vehicle']);
const isIdentifier = (r: TruthRef) =>
  IDENTIFIERS.has(r.kind) || (r.kind === 'location' && r.scheme === 'address');
const idOfRef = (r: TruthRef) => entityId(r.kind, r.scheme as Scheme, r.key);
const caseIdOf = (canonical: string) => entityId('case', 'fir', canonical);

/** Every (case, identifier, other case) the truth says two FIRs share. */
function plantedPairs(): Set<string> {
  const out = new Set<string>();
  for (const x of truth.crossCase.filter((c) => isIdentifier(c.entity)))
    for (const a of x.cases)
      for (const b of x.cases) if (a !== b) out.add(`${caseIdOf(a)} ${idOfRef(x.entity)} ${caseIdOf(b)}`);
  return out;
}

type HitBody = { hits: { entity: { id: string; label: string }; strength: string; others: any[] }[] };

beforeAll(async () => {
  ({ batches, truth } = generateScenario({ entities: 600, seed: 'hits' }));
  server = await startTestServer();
  for (const b of batches) expect((await server.post('/api/ingest', b)).status).toBe(200);
}, 120_000);
afterAll(async () => server?.dispose());

const cases = () => truth.cases.map((c) => caseIdOf(c.ref.key));

describe('cross-case hits on the seeded scenario', () => {
  it('finds every identifier two FIRs share, and nothing else', async () => {
    const found = new Set<string>();
    for (const c of cases()) {
      const r = await server.get(`/api/cases/${c}/hits`);
      expect(r.status).toBe(200);
      for (const h of (r.body as HitBody).hits)
        for (const o of h.others) {
          expect(o.visible).toBe(true);
          found.add(`${c} ${h.entity.id} ${o.caseId}`);
        }
    }
    const planted = plantedPairs();
    expect(planted.size).toBeGreaterThan(10);
    expect([...found].filter((p) => !planted.has(p))).toEqual([]);
    expect([...planted].filter((p) => !found.has(p))).toEqual([]);
    // The phone and the hotel planted in FIRs of two units are among them.
    for (const kind of ['shared-phone', 'shared-hotel']) {
      const p = truth.planted.find((x) => x.kind === kind)!;
      expect(p.units.length).toBeGreaterThanOrEqual(2);
      expect(found.has(`${caseIdOf(p.cases[0]!)} ${idOfRef(p.entity)} ${caseIdOf(p.cases[1]!)}`), kind).toBe(
        true,
      );
    }
  });

  it('raised the same hits as alerts when the evidence was ingested, once', async () => {
    const alerted = async () => {
      const out = new Set<string>();
      for (const c of cases()) {
        const r = await server.get(`/api/cases/${c}/alerts?limit=1000`);
        expect(r.status).toBe(200);
        for (const a of r.body.alerts) {
          expect(a.kind).toBe('cross-case');
          const key = `${c} ${a.entity.id} ${a.other.caseId}`;
          expect(out.has(key), key).toBe(false);
          out.add(key);
        }
      }
      return out;
    };
    const first = await alerted();
    expect(first).toEqual(plantedPairs());
    // Sending every batch again changes nothing, and raises nothing new.
    for (const b of batches) {
      const r = await server.post('/api/ingest', b);
      expect(r.status).toBe(200);
      expect(r.body.entities.created + r.body.links.created).toBe(0);
    }
    expect(await alerted()).toEqual(first);
  });

  it("shows an investigator without the other case only the unit to contact, none of that case's details", async () => {
    const p = truth.planted.find((x) => x.kind === 'shared-phone')!;
    const [mine, theirs] = p.cases.map((k) => truth.cases.find((c) => c.ref.key === k)!);
    const officer: Client = await server.signInAs('investigator', 'officer.hit', [caseIdOf(mine!.ref.key)]);
    const hits = await officer.get(`/api/cases/${caseIdOf(mine!.ref.key)}/hits`);
    const alerts = await officer.get(`/api/cases/${caseIdOf(mine!.ref.key)}/alerts?limit=1000`);
    expect(hits.status).toBe(200);
    expect(alerts.status).toBe(200);
    const hit = (hits.body as HitBody).hits.find((h) => h.entity.id === idOfRef(p.entity))!;
    expect(hit.others).toContainEqual({
      visible: false,
      unit: theirs!.unit,
      message: `another case at ${theirs!.unit} holds this identifier — contact it`,
    });
    expect(
      alerts.body.alerts.some((a: any) => a.entity.id === idOfRef(p.entity) && a.other.visible === false),
    ).toBe(true);

    // Nothing that only the other case holds reaches the investigator: its FIR, names, numbers, files.
    const mineKeys = new Set(
      batches.filter((b) => b.document.case === mine!.written).flatMap((b) => secrets(b)),
    );
    const theirsOnly = batches
      .filter((b) => b.document.case === theirs!.written)
      .flatMap((b) => secrets(b))
      .filter((s) => !mineKeys.has(s));
    theirsOnly.push(
      theirs!.ref.key,
      theirs!.written,
      theirs!.ref.key.split('/').slice(-2).join('/'),
      theirs!.station,
    );
    expect(theirsOnly.length).toBeGreaterThan(20);
    for (const r of [hits, alerts]) {
      const text = JSON.stringify(r.body).replace(/[\s-]/g, '').toUpperCase();
      const leaked = theirsOnly.filter((s) => text.includes(s.replace(/[\s-]/g, '').toUpperCase()));
      expect(leaked).toEqual([]);
      expect(JSON.stringify(r.body)).not.toContain(caseIdOf(theirs!.ref.key));
    }
  });

  it('serves a victim another case also names by pseudonym', async () => {
    const p = truth.planted.find((x) => x.kind === 'victim-rescued-twice')!;
    const r = await server.get(`/api/cases/${caseIdOf(p.cases[0]!)}/hits`);
    const hit = (r.body as HitBody).hits.find((h) => h.entity.id === idOfRef(p.entity))!;
    expect(hit.entity.label).toMatch(/^(Victim|Minor) V-\d{4}$/);
    const names = batches
      .flatMap((b) => b.entities ?? [])
      .filter((e) => e.kind === 'person' && e.key === p.entity.key);
    for (const e of names)
      if (typeof e.props?.name === 'string') expect(JSON.stringify(r.body)).not.toContain(e.props.name);
  });
});

/** What a batch spells out that would identify something: names, phone digits, keys, the file's name. */
function secrets(b: IngestBatchInput): string[] {
  const out = [b.document.name];
  for (const e of b.entities ?? []) {
    if (e.kind === 'case') continue;
    if (typeof e.props?.name === 'string') out.push(e.props.name);
    const digits = e.key.replace(/\D/g, '');
    if (e.kind === 'phone') out.push(digits.slice(-10));
    else if (e.kind === 'person' || e.kind === 'account' || e.kind === 'vehicle')
      out.push(e.key.replace(/^'/, ''));
  }
  return out.filter((s) => s.length >= 6);
}

describe('the demo', () => {
  it('shows the alerts its planted cross-case links raise, as its hits are', async () => {
    const demo = await startTestServer({ SEED_DEMO: 'true' });
    try {
      const { cases } = (await demo.get('/api/cases')).body as { cases: { id: string }[] };
      expect(cases.length).toBeGreaterThan(2);
      let alerted = 0;
      for (const { id } of cases) {
        const hits = await demo.get(`/api/cases/${id}/hits`);
        const alerts = await demo.get(`/api/cases/${id}/alerts?limit=1000`);
        const fromHits = (hits.body as HitBody).hits.flatMap((h) =>
          h.others.map((o) => `${h.entity.id} ${o.caseId}`),
        );
        const fromAlerts = alerts.body.alerts.map((a: any) => `${a.entity.id} ${a.other.caseId}`);
        expect(fromAlerts.sort()).toEqual(fromHits.sort());
        alerted += fromAlerts.length;
      }
      expect(alerted).toBeGreaterThan(0);
    } finally {
      await demo.dispose();
    }
  });
});
