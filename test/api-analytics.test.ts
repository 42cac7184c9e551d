/** Analytics over real HTTP: the worker's projection follows ingests; parameters are checked. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIR, airtelCdr, firBatch, jioCdr } from './support/batches.js';
import { idOf } from './store-contract.js';
import { startTestServer, type TestServer } from './support/server.js';
import { errorBodySchema } from '../server/http/errors.js';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
  for (const b of [firBatch(), airtelCdr()]) expect((await api.post('/api/ingest', b)).status).toBe(200);
});
afterAll(async () => {
  await api.dispose();
});

const errorOf = (r: { status: number; body: unknown }, status: number, code: string) => {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  const e = errorBodySchema.parse(r.body).error;
  expect(e.code).toBe(code);
  return e;
};

describe('GET /api/analytics/projection', () => {
  it('holds the whole store, and catches up after an ingest', async () => {
    const before = (await api.get('/api/analytics/projection')).body;
    const stats = await api.store.stats();
    expect(before.result).toMatchObject({
      version: stats.version,
      nodes: stats.entities,
      edges: stats.links,
    });
    expect(before.version).toBe(stats.version);
    expect((await api.post('/api/ingest', jioCdr())).status).toBe(200);
    const after = (await api.get('/api/analytics/projection')).body;
    const now = await api.store.stats();
    expect(after.result).toMatchObject({ version: now.version, nodes: now.entities, edges: now.links });
    expect(after.result.lastRefresh.entities).toBeLessThan(now.entities); // only the changes were read
  });
});

describe('analytics parameters are checked before any work', () => {
  it.each([
    ['/api/analytics/centrality', 'metric'],
    ['/api/analytics/centrality?metric=fame', 'metric'],
    ['/api/analytics/communities?resolution=0', 'resolution'],
    ['/api/analytics/communities?since=yesterday', 'since'],
    ['/api/analytics/paths?to=x', 'from'],
    ['/api/analytics/paths?from=a&to=b&max=99', 'max'],
    ['/api/analytics/shared', 'entity'],
    ['/api/analytics/shared?entity=x&colour=red', 'colour'],
  ])('%s names %s', async (url, field) => {
    const e = errorOf(await api.get(url), 400, 'REQUEST.INVALID');
    expect(e.issues!.map((i) => i.path)).toContain(field);
  });

  it('an unknown case is a 404', async () => {
    errorOf(
      await api.get('/api/analytics/communities?case=MH%2FNowhere%2FNo%20PS%2F9%2F2026'),
      404,
      'CASE.NOT_FOUND',
    );
  });
});

describe('analytics answers over HTTP', () => {
  const accused = () => idOf('person', 'FIR-0001-2026-A1');
  const victim = () => idOf('person', 'FIR-0001-2026-V1');

  it('communities of the whole graph, and of a case, deterministic and cached by version', async () => {
    const first = (await api.get('/api/analytics/communities')).body;
    expect(first.result.communities.length).toBeGreaterThan(0);
    expect(typeof first.result.modularity).toBe('number');
    const again = (await api.get('/api/analytics/communities')).body;
    expect(again.cached).toBe(true);
    expect(again.result).toEqual(first.result);
    const ofCase = (await api.get(`/api/analytics/communities?case=${encodeURIComponent(FIR)}`)).body;
    const members = Object.keys(ofCase.result.communityOf);
    expect(members).toContain(accused());
    expect(members).not.toContain(idOf('case', FIR)); // cases are administrative, not ring members
  });

  it('key players by a metric', async () => {
    const r = (await api.get('/api/analytics/centrality?metric=degree&limit=3')).body;
    expect(r.result.metric).toBe('degree');
    expect(r.result.top).toHaveLength(3);
    const scores = r.result.top.map((t: { score: number }) => t.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('how two people are tied, and an unknown one is a 400 naming the parameter', async () => {
    const r = (await api.get(`/api/analytics/paths?from=${accused()}&to=${victim()}&max=3`)).body;
    expect(r.result.paths.length).toBeGreaterThan(0);
    expect(r.result.paths[0].nodes[0]).toBe(accused());
    expect(r.result.paths[0].nodes.at(-1)).toBe(victim());
    const e = errorOf(
      await api.get(`/api/analytics/paths?from=${accused()}&to=person:000000000000000000000000`),
      400,
      'REQUEST.INVALID',
    );
    expect(e.issues![0]!.path).toBe('to');
  });

  it('shared identifiers of a person; a phone is not a person', async () => {
    const r = (await api.get(`/api/analytics/shared?entity=${accused()}`)).body;
    expect(r.result.person.id).toBe(accused());
    expect(Array.isArray(r.result.ties)).toBe(true);
    const e = errorOf(
      await api.get(`/api/analytics/shared?entity=${idOf('phone', '9820123456')}`),
      400,
      'REQUEST.INVALID',
    );
    expect(e.issues![0]!.path).toBe('entity');
  });
});

describe('structure over HTTP', () => {
  it('components largest first, every entity in exactly one', async () => {
    const r = (await api.get('/api/analytics/components?members=10000')).body;
    const sizes = r.result.components.map((c: { size: number }) => c.size);
    expect(sizes).toEqual([...sizes].sort((a: number, b: number) => b - a));
    const all = r.result.components.flatMap((c: { nodes: string[] }) => c.nodes);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe((await api.store.stats()).entities);
  });

  it('a k-core holds only entities with k neighbours inside it', async () => {
    const r = (await api.get('/api/analytics/kcore?k=2')).body;
    expect(r.result.k).toBe(2);
    expect(r.result.size).toBe(r.result.nodes.length);
    errorOf(await api.get('/api/analytics/kcore'), 400, 'REQUEST.INVALID');
    const e = errorOf(await api.get('/api/analytics/kcore?k=0'), 400, 'REQUEST.INVALID');
    expect(e.issues).toEqual([{ section: 'query', path: 'k', message: 'must be at least 1' }]);
  });

  it('brokers: cut points and bridges of the graph, and people spanning communities', async () => {
    const r = (await api.get('/api/analytics/brokers?limit=5')).body;
    expect(Array.isArray(r.result.articulationPoints)).toBe(true);
    expect(Array.isArray(r.result.bridges)).toBe(true);
    expect(r.result.brokers.length).toBeLessThanOrEqual(5);
    // The accused ties the case, his phone and his account together: a cut point of this small graph.
    expect(r.result.articulationPoints).toContain(idOf('person', 'FIR-0001-2026-A1'));
  });
});
