/**
 * The import screen end to end (issue 8): an analyst assigned one case signs in, drops operator files on
 * the screen, reads the preview, corrects the mapping, runs the import and follows it into the network
 * view — in Debian's Chromium against the real server and store. Files are synthetic, written with the
 * seed's operator layouts (seed/files/cdr-layouts.ts). Screenshots go to test-results/import-*.png.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdrText, type CdrRow } from '../../seed/files/cdr-layouts.js';
import { can, ROLES } from '../../server/domain/access.js';
import { IMPORT_ROLES } from '../../client/src/import/roles.js';
import { firBatch, jioCdr } from '../support/batches.js';
import { startTestServer, type Client, type TestServer } from '../support/server.js';
import { launch, openSignedIn, shot, SLOW } from './page-helpers.js';

const ANALYST = { username: 'analyst.import', password: 'test-only password of analyst.import' };
const TARGET = '+919820123456';
const T0 = Date.UTC(2026, 3, 15, 4, 42, 0);
/** Many rows among few numbers: long enough for the progress to move, a few dozen entities to draw. */
const OTHERS = 40;
const CELLS = 8;
const rows = (n: number): CdrRow[] =>
  Array.from({ length: n }, (_, i) => ({
    other: `+9198333${String(i % OTHERS).padStart(5, '0')}`,
    kind: i % 5 === 0 ? 'messaged' : 'called',
    dir: i % 2 ? 'in' : 'out',
    t: T0 + i * 60_000,
    durationS: 10 + (i % 50),
    imei: '490154203237518',
    cell: `404-98-8331-2307115${String(i % CELLS).padStart(2, '0')}`,
    lat: 21.29669,
    lon: 72.8915,
  }));

let server: TestServer;
let analyst: Client;
let browser: Browser;
let context: BrowserContext;
let dir: string;
let caseId: string;
let caseLabel: string;

beforeAll(async () => {
  server = await startTestServer();
  expect((await server.post('/api/ingest', firBatch())).status).toBe(200);
  ({ id: caseId, label: caseLabel } = (await server.get('/api/cases')).body.cases[0]);
  analyst = await server.signInAs('analyst', ANALYST.username, [caseId]);
  dir = mkdtempSync(join(tmpdir(), 'casegraph-import-screen-'));
  browser = await launch();
  context = await browser.newContext({ acceptDownloads: true });
}, SLOW);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function file(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const step = (page: Page) => page.locator('#import-screen').getAttribute('data-step');
const waitStep = (page: Page, ...steps: string[]) =>
  page.waitForFunction(
    (s) => s.includes(document.getElementById('import-screen')?.dataset.step ?? ''),
    steps,
    { timeout: SLOW },
  );
const graphVersion = async () => (await server.get('/api/health')).body.graphVersion as number;

async function openImport(): Promise<Page> {
  const { page } = await openSignedIn(context, server.url, ANALYST);
  await page.click('#import-open');
  await page.locator('#import-choose').waitFor({ timeout: SLOW });
  return page;
}

/** The "To" column of the links the preview lists. */
const previewTargets = (page: Page) => page.locator('#import-links tbody td:nth-child(4)').allTextContents();

describe('who sees the import screen', () => {
  it('is offered to the roles the server lets import, and to no other', { timeout: SLOW }, async () => {
    expect([...IMPORT_ROLES].sort()).toEqual(ROLES.filter((r) => can(r, 'ingest')).sort());
    await server.signInAs('prosecutor', 'prosecutor.import', [caseId]);
    const own = await browser.newContext();
    try {
      const { page } = await openSignedIn(own, server.url, {
        username: 'prosecutor.import',
        password: 'test-only password of prosecutor.import',
      });
      expect(await page.locator('#who-name').textContent()).toContain('prosecutor');
      expect(await page.locator('#import-open').isVisible()).toBe(false);
    } finally {
      await own.close();
    }
  });
});

describe('importing a CDR through the screen', () => {
  it(
    'previews it, imports it with progress, summarises it, and finds its number in the network view',
    { timeout: SLOW * 2 },
    async () => {
      const page = await openImport();
      const before = await page.evaluate(() => window.__casegraph!.shown().nodes);
      await shot(page, 'import-0-screen');
      const text = cdrText('Airtel', TARGET, rows(12_000));
      await page.setInputFiles('#import-file', file('airtel-cdr-9820123456.csv', text));
      await waitStep(page, 'preview');
      expect(await page.locator('#import-template option:checked').textContent()).toBe(
        'Recognised: Airtel CDR',
      );
      expect(await page.locator('#import-columns select[data-header="B Party No"]').inputValue()).toBe(
        'bParty',
      );
      expect(await page.locator('#import-rows tbody tr.row-ok').count()).toBe(20);
      expect(await page.locator('#import-rows tbody tr.row-rejected').count()).toBe(0);
      expect(await page.locator('#import-makes').textContent()).toMatch(/phone.*called/);
      expect(await previewTargets(page)).toContain('phone 9833300002');
      // The one case the analyst holds is already chosen; the source is graded as an operator's CDR is.
      expect(await page.locator('#import-case').inputValue()).toBe(caseLabel);
      await page.selectOption('#import-source', 'A');
      await page.selectOption('#import-information', '1');
      await shot(page, 'import-1-columns');
      await page.locator('#import-links').scrollIntoViewIfNeeded();
      await shot(page, 'import-1-preview');

      await page.click('#import-start');
      // The bar as soon as the server has read part of the file (or at the end, if it was that quick).
      await page.waitForFunction(
        () => (document.querySelector<HTMLProgressElement>('#import-progress')?.value ?? 0) > 0,
        undefined,
        { timeout: SLOW },
      );
      await shot(page, 'import-2-progress');
      await waitStep(page, 'done', 'failed');
      expect(await step(page)).toBe('done');
      const bar = page.locator('#import-progress');
      expect(await bar.evaluate((b: HTMLProgressElement) => [b.value, b.max])).toEqual([
        text.length,
        text.length,
      ]);
      expect(await page.locator('#import-counts').textContent()).toBe(
        '12,000 rows read12,000 accepted0 rejected',
      );
      // Entities new: the target, the other numbers, the handset and the cells.
      const totals = await page.locator('#import-totals tbody tr').allInnerTexts();
      expect(totals[0]!.split('\t')).toEqual(['Entities', String(1 + OTHERS + 1 + CELLS), '0']);
      await shot(page, 'import-3-summary');

      await page.click('#import-find');
      await page.waitForFunction(() => window.__casegraph?.state === 'ready', undefined, { timeout: SLOW });
      await page.locator('#search-results .result').first().waitFor({ timeout: SLOW });
      expect(await page.locator('#search-input').inputValue()).toBe('9820123456');
      expect(await page.locator('#search-results .result-label').first().textContent()).toBe(
        '+91 98201 23456',
      );
      const found = (await analyst.get('/api/search?q=9820123456')).body.results[0].id as string;
      await page.waitForFunction((id) => window.__casegraph!.view().selection.includes(id), found, {
        timeout: SLOW,
      });
      expect(await page.locator('#case-picker').inputValue()).toBe(caseId);
      expect(await page.evaluate(() => window.__casegraph!.shown().nodes)).toBeGreaterThan(before + OTHERS);
      await page.waitForTimeout(800);
      await shot(page, 'import-4-network');
      await page.close();
    },
  );
});

describe('a file with bad rows', () => {
  it(
    'names each bad row and column, in the preview and after the import, and writes nothing',
    { timeout: SLOW },
    async () => {
      const page = await openImport();
      const text = cdrText('Airtel', '+919820123499', rows(60))
        .replace("'15/04/2026',10:14:00", "'31/04/2026',10:14:00")
        .replace(/^('9820123499,)IN(,.*?,'15\/04\/2026',10:21:00)/m, '$1SIDEWAYS$2');
      await page.setInputFiles('#import-file', file('airtel-bad.csv', text));
      await waitStep(page, 'preview');
      const flagged = await page.locator('#import-rejected-preview tbody tr').allInnerTexts();
      expect(flagged.map((r) => r.split('\t').slice(0, 2))).toEqual([
        ['7', 'Date'],
        ['14', 'Call Type'],
      ]);
      expect(await page.locator('#import-rows tr[data-row="7"] td.cell-bad').textContent()).toBe(
        "'31/04/2026'",
      );
      await page.locator('#import-rejected-preview').scrollIntoViewIfNeeded();
      await shot(page, 'import-5-bad-preview');

      const version = await graphVersion();
      await page.click('#import-start');
      await waitStep(page, 'failed', 'done');
      expect(await step(page)).toBe('failed');
      const box = page.locator('.import-error');
      expect(await box.getAttribute('data-code')).toBe('IMPORT.ROWS_INVALID');
      const issues = await box.locator('tbody tr').allInnerTexts();
      expect(issues.map((r) => r.split('\t'))).toEqual([
        ['7', 'Date', expect.stringMatching(/"31\/04\/2026" is not a date/)],
        ['14', 'Call Type', expect.stringMatching(/SIDEWAYS/)],
      ]);
      expect(await box.locator('.import-nothing').textContent()).toBe('Nothing was written.');
      expect(await graphVersion()).toBe(version);
      expect((await analyst.get('/api/search?q=9820123499')).body.results).toEqual([]);
      await shot(page, 'import-6-bad-refused');

      // A file that is no table at all is refused as it is dropped, with the reason.
      await page.setInputFiles(
        '#import-file',
        file('photo.csv', Buffer.from('PK\u0003\u0004\u0000\u0001binary')),
      );
      await waitStep(page, 'unreadable');
      expect(await page.locator('.import-error').getAttribute('data-code')).toBe('IMPORT.UNREADABLE');
      expect(await page.locator('#import-start').isDisabled()).toBe(true);
      await page.close();
    },
  );
});

describe('importing the good rows only', () => {
  it(
    'writes the rows that read, and offers the rejected ones to download with row, column and reason',
    { timeout: SLOW },
    async () => {
      const page = await openImport();
      const text = cdrText('Airtel', '+919820123498', rows(60)).replace(
        "'15/04/2026',10:14:00",
        "'31/04/2026',10:14:00",
      );
      await page.setInputFiles('#import-file', file('airtel-some-bad.csv', text));
      await waitStep(page, 'preview');
      await page.check('#import-mode-good-rows');
      await page.click('#import-start');
      await waitStep(page, 'done', 'failed');
      expect(await step(page)).toBe('done');
      expect(await page.locator('#import-summary p').first().textContent()).toBe(
        '60 rows read: 59 imported, 1 rejected.',
      );
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('#import-rejected-link'),
      ]);
      const csv = readFileSync(await download.path(), 'utf8');
      expect(csv).toMatch(/^row,column,reason,Target No,/);
      expect(csv).toMatch(/\r\n7,Date,"""31\/04\/2026"" is not a date/);
      expect((await analyst.get('/api/search?q=9820123498')).body.results).toHaveLength(1);
      await shot(page, 'import-11-good-rows');
      await page.close();
    },
  );
});

describe('an ingest batch (JSON)', () => {
  it(
    'is previewed, refused whole when a record is invalid, and imported when it is not',
    { timeout: SLOW },
    async () => {
      const page = await openImport();
      const bad = jioCdr();
      bad.entities!.push({ kind: 'phone', key: 'no number here', ref: 'row 9' });
      const version = await graphVersion();
      await page.setInputFiles('#import-file', file('jio-bad.json', JSON.stringify(bad)));
      await waitStep(page, 'preview');
      expect(await page.locator('#import-makes').textContent()).toBe(
        '3 entities (3 phone) and 1 link (1 called)',
      );
      expect(await page.locator('#import-mode-good-rows').isDisabled()).toBe(true);
      await page.click('#import-start');
      await waitStep(page, 'failed', 'done');
      const box = page.locator('.import-error');
      expect(await box.getAttribute('data-code')).toBe('BATCH.INVALID');
      expect((await box.locator('tbody tr').allInnerTexts())[0]).toMatch(/^entities\[2\]\.key\t/);
      expect(await box.locator('.import-nothing').textContent()).toBe('Nothing was written.');
      expect(await graphVersion()).toBe(version);
      await shot(page, 'import-12-bad-batch');

      await page.setInputFiles('#import-file', file('jio-cdr-B.json', JSON.stringify(jioCdr())));
      await waitStep(page, 'preview');
      await page.click('#import-start');
      await waitStep(page, 'done', 'failed');
      expect(await step(page)).toBe('done');
      expect(await page.locator('#import-open-view').textContent()).toBe(
        `Open ${caseLabel} in the network view`,
      );
      expect(await graphVersion()).toBeGreaterThan(version);
      await page.close();
    },
  );
});

describe('correcting the mapping', () => {
  it(
    'maps a column the layout does not know, moves a field to another column, and saves it for the unit',
    { timeout: SLOW },
    async () => {
      const page = await openImport();
      const lines = Array.from(
        { length: 8 },
        (_, i) =>
          `98201234${60 + (i % 3)},98333000${10 + i},98444000${20 + i},15/04/2026,10:${10 + i}:00,${i % 2 ? 'IN' : 'OUT'},${30 + i}`,
      );
      const text = `MSISDN,Party B,Forwarded To,Call Date,Call Time,Call Type,Dur(s)\n${lines.join('\n')}\n`;
      await page.setInputFiles('#import-file', file('telecom-forwarding.csv', text));
      await waitStep(page, 'unreadable');
      const box = page.locator('.import-error');
      expect(await box.getAttribute('data-code')).toBe('IMPORT.MISSING_COLUMN');
      expect(await box.locator('tbody tr').first().innerText()).toMatch(/^1\t.*\(bParty\)\t/);
      // The file's own headers are offered, to say which one holds the missing field.
      expect(await page.locator('#import-columns .column-header').allTextContents()).toEqual([
        'MSISDN',
        'Party B',
        'Forwarded To',
        'Call Date',
        'Call Time',
        'Call Type',
        'Dur(s)',
      ]);
      // What the layout's names do match is read already; only the missing field is left to pick.
      expect(await page.locator('#import-columns .import-missing').textContent()).toMatch(/\(bParty\) yet/);
      expect(await page.locator('select[data-header="Party B"]').inputValue()).toBe('');
      await shot(page, 'import-7-missing-column');

      await page.selectOption('#import-template', 'cdr');
      await waitStep(page, 'unreadable');
      await page.selectOption('select[data-header="Party B"]', 'bParty');
      await waitStep(page, 'preview');
      expect(await page.locator('#import-rows tbody tr.row-ok').count()).toBe(8);
      const party = await previewTargets(page);
      expect(party.filter((t) => t.startsWith('phone 98333'))).not.toEqual([]);
      expect(party.some((t) => t.startsWith('phone 98444'))).toBe(false);
      await page.locator('#import-links').scrollIntoViewIfNeeded();
      await shot(page, 'import-8-mapped');

      await page.selectOption('select[data-header="Forwarded To"]', 'bParty');
      await waitStep(page, 'preview');
      await page.waitForFunction(
        () => document.querySelector('select[data-header="Party B"]') instanceof HTMLSelectElement,
      );
      expect(await page.locator('select[data-header="Party B"]').inputValue()).toBe('');
      const forwarded = await previewTargets(page);
      expect(forwarded.some((t) => t.startsWith('phone 98444'))).toBe(true);
      expect(forwarded.some((t) => t.startsWith('phone 98333'))).toBe(false);

      await page.fill('#import-mapping-name', 'Synthetic forwarding CDR');
      await page.click('#import-save-mapping');
      await page.locator('.import-note').waitFor({ timeout: SLOW });
      expect(await page.locator('#import-mapping').inputValue()).toBe('Synthetic forwarding CDR');
      expect((await analyst.get('/api/imports/mappings')).body).toContainEqual(
        expect.objectContaining({
          name: 'Synthetic forwarding CDR',
          template: 'cdr',
          columns: expect.objectContaining({ bParty: 'Forwarded To', target: 'MSISDN' }),
          savedBy: ANALYST.username,
        }),
      );
      await page.locator('#import-links').scrollIntoViewIfNeeded();
      await shot(page, 'import-9-forwarded');
      await page.locator('#import-save-mapping').scrollIntoViewIfNeeded();
      await shot(page, 'import-10-saved-mapping');
      await page.close();
    },
  );
});
