/**
 * The router is closed by default. This walks Express's own route table — not our list of routes — so a
 * route added any other way is caught too: without a session every non-public route answers 401; with a
 * session of a role that may not, 403; a change without the CSRF token, 403; and none of it writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDigest, startTestServer, type Client, type TestServer } from './support/server.js';
import { firBatch } from './support/batches.js';

/** Open to anyone: liveness, the API description, signing in. Anything else found unguarded fails the test. */
const PUBLIC = new Set(['GET /api/health', 'GET /api/openapi.json', 'POST /api/auth/login']);
/** Open to anyone signed in, whatever the role. */
const ANY_SESSION = new Set([
  'GET /api/auth/session',
  'POST /api/auth/logout',
  'POST /api/auth/password',
  // Whether CaseGraph produced a file: anyone holding it may ask (an auditor, a court's officer).
  'GET /api/reports/verify',
]);

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

function routeTable(stack: Layer[]): { method: string; path: string }[] {
  const out: { method: string; path: string }[] = [];
  for (const layer of stack) {
    if (layer.route)
      for (const m of Object.keys(layer.route.methods))
        if (m !== '_all') out.push({ method: m.toUpperCase(), path: layer.route.path });
    if (layer.handle?.stack) out.push(...routeTable(layer.handle.stack));
  }
  return out;
}

const concrete = (path: string) => path.replace(/:(\w+)/g, 'person:0123456789abcdef01234567');

describe('every route is closed unless declared public', () => {
  let server: TestServer;
  let auditor: Client;
  let other: Client;
  let analyst: Client;
  let routes: { method: string; path: string }[];
  let digest: string;

  beforeAll(async () => {
    server = await startTestServer();
    expect((await server.post('/api/ingest', firBatch())).status).toBe(200);
    auditor = await server.signInAs('auditor');
    other = await server.signInAs('investigator');
    analyst = await server.signInAs('analyst');
    routes = routeTable((server.app as unknown as { router: { stack: Layer[] } }).router.stack).filter((r) =>
      r.path.startsWith('/api/'),
    );
    digest = contentDigest(server.dbPath);
  });
  afterAll(async () => server?.dispose());

  it('finds the routes (the walk itself works)', () => {
    const names = routes.map((r) => `${r.method} ${r.path}`);
    expect(names).toEqual(
      expect.arrayContaining(['POST /api/ingest', 'GET /api/graph', 'GET /api/entities/:id']),
    );
    expect(names.length).toBeGreaterThan(15);
  });

  it('answers 401 to every non-public route without a session', async () => {
    for (const r of routes) {
      if (PUBLIC.has(`${r.method} ${r.path}`)) continue;
      const reply = await server.anonymous.request(r.method, concrete(r.path), { body: {} });
      expect(reply.status, `${r.method} ${r.path}`).toBe(401);
      expect(reply.body.error.code, `${r.method} ${r.path}`).toBe('AUTH.REQUIRED');
    }
  });

  it('answers 403 to a role whose permissions do not cover the route (an auditor reads the audit trail only)', async () => {
    for (const r of routes) {
      const name = `${r.method} ${r.path}`;
      if (PUBLIC.has(name) || ANY_SESSION.has(name)) continue;
      // The audit trail is the auditor's alone: an analyst is the one refused there.
      const caller = r.path.startsWith('/api/audit') ? analyst : auditor;
      const reply = await caller.request(r.method, concrete(r.path), { body: {} });
      expect(reply.status, name).toBe(403);
      expect(reply.body.error.code, name).toBe('AUTH.FORBIDDEN');
    }
  });

  it("refuses every change without the session CSRF token, or with another session's", async () => {
    for (const r of routes) {
      const name = `${r.method} ${r.path}`;
      if (r.method === 'GET' || PUBLIC.has(name)) continue;
      for (const csrf of [null, other.csrf!]) {
        const reply = await server.request(r.method, concrete(r.path), { body: firBatch(), csrf });
        expect(reply.status, name).toBe(403);
        expect(reply.body.error.code, name).toBe('AUTH.CSRF');
      }
    }
  });

  it('wrote nothing while refusing', () => {
    expect(contentDigest(server.dbPath)).toBe(digest);
  });
});
