/**
 * The timeline over real HTTP (issue 9): the calls, payments and stays of selected entities on one time
 * axis, each with the documents and rows that record it; a window and kinds narrow it; what only another
 * case records stays out for whoever may not read that case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIR, scenario } from './support/batches.js';
import { contentDigest, startTestServer, type Client, type TestServer } from './support/server.js';
import { idOf } from './store-contract.js';

let server: TestServer;
let officer: Client;
const tradersPhone = idOf('phone', '9820123456');
const victim = idOf('person', 'FIR-0001-2026-V1');
const upi = idOf('account', 'zq.test@okhdfcbank', 'upi');

beforeAll(async () => {
  server = await startTestServer();
  for (const b of scenario()) expect((await server.post('/api/ingest', b)).status).toBe(200);
  officer = await server.signInAs('investigator', 'officer.time', [idOf('case', FIR)]);
});
afterAll(async () => server?.dispose());

type Occ = {
  kind: string;
  at: string;
  endAt: string | null;
  durationS: number | null;
  amount: number | null;
  evidence: { name: string; ref: string }[];
};
const brief = (r: { body: { occurrences: Occ[] } }) =>
  r.body.occurrences.map((o) => [
    o.kind,
    o.at,
    o.durationS ?? o.amount,
    o.evidence.map((e) => `${e.name} ${e.ref}`),
  ]);

describe('the timeline', () => {
  it("puts the selected entities' calls, payments and stays on one axis, each with its evidence", async () => {
    const r = await server.get(`/api/timeline?entities=${tradersPhone},${victim},${upi}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(brief(r)).toEqual(
      [
        // One call read from both parties' CDRs: one occurrence, two sources.
        ['calls', '2026-04-15T04:42:00.000Z', 62, ['airtel-cdr-A.csv row 2', 'jio-cdr-B.csv row 7']],
        ['calls', '2026-04-16T16:10:05.000Z', 15, ['airtel-cdr-A.csv row 4']],
        ['stays', '2026-04-20T16:30:00.000Z', null, ['register-sunrise.xlsx row 9']],
        ['payments', '2026-04-20T16:25:00.000Z', 1500.5, ['register-sunrise.xlsx row 9']],
        ['calls', '2026-05-02T02:30:00.000Z', 300, ['airtel-cdr-A.csv row 3']],
      ].sort((a, b) => (a[1]! < b[1]! ? -1 : 1)),
    );
    expect(r.body.truncated).toBe(false);
    const stay = r.body.occurrences.find((o: Occ) => o.kind === 'stays');
    expect(stay.endAt).toBe('2026-04-22T04:30:00.000Z');
    expect(r.body.entities.map((e: { id: string }) => e.id)).toEqual(
      expect.arrayContaining([tradersPhone, victim, upi]),
    );
    expect(r.body.entities.find((e: { id: string }) => e.id === victim).label).toMatch(
      /^(Victim|Minor) V-\d{4}$/,
    );
  });

  it('narrows to a window and to kinds', async () => {
    const calls = await server.get(
      `/api/timeline?entities=${tradersPhone}&kinds=calls&from=${encodeURIComponent('2026-04-16T00:00:00+05:30')}&to=${encodeURIComponent('2026-04-30T00:00:00+05:30')}`,
    );
    expect(brief(calls)).toEqual([['calls', '2026-04-16T16:10:05.000Z', 15, ['airtel-cdr-A.csv row 4']]]);
    const stays = await server.get(`/api/timeline?entities=${victim},${tradersPhone}&kinds=stays`);
    expect(stays.body.occurrences.map((o: Occ) => o.kind)).toEqual(['stays']);
    const few = await server.get(`/api/timeline?entities=${tradersPhone}&limit=1`);
    expect(few.body.occurrences).toHaveLength(1);
    expect(few.body.truncated).toBe(true);
  });

  it("leaves out, for an investigator without the other case, what only that case's evidence records", async () => {
    const r = await officer.get(`/api/timeline?entities=${tradersPhone},${victim}`);
    expect(r.status).toBe(200);
    expect(r.body.occurrences.map((o: Occ) => o.kind)).toEqual(['calls', 'calls', 'calls']);
    expect(JSON.stringify(r.body)).not.toMatch(/register-sunrise|Testview|zq\.test/);
    const theirs = await officer.get(`/api/timeline?entities=${upi}`);
    expect(theirs.status).toBe(403);
    expect(theirs.body.error.message).toMatch(/contact Sample Pet PS/);
  });

  it('refuses bad input, naming the parameter', async () => {
    const before = contentDigest(server.dbPath);
    const cases: [string, number, string, string][] = [
      ['/api/timeline', 400, 'REQUEST.INVALID', 'entities'],
      [`/api/timeline?entities=${idOf('phone', '9000022222')}`, 404, 'ENTITY.NOT_FOUND', 'entities[0]'],
      [`/api/timeline?entities=${tradersPhone}&kinds=texts`, 400, 'REQUEST.INVALID', 'kinds[0]'],
      [
        `/api/timeline?entities=${tradersPhone}&from=2026-05-01T00:00:00Z&to=2026-04-01T00:00:00Z`,
        400,
        'REQUEST.INVALID',
        'to',
      ],
      [`/api/timeline?entities=${tradersPhone}&from=yesterday`, 400, 'REQUEST.INVALID', 'from'],
    ];
    for (const [path, status, code, field] of cases) {
      const r = await server.get(path);
      expect(r.status, path).toBe(status);
      expect(r.body.error.code, path).toBe(code);
      expect(
        r.body.error.issues.map((i: { path: string }) => i.path),
        path,
      ).toContain(field);
    }
    expect(contentDigest(server.dbPath)).toBe(before);
  });
});
