/**
 * A victim as lodge registers know her, over real HTTP on the seeded demo scenario: a register names its
 * guest as a record of its own, keyed by the document she showed, so her register record is a person
 * apart from the one the FIR names. Every such record that shows a document her FIR person holds is
 * shown under the FIR person's pseudonym, with why, in every answer, export and report; her name as the
 * register spells it and her document's number appear nowhere (the bytes of every answer are scanned,
 * for an analyst and a prosecutor, who may not see victims); and an accused who only answers her phone
 * is shown as himself.
 */
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoScenario } from '../seed/demo.js';
import type { TruthRef } from '../seed/truth.js';
import type { EntityRef, IngestBatchInput } from '../server/domain/batch.js';
import { entityId } from '../server/domain/ids.js';
import { normaliseKey } from '../server/domain/keys.js';
import { defaultScheme, type Scheme } from '../server/domain/kinds.js';
import { sha, TEST_KEYS } from './support/batches.js';
import { fetchBytes, pdfPages, pdfText, rawSession } from './support/reports.js';
import { startTestServer, type Client, type TestServer } from './support/server.js';

const scenario = demoScenario();
const { truth } = scenario;

function refId(r: EntityRef): string {
  const scheme = (r.kind === 'case' ? 'fir' : (r.scheme ?? defaultScheme(r.kind))) as Scheme;
  const k = normaliseKey(scheme, r.key, TEST_KEYS);
  if (!k.ok) throw new Error(`${r.kind} ${r.key}: ${k.reason}`);
  return entityId(r.kind, scheme, k.key);
}
const truthId = (r: TruthRef) => entityId(r.kind, r.scheme, r.key);

/** What the scenario's documents say: each entity as written, person names, documents held, phones used. */
const written = new Map<string, EntityRef>();
const spellings = new Map<string, Set<string>>();
const names = new Map<string, string>();
const held = new Map<string, Set<string>>();
const phones = new Map<string, Set<string>>();
const add = (m: Map<string, Set<string>>, k: string, v: string) => m.set(k, (m.get(k) ?? new Set()).add(v));
for (const b of scenario.batches) {
  const see = (r: EntityRef) => {
    const id = refId(r);
    if (!written.has(id))
      written.set(id, { kind: r.kind, ...(r.scheme ? { scheme: r.scheme } : {}), key: r.key });
    add(spellings, id, r.key);
    return id;
  };
  for (const e of b.entities ?? []) {
    const id = see(e);
    if (e.kind === 'person' && typeof e.props?.name === 'string') names.set(id, e.props.name);
  }
  for (const l of b.links ?? []) {
    const [from, to] = [see(l.from), see(l.to)];
    if (l.kind === 'holds' && l.to.kind === 'id-document') add(held, from, to);
    if (l.kind === 'uses' && l.to.kind === 'phone') add(phones, from, to);
  }
}

const named = truth.victims.filter((v) => v.cases.length > 0);
const writtenCase = (canonical: string) => truth.cases.find((c) => c.ref.key === canonical)!.written;

/** Every register record of a victim some FIR names that shows a document her FIR person holds. */
const shared = truth.guests
  .filter((g) => named.some((v) => truthId(v.person) === truthId(g.person)))
  .flatMap((g) => {
    const person = truthId(g.person);
    const hers = held.get(person) ?? new Set<string>();
    return g.records
      .map(truthId)
      .map((record) => ({ person, record, docs: [...(held.get(record) ?? [])].filter((d) => hers.has(d)) }))
      .filter((x) => x.docs.length > 0);
  });

/**
 * One more lodge, whose register spells her name its own way and keys her by the document she showed:
 * nothing masks that spelling but the record's own protection.
 */
const her = shared[0]!;
const herCase = writtenCase(named.find((v) => truthId(v.person) === her.person)!.cases[0]!);
const herDoc = written.get(her.docs[0]!)!;
const [first, ...rest] = names.get(her.person)!.split(' ');
const respelled = `${first![0]}. ${rest.join(' ')}`;
const lodge = 'Hotel Lakeview Lodge, Testpur';
const lodgeGuest = `HOTEL LAKEVIEW LODGE|TESTPUR / ${herDoc.scheme} ${herDoc.key}`;
// The home address the register wrote beside her name (POCSO s.23(2) and JJ Act s.74(1) name the address).
const herHome = {
  kind: 'location' as const,
  scheme: 'address' as const,
  key: 'House 14, Testpur Colony, Testpur',
};
const lakeview: IngestBatchInput = {
  document: {
    name: 'register-lakeview-testpur.csv',
    sha256: sha('lakeview'),
    type: 'hotel-register',
    case: herCase,
  },
  entities: [
    { kind: 'hotel', key: lodge, ref: 'row 1' },
    { kind: 'person', key: lodgeGuest, props: { name: respelled, age: 23, gender: 'female' }, ref: 'row 6' },
    { ...herDoc, ref: 'row 6' },
    { ...herHome, ref: 'row 6' },
  ],
  links: [
    { kind: 'holds', from: { kind: 'person', key: lodgeGuest }, to: herDoc, ref: 'row 6' },
    { kind: 'located-at', from: { kind: 'person', key: lodgeGuest }, to: herHome, ref: 'row 6' },
    {
      kind: 'stayed-at',
      from: { kind: 'person', key: lodgeGuest },
      to: { kind: 'hotel', key: lodge },
      ref: 'row 6',
      occurrences: [{ at: '2026-03-02T21:10:00+05:30', endAt: '2026-03-04T10:00:00+05:30', ref: 'row 6' }],
    },
  ],
};
const lakeviewGuest = refId({ kind: 'person', key: lodgeGuest });

/** A case naming a victim who uses a phone, and an accused of it: his seized handset holds her SIM. */
const ACCUSED = new Set(['accused', 'recruiter', 'transporter', 'harbourer', 'manager', 'financier']);
const seized = truth.cases
  .flatMap((c) =>
    c.involved
      .filter((i) => i.role === 'victim' && phones.has(truthId(i.entity)))
      .flatMap((v) =>
        c.involved
          .filter((a) => ACCUSED.has(a.role) && names.has(truthId(a.entity)))
          .map((a) => ({ c, victim: truthId(v.entity), accused: truthId(a.entity) })),
      ),
  )
  .at(0)!;
const herPhone = [...phones.get(seized.victim)!][0]!;
const seizure: IngestBatchInput = {
  document: {
    name: 'seizure-memo-handset.pdf',
    sha256: sha('seizure-memo'),
    type: 'statement',
    case: seized.c.written,
  },
  entities: [
    { ...written.get(seized.accused)!, ref: 'page 1' },
    { ...written.get(herPhone)!, ref: 'page 2' },
  ],
  links: [{ kind: 'uses', from: written.get(seized.accused)!, to: written.get(herPhone)!, ref: 'page 2' }],
};

const caseIdOf = (w: string) => refId({ kind: 'case', key: w });
let server: TestServer;
let analyst: Client;
let prosecutor: Client;
const records = () => [...shared.map((s) => s.record), lakeviewGuest];
const pseudonymOf = new Map<string, string>();

beforeAll(async () => {
  server = await startTestServer({ SEED_DEMO: 'true' });
  for (const b of [lakeview, seizure]) expect((await server.post('/api/ingest', b)).status).toBe(200);
  analyst = await server.signInAs(
    'analyst',
    'an.kaur',
    truth.cases.map((c) => caseIdOf(c.written)),
  );
  prosecutor = await server.signInAs('prosecutor', 'pp.iyer', [caseIdOf(herCase)]);
  for (const s of shared)
    pseudonymOf.set(s.record, (await analyst.get(`/api/entities/${s.person}`)).body.key as string);
  pseudonymOf.set(lakeviewGuest, pseudonymOf.get(her.record)!);
}, 120_000);
afterAll(async () => server?.dispose());

/** Her name as the registers spell it, the records' keys, her documents' numbers as written anywhere. */
function secrets(): string[] {
  const out = new Set<string>([respelled, lodgeGuest, herHome.key]);
  for (const s of shared) {
    for (const k of spellings.get(s.record) ?? []) out.add(k);
    for (const d of s.docs) for (const k of spellings.get(d) ?? []) out.add(k);
  }
  return [...out];
}

describe("a victim's register records", () => {
  it('that show a document her FIR person holds are shown under her pseudonym, with why', async () => {
    expect(
      shared.length,
      'the demo has adult victims the FIR and a register both name',
    ).toBeGreaterThanOrEqual(3);
    for (const id of records()) {
      const pseudonym = pseudonymOf.get(id)!;
      expect(pseudonym).toMatch(/^V-\d{4}$/);
      const r = await analyst.get(`/api/entities/${id}`);
      expect(r.status).toBe(200);
      expect(r.body.label).toBe(`${pseudonym} (same ID document)`);
      expect(r.body.key).toBe(pseudonym);
      expect(r.body.props).toEqual({ protected: true, pseudonym, gender: 'female' });
    }
    // One woman on two records is not two pseudonyms: the FIR's person is her victim label.
    const fir = await analyst.get(`/api/entities/${her.person}`);
    expect(fir.body.label).toBe(`Victim ${pseudonymOf.get(her.record)}`);
    const graph = await analyst.get(`/api/graph?case=${encodeURIComponent(herCase)}&limit=20000`);
    const node = graph.body.nodes.find((n: { key: string }) => n.key === lakeviewGuest);
    expect(node.attributes.label).toBe(`${pseudonymOf.get(lakeviewGuest)} (same ID document)`);
    // The address beside her name is hers: shown as hers, not spelt out.
    const home = await analyst.get(`/api/entities/${refId(herHome)}`);
    expect(home.status).toBe(200);
    expect(home.body.label).toBe(`Address of ${pseudonymOf.get(lakeviewGuest)}`);
  });

  it('never show her name as a register spells it, her document number or the record key, to those who may not see victims', async () => {
    const caseId = caseIdOf(herCase);
    const docNumber = herDoc.key;
    const reads = [
      `/api/graph?case=${encodeURIComponent(herCase)}&limit=20000`,
      `/api/cases/${encodeURIComponent(herCase)}`,
      `/api/cases/${caseId}/links`,
      `/api/cases/${caseId}/hits`,
      `/api/cases/${caseId}/alerts`,
      `/api/analytics/communities?case=${caseId}`,
      `/api/analytics/centrality?metric=pagerank&case=${caseId}`,
      `/api/search?q=${encodeURIComponent(respelled)}`,
      `/api/search?q=${encodeURIComponent(docNumber)}`,
      `/api/timeline?entities=${lakeviewGuest},${her.person}`,
      `/api/merge-candidates`,
      `/api/export?case=${caseId}&format=graphml`,
      `/api/cases/${caseId}/export?format=csv`,
      ...records().flatMap((id) => [`/api/entities/${id}`, `/api/graph?around=${id}&hops=1`]),
    ];
    const leaks = secrets();
    expect(leaks).toEqual(expect.arrayContaining([respelled, docNumber]));
    for (const who of [analyst, prosecutor]) {
      for (const path of reads) {
        const r = await who.get(path);
        if (who === prosecutor && r.status === 403) continue;
        expect(r.status, `${who.username} ${path}: ${JSON.stringify(r.body).slice(0, 200)}`).toBe(200);
        const bytes = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
        for (const s of leaks) expect(bytes, `${who.username} ${path} shows ${s}`).not.toContain(s);
      }
      // Search never finds her, by her name or her number.
      for (const q of [respelled, docNumber]) {
        const found = await who.get(`/api/search?q=${encodeURIComponent(q)}`);
        expect(found.body.results.map((x: { id: string }) => x.id)).not.toContain(lakeviewGuest);
      }
    }
    // Her stays are on the timeline, under her pseudonym.
    const t = await analyst.get(`/api/timeline?entities=${lakeviewGuest}`);
    expect(t.body.occurrences.map((o: { kind: string }) => o.kind)).toContain('stays');
    expect(t.body.entities.find((e: { id: string }) => e.id === lakeviewGuest).label).toBe(
      `${pseudonymOf.get(lakeviewGuest)} (same ID document)`,
    );
    // The audit trail holds ids, never what was looked for.
    const auditor = await server.signInAs('auditor', 'au.das');
    const trail = JSON.stringify((await auditor.get('/api/audit?limit=1000')).body);
    for (const s of leaks) expect(trail, `the audit trail shows ${s}`).not.toContain(s);
  });

  it('leave an accused who shares only her phone shown as himself', async () => {
    const name = names.get(seized.accused)!;
    const him = await analyst.get(`/api/entities/${seized.accused}`);
    expect(him.body.label).toBe(name);
    expect(him.body.props.name).toBe(name);
    expect(him.body.props.protected).toBeUndefined();
    // Her phone is still hers, masked; he is linked to it in the network as himself.
    const victim = await analyst.get(`/api/entities/${seized.victim}`);
    const phone = await analyst.get(`/api/entities/${herPhone}`);
    expect(phone.body.label).toBe(`Phone of ${victim.body.key}`);
    const around = await analyst.get(`/api/graph?around=${seized.accused}&hops=1`);
    const labels = around.body.nodes.map((n: { attributes: { label: string } }) => n.attributes.label);
    expect(labels).toEqual(expect.arrayContaining([name, `Phone of ${victim.body.key}`]));
    expect(JSON.stringify(around.body)).toContain(name);
  });

  it("leave exports (GEXF, GraphML) and the prosecutor's report under her pseudonym, without her name or number", async () => {
    const caseId = caseIdOf(herCase);
    const shown = `${pseudonymOf.get(lakeviewGuest)} (same ID document)`;
    const session = await rawSession(server, 'an.kaur');
    for (const [format, parse] of [
      ['gexf', parseGexf],
      ['graphml', parseGraphml],
    ] as const) {
      const r = await fetchBytes(server, session, `/api/cases/${caseId}/export?format=${format}`);
      expect(r.status, format).toBe(200);
      const text = r.bytes.toString('utf8');
      const g = parse(Graph, text, { addMissingNodes: false });
      expect(g.getNodeAttribute(lakeviewGuest, 'label'), format).toBe(shown);
      expect(g.getNodeAttribute(lakeviewGuest, 'protected'), format).toBe(true);
      for (const s of secrets()) expect(text, `${format} holds ${s}`).not.toContain(s);
    }
    const pp = await rawSession(server, 'pp.iyer');
    const report = await fetchBytes(server, pp, `/api/cases/${caseId}/report`, {
      court: 'Court of the Additional Sessions Judge, Test District',
    });
    expect(report.status, report.bytes.toString('utf8').slice(0, 300)).toBe(200);
    const text = pdfText(report.bytes);
    expect(text).toContain('(same ID document)');
    expect(text).toContain(pseudonymOf.get(lakeviewGuest)!);
    for (const s of secrets()) expect(text, `the report holds ${s}`).not.toContain(s);
    pdfPages(report.bytes, 'register-protection', 80, [1, 4]);
  }, 120_000);
});
