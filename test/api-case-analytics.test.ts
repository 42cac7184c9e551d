/**
 * The analytics of the links of a case over real HTTP (issue 9), on the seeded demo scenario: with
 * reach=1 the communities, key players and brokers cover the case plus one hop — exactly the entities
 * its links show the caller, no more — and no victim or minor is ever called a broker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectCommunities } from '../server/analytics/communities/index.js';
import { buildGraph } from '../server/analytics/graph.js';
import { brokers } from '../server/analytics/structure/index.js';
import { errorBodySchema } from '../server/http/errors.js';
import { startTestServer, type Client, type TestServer } from './support/server.js';

let server: TestServer;
/** An investigator assigned only the Bengaluru case: what lies beyond it is other units' cases. */
let officer: Client;
let caseId: string;
let q: string;
let victims: Set<string>;

beforeAll(async () => {
  server = await startTestServer({ SEED_DEMO: 'true' });
  const cases = (await server.get('/api/cases')).body.cases as { id: string; label: string }[];
  caseId = cases.find((c) => c.label.startsWith('KA/Bengaluru Urban/'))!.id;
  q = `case=${encodeURIComponent(caseId)}`;
  officer = await server.signInAs('investigator', 'si.bengaluru', [caseId]);
  victims = new Set(
    (await server.store.protectedEntities()).filter((p) => p.reason !== 'identifier').map((p) => p.id),
  );
}, 120_000);
afterAll(async () => server?.dispose());

type Reply = { status: number; body: { result: Record<string, unknown>; [k: string]: unknown } };
const ok = (r: Reply) => {
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.result;
};
const linkIds = async (who: Client) => {
  const r = await who.get(`/api/cases/${encodeURIComponent(caseId)}/links`);
  expect(r.status).toBe(200);
  return {
    ids: (r.body.graph.nodes as { key: string }[]).map((n) => n.key).sort(),
    beyond: r.body.beyond as string[],
  };
};

describe('brokers', () => {
  it("of the demo's Bengaluru case name no victim or minor, and still the people who tie its groups", async () => {
    const listed = ok(await officer.get(`/api/analytics/brokers?${q}&limit=500`)).brokers as {
      id: string;
      label: string;
    }[];
    // The ranking on the case's graph before protected persons are left out: victims are in it.
    const graph = buildGraph(await server.store.subgraph({ caseIds: [caseId], limit: 1_000_000 }));
    const all = brokers(graph, detectCommunities(graph, {}).communityOf, 500);
    expect(all.filter((b) => victims.has(b.id)).length).toBeGreaterThan(0);

    expect(listed.filter((b) => victims.has(b.id))).toEqual([]);
    expect(listed.some((b) => /^(Victim|Minor) V-/.test(b.label))).toBe(false);
    expect(listed.map((b) => b.id)).toEqual(all.filter((b) => !victims.has(b.id)).map((b) => b.id));
    expect(listed.length).toBeGreaterThan(0);
  });

  it('name no victim or minor over the whole graph nor the case plus one hop', async () => {
    for (const url of ['/api/analytics/brokers?limit=500', `/api/analytics/brokers?${q}&reach=1&limit=500`]) {
      const listed = ok(await server.get(url)).brokers as { id: string }[];
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.filter((b) => victims.has(b.id))).toEqual([]);
    }
  });
});

describe('reach=1: the analytics of the links of a case', () => {
  it('rank, group and find brokers among exactly what the links show this caller', async () => {
    // The admin first: a cached answer for a wider view must not be served to the officer.
    const wide = await linkIds(server);
    const wideScores = ok(await server.get(`/api/analytics/centrality?${q}&reach=1&metric=pagerank`));
    expect(Object.keys(wideScores.scores as object).sort()).toEqual(wide.ids);
    expect(wide.beyond.length).toBeGreaterThan(0);

    const mine = await linkIds(officer);
    expect(mine.ids.length).toBeLessThan(wide.ids.length);
    const shown = new Set(mine.ids);
    const scores = ok(await officer.get(`/api/analytics/centrality?${q}&reach=1&metric=pagerank`));
    expect(Object.keys(scores.scores as object).sort()).toEqual(mine.ids);
    const communities = ok(await officer.get(`/api/analytics/communities?${q}&reach=1`));
    const grouped = Object.keys(communities.communityOf as object);
    expect(grouped.length).toBeGreaterThan(0);
    expect(grouped.filter((id) => !shown.has(id))).toEqual([]);
    const listed = ok(await officer.get(`/api/analytics/brokers?${q}&reach=1&limit=500`)).brokers as {
      id: string;
    }[];
    expect(listed.filter((b) => !shown.has(b.id))).toEqual([]);
    // Nothing withheld appears anywhere in the answers' bytes.
    const hidden = wide.ids.filter((id) => !shown.has(id));
    const text = JSON.stringify([scores, communities, listed]);
    expect(hidden.filter((id) => text.includes(id))).toEqual([]);
  });

  it('cover the entities one hop beyond the case, which reach=0 does not', async () => {
    const wide = await linkIds(server);
    const own = ok(await server.get(`/api/analytics/centrality?${q}&metric=pagerank`));
    const reached = ok(await server.get(`/api/analytics/centrality?${q}&reach=1&metric=pagerank`));
    const ownIds = Object.keys(own.scores as object);
    expect(wide.beyond.filter((id) => ownIds.includes(id))).toEqual([]);
    expect(wide.beyond.filter((id) => !(id in (reached.scores as object)))).toEqual([]);
    const grouped = ok(await server.get(`/api/analytics/communities?${q}&reach=1`)).communityOf as object;
    expect(wide.beyond.some((id) => id in grouped)).toBe(true);
  });

  it.each([
    ['reach=2', 'reach'],
    ['reach=-1', 'reach'],
    ['reach=one', 'reach'],
    ['reach=0.5', 'reach'],
  ])('refuses %s naming %s', async (bad, field) => {
    const r = await officer.get(`/api/analytics/communities?${q}&${bad}`);
    expect(r.status).toBe(400);
    const e = errorBodySchema.parse(r.body).error;
    expect(e.code).toBe('REQUEST.INVALID');
    expect(e.issues!.map((i) => i.path)).toContain(field);
  });

  // CASE stands for the Bengaluru case's query parameter.
  it.each([
    ['/api/analytics/centrality?metric=degree&reach=1', 'reach', /needs a case/],
    ['/api/analytics/brokers?CASE&reach=1&kinds=person', 'kinds', /cannot narrow reach=1/],
    ['/api/analytics/communities?CASE&reach=1&since=2026-01-01T00:00:00Z', 'since', /cannot narrow reach=1/],
  ])('refuses %s naming %s and why', async (url, field, why) => {
    const r = await server.get(url.replace('CASE', q));
    expect(r.status).toBe(400);
    const e = errorBodySchema.parse(r.body).error;
    expect(e.code).toBe('REQUEST.INVALID');
    expect(e.issues!.map((i) => i.path)).toEqual([field]);
    expect(e.message).toMatch(why);
  });

  it('refuses a case the caller may not read, as without reach', async () => {
    const cases = (await server.get('/api/cases')).body.cases as { id: string }[];
    const other = cases.find((c) => c.id !== caseId)!.id;
    const r = await officer.get(`/api/analytics/brokers?case=${encodeURIComponent(other)}&reach=1`);
    expect(r.status).toBe(403);
    expect(JSON.stringify(r.body)).not.toContain('"brokers"');
  });

  it('is declared in the OpenAPI document', async () => {
    const doc = (await server.get('/api/openapi.json')).body;
    const params = doc.paths['/api/analytics/communities'].get.parameters as {
      name: string;
      schema: { minimum?: number; maximum?: number; default?: number };
    }[];
    expect(params.find((p) => p.name === 'reach')?.schema).toMatchObject({
      minimum: 0,
      maximum: 1,
      default: 0,
    });
  });
});
