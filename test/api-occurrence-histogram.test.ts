/**
 * GET /api/graph/histogram over real HTTP: the occurrences of a view's links counted over time, for the
 * analyst's time filter. The view is GET /api/graph's for the same parameters, under the same access
 * rules, so a user is never told how often the links of a case they may not read were used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestBatchInput } from '../server/domain/batch.js';
import { errorBodySchema } from '../server/http/errors.js';
import { occurrenceHistogramSchema } from '../server/http/routes/graph.js';
import { FIR, OTHER_FIR, scenario, sha } from './support/batches.js';
import {
  contentDigest,
  startTestServer,
  type Client,
  type Reply,
  type TestServer,
} from './support/server.js';
import { idOf } from './store-contract.js';
import { burstCdr, DECEMBER, iso, MARCH_WEEK } from './store-contract-occurrence-bins.js';

let server: TestServer;
let analyst: Client;
const q = encodeURIComponent;

const MINUTE = 60_000;
const SEPTEMBER = Date.parse('2026-09-07T10:00:00+05:30');

/** In the other case only: twenty calls in one September week between two phones of its own. */
function otherCaseCalls(): IngestBatchInput {
  return {
    document: { name: 'cdr-other.csv', sha256: sha('api-cdr-other'), type: 'cdr', case: OTHER_FIR },
    entities: [
      { kind: 'phone', key: '9830000011', ref: 'row 1' },
      { kind: 'phone', key: '9830000012', ref: 'row 1' },
    ],
    links: [
      {
        kind: 'called',
        from: { kind: 'phone', key: '9830000011' },
        to: { kind: 'phone', key: '9830000012' },
        occurrences: Array.from({ length: 20 }, (_, i) => ({
          at: iso(SEPTEMBER + i * 6 * 60 * MINUTE),
          durationS: 60,
          ref: `row ${i + 2}`,
        })),
      },
    ],
  };
}

beforeAll(async () => {
  server = await startTestServer();
  for (const b of [...scenario(), burstCdr(FIR), otherCaseCalls()])
    expect((await server.post('/api/ingest', b)).status).toBe(200);
  analyst = await server.signInAs('analyst', 'analyst.hist', [idOf('case', FIR)]);
});
afterAll(async () => server?.dispose());

function histogram(r: Reply) {
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return occurrenceHistogramSchema.parse(r.body);
}

function expectError(r: Reply, status: number, code: string) {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  const body = errorBodySchema.parse(r.body);
  expect(body.error.code).toBe(code);
  expect(body.error.requestId).toBe(r.headers.get('x-request-id'));
  // An error carries the error alone: no count of anything.
  expect(Object.keys(r.body as object)).toEqual(['error']);
  return body.error;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The occurrences counted in the bins that lie wholly or partly within [from, to]. */
function within(h: { from: string | null; to: string | null; bins: number[] }, from: number, to: number) {
  const lo = Date.parse(h.from!);
  const width = (Date.parse(h.to!) - lo) / h.bins.length;
  return sum(h.bins.filter((_, i) => lo + (i + 1) * width >= from && lo + i * width <= to));
}

describe('the occurrences of a view over time', () => {
  it("counts every occurrence of the view's links: the bins sum to the links' counts", async () => {
    for (const params of ['', `case=${q(FIR)}`, `case=${q(OTHER_FIR)}`, 'linkKinds=called', 'limit=4']) {
      const graph = (await server.get(`/api/graph?${params}`)).body as {
        edges: { attributes: { count: number } }[];
        attributes: { truncated: boolean; version: number };
      };
      const h = histogram(await server.get(`/api/graph/histogram?${params}`));
      const counted = sum(graph.edges.map((e) => e.attributes.count));
      expect(h.occurrences, params).toBe(counted);
      expect(sum(h.bins), params).toBe(counted);
      expect(h.links, params).toBe(graph.edges.length);
      expect(h.truncated, params).toBe(graph.attributes.truncated);
      expect(h.version, params).toBe(graph.attributes.version);
      if (counted) expect(h.bins, params).toHaveLength(48);
      for (const [kind, bins] of Object.entries(h.byKind))
        expect(
          bins.every((n) => n >= 0),
          kind,
        ).toBe(true);
      expect(
        h.bins.map((_, i) => sum(Object.values(h.byKind).map((b) => b[i]!))),
        params,
      ).toEqual(h.bins);
    }
    expect(histogram(await server.get('/api/graph/histogram?limit=4')).truncated).toBe(true);
  });

  it('puts a pair’s 300 calls of one March week in one bin and its December call in the last, not a band between', async () => {
    const h = histogram(await server.get(`/api/graph/histogram?case=${q(FIR)}&bins=20`));
    expect(h.case).toBe(idOf('case', FIR));
    expect(h.from).toBe(iso(MARCH_WEEK));
    expect(h.to).toBe(iso(DECEMBER));
    // Twenty bins of about two weeks from the first call: the whole week is in the first one.
    expect(h.bins[0]).toBe(300);
    expect(h.bins[19]).toBe(1);
    // The case's other calls (April and May) and the burst pair's messages (June) are all that lies between.
    expect(sum(h.bins.slice(1, 19))).toBe(h.occurrences - 301);
    expect(h.byKind.called![0]).toBe(300);
  });

  it('counts within a time window when the view has one', async () => {
    const from = '2026-04-01T00:00:00Z';
    const to = '2026-05-31T23:59:59Z';
    const h = histogram(await server.get(`/api/graph/histogram?case=${q(FIR)}&from=${from}&to=${to}`));
    expect(Date.parse(h.from!)).toBeGreaterThanOrEqual(Date.parse(from));
    expect(Date.parse(h.to!)).toBeLessThanOrEqual(Date.parse(to));
    // April's and May's calls of the first case: two on 15–16 April, one on 2 May.
    expect(h.occurrences).toBe(3);
  });

  it('gives a user no counts from the links of a case not assigned to them', async () => {
    const refused = expectError(
      await analyst.get(`/api/graph/histogram?case=${q(OTHER_FIR)}`),
      403,
      'CASE.NOT_ASSIGNED',
    );
    expect(refused.message).toMatch(/contact Sample Pet PS/);
    const phoneOfOther = idOf('phone', '9830000011');
    expectError(
      await analyst.get(`/api/graph/histogram?around=${phoneOfOther}&hops=1`),
      403,
      'CASE.NOT_ASSIGNED',
    );

    // Without a case, the analyst's view is their own case: the other case's September calls are not in it.
    const own = histogram(await analyst.get('/api/graph/histogram'));
    const ofFir = histogram(await server.get(`/api/graph/histogram?case=${q(FIR)}`));
    expect({ ...own, version: 0 }).toEqual({ ...ofFir, case: undefined, version: 0 });
    expect(within(own, SEPTEMBER, SEPTEMBER + 7 * 24 * 60 * MINUTE)).toBe(0);
    const whole = histogram(await server.get('/api/graph/histogram'));
    expect(within(whole, SEPTEMBER, SEPTEMBER + 7 * 24 * 60 * MINUTE)).toBeGreaterThanOrEqual(20);
    expect(whole.occurrences).toBeGreaterThan(own.occurrences);

    const nobody = await server.signInAs('analyst', 'analyst.none');
    expectError(await nobody.get('/api/graph/histogram'), 403, 'CASE.NOT_ASSIGNED');
    const auditor = await server.signInAs('auditor', 'auditor.hist');
    expectError(await auditor.get('/api/graph/histogram'), 403, 'AUTH.FORBIDDEN');
    expectError(await server.anonymous.get('/api/graph/histogram'), 401, 'AUTH.REQUIRED');
  });

  it('refuses bad parameters with the one error shape, naming the field, and writes nothing', async () => {
    const before = contentDigest(server.dbPath);
    for (const bins of ['0', '-3', '1001', '2.5', 'many', ''])
      expect(
        expectError(await server.get(`/api/graph/histogram?bins=${bins}`), 400, 'REQUEST.INVALID').issues,
        `bins=${bins}`,
      ).toEqual([expect.objectContaining({ section: 'query', path: 'bins' })]);
    const unknown = expectError(
      await server.get('/api/graph/histogram?bins=12&colour=red'),
      400,
      'REQUEST.INVALID',
    );
    expect(unknown.issues).toEqual([expect.objectContaining({ path: 'colour', message: 'unknown field' })]);
    const backwards = expectError(
      await server.get('/api/graph/histogram?from=2026-05-01T00:00:00Z&to=2026-04-01T00:00:00Z'),
      400,
      'REQUEST.INVALID',
    );
    expect(backwards.issues![0]).toMatchObject({ path: 'to' });
    expectError(
      await server.get(`/api/graph/histogram?case=${q('MH/Nowhere/No PS/9999/2026')}`),
      404,
      'CASE.NOT_FOUND',
    );
    expect(
      expectError(await server.get(`/api/graph/histogram?case=${'X'.repeat(201)}`), 400, 'REQUEST.INVALID')
        .issues![0],
    ).toMatchObject({ path: 'case' });
    expectError(
      await server.get('/api/graph/histogram?around=person:000000000000000000000000'),
      404,
      'ENTITY.NOT_FOUND',
    );
    expect(contentDigest(server.dbPath)).toBe(before);
  });

  it('is on the audit trail as a read of the graph, by case and counts only', async () => {
    const auditor = await server.signInAs('auditor', 'auditor.trail');
    const h = histogram(await analyst.get(`/api/graph/histogram?case=${q(FIR)}`));
    const entries = (await auditor.get('/api/audit?limit=1000')).body.entries as {
      actor: string;
      action: string;
      caseId: string | null;
      detail: Record<string, unknown>;
    }[];
    expect(entries.filter((e) => e.actor === 'analyst.hist').at(-1)).toMatchObject({
      action: 'read.graph',
      caseId: idOf('case', FIR),
      detail: { links: h.links, occurrences: h.occurrences },
    });
  });

  it('is described in the OpenAPI document with its bins', async () => {
    const doc = (await server.get('/api/openapi.json')).body;
    const op = doc.paths['/api/graph/histogram'].get;
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['case', 'around', 'linkKinds', 'from', 'to', 'limit', 'bins']),
    );
    expect(op.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/OccurrenceHistogram',
    });
  });
});
