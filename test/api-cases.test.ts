/**
 * Per-case access over real HTTP (issue 5): a user sees the cases assigned to them; what only another
 * case holds is a "hit" naming the unit to contact, never its details; admins assign and take back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIR, OTHER_FIR, scenario } from './support/batches.js';
import { startTestServer, type Client, type TestServer } from './support/server.js';
import { idOf } from './store-contract.js';

let server: TestServer;
let analyst: Client;
const fir = idOf('case', FIR);
const other = idOf('case', OTHER_FIR);
// Named only in the other case's hotel register.
const guest = idOf('person', 'REG-SUNRISE-0009');
const accused = idOf('person', 'FIR-0001-2026-A1');

beforeAll(async () => {
  server = await startTestServer();
  for (const b of scenario()) expect((await server.post('/api/ingest', b)).status).toBe(200);
  analyst = await server.signInAs('analyst', 'analyst.p', [fir]);
});
afterAll(async () => server?.dispose());

const q = encodeURIComponent;

describe('an analyst assigned one case', () => {
  it('reads that case, its entities and its analytics', async () => {
    expect((await analyst.get(`/api/graph?case=${q(FIR)}`)).status).toBe(200);
    expect((await analyst.get(`/api/entities/${accused}`)).status).toBe(200);
    expect((await analyst.get(`/api/analytics/communities?case=${q(FIR)}`)).status).toBe(200);
    expect((await analyst.get(`/api/graph?around=${accused}&hops=1`)).status).toBe(200);
  });

  it('gets a hit, not the details, for what only another case holds', async () => {
    for (const path of [
      `/api/graph?case=${q(OTHER_FIR)}`,
      `/api/entities/${guest}`,
      `/api/analytics/communities?case=${q(OTHER_FIR)}`,
    ]) {
      const r = await analyst.get(path);
      expect(r.status, path).toBe(403);
      expect(r.body.error.code, path).toBe('CASE.NOT_ASSIGNED');
      expect(r.body.error.message, path).toMatch(/another case holds this.*contact Sample Pet PS/);
      expect(JSON.stringify(r.body), path).not.toMatch(/Guest Sample Nine|0042\/2026|REG-SUNRISE/);
    }
    const search = await analyst.get(`/api/search?q=${q('Guest Sample')}`);
    expect(search.status).toBe(200);
    expect(search.body.results).toEqual([]);
    expect(search.body.elsewhere).toEqual({ units: ['Sample Pet PS'] });
  });

  it('asking without a case gets its own cases taken together, never the rest; no walk past one hop', async () => {
    const whole = await analyst.get('/api/graph');
    expect(whole.status).toBe(200);
    const own = await analyst.get(`/api/graph?case=${q(FIR)}`);
    const keys = (g: { body: { nodes: { key: string }[] } }) => g.body.nodes.map((n) => n.key).sort();
    expect(keys(whole)).toEqual(keys(own));
    expect(keys(whole)).not.toContain(guest);
    const communities = await analyst.get('/api/analytics/communities');
    expect(communities.status).toBe(200);
    expect(JSON.stringify(communities.body)).not.toContain(guest);
    const far = await analyst.get(`/api/graph?around=${accused}&hops=2`);
    expect(far.status).toBe(403);
    expect(far.body.error.code).toBe('CASE.NOT_ASSIGNED');
    const nobody = await server.signInAs('analyst', 'unassigned.one');
    expect((await nobody.get('/api/graph')).body.error.code).toBe('CASE.NOT_ASSIGNED');
  });

  it('with two cases assigned, analyses them together (cross-case, over its own cases only)', async () => {
    const both = await server.signInAs('analyst', 'analyst.two', [fir, other]);
    const g = await both.get('/api/graph');
    const keys = g.body.nodes.map((n: { key: string }) => n.key);
    expect(keys).toEqual(expect.arrayContaining([fir, other, guest, accused]));
    const shared = await both.get(`/api/analytics/components`);
    expect(shared.status).toBe(200);
    expect(JSON.stringify(shared.body)).toContain(guest);
  });

  it('files evidence only into its own cases, and opens a new FIR as its own', async () => {
    const intoOther = await analyst.post('/api/ingest', {
      document: { name: 'note.pdf', sha256: 'c'.repeat(64), type: 'statement', case: OTHER_FIR },
      entities: [{ kind: 'phone', key: '9800000001' }],
    });
    expect(intoOther.status).toBe(403);
    const opened = await analyst.post('/api/ingest', {
      document: { name: 'fir-0077.pdf', sha256: 'd'.repeat(64), type: 'fir' },
      entities: [{ kind: 'case', key: 'MH/Pune City/Test Peth PS/0077/2026', props: { unit: 'AHTU Pune' } }],
    });
    expect(opened.status).toBe(200);
    expect((await analyst.get(`/api/graph?case=${q('MH/Pune City/Test Peth PS/0077/2026')}`)).status).toBe(
      200,
    );
  });
});

describe('assigning cases', () => {
  it('is an admin’s: a grant opens the case to the user, a revocation closes it, both audited', async () => {
    const grant = await server.post(`/api/cases/${other}/grants`, { username: 'analyst.p' });
    expect(grant.status).toBe(200);
    expect(grant.body.cases).toContain(other);
    expect((await analyst.get(`/api/entities/${guest}`)).status).toBe(200);
    const revoke = await server.post(`/api/cases/${other}/revocations`, { username: 'analyst.p' });
    expect(revoke.status).toBe(200);
    expect((await analyst.get(`/api/entities/${guest}`)).status).toBe(403);
    expect((await analyst.post(`/api/cases/${other}/grants`, { username: 'analyst.p' })).status).toBe(403);
    const bad = await server.post(`/api/cases/${other}/grants`, { username: 'no such user' });
    expect(bad.status).toBe(400);
    expect((await server.post(`/api/cases/${other}/grants`, { username: 'nobody.here' })).status).toBe(404);
    const auditor = await server.signInAs('auditor');
    const actions = (
      (await auditor.get('/api/audit?limit=1000')).body.entries as { action: string; target: string }[]
    )
      .filter((e) => e.action.startsWith('case.'))
      .map((e) => `${e.action} ${e.target}`);
    expect(actions).toEqual(['case.grant analyst.p', 'case.revoke analyst.p']);
  });
});
