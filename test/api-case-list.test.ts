/**
 * GET /api/cases over real HTTP: the client's case picker lists what the caller may open and no more —
 * every case for an admin, the assigned ones for an analyst, none for a user without cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseListSchema } from '../server/http/routes/cases.js';
import { FIR, OTHER_FIR, scenario } from './support/batches.js';
import { startTestServer, type TestServer } from './support/server.js';
import { idOf } from './store-contract.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  for (const b of scenario()) expect((await server.post('/api/ingest', b)).status).toBe(200);
});
afterAll(async () => server?.dispose());

describe('GET /api/cases', () => {
  it('lists every case for an admin, by FIR key, in the documented shape', async () => {
    const reply = await server.get('/api/cases');
    expect(reply.status).toBe(200);
    const body = caseListSchema.parse(reply.body);
    expect(body.cases.map((c) => c.label)).toEqual([FIR, OTHER_FIR].sort());
    expect(body.cases.map((c) => c.id).sort()).toEqual([idOf('case', FIR), idOf('case', OTHER_FIR)].sort());
  });

  it('lists only the assigned cases for an analyst, and none when nothing is assigned', async () => {
    const analyst = await server.signInAs('analyst', 'analyst.one', [idOf('case', FIR)]);
    expect((await analyst.get('/api/cases')).body.cases.map((c: { label: string }) => c.label)).toEqual([
      FIR,
    ]);
    const idle = await server.signInAs('analyst', 'analyst.none');
    expect((await idle.get('/api/cases')).body).toEqual({ cases: [] });
  });

  it('needs a session and a role that reads the graph', async () => {
    expect((await server.anonymous.get('/api/cases')).status).toBe(401);
    const auditor = await server.signInAs('auditor');
    expect((await auditor.get('/api/cases')).status).toBe(403);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await server.get('/api/openapi.json')).body as { paths: Record<string, unknown> };
    expect(doc.paths['/api/cases']).toBeDefined();
  });
});
