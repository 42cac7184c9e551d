/** Analytics over real HTTP: the worker's projection follows ingests; parameters are checked. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { airtelCdr, firBatch, jioCdr } from './support/batches.js';
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
