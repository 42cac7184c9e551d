/**
 * A report for court from the analyst's view (issue 10), end to end: the real server seeded with the
 * synthetic demo scenario serves the built client to Debian's Chromium. A prosecutor opens a case,
 * asks for a report with the court and who prepared it, watches the progress bar reach the end, and
 * downloads the PDF and the draft certificate — the files downloaded are the ones the page gives the
 * SHA-256 of, and the ones GET /api/reports/verify confirms; a case's open exports download as files
 * that read back. Screenshots under test-results/.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Graph from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SerialisedGraph } from '../../client/src/graph-data.js';
import { pdfText } from '../support/reports.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { launch, openSignedIn, shot, SLOW } from './page-helpers.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let theCase: { id: string; label: string };
const PROSECUTOR = { username: 'pp.court', password: 'test-only password of pp.court' };
const COURT = 'Court of the Special Judge (POCSO), Test District';
const PREPARED_BY = 'Inspector R. Test, AHTU Test District';

const bytesOf = async (d: Download) => readFileSync((await d.path())!);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  server = await startTestServer({ SEED_DEMO: 'true' });
  const cases = (await server.get('/api/cases')).body.cases as { id: string; label: string }[];
  // The largest case: a report of a few hundred entities at most, as a browser scenario should be.
  const sizes = await Promise.all(
    cases.map(async (c) => {
      const g = (await server.get(`/api/graph?case=${encodeURIComponent(c.id)}`)).body as SerialisedGraph;
      return g.nodes.length;
    }),
  );
  theCase = cases[sizes.indexOf(Math.max(...sizes))]!;
  expect(Math.max(...sizes)).toBeLessThan(500);
  await server.signInAs('prosecutor', PROSECUTOR.username, [theCase.id]);
  browser = await launch();
  context = await browser.newContext({ acceptDownloads: true });
  ({ page } = await openSignedIn(context, server.url, PROSECUTOR));
}, SLOW);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('a report for court', () => {
  it(
    'is offered on a case view only, and asks for the court and who prepared it',
    { timeout: SLOW },
    async () => {
      expect(await page.evaluate(() => window.__casegraph!.view().scope)).toBe('all');
      expect(await page.locator('#report-open').isVisible()).toBe(false);
      const loads = await page.evaluate(() => window.__casegraph!.loads);
      await page.selectOption('#case-picker', theCase.id);
      await page.waitForFunction(
        (n) => window.__casegraph!.loads > n && window.__casegraph!.state === 'ready',
        loads,
        { timeout: SLOW },
      );
      await page.click('#report-open');
      expect(await page.locator('#report-panel').isVisible()).toBe(true);
      expect(await page.inputValue('#report-prepared-by')).toBe('Test prosecutor');
      // The court is required: nothing is asked of the server without it.
      await page.click('#report-make');
      expect(await page.locator('#report-progress').isVisible()).toBe(false);
      await shot(page, 'report-form');
    },
  );

  it(
    'shows progress to the end, then gives the PDF and certificate the audit trail confirms',
    { timeout: SLOW },
    async () => {
      await page.fill('#report-court', COURT);
      await page.fill('#report-prepared-by', PREPARED_BY);
      await page.click('#report-make');
      expect(await page.locator('#report-progress').isVisible()).toBe(true);
      await page.waitForSelector('#report-certificate', { timeout: SLOW });
      expect(await page.locator('#report-progress').evaluate((p) => (p as HTMLProgressElement).value)).toBe(
        1,
      );
      expect(await page.textContent('#report-stage')).toBe('The report is ready.');
      await shot(page, 'report-ready');

      const shownSha = (await page.textContent('#report-sha256'))!.trim();
      const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.click('#report-pdf')]);
      expect(pdfDownload.suggestedFilename()).toMatch(/^casegraph-report-.*\.pdf$/);
      const pdf = await bytesOf(pdfDownload);
      expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
      expect(sha256(pdf)).toBe(shownSha);
      const verified = await server.get(`/api/reports/verify?sha256=${sha256(pdf)}`);
      expect(verified.body.produced).toBe(true);
      expect(verified.body.files[0]).toMatchObject({
        file: 'report',
        caseId: theCase.id,
        producedFor: PROSECUTOR.username,
      });
      const cover = pdfText(pdf).split('\f')[0]!.replace(/\s+/g, ' ');
      expect(cover).toContain(COURT);
      expect(cover).toContain(`Prepared by ${PREPARED_BY}`);
      expect(cover).toContain(theCase.label);

      const certSha = (await page.textContent('#report-certificate-sha256'))!.trim();
      const [certDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.click('#report-certificate'),
      ]);
      expect(certDownload.suggestedFilename()).toMatch(/^certificate-bsa63-.*\.pdf$/);
      const cert = await bytesOf(certDownload);
      expect(sha256(cert)).toBe(certSha);
      const certText = pdfText(cert).replace(/\s+/g, ' ');
      expect(certText).toContain(shownSha);
      expect(certText).toContain('Part B (to be filled by the expert)');
      const certVerified = await server.get(`/api/reports/verify?sha256=${certSha}`);
      expect(certVerified.body.files[0]).toMatchObject({ file: 'certificate', caseId: theCase.id });
    },
  );

  it(
    "offers the case's open exports, which download as the server made them",
    { timeout: SLOW },
    async () => {
      const names = await page.locator('#report-exports a').allTextContents();
      expect(names).toEqual(['GEXF', 'GraphML', 'i2 ANX', 'CSV', 'JSON']);
      const [graphml] = await Promise.all([
        page.waitForEvent('download'),
        page.click('#case-export-graphml'),
      ]);
      expect(graphml.suggestedFilename()).toMatch(/\.graphml$/);
      const text = (await bytesOf(graphml)).toString('utf8');
      const g = parseGraphml(Graph, text, { addMissingNodes: false });
      const sub = (await server.get(`/api/graph?case=${encodeURIComponent(theCase.id)}&limit=20000`))
        .body as SerialisedGraph;
      expect(g.nodes().sort()).toEqual(sub.nodes.map((n) => n.key).sort());
      expect(g.size).toBe(sub.edges.length);
      const v = await server.get(`/api/reports/verify?sha256=${sha256(Buffer.from(text, 'utf8'))}`);
      expect(v.body.files[0]).toMatchObject({ file: 'export', format: 'graphml', caseId: theCase.id });
      await shot(page, 'report-exports');
    },
  );
});
