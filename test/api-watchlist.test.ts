/**
 * The watchlist and ingest-time alerts over real HTTP (issue 9): a batch that adds a phone already in
 * another case raises the alert once; a watched entity touched by a later batch, or tied by it within two
 * steps of the case, raises an alert naming the batch's document; sending the batch again raises nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityId } from '../server/domain/ids.js';
import { FIR, airtelCdr, firBatch, sha } from './support/batches.js';
import { contentDigest, startTestServer, type Client, type TestServer } from './support/server.js';
import { idOf } from './store-contract.js';

const THIRD = 'TS/Hyderabad/Begum Bazar PS/0077/2026';
const fir = idOf('case', FIR);
const third = idOf('case', THIRD);
const tradersPhone = idOf('phone', '9820123456');
const courier = idOf('phone', '9000011111');
const cab = idOf('phone', '7000012345');

let server: TestServer;
let officer: Client;

const doc = (name: string, c = THIRD) => ({
  name,
  sha256: sha(name),
  type: 'cdr' as const,
  grading: { source: 'B' as const, information: '2' as const },
  case: c,
});

/** The third case: its FIR and a courier's phone, nothing tied to the first case yet. */
const thirdCase = () => ({
  document: {
    name: 'fir-0077.pdf',
    sha256: sha('fir-0077.pdf'),
    type: 'fir',
    grading: { source: 'A', information: '1' },
  },
  entities: [
    { kind: 'case', key: THIRD, props: { policeStation: 'Begum Bazar PS', unit: 'AHTU Hyderabad' } },
    { kind: 'phone', key: '9000011111', ref: 'page 3' },
  ],
  links: [
    {
      kind: 'involves',
      from: { kind: 'case', key: THIRD },
      to: { kind: 'phone', key: '9000011111' },
      role: 'transporter',
    },
  ],
});

/** A later CDR of the third case: the courier called the trader's phone of the first case. */
const courierCdr = () => ({
  document: doc('courier-cdr.csv'),
  entities: [
    { kind: 'phone', key: '9000011111', ref: 'row 2' },
    { kind: 'phone', key: '9820123456', ref: 'row 2' },
  ],
  links: [
    {
      kind: 'called',
      from: { kind: 'phone', key: '9000011111' },
      to: { kind: 'phone', key: '9820123456' },
      ref: 'row 2',
      occurrences: [{ at: '2026-05-10T11:00:00+05:30', durationS: 40, ref: 'row 2' }],
    },
  ],
});

/** A cab driver's number the first case holds turns up in the third case's evidence. */
const cabInThirdCase = () => ({
  document: doc('cab-cdr.csv'),
  entities: [{ kind: 'phone', key: '7000012345', ref: 'row 5' }],
  links: [],
});

const alertsOf = async (who: Client, caseId: string) => {
  const r = await who.get(`/api/cases/${caseId}/alerts`);
  expect(r.status).toBe(200);
  return r.body.alerts as any[];
};

beforeAll(async () => {
  server = await startTestServer();
  for (const b of [firBatch(), airtelCdr(), thirdCase()])
    expect((await server.post('/api/ingest', b)).status).toBe(200);
  officer = await server.signInAs('investigator', 'officer.watch', [fir, third]);
});
afterAll(async () => server?.dispose());

describe('ingest-time alerts', () => {
  it('a batch adding a phone another case holds raises the alert on both cases, once', async () => {
    expect(await alertsOf(officer, fir)).toEqual([]);
    expect((await officer.post('/api/ingest', cabInThirdCase())).status).toBe(200);
    const onFir = await alertsOf(officer, fir);
    expect(onFir).toEqual([
      expect.objectContaining({
        kind: 'cross-case',
        entity: expect.objectContaining({ id: cab }),
        other: { visible: true, caseId: third, fir: THIRD, unit: 'AHTU Hyderabad' },
        document: { id: entityId('document', 'sha256', sha('cab-cdr.csv')), name: 'cab-cdr.csv' },
      }),
    ]);
    expect((await alertsOf(officer, third)).map((a) => [a.entity.id, a.other.caseId])).toEqual([[cab, fir]]);
    expect((await officer.post('/api/ingest', cabInThirdCase())).status).toBe(200);
    expect(await alertsOf(officer, fir)).toEqual(onFir);
  });
});

describe('the watchlist', () => {
  it('refuses bad watches with the field named, writing nothing', async () => {
    const stranger = await server.signInAs('investigator', 'officer.stranger', [fir]);
    const before = contentDigest(server.dbPath);
    const cases: [unknown, number, string, string?][] = [
      [{ entity: idOf('phone', '9000022222'), case: fir }, 404, 'ENTITY.NOT_FOUND', 'entity'],
      [{ entity: courier, case: idOf('case', 'XX/Y/Z PS/1/2026') }, 404, 'CASE.NOT_FOUND'],
      [{ entity: fir, case: fir }, 400, 'REQUEST.INVALID', 'entity'],
      [{ entity: courier, case: fir, colour: 'red' }, 400, 'REQUEST.INVALID', 'colour'],
      [{ entity: courier }, 400, 'REQUEST.INVALID', 'case'],
    ];
    for (const [body, status, code, path] of cases) {
      const r = await officer.post('/api/watches', body);
      expect(r.status, JSON.stringify(r.body)).toBe(status);
      expect(r.body.error.code).toBe(code);
      if (path) expect(r.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    const r = await stranger.post('/api/watches', { entity: courier, case: fir });
    expect(r.status).toBe(403);
    expect(r.body.error.message).toMatch(/contact AHTU Hyderabad/);
    const gone = await officer.post('/api/watches/remove', { entity: courier });
    expect(gone.status).toBe(404);
    expect(contentDigest(server.dbPath)).toBe(before);
  });

  it('alerts when a later batch touches a watched entity or ties it within two steps of the case, once', async () => {
    const w = await officer.post('/api/watches', { entity: courier, case: FIR });
    expect(w.status, JSON.stringify(w.body)).toBe(200);
    expect(w.body.watches).toEqual([
      { entity: expect.objectContaining({ id: courier }), caseId: fir, fir: FIR, since: expect.any(String) },
    ]);
    const before = (await alertsOf(officer, fir)).length;

    expect((await officer.post('/api/ingest', courierCdr())).status).toBe(200);
    const raised = (await alertsOf(officer, fir)).filter((a) => a.kind === 'watch');
    const document = { id: entityId('document', 'sha256', sha('courier-cdr.csv')), name: 'courier-cdr.csv' };
    expect(raised).toHaveLength(2);
    expect(raised).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          reason: 'touched',
          entity: expect.objectContaining({ id: courier }),
          document,
          watcher: 'officer.watch',
          link: null,
        }),
        expect.objectContaining({
          reason: 'near',
          entity: expect.objectContaining({ id: courier }),
          document,
          watcher: 'officer.watch',
          link: expect.stringMatching(/^link:/),
        }),
      ]),
    );
    // The call also put the trader's phone in the third case: a cross-case alert beside them.
    const all = await alertsOf(officer, fir);
    expect(all.filter((a) => a.kind === 'cross-case').map((a) => a.entity.id)).toContain(tradersPhone);
    const count = all.length;
    expect(count).toBeGreaterThan(before);

    expect((await officer.post('/api/ingest', courierCdr())).status).toBe(200);
    expect(await alertsOf(officer, fir)).toHaveLength(count);
  });

  it('alerts when the case newly involves a neighbour of a watched entity', async () => {
    // The courier calls a new number (third case); later the first case names that number's user's phone.
    const call = {
      document: doc('courier-cdr-2.csv'),
      entities: [{ kind: 'phone', key: '9000033333', ref: 'row 4' }],
      links: [
        {
          kind: 'called',
          from: { kind: 'phone', key: '9000011111' },
          to: { kind: 'phone', key: '9000033333' },
          ref: 'row 4',
          occurrences: [{ at: '2026-05-11T09:00:00+05:30', durationS: 12, ref: 'row 4' }],
        },
      ],
    };
    expect((await officer.post('/api/ingest', call)).status).toBe(200);
    const nearBefore = (await alertsOf(officer, fir)).filter((a) => a.reason === 'near').length;
    const named = {
      document: { ...doc('statement-v2.pdf', FIR), type: 'statement' },
      entities: [{ kind: 'phone', key: '9000033333', ref: 'page 4' }],
      links: [
        {
          kind: 'involves',
          from: { kind: 'case', key: FIR },
          to: { kind: 'phone', key: '9000033333' },
          role: 'transporter',
          ref: 'page 4',
        },
      ],
    };
    expect((await officer.post('/api/ingest', named)).status).toBe(200);
    const near = (await alertsOf(officer, fir)).filter((a) => a.reason === 'near');
    expect(near).toHaveLength(nearBefore + 1);
    expect(near[0]).toMatchObject({
      entity: expect.objectContaining({ id: courier }),
      document: { id: entityId('document', 'sha256', sha('statement-v2.pdf')), name: 'statement-v2.pdf' },
      link: expect.stringMatching(/^link:/),
    });
    expect((await officer.post('/api/ingest', named)).status).toBe(200);
    expect((await alertsOf(officer, fir)).filter((a) => a.reason === 'near')).toHaveLength(nearBefore + 1);
  });

  it('lists each watch with the alerts it raised, naming the batch’s document, for its watcher only', async () => {
    const r = await officer.get('/api/watches/alerts');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.watches).toHaveLength(1);
    const [w] = r.body.watches;
    expect(w).toMatchObject({ entity: { id: courier }, caseId: fir, fir: FIR, since: expect.any(String) });
    // The same alerts, newest first, as the case lists them — and only the watch's own.
    const onCase = (await alertsOf(officer, fir)).filter(
      (a) => a.kind === 'watch' && a.entity.id === courier,
    );
    expect(w.alerts).toEqual(onCase);
    // Newest first: the statement that named a neighbour, the second CDR that named the courier, then
    // the first CDR's touch and new path (raised together).
    const said = w.alerts.map((a: any) => [a.reason, a.document.name, a.watcher]);
    expect(said.slice(0, 2)).toEqual([
      ['near', 'statement-v2.pdf', 'officer.watch'],
      ['touched', 'courier-cdr-2.csv', 'officer.watch'],
    ]);
    expect(said.slice(2).sort()).toEqual([
      ['near', 'courier-cdr.csv', 'officer.watch'],
      ['touched', 'courier-cdr.csv', 'officer.watch'],
    ]);
    const newest = await officer.get('/api/watches/alerts?limit=1');
    expect(newest.body.watches[0].alerts).toEqual([w.alerts[0]]);
    // Another investigator of the same case watches nothing, and sees none of these.
    const colleague = await server.signInAs('investigator', 'officer.colleague', [fir]);
    expect((await colleague.get('/api/watches/alerts')).body).toEqual({ watches: [] });
  });

  it('refuses a bad watchlist query naming the parameter, and a role that keeps no watchlist', async () => {
    for (const [query, path] of [
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['limit=many', 'limit'],
      ['colour=red', 'colour'],
    ]) {
      const r = await officer.get(`/api/watches/alerts?${query}`);
      expect(r.status, query).toBe(400);
      expect(r.body.error.code).toBe('REQUEST.INVALID');
      expect(r.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    const prosecutor = await server.signInAs('prosecutor', 'prosecutor.watch', [fir]);
    const r = await prosecutor.get('/api/watches/alerts');
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('AUTH.FORBIDDEN');
  });

  it('shows no alerts of a watch whose case is no longer assigned to the watcher', async () => {
    expect((await server.post(`/api/cases/${fir}/revocations`, { username: 'officer.watch' })).status).toBe(
      200,
    );
    try {
      const r = await officer.get('/api/watches/alerts');
      expect(r.status).toBe(200);
      expect(r.body.watches).toEqual([
        expect.objectContaining({ entity: expect.objectContaining({ id: courier }), alerts: null }),
      ]);
      expect(JSON.stringify(r.body)).not.toContain('courier-cdr.csv');
    } finally {
      expect((await server.post(`/api/cases/${fir}/grants`, { username: 'officer.watch' })).status).toBe(200);
    }
  });

  it('is listed and ended by its watcher, on the audit trail by id', async () => {
    const r = await officer.post('/api/watches/remove', { entity: courier });
    expect(r.status).toBe(200);
    expect(r.body.watches).toEqual([]);
    expect((await officer.get('/api/watches')).body.watches).toEqual([]);
    const auditor = await server.signInAs('auditor', 'auditor.watch');
    const trail = (await auditor.get('/api/audit?afterSeq=0&limit=1000')).body.entries as any[];
    const mine = trail.filter((e) => e.actor === 'officer.watch' && e.action.startsWith('watch.'));
    expect(mine.map((e) => [e.action, e.target, e.caseId])).toEqual([
      ['watch.add', courier, fir],
      ['watch.remove', courier, null],
    ]);
    // Reading the watchlist's alerts is on the trail as counts, never the documents' names.
    const reads = trail.filter((e) => e.actor === 'officer.watch' && e.detail?.alerts !== undefined);
    expect(reads.map((e) => e.detail)).toContainEqual({ entities: 1, alerts: 4 });
    expect(JSON.stringify(trail)).not.toContain('courier-cdr');
  });
});
