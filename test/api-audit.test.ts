/**
 * Every look at case data goes on the trail, over real HTTP: who, what, which case, from where; the trail
 * holds ids, never the names or numbers that were looked at; auditors read and verify it, nobody else.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIR, airtelCdr, firBatch } from './support/batches.js';
import { startTestServer, type Client, type TestServer } from './support/server.js';

let server: TestServer;
let officer: Client;
let auditor: Client;

beforeAll(async () => {
  server = await startTestServer();
  officer = await server.signInAs('investigator', 'officer.rao');
  auditor = await server.signInAs('auditor', 'auditor.sen');
  for (const b of [firBatch(), airtelCdr()]) expect((await officer.post('/api/ingest', b)).status).toBe(200);
});
afterAll(async () => server?.dispose());

const trail = async (after = 0) => {
  const r = await auditor.get(`/api/audit?afterSeq=${after}&limit=1000`);
  expect(r.status).toBe(200);
  return r.body.entries as {
    seq: number;
    actor: string;
    action: string;
    target: string | null;
    caseId: string | null;
    detail: Record<string, unknown>;
    ip: string;
  }[];
};

describe('the audit trail over HTTP', () => {
  it('records sign-ins, ingests, reads, searches and graph views with who and what', async () => {
    const head = (await trail()).at(-1)!.seq;
    const found = await officer.get('/api/search?q=Zorvan');
    const id = found.body.results[0].id as string;
    expect((await officer.get(`/api/entities/${id}`)).status).toBe(200);
    expect((await officer.get(`/api/graph?case=${encodeURIComponent(FIR)}`)).status).toBe(200);
    expect((await officer.get(`/api/analytics/communities?case=${encodeURIComponent(FIR)}`)).status).toBe(
      200,
    );
    const entries = (await trail(head)).filter((e) => e.actor === 'officer.rao');
    expect(entries.map((e) => e.action)).toEqual(['search', 'read.entity', 'read.graph', 'read.graph']);
    expect(entries[0]!.detail).toMatchObject({ results: 1, ids: [id] });
    expect(entries[1]!.target).toBe(id);
    expect(entries[2]!.caseId).toMatch(/^case:[0-9a-f]{24}$/);
    expect(entries[2]!.detail.entities).toBeGreaterThan(0);
    expect(entries.every((e) => e.ip)).toBe(true);
    const all = await trail();
    expect(
      all
        .filter((e) => e.actor === 'officer.rao')
        .map((e) => e.action)
        .slice(0, 3),
    ).toEqual(['login', 'ingest', 'ingest']);
  });

  it('records a failed sign-in, without keeping a password typed as a username', async () => {
    await server.anonymous.post('/api/auth/login', {
      username: 'officer.rao',
      password: 'wrong wrong wrong',
    });
    await server.anonymous.post('/api/auth/login', { username: 'my secret pass!', password: 'x' });
    const failed = (await trail()).filter((e) => e.action === 'login.failed');
    expect(failed.map((e) => e.actor)).toEqual(['officer.rao', null]);
  });

  it('keeps the names and numbers that were looked at out of the trail', async () => {
    await officer.get('/api/search?q=Zorvan%20Quillet');
    await officer.get('/api/search?q=98201%2000001');
    const db = new Database(server.dbPath, { readonly: true });
    const rows = JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
    db.close();
    for (const secret of ['Zorvan', 'Quillet', 'Émira', '98201', '9820100001'])
      expect(rows).not.toContain(secret);
  });

  it('verifies for an auditor, and names the entry when one is changed behind its back', async () => {
    const ok = await auditor.get('/api/audit/verify');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: true });
    expect(ok.body.entries).toBeGreaterThan(5);
    const db = new Database(server.dbPath);
    db.prepare("UPDATE audit_log SET actor = 'someone.else' WHERE seq = 3").run();
    db.close();
    const broken = await auditor.get('/api/audit/verify');
    expect(broken.body.ok).toBe(false);
    expect(broken.body.problems[0]).toMatchObject({ seq: 3, kind: 'changed' });
  });

  it('is closed to every other role', async () => {
    for (const path of ['/api/audit', '/api/audit/verify']) {
      const r = await officer.get(path);
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('AUTH.FORBIDDEN');
    }
  });
});
