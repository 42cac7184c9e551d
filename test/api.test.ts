/**
 * The HTTP API through real HTTP against the real app (server/start.ts, as `npm start` runs it), on a
 * fresh SQLite store: what an importer, an investigator's search and the client see.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestBatchInput } from '../server/domain/batch.js';
import {
  entityDetailSchema,
  healthSchema,
  ingestResultSchema,
  linkDetailSchema,
  searchResultSchema,
  serialisedGraphSchema,
} from '../server/http/schemas.js';
import { errorBodySchema } from '../server/http/errors.js';
import { FIR, airtelCdr, firBatch, scenario, sha } from './support/batches.js';
import { contentDigest, startTestServer, type TestServer } from './support/server.js';
import { Sessions } from '../server/auth/sessions.js';
import { signIn } from '../server/auth/sign-in.js';
import type { SqliteGraphStore } from '../server/store/sqlite/sqlite-store.js';
import { idOf } from './store-contract.js';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ BODY_LIMIT: '64kb' });
});
afterAll(async () => {
  await api.dispose();
});

async function ingestAll(batches: IngestBatchInput[]) {
  const out = [];
  for (const b of batches) {
    const r = await api.post('/api/ingest', b);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    out.push(ingestResultSchema.parse(r.body));
  }
  return out;
}

function expectError(r: { status: number; body: any; headers: Headers }, status: number, code: string) {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  const body = errorBodySchema.parse(r.body);
  expect(body.error.code).toBe(code);
  expect(body.error.requestId).toBe(r.headers.get('x-request-id'));
  expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts:\d+|node_modules/); // no stack traces
  return body.error;
}

describe('ingest', () => {
  it('ingests a scenario, and the same scenario again changes nothing', async () => {
    const first = await ingestAll(scenario());
    expect(first[0]!.entities.created).toBe(3);
    expect(first[1]!.occurrences.created).toBe(3);
    const graphBefore = (await api.get('/api/graph')).body;
    const digest = contentDigest(api.dbPath);
    const second = await ingestAll(scenario());
    for (const c of second) {
      expect(c.entities.created + c.entities.updated).toBe(0);
      expect(c.links.created + c.links.updated).toBe(0);
      expect(c.occurrences.created).toBe(0);
      expect(c.entities.unchanged + c.links.unchanged).toBeGreaterThan(0);
    }
    expect(second.map((c) => c.version)).toEqual(second.map(() => first.at(-1)!.version));
    expect((await api.get('/api/graph')).body).toEqual(graphBefore);
    expect(contentDigest(api.dbPath)).toBe(digest);
  });

  describe('bad input is refused with its record, field and reason, and writes nothing', () => {
    let digest: string;
    beforeAll(() => {
      digest = contentDigest(api.dbPath);
    });
    const unchanged = () => expect(contentDigest(api.dbPath)).toBe(digest);

    it('a batch of the wrong shape: every bad field is named', async () => {
      const bad = {
        document: { name: 'x.csv', sha256: 'not-a-hash', type: 'cdr' },
        entities: [
          { kind: 'phone', key: '9820100001', colour: 'red' },
          { kind: 'starship', key: 'NCC-1701' },
        ],
        links: [
          {
            kind: 'called',
            from: { kind: 'phone', key: '9820100001' },
            to: { kind: 'phone', key: '9820123456' },
            occurrences: [{ at: '15/04/2026 10:12', durationS: -3 }],
          },
        ],
      };
      const e = expectError(await api.post('/api/ingest', bad), 422, 'BATCH.INVALID');
      const paths = e.issues!.map((i) => i.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'document.sha256',
          'entities[1].kind',
          'links[0].occurrences[0].at',
          'links[0].occurrences[0].durationS',
        ]),
      );
      expect(e.issues!.find((i) => i.path === 'entities[0].colour')).toEqual({
        section: 'entities',
        index: 0,
        path: 'entities[0].colour',
        message: 'unknown field',
      });
      const kindIssue = e.issues!.find((i) => i.path === 'entities[1].kind')!;
      expect(kindIssue).toMatchObject({ section: 'entities', index: 1 });
      expect(e.issues!.find((i) => i.path === 'document.sha256')!.message).toMatch(/SHA-256/);
      expect(e.issues!.find((i) => i.path === 'links[0].occurrences[0].at')!.message).toMatch(/ISO 8601/);
      unchanged();
    });

    it('keys that do not normalise: a bad phone, an IMEI failing its check digit, a masked Aadhaar', async () => {
      const bad: IngestBatchInput = {
        document: { name: 'y.csv', sha256: sha('y'), type: 'phone-extraction' },
        entities: [
          { kind: 'phone', key: '9820100002' },
          { kind: 'phone', key: 'AD-Airtel-S' },
          { kind: 'device', key: '490154203237519' },
          { kind: 'id-document', scheme: 'aadhaar', key: 'XXXX-XXXX-1234' },
          { kind: 'account', key: 'someone@ybl' },
          { kind: 'person', key: 'P-1', props: { age: 230 } },
        ],
      };
      const e = expectError(await api.post('/api/ingest', bad), 422, 'BATCH.INVALID');
      const byPath = Object.fromEntries(e.issues!.map((i) => [i.path, i.message]));
      expect(Object.keys(byPath).sort()).toEqual(
        [
          'entities[1].key',
          'entities[2].key',
          'entities[3].key',
          'entities[4].scheme',
          'entities[5].props.age',
        ].sort(),
      );
      expect(byPath['entities[2].key']).toMatch(/check digit|Luhn/i);
      expect(byPath['entities[3].key']).toMatch(/masked/i);
      expect(byPath['entities[4].scheme']).toMatch(/needs a scheme/);
      unchanged();
    });

    it('a whole Aadhaar number anywhere but an aadhaar id-document: as a person key, in a property', async () => {
      const synthetic = '234567890124'; // passes the Verhoeff check; nobody's number
      const grouped = `${synthetic.slice(0, 4)} ${synthetic.slice(4, 8)} ${synthetic.slice(8)}`;
      const bad: IngestBatchInput = {
        document: { name: 'register.csv', sha256: sha('register'), type: 'hotel-register' },
        entities: [
          { kind: 'person', key: grouped, props: { name: 'Zorvan Quillet' } },
          {
            kind: 'person',
            key: 'GUEST-7',
            props: { name: 'Émira Testova', remarks: `ID shown: ${grouped}` },
          },
          { kind: 'hotel', key: 'Hotel Test Palace, Mumbai' },
        ],
        links: [
          {
            kind: 'stayed-at',
            from: { kind: 'person', key: 'GUEST-7' },
            to: { kind: 'hotel', key: 'Hotel Test Palace, Mumbai' },
            props: { aadhaar: synthetic },
            occurrences: [{ at: '2026-04-15T22:00:00+05:30', props: { uid: grouped } }],
          },
        ],
      };
      const e = expectError(await api.post('/api/ingest', bad), 422, 'BATCH.INVALID');
      expect(e.issues!.map((i) => i.path).sort()).toEqual(
        [
          'entities[0].key',
          'entities[1].props.remarks',
          'links[0].occurrences[0].props.uid',
          'links[0].props.aadhaar',
        ].sort(),
      );
      for (const issue of e.issues!) {
        expect(issue.message).toMatch(/Aadhaar number.*id-document of scheme aadhaar/);
        expect(issue.message).not.toContain(synthetic.slice(4, 8));
      }
      expect(JSON.stringify(e)).not.toContain(synthetic.slice(0, 8));
      unchanged();
    });

    it('a link that breaks the entity model', async () => {
      const bad: IngestBatchInput = {
        document: { name: 'z.csv', sha256: sha('z'), type: 'statement' },
        links: [
          {
            kind: 'called',
            from: { kind: 'person', key: 'FIR-0001-2026-A1' },
            to: { kind: 'phone', key: '9820123456' },
          },
          { kind: 'involves', from: { kind: 'case', key: FIR }, to: { kind: 'phone', key: '9820123456' } },
        ],
      };
      const e = expectError(await api.post('/api/ingest', bad), 422, 'BATCH.INVALID');
      expect(e.issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            index: 0,
            path: 'links[0].from.kind',
            message: expect.stringMatching(/from phone/),
          }),
          expect.objectContaining({ index: 1, path: 'links[1].role' }),
        ]),
      );
      unchanged();
    });

    it('a link to an entity neither in the batch nor in the store', async () => {
      const bad: IngestBatchInput = {
        document: { name: 'w.csv', sha256: sha('w'), type: 'cdr' },
        entities: [{ kind: 'phone', key: '9820100003' }],
        links: [
          {
            kind: 'called',
            from: { kind: 'phone', key: '9820100003' },
            to: { kind: 'phone', key: '9820100004' },
          },
        ],
      };
      const e = expectError(await api.post('/api/ingest', bad), 422, 'BATCH.UNKNOWN_ENTITY');
      expect(e.issues).toEqual([
        {
          section: 'links',
          index: 0,
          path: 'links[0].to',
          message: 'phone +91 98201 00004 is neither in this batch nor in the store',
        },
      ]);
      unchanged();
    });

    it('malformed JSON', async () => {
      const e = expectError(
        await api.post('/api/ingest', null, { raw: '{"document": {"name": ' }),
        400,
        'REQUEST.MALFORMED_JSON',
      );
      expect(e.message).toMatch(/^the body is not valid JSON/);
      const leaky = expectError(
        await api.post('/api/ingest', null, { raw: '{"document": {"name": Synthetic Minor' }),
        400,
        'REQUEST.MALFORMED_JSON',
      );
      expect(leaky.message).toMatch(/^the body is not valid JSON( \(at character \d+\))?$/); // never quotes the body
      unchanged();
    });

    it('a body over the configured limit', async () => {
      const big = {
        ...firBatch(),
        entities: Array.from({ length: 2000 }, (_, i) => ({
          kind: 'person',
          key: `P-${i}`,
          props: { name: 'x'.repeat(30) },
        })),
      };
      expectError(await api.post('/api/ingest', big), 413, 'REQUEST.TOO_LARGE');
      unchanged();
    });

    it('a body that is not JSON', async () => {
      expectError(
        await api.post('/api/ingest', null, { raw: 'name,phone\n', contentType: 'text/csv' }),
        415,
        'REQUEST.UNSUPPORTED_MEDIA_TYPE',
      );
      unchanged();
    });

    it('an empty body and a JSON value that is not a batch', async () => {
      expectError(await api.post('/api/ingest', null, { raw: '' }), 422, 'BATCH.INVALID');
      const e = expectError(await api.post('/api/ingest', [1, 2]), 422, 'BATCH.INVALID');
      expect(e.issues![0]).toMatchObject({ path: 'body', message: 'must be an object' });
      const e2 = expectError(
        await api.post('/api/ingest', { document: { type: 'cdr' } }),
        422,
        'BATCH.INVALID',
      );
      expect(e2.issues).toEqual(
        expect.arrayContaining([
          { section: 'document', path: 'document.name', message: 'is required' },
          { section: 'document', path: 'document.sha256', message: 'is required' },
        ]),
      );
      unchanged();
    });
  });
});

describe('reads', () => {
  it('an entity with every provenance record', async () => {
    const r = await api.get(`/api/entities/${idOf('phone', '9820123456')}`);
    expect(r.status).toBe(200);
    const e = entityDetailSchema.parse(r.body);
    expect(e.key).toBe('+91 98201 23456');
    expect(e.provenance.map((p) => p.document.name)).toEqual(['airtel-cdr-A.csv', 'jio-cdr-B.csv']);
    expect(e.caseIds).toEqual([idOf('case', FIR)]);
  });

  it("a path with a broken %-escape is the client's error, not a fault", async () => {
    expectError(await api.get('/api/entities/%FF'), 400, 'REQUEST.INVALID');
  });

  it('an unknown entity is a 404 in the error shape', async () => {
    expectError(await api.get('/api/entities/phone:000000000000000000000000'), 404, 'ENTITY.NOT_FOUND');
  });

  it('a link with its evidence and occurrences', async () => {
    const g = serialisedGraphSchema.parse((await api.get('/api/graph?linkKinds=paid')).body);
    const r = await api.get(`/api/links/${g.edges[0]!.key}`);
    const link = linkDetailSchema.parse(r.body);
    expect(link.occurrences[0]!.provenance[0]!.document.name).toBe('register-sunrise.xlsx');
    expect(link.occurrences[0]!.amount).toBe(1500.5);
  });

  it.each(['98201 23456', '+91-98201-23456', '9820123456', '09820123456', "'919820123456"])(
    'search finds the phone written as %s',
    async (q) => {
      const r = await api.get(`/api/search?q=${encodeURIComponent(q)}`);
      const { results } = searchResultSchema.parse(r.body);
      expect(results[0]!.id).toBe(idOf('phone', '9820123456'));
    },
  );

  it('search finds people by name whatever the case (accents: the store contract), but never a victim', async () => {
    const { results } = searchResultSchema.parse((await api.get('/api/search?q=quillet%20ZORVAN')).body);
    expect(results.map((e) => e.label)).toEqual(['Zorvan Quillet']);
    // Émira Testova is the FIR's victim, and 15: no search by her name, in any spelling, finds her.
    for (const q of ['EMIRA', 'Émira Testova', 'FIR-0001-2026-V1'])
      expect((await api.get(`/api/search?q=${encodeURIComponent(q)}`)).body.results, q).toEqual([]);
  });

  it('search refuses an empty query and an unknown kind', async () => {
    const e1 = expectError(await api.get('/api/search?q=%20'), 400, 'REQUEST.INVALID');
    expect(e1.issues![0]).toMatchObject({ section: 'query', path: 'q' });
    const e2 = expectError(await api.get('/api/search?q=x&kinds=person,starship'), 400, 'REQUEST.INVALID');
    expect(e2.issues![0]!.message).toMatch(/one of person, phone/);
  });

  it("a case's graph in graphology's format, by FIR key or by id", async () => {
    const byKey = serialisedGraphSchema.parse(
      (await api.get(`/api/graph?case=${encodeURIComponent(FIR)}`)).body,
    );
    const byId = (await api.get(`/api/graph?case=${idOf('case', FIR)}`)).body;
    expect(byId).toEqual(byKey);
    expect(byKey.attributes.case).toBe(idOf('case', FIR));
    expect(byKey.attributes.demo).toBe(false); // this store was not seeded with the demo
    expect(byKey.nodes.map((n) => n.attributes.kind).sort()).toEqual([
      'case',
      'person',
      'person',
      'phone',
      'phone',
      'phone',
    ]);
    const nodeKeys = new Set(byKey.nodes.map((n) => n.key));
    for (const e of byKey.edges) expect(nodeKeys.has(e.source) && nodeKeys.has(e.target)).toBe(true);
  });

  it("an entity's neighbourhood", async () => {
    const g = serialisedGraphSchema.parse(
      (await api.get(`/api/graph?around=${idOf('person', 'FIR-0001-2026-A1')}&hops=1`)).body,
    );
    expect(g.nodes).toHaveLength(4);
  });

  it('graph parameters are checked', async () => {
    expectError(await api.get('/api/graph?case=MH%2FNowhere%2FNo%20PS%2F9999%2F2026'), 404, 'CASE.NOT_FOUND');
    const e = expectError(
      await api.get('/api/graph?limit=0&from=yesterday&colour=red'),
      400,
      'REQUEST.INVALID',
    );
    expect(e.issues!.map((i) => i.path).sort()).toEqual(['colour', 'from', 'limit']);
    expect(e.issues!.find((i) => i.path === 'colour')!.message).toBe('unknown field');
    expectError(
      await api.get('/api/graph?from=2026-05-01T00:00:00Z&to=2026-04-01T00:00:00Z'),
      400,
      'REQUEST.INVALID',
    );
    expectError(await api.get('/api/graph?around=person:000000000000000000000000'), 404, 'ENTITY.NOT_FOUND');
    const around = expectError(
      await api.get(`/api/graph?around=${idOf('person', 'FIR-0001-2026-A1')}&kinds=phone`),
      400,
      'REQUEST.INVALID',
    );
    expect(around.issues![0]).toMatchObject({
      path: 'around',
      message: expect.stringMatching(/linkKinds only/),
    });
  });

  it('health answers with the graph version', async () => {
    const h = healthSchema.parse((await api.get('/api/health')).body);
    expect(h.store).toBe('sqlite');
    expect(h.graphVersion).toBeGreaterThan(0);
  });

  it('an unknown route is a 404 in the error shape', async () => {
    expectError(await api.get('/api/nothing-here'), 404, 'ROUTE.NOT_FOUND');
  });

  it('a known route asked with the wrong method is a 405 that says which methods it takes', async () => {
    const ingest = await api.get('/api/ingest');
    expectError(ingest, 405, 'ROUTE.METHOD_NOT_ALLOWED');
    expect(ingest.headers.get('allow')).toBe('POST');
    const health = await api.post('/api/health', {});
    expect(expectError(health, 405, 'ROUTE.METHOD_NOT_ALLOWED').message).toMatch(/GET, HEAD, not POST/);
    expect(health.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('OpenAPI', () => {
  it('describes every route with resolvable schemas', async () => {
    const r = await api.get('/api/openapi.json');
    expect(r.status).toBe(200);
    const doc = r.body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/api/entities/{id}',
        '/api/graph',
        '/api/graph/histogram',
        '/api/health',
        '/api/ingest',
        '/api/imports',
        '/api/imports/mappings',
        '/api/imports/preview',
        '/api/imports/templates',
        '/api/imports/{id}',
        '/api/imports/{id}/rejected',
        '/api/links/{id}',
        '/api/merge-candidates',
        '/api/merge-candidates/{id}/decision',
        '/api/merges/{id}',
        '/api/merges/{id}/undo',
        '/api/search',
        '/api/analytics/projection',
        '/api/analytics/communities',
        '/api/analytics/centrality',
        '/api/analytics/paths',
        '/api/analytics/shared',
        '/api/analytics/components',
        '/api/analytics/kcore',
        '/api/analytics/brokers',
        '/api/auth/login',
        '/api/auth/logout',
        '/api/auth/password',
        '/api/auth/session',
        '/api/audit',
        '/api/audit/verify',
        '/api/entities/{id}/reveal',
        '/api/cases',
        '/api/cases/{id}/grants',
        '/api/cases/{id}/revocations',
        '/api/cases/{id}',
        '/api/cases/{id}/edits',
        '/api/cases/{id}/close',
        '/api/cases/{id}/roles',
        '/api/cases/{id}/roles/detach',
        '/api/cases/{id}/links',
        '/api/cases/{id}/hits',
        '/api/cases/{id}/alerts',
        '/api/watches',
        '/api/watches/alerts',
        '/api/watches/remove',
        '/api/timeline',
        '/api/users',
        '/api/users/{username}/reset',
        '/api/users/{username}/disable',
        '/api/cases/{id}/report',
        '/api/cases/{id}/export',
        '/api/export',
        '/api/reports/jobs/{job}',
        '/api/reports/jobs/{job}/pdf',
        '/api/reports/certificate',
        '/api/reports/verify',
      ].sort(),
    );
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    for (const ref of refs) expect(doc.components.schemas, `missing component ${ref}`).toHaveProperty(ref);
    expect(doc.components.schemas.IngestBatch.properties).toHaveProperty('links');
    expect(doc.paths['/api/ingest'].post.responses['422'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/Error',
    );
    const graphParams = doc.paths['/api/graph'].get.parameters.map((p: { name: string }) => p.name);
    expect(graphParams).toEqual(expect.arrayContaining(['case', 'around', 'kinds', 'from', 'to', 'limit']));
  });
});

describe('restarts and faults', () => {
  it('the first start makes an admin with a one-time password that signs in; a restart makes none', async () => {
    const s1 = await startTestServer();
    try {
      expect(s1.firstAdmin?.username).toBe('admin');
      const access = (s1.store as SqliteGraphStore).access;
      const sessions = new Sessions(access, { idleMs: 60_000, absoluteMs: 120_000 });
      const attempt = {
        username: 'admin',
        password: s1.firstAdmin!.password,
        ip: '127.0.0.1',
        userAgent: null,
      };
      const { user } = await signIn({ access, sessions }, attempt);
      expect(user).toMatchObject({ role: 'admin', mustChangePassword: true });
      await s1.close();
      const s2 = await startTestServer({}, s1.dataDir);
      try {
        expect(s2.firstAdmin).toBeUndefined();
      } finally {
        await s2.close();
      }
    } finally {
      await s1.dispose().catch(() => undefined);
    }
  });

  it('data survives a restart of the service', async () => {
    const s1 = await startTestServer();
    try {
      for (const b of [firBatch(), airtelCdr()]) expect((await s1.post('/api/ingest', b)).status).toBe(200);
      const before = (await s1.get('/api/graph')).body;
      expect(before.nodes.length).toBeGreaterThan(0);
      await s1.close();
      const s2 = await startTestServer({}, s1.dataDir);
      try {
        expect((await s2.get('/api/graph')).body).toEqual(before);
      } finally {
        await s2.close();
      }
    } finally {
      await s1.dispose().catch(() => undefined);
    }
  });

  it('a store held by another writer answers 503 with Retry-After, and the batch can be sent again', async () => {
    const s = await startTestServer({ SQLITE_BUSY_TIMEOUT_MS: '200' });
    const other = new Database(s.dbPath);
    try {
      other.exec('BEGIN IMMEDIATE'); // npm run ingest in the middle of a group
      const r = await s.post('/api/ingest', firBatch());
      expectError(r, 503, 'STORE.UNAVAILABLE');
      expect(r.headers.get('retry-after')).toBe('5');
      other.exec('ROLLBACK');
      expect((await s.post('/api/ingest', firBatch())).status).toBe(200);
    } finally {
      other.close();
      await s.dispose();
    }
  });

  it('a real fault is a 500 with a request id and no internals', async () => {
    const s = await startTestServer();
    try {
      await s.store.close(); // the database goes away under the running service
      const r = await s.get('/api/health');
      const e = expectError(r, 500, 'INTERNAL');
      expect(e.message).not.toMatch(/database|sqlite/i);
    } finally {
      await s.dispose().catch(() => undefined);
    }
  });
});

describe('the Aadhaar key', () => {
  it('a data folder refuses to start under another key than the one it was built with', async () => {
    const s = await startTestServer({ AADHAAR_HASH_KEY: 'first-key-0123456789abcdef0123456789abcdef' });
    await s.close();
    await expect(
      startTestServer({ AADHAAR_HASH_KEY: 'other-key-0123456789abcdef0123456789abcdef' }, s.dataDir),
    ).rejects.toThrow(/not the key this data folder .* was built with/);
    const again = await startTestServer(
      { AADHAAR_HASH_KEY: 'first-key-0123456789abcdef0123456789abcdef' },
      s.dataDir,
    );
    await again.dispose();
  });
});
