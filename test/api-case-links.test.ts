/**
 * The links of one case over real HTTP (issue 9): its graph plus what lies one hop beyond it, where the
 * caller may read it; what only another case holds is withheld and counted by unit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIR, OTHER_FIR, scenario } from './support/batches.js';
import { startTestServer, type Client, type TestServer } from './support/server.js';
import { idOf } from './store-contract.js';

let server: TestServer;
let mine: Client;
let both: Client;
const fir = idOf('case', FIR);
const hotel = idOf('hotel', 'Hotel Testview Lodge, Bombay');
const upi = idOf('account', 'zq.test@okhdfcbank', 'upi');

beforeAll(async () => {
  server = await startTestServer();
  for (const b of scenario()) expect((await server.post('/api/ingest', b)).status).toBe(200);
  mine = await server.signInAs('investigator', 'officer.one', [fir]);
  both = await server.signInAs('investigator', 'officer.both', [fir, idOf('case', OTHER_FIR)]);
});
afterAll(async () => server?.dispose());

const keys = (r: { body: { graph: { nodes: { key: string }[] } } }) =>
  r.body.graph.nodes.map((n) => n.key).sort();

describe('the links of a case', () => {
  it("are the case's graph and, one hop beyond, what another of the caller's cases holds", async () => {
    const own = await server.get(`/api/graph?case=${fir}`);
    const r = await both.get(`/api/cases/${fir}/links`);
    expect(r.status).toBe(200);
    // The victim stayed at the other case's hotel; the accused holds the account it was paid from.
    expect(r.body.beyond.sort()).toEqual([hotel, upi].sort());
    expect(keys(r)).toEqual([...own.body.nodes.map((n: { key: string }) => n.key), hotel, upi].sort());
    const edges = r.body.graph.edges.map((e: { attributes: { kind: string } }) => e.attributes.kind);
    expect(edges).toEqual(expect.arrayContaining(['stayed-at', 'holds']));
    expect(r.body.withheld).toBeNull();
    expect(r.body.graph.attributes.case).toBe(fir);
  });

  it('withhold what only a case the caller may not read holds, naming the unit to contact', async () => {
    const r = await mine.get(`/api/cases/${fir}/links`);
    expect(r.status).toBe(200);
    expect(r.body.beyond).toEqual([]);
    expect(keys(r)).toEqual(
      (await server.get(`/api/graph?case=${fir}`)).body.nodes.map((n: { key: string }) => n.key).sort(),
    );
    expect(r.body.withheld).toEqual({ entities: 2, units: ['Sample Pet PS'] });
    expect(JSON.stringify(r.body)).not.toMatch(/Testview|zq\.test|lodge\.test|Guest Sample/);
  });

  it('refuse an unknown case, a case not assigned, and a bad limit', async () => {
    expect((await mine.get(`/api/cases/${idOf('case', 'XX/Y/Z PS/1/2026')}/links`)).body.error.code).toBe(
      'CASE.NOT_FOUND',
    );
    const other = await mine.get(`/api/cases/${idOf('case', OTHER_FIR)}/links`);
    expect(other.status).toBe(403);
    expect(other.body.error.message).toMatch(/contact Sample Pet PS/);
    const bad = await mine.get(`/api/cases/${fir}/links?beyond=-1`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('beyond');
  });
});

describe('paths across cases', () => {
  const accused = idOf('person', 'FIR-0001-2026-A1');
  const guest = idOf('person', 'REG-SUNRISE-0009');
  const path = `/api/analytics/paths?from=${accused}&to=${guest}&max=4`;

  it('run through every case the caller may read, up to the hop limit', async () => {
    const r = await both.get(path);
    expect(r.status).toBe(200);
    // Accused — his case — the victim — the other case's hotel — its guest: four hops over two cases.
    expect(r.body.result.paths[0].nodes).toEqual([
      accused,
      fir,
      idOf('person', 'FIR-0001-2026-V1'),
      hotel,
      guest,
    ]);
    const short = await both.get(`/api/analytics/paths?from=${accused}&to=${guest}&max=2`);
    expect(short.body.result.paths).toEqual([]);
  });

  it('answer an end only a case the caller may not read holds as a hit, and an unknown end as not found', async () => {
    const r = await mine.get(path);
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('CASE.NOT_ASSIGNED');
    expect(r.body.error.message).toMatch(/contact Sample Pet PS/);
    expect(JSON.stringify(r.body)).not.toMatch(/Guest Sample|REG-SUNRISE/);
    const unknown = await mine.get(`/api/analytics/paths?from=${accused}&to=${idOf('person', 'NOBODY-9')}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('ENTITY.NOT_FOUND');
  });
});
