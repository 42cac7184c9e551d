/**
 * Reports for prosecutors (issue 10), over real HTTP on the seeded demo scenario: the PDF read back
 * with pdftotext has every section, every link of the case with its document reference, and none of any
 * protected person's names, numbers or keys (in the text nor in the bytes); the audit trail vouches for
 * the file's SHA-256 and not for a copy with one byte changed; the same inputs give the same bytes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoScenario } from '../seed/demo.js';
import { maskSet } from '../server/domain/mask.js';
import { entityId } from '../server/domain/ids.js';
import { normaliseKey } from '../server/domain/keys.js';
import type { LinkDetail } from '../server/domain/views.js';
import { buildReport } from '../server/reports/report.js';
import { TEST_KEYS } from './support/batches.js';
import { startTestServer, type Client, type TestServer } from './support/server.js';
import {
  fetchBytes,
  pdfPages,
  pdfText,
  protectedSecrets,
  rawSession,
  type RawSession,
} from './support/reports.js';

const scenario = demoScenario();
const caseIdOf = (written: string) => {
  const k = normaliseKey('fir', written, TEST_KEYS);
  if (!k.ok) throw new Error(k.reason);
  return entityId('case', 'fir', k.key);
};
/** The demo case with the most victims named, then the most entities involved. */
const chosen = [...scenario.truth.cases].sort(
  (a, b) =>
    b.involved.filter((i) => i.role === 'victim').length -
      a.involved.filter((i) => i.role === 'victim').length || b.involved.length - a.involved.length,
)[0]!;
const CASE_ID = caseIdOf(chosen.written);

let server: TestServer;
let prosecutor: Client;
let session: RawSession;
let pdf: Buffer;
let text: string;
let sha: string;
let secrets: string[];

beforeAll(async () => {
  server = await startTestServer({ SEED_DEMO: 'true' });
  prosecutor = await server.signInAs('prosecutor', 'pp.sharma', [CASE_ID]);
  session = await rawSession(server, 'pp.sharma');
  const r = await fetchBytes(server, session, `/api/cases/${CASE_ID}/report`, {
    court: 'Court of the Additional Sessions Judge, Test District',
  });
  expect(r.status, r.bytes.toString('utf8').slice(0, 300)).toBe(200);
  expect(r.headers.get('content-type')).toMatch(/application\/pdf/);
  pdf = r.bytes;
  sha = r.headers.get('x-report-sha256')!;
  text = pdfText(pdf);
  secrets = await protectedSecrets(server, scenario);
}, 120_000);
afterAll(async () => server?.dispose());

describe('the report PDF', () => {
  it('is a PDF 1.7 whose header SHA-256 is the hash of its bytes', async () => {
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(sha);
  });

  it('has every section, the cover fields and a footer on every page', () => {
    for (const heading of [
      'Network analysis report',
      '1. Summary',
      'Groups found in the network',
      'Key persons, and why they are key',
      '2. The network',
      'Legend',
      '3. Persons',
      '4. Other entities',
      '5. Links and their evidence',
      '6. Timeline',
      '7. Documents',
      '8. Method (annex)',
    ])
      expect(text, heading).toContain(heading);
    for (const field of [
      'Court of the Additional Sessions Judge',
      'Prepared by',
      'Generated at',
      'CaseGraph version',
    ])
      expect(text).toContain(field);
    expect(text).toContain(chosen.written.split('/')[2]!);
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((p, i) => {
      expect(p, `page ${i + 1}`).toContain(`page ${i + 1} of ${pages.length}`);
      expect(p).toMatch(/Verification reference report:[0-9a-f]{24}/);
    });
  });

  it('lists every link of the case, each with the document and row or page of its evidence', async () => {
    const graph = await prosecutor.get(`/api/graph?case=${encodeURIComponent(CASE_ID)}&limit=20000`);
    expect(graph.status).toBe(200);
    const links = graph.body.edges as { key: string }[];
    expect(links.length).toBeGreaterThan(20);
    // Headings are also in the contents on the cover: a section is found where its page begins.
    const section5 = text.slice(text.indexOf('\f5. Links and their evidence'), text.indexOf('\f6. Timeline'));
    const section7 = text.slice(text.lastIndexOf('7. Documents'), text.indexOf('\f8. Method (annex)'));
    // Rows are numbered 1..n: as many as the case has links.
    const numbers = [...section5.matchAll(/^\s*(\d+)\s+[A-Z]+\d+\s+-/gm)].map((m) => Number(m[1]));
    expect(Math.max(...numbers)).toBe(links.length);
    // Document codes as section 7 gives them.
    const codeOf = new Map<string, string>();
    for (const m of section7.matchAll(/^\s*(F\d+)\s+(\S+)/gm)) codeOf.set(m[2]!, m[1]!);
    const flat = section5.replace(/\s+/g, ' ');
    for (const { key } of links) {
      const detail = (await prosecutor.get(`/api/links/${key}`)).body as LinkDetail;
      const own = detail.provenance.filter((p) => p.document.caseId === CASE_ID);
      expect(own.length, `link ${key} has evidence in this case`).toBeGreaterThan(0);
      for (const p of own) {
        const code = codeOf.get(p.document.name);
        expect(code, `document ${p.document.name} in section 7`).toBeDefined();
        expect(flat, `${key}: ${p.document.name} ${p.ref}`).toContain(
          `${code} ${p.ref ?? '(whole document)'}`,
        );
      }
    }
  }, 60_000);

  it("carries no protected person's name, phone or key, in its text or its bytes", () => {
    expect(secrets.length).toBeGreaterThan(10);
    const bytes = pdf.toString('latin1');
    const utf8 = pdf.toString('utf8');
    for (const s of secrets) {
      expect(text.includes(s), `text holds "${s}"`).toBe(false);
      expect(bytes.includes(s) || utf8.includes(s), `bytes hold "${s}"`).toBe(false);
    }
    expect(text).toMatch(/Victim V-\d{4}/);
  });

  it('renders to PNG pages (looked at by hand; kept under test-results/reports)', () => {
    const pngs = pdfPages(pdf, 'demo-case', 70);
    expect(pngs.length).toBeGreaterThan(5);
  });

  it('gives the same bytes for the same data, people and time', async () => {
    const masks = maskSet(await server.store.protectedEntities());
    const meta = {
      court: 'X',
      preparedBy: { name: 'Test', username: 't', role: 'prosecutor', unit: null },
      generatedAt: new Date('2026-11-23T08:00:00Z'),
      version: '0.0.0',
      host: 'h',
      storeName: 's',
      nodeVersion: 'v20',
    };
    const a = await buildReport(server.store, CASE_ID, masks, meta);
    const b = await buildReport(server.store, CASE_ID, masks, meta);
    expect(a.sha256).toBe(b.sha256);
    expect(Buffer.compare(a.pdf, b.pdf)).toBe(0);
  });
});

describe('integrity', () => {
  it('the audit trail holds the report: verification confirms the file, when, for whom, from which data', async () => {
    const v = await prosecutor.get(`/api/reports/verify?sha256=${sha}`);
    expect(v.status).toBe(200);
    expect(v.body.produced).toBe(true);
    const [f] = v.body.files;
    expect(f).toMatchObject({
      file: 'report',
      sha256: sha,
      producedFor: 'pp.sharma',
      role: 'prosecutor',
      caseId: CASE_ID,
    });
    expect(f.graphVersion).toBeGreaterThan(0);
    const reference = /Verification reference (report:[0-9a-f]{24})/.exec(text)![1]!;
    expect(f.reference).toBe(reference);
    const byRef = await prosecutor.get(`/api/reports/verify?reference=${reference}`);
    expect(byRef.body.files[0].sha256).toBe(sha);
  });

  it('rejects a copy with one byte changed', async () => {
    const { createHash } = await import('node:crypto');
    const copy = Buffer.from(pdf);
    const at = copy.indexOf('1. Summary');
    copy[at + 3] = copy[at + 3]! ^ 0x01;
    const changed = createHash('sha256').update(copy).digest('hex');
    expect(changed).not.toBe(sha);
    const v = await prosecutor.get(`/api/reports/verify?sha256=${changed}`);
    expect(v.status).toBe(200);
    expect(v.body).toEqual({ produced: false, files: [] });
  });

  it('refuses a malformed hash, and a role or person without the case', async () => {
    expect((await prosecutor.get('/api/reports/verify?sha256=abc')).status).toBe(400);
    const other = await server.signInAs('prosecutor', 'pp.other', []);
    const s = await rawSession(server, 'pp.other');
    const r = await fetchBytes(server, s, `/api/cases/${CASE_ID}/report`, {});
    expect(r.status).toBe(403);
    expect(JSON.parse(r.bytes.toString('utf8')).error.code).toBe('CASE.NOT_ASSIGNED');
    void other;
    await server.signInAs('auditor', 'aud.one');
    const a = await rawSession(server, 'aud.one');
    expect((await fetchBytes(server, a, `/api/cases/${CASE_ID}/report`, {})).status).toBe(403);
  });
});

describe('the draft certificate (BSA s.63)', () => {
  it('names the report file, its SHA-256 and the system, leaves blanks for the officer, and is on the trail', async () => {
    const reference = /Verification reference (report:[0-9a-f]{24})/.exec(text)![1]!;
    const r = await fetchBytes(server, session, `/api/reports/certificate?reference=${reference}`);
    expect(r.status).toBe(200);
    const cert = pdfText(r.bytes);
    for (const s of [
      'Section 63(4)(c) of the Bharatiya Sakshya Adhiniyam, 2023',
      'Part A',
      'Part B',
      sha,
      'SHA-256',
      'CaseGraph',
      chosen.written.split('/')[2]!,
      'Name and signature',
      // The Schedule's form: who deposes, the source device, lawful control, the hash and its algorithm,
      // the expert's own statement of the hash, signatures with the time in IST.
      'residing/employed at',
      '[ ] Computer / Storage Media [ ] DVR [ ] Mobile [ ] Flash Drive [ ] CD/DVD [ ] Server [ ] Cloud [ ] Other',
      'IMEI/UIN/UID/MAC/Cloud ID',
      'was under the lawful control for regularly creating, storing or processing information',
      '[ ] Owned [ ] Maintained [ ] Managed [ ] Operated by me',
      `HASH value/s of the electronic/digital record/s is ${sha}`,
      '[X] SHA256',
      'Hash report to be enclosed with the certificate',
      'Part B (to be filled by the expert)',
      'The produced electronic record/output of the digital record are obtained from',
      '(Name, designation and signature)',
      'hours (in 24 hours format)',
    ])
      expect(cert.replace(/\s+/g, ' '), s).toContain(s);
    // Part B is the expert's own statement of the hash, not a comparison the Schedule does not ask for.
    expect(cert).not.toMatch(/does not match/);
    expect(cert).toMatch(/casegraph-report-.*\.pdf/);
    pdfPages(r.bytes, 'certificate', 70);
    const v = await prosecutor.get(`/api/reports/verify?sha256=${r.headers.get('x-report-sha256')}`);
    expect(v.body.files[0]).toMatchObject({ file: 'certificate', reference, caseId: CASE_ID });
    // Not for someone without the case.
    await server.signInAs('prosecutor', 'pp.far', []);
    const far = await rawSession(server, 'pp.far');
    expect((await fetchBytes(server, far, `/api/reports/certificate?reference=${reference}`)).status).toBe(
      403,
    );
  });
});

describe('progress of a long report', () => {
  it('answers 202 with a job whose progress rises to done, then gives the file the trail vouches for', async () => {
    const start = await prosecutor.post(`/api/cases/${CASE_ID}/report`, {
      court: 'Special Court',
      async: true,
    });
    expect(start.status).toBe(202);
    const job = start.body.job as string;
    const seen: number[] = [];
    let state = start.body.state as string;
    for (let i = 0; i < 300 && state === 'running'; i++) {
      const s = await prosecutor.get(`/api/reports/jobs/${job}`);
      expect(s.status).toBe(200);
      seen.push(s.body.progress);
      state = s.body.state;
      if (state === 'running') await new Promise((r) => setTimeout(r, 20));
    }
    expect(state).toBe('done');
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
    const file = await fetchBytes(server, session, `/api/reports/jobs/${job}/pdf`);
    expect(file.status).toBe(200);
    const v = await prosecutor.get(`/api/reports/verify?sha256=${file.headers.get('x-report-sha256')}`);
    expect(v.body.produced).toBe(true);
    // Another user does not see the job.
    const other = await server.signInAs('prosecutor', 'pp.nosy', [CASE_ID]);
    expect((await other.get(`/api/reports/jobs/${job}`)).status).toBe(404);
  });
});
