/**
 * A report of a 300-entity case (a joint FIR over a whole generated scenario): it is made, every person
 * and link is in it, and the picture stays legible — every person's code is on the network page as text
 * (not lost under others), and the page is rendered to PNG under test-results/reports to be looked at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '../seed/scenario.js';
import { entityId } from '../server/domain/ids.js';
import { normaliseKey } from '../server/domain/keys.js';
import { TEST_KEYS } from './support/batches.js';
import { startTestServer, type Client, type TestServer } from './support/server.js';
import { fetchBytes, JOINT_FIR, jointCaseBatches, pdfPages, pdfText, rawSession } from './support/reports.js';

const key = normaliseKey('fir', JOINT_FIR, TEST_KEYS);
if (!key.ok) throw new Error(key.reason);
const CASE_ID = entityId('case', 'fir', key.key);

let server: TestServer;
let prosecutor: Client;
let pdf: Buffer;
let text: string;
let ms: number;

beforeAll(async () => {
  server = await startTestServer();
  for (const b of jointCaseBatches(generateScenario({ entities: 300, seed: 'report-300' })))
    expect((await server.post('/api/ingest', b)).status).toBe(200);
  prosecutor = await server.signInAs('prosecutor', 'pp.joint', [CASE_ID]);
  const s = await rawSession(server, 'pp.joint');
  const t = performance.now();
  const r = await fetchBytes(server, s, `/api/cases/${CASE_ID}/report`, {
    court: 'Special Court (ITPA), Mumbai',
  });
  ms = performance.now() - t;
  expect(r.status).toBe(200);
  pdf = r.bytes;
  text = pdfText(pdf);
}, 180_000);
afterAll(async () => server?.dispose());

describe('a 300-entity case', () => {
  it('is reported whole: every entity and link', async () => {
    const graph = await prosecutor.get(`/api/graph?case=${encodeURIComponent(CASE_ID)}&limit=20000`);
    const nodes = graph.body.nodes as { attributes: { kind: string } }[];
    expect(nodes.length).toBeGreaterThanOrEqual(280);
    const section5 = text.slice(text.indexOf('\f5. Links and their evidence'), text.indexOf('\f6. Timeline'));
    const numbers = [...section5.matchAll(/^\s*(\d+)\s+[A-Z]+\d+\s+-/gm)].map((m) => Number(m[1]));
    expect(Math.max(...numbers)).toBe(graph.body.edges.length);
    const pages = text.split('\f').filter((p) => p.trim()).length;
    console.log(
      `300-entity case: ${nodes.length} entities, ${graph.body.edges.length} links, ${pages} pages, ` +
        `${(pdf.length / 1024).toFixed(0)} KiB, ${ms.toFixed(0)} ms over HTTP`,
    );
  });

  it("keeps the picture legible: every drawn entity's code is on the network page", () => {
    const page = text.split('\f').find((p) => p.startsWith('2. The network'))!;
    const codes = new Set(page.match(/\b(?:P|T|D|A|ID|IP|L|H|V|AD)\d+\b/g));
    const persons = text.match(/^\s*P\d+\b/gm)?.length ?? 0;
    expect(persons).toBeGreaterThan(50);
    for (let i = 1; i <= 50; i++) expect(codes.has(`P${i}`), `P${i}`).toBe(true);
    // The cover, the summary, the picture and the first group enlarged.
    const pngs = pdfPages(pdf, 'case-300', 110, [1, 4]);
    expect(pngs.length).toBe(4);
    expect(text).toContain('2.1 The network: group 1, enlarged');
  });

  it('is laid out off the service thread: the service answers while a report is made, and progress is shown', async () => {
    const start = await prosecutor.post(`/api/cases/${CASE_ID}/report`, { async: true });
    expect(start.status).toBe(202);
    const waits: number[] = [];
    const stages = new Set<string>();
    for (let i = 0; i < 600; i++) {
      const t = performance.now();
      expect((await server.anonymous.get('/api/health')).status).toBe(200);
      waits.push(performance.now() - t);
      const s = await prosecutor.get(`/api/reports/jobs/${start.body.job}`);
      stages.add(s.body.stage);
      if (s.body.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const worst = Math.max(...waits);
    console.log(
      `while a 300-entity report was made: ${waits.length} health checks, worst ${worst.toFixed(0)} ms; stages ${[...stages].join(', ')}`,
    );
    expect(stages.has('done')).toBe(true);
    expect(worst).toBeLessThan(1000);
  });
});
