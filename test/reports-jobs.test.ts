/**
 * Report jobs and how the API describes report files (issue 10), over real HTTP on a small case: a job
 * started before a restart is answered "gone" with its own code and a sentence saying why, not a bare
 * not-found; the cover names who prepared the report when asked to; the OpenAPI document says a report
 * and a certificate are PDFs and what each export's media type is.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAKES_REPORTS } from '../client/src/report-access.js';
import { can, ROLES } from '../server/domain/access.js';
import { entityId } from '../server/domain/ids.js';
import { normaliseKey } from '../server/domain/keys.js';
import { airtelCdr, FIR, firBatch, TEST_KEYS } from './support/batches.js';
import { fetchBytes, pdfText, rawSession } from './support/reports.js';
import { startTestServer, type Client, type TestServer } from './support/server.js';

const key = normaliseKey('fir', FIR, TEST_KEYS);
if (!key.ok) throw new Error(key.reason);
const CASE_ID = entityId('case', 'fir', key.key);

let server: TestServer;
let prosecutor: Client;

/** Follows a job until it is no longer running. */
async function finished(client: Client, job: string): Promise<{ state: string; progress: number }> {
  for (;;) {
    const s = await client.get(`/api/reports/jobs/${job}`);
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    if (s.body.state !== 'running') return s.body;
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  server = await startTestServer();
  for (const b of [firBatch(), airtelCdr()]) expect((await server.post('/api/ingest', b)).status).toBe(200);
  prosecutor = await server.signInAs('prosecutor', 'pp.jobs', [CASE_ID]);
}, 60_000);
afterAll(async () => {
  await server?.close();
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
});

describe('report jobs', () => {
  it('a job of a run of the service before a restart is answered REPORT.JOB_GONE, saying the service restarted', async () => {
    const start = await prosecutor.post(`/api/cases/${CASE_ID}/report`, {
      court: 'Sessions Court',
      async: true,
    });
    expect(start.status).toBe(202);
    const job = start.body.job as string;
    expect((await finished(prosecutor, job)).state).toBe('done');
    await server.close();
    const again = await startTestServer({}, server.dataDir);
    try {
      const same = await again.signInAs('prosecutor', 'pp.jobs', []);
      for (const path of [`/api/reports/jobs/${job}`, `/api/reports/jobs/${job}/pdf`]) {
        const r = await same.get(path);
        expect(r.status, path).toBe(404);
        expect(r.body.error.code).toBe('REPORT.JOB_GONE');
        expect(r.body.error.message).toMatch(/restarted/);
        expect(r.body.error.message).toMatch(/ask for the report again/);
      }
      // A report made before the restart is still vouched for: what matters outlives the process.
      const made = await same.post(`/api/cases/${CASE_ID}/report`, { court: 'Sessions Court', async: true });
      expect(made.status).toBe(202);
      expect(made.body.job.slice(4, 12)).not.toBe(job.slice(4, 12));
    } finally {
      await again.close();
      server = await startTestServer({}, server.dataDir);
      prosecutor = await server.signInAs('prosecutor', 'pp.jobs', []);
    }
  }, 60_000);

  it('an unknown job of this run, or another user’s, is gone too, without saying the service restarted', async () => {
    const start = await prosecutor.post(`/api/cases/${CASE_ID}/report`, { async: true });
    const job = start.body.job as string;
    await finished(prosecutor, job);
    const unknown = `${job.slice(0, 12)}${'0'.repeat(16)}`;
    const r = await prosecutor.get(`/api/reports/jobs/${unknown}`);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('REPORT.JOB_GONE');
    expect(r.body.error.message).not.toMatch(/restarted/);
    const other = await server.signInAs('prosecutor', 'pp.other', [CASE_ID]);
    const theirs = await other.get(`/api/reports/jobs/${job}/pdf`);
    expect(theirs.body.error.code).toBe('REPORT.JOB_GONE');
    expect((await prosecutor.get('/api/reports/jobs/job-123')).body.error.code).toBe('REQUEST.INVALID');
  });
});

describe('who prepared the report', () => {
  it('prints "prepared by" as asked, beside the account that asked, and refuses it empty or too long', async () => {
    const s = await rawSession(server, 'pp.jobs');
    const r = await fetchBytes(server, s, `/api/cases/${CASE_ID}/report`, {
      court: 'Sessions Court',
      preparedBy: 'Inspector A. Test, AHTU',
    });
    expect(r.status).toBe(200);
    const cover = pdfText(r.bytes).split('\f')[0]!.replace(/\s+/g, ' ');
    expect(cover).toContain('Prepared by Inspector A. Test, AHTU');
    expect(cover).toContain('Asked for by Test prosecutor (prosecutor, AHTU Test Unit)');
    const trail = await server.get('/api/audit?action=report&limit=1000');
    expect(JSON.stringify(trail.body)).not.toContain('Inspector A. Test');
    for (const preparedBy of ['  ', 'x'.repeat(201), 7]) {
      const bad = await prosecutor.post(`/api/cases/${CASE_ID}/report`, { preparedBy });
      expect(bad.status, String(preparedBy)).toBe(400);
      expect(bad.body.error.issues[0].path).toBe('preparedBy');
    }
  });
});

describe('the OpenAPI document', () => {
  it('says a report and a certificate are PDFs, with their hash headers, and gives each export its media type', async () => {
    const doc = (await server.get('/api/openapi.json')).body;
    for (const [path, method] of [
      ['/api/cases/{id}/report', 'post'],
      ['/api/reports/jobs/{job}/pdf', 'get'],
      ['/api/reports/certificate', 'get'],
    ] as const) {
      const ok = doc.paths[path][method].responses['200'];
      expect(Object.keys(ok.content), path).toEqual(['application/pdf']);
      expect(Object.keys(ok.headers), path).toEqual(
        expect.arrayContaining(['X-Report-Sha256', 'X-Report-Reference', 'Content-Disposition']),
      );
    }
    for (const path of ['/api/cases/{id}/export', '/api/export']) {
      const ok = doc.paths[path].get.responses['200'];
      expect(Object.keys(ok.content).sort(), path).toEqual(
        [
          'application/gexf+xml',
          'application/graphml+xml',
          'application/json',
          'application/xml',
          'text/csv',
        ].sort(),
      );
      expect(ok.content['text/csv'].schema).toEqual({ type: 'string', contentMediaType: 'text/csv' });
      expect(Object.keys(ok.headers)).toContain('X-Export-Sha256');
    }
  });
});

describe('who the client offers the Report button', () => {
  it('is every role the server lets make reports, and no other', () => {
    for (const role of ROLES) expect(MAKES_REPORTS[role], role).toBe(can(role, 'reports'));
  });
});
