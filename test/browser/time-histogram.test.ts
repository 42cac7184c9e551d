/**
 * The time filter's histogram in Chromium (issue 6), on the real server seeded with the synthetic demo
 * scenario: the bars drawn are the server's counts of the view's occurrences — checked in the canvas's
 * pixels against the occurrences read straight from the store's file — and dragging the range's
 * slider narrows the links drawn to those whose first–last span meets the range. Screenshots under
 * test-results/ (time-histogram*.png).
 */
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SerialisedGraph } from '../../client/src/graph-data.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { launch, openSignedIn, settled, shot, SLOW } from './page-helpers.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let graph: SerialisedGraph;
/** Every occurrence of the cross-case view's links, by time (epoch ms), read from the store's file. */
let times: number[];
const ADMIN = { username: 'admin.time', password: 'test-only password of admin.time' };
const BINS = 48;

beforeAll(async () => {
  server = await startTestServer({ SEED_DEMO: 'true' });
  await server.signInAs('admin', ADMIN.username);
  graph = (await server.get('/api/graph')).body as SerialisedGraph;
  const db = new Database(server.dbPath, { readonly: true });
  try {
    const at = db
      .prepare<[string], number>(
        'SELECT o.at FROM occurrence o JOIN link l ON l.rid = o.link_rid WHERE l.id IN (SELECT value FROM json_each(?))',
      )
      .pluck();
    times = at.all(JSON.stringify(graph.edges.map((e) => e.key)));
  } finally {
    db.close();
  }
  browser = await launch();
  context = await browser.newContext();
}, SLOW);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** The counts of the occurrences in BINS equal bins from the first to the last: what should be drawn. */
function expectedBins(): number[] {
  const lo = Math.min(...times);
  const hi = Math.max(...times);
  const bins = new Array<number>(BINS).fill(0);
  for (const t of times) bins[Math.min(BINS - 1, Math.floor(((t - lo) * BINS) / (hi - lo)))]! += 1;
  return bins;
}

async function openAsAdmin(): Promise<Page> {
  const { page } = await openSignedIn(context, server.url, ADMIN);
  await settled(page);
  await page.locator('.time-filter[data-source=counted] canvas').waitFor({ timeout: SLOW });
  return page;
}

/** Each bar of the histogram as drawn: its height in canvas pixels and whether it is lit (in the range). */
function drawnBars(page: Page, bins: number) {
  return page.evaluate((n) => {
    const canvas = document.querySelector<HTMLCanvasElement>('.time-filter canvas')!;
    const c = canvas.getContext('2d')!;
    const { data, width, height } = c.getImageData(0, 0, canvas.width, canvas.height);
    return Array.from({ length: n }, (_, i) => {
      const x = Math.floor((i + 0.5) * (width / n));
      let top = height;
      while (top > 0 && data[((top - 1) * width + x) * 4 + 3]! > 0) top--;
      const bottom = ((height - 1) * width + x) * 4;
      return { height: height - top, lit: height > top && data[bottom]! < 100 };
    });
  }, bins);
}

const shown = (page: Page) => page.evaluate(() => window.__casegraph!.shown());

describe('the time histogram', () => {
  it(
    'draws the occurrences as the store holds them, its tallest bar where they cluster',
    { timeout: SLOW },
    async () => {
      const page = await openAsAdmin();
      try {
        const expected = expectedBins();
        const peak = expected.indexOf(Math.max(...expected));
        const bars = await drawnBars(page, BINS);
        const tallest = Math.max(...bars.map((b) => b.height));
        expect(bars.findIndex((b) => b.height === tallest)).toBe(peak);
        // Every bar in proportion to its count: 76 pixels for the tallest, within a pixel of rounding.
        for (const [i, bar] of bars.entries())
          expect(
            Math.abs(bar.height - (expected[i]! / expected[peak]!) * 76),
            `bar ${i}`,
          ).toBeLessThanOrEqual(1);
        expect(bars.every((b) => b.lit || b.height === 0)).toBe(true);
        expect(await page.locator('.time-filter').textContent()).toContain(
          `${times.length.toLocaleString('en-IN')} occurrences, bars of`,
        );
        await page.locator('#filters-panel').scrollIntoViewIfNeeded();
        await shot(page, 'time-histogram');
        await page.locator('.time-filter').screenshot({ path: 'test-results/time-histogram-panel.png' });
      } finally {
        await page.close();
      }
    },
  );

  it(
    'dragging the range narrows the links drawn to those whose first–last span meets it',
    { timeout: SLOW },
    async () => {
      const page = await openAsAdmin();
      try {
        const before = await shown(page);
        expect(before.edges).toBe(graph.edges.length);
        const from = page.locator('#time-from');
        await from.scrollIntoViewIfNeeded();
        const box = (await from.boundingBox())!;
        // The thumb rests at the left end; drag it to about two fifths of the track.
        await page.mouse.move(box.x + 6, box.y + box.height / 2);
        await page.mouse.down();
        for (let step = 1; step <= 10; step++)
          await page.mouse.move(box.x + 6 + (box.width * 0.4 * step) / 10, box.y + box.height / 2);
        await page.mouse.up();
        await expect.poll(async () => (await shown(page)).edges).toBeLessThan(before.edges);

        const range = (await page.evaluate(() => window.__casegraph!.view().time))!;
        expect(range[0]).toBeGreaterThan(Math.min(...times));
        // What the time filter keeps: links without occurrences (facts), and links whose span meets the range.
        const kept = graph.edges.filter(
          (e) =>
            e.attributes.firstAt === null ||
            (Date.parse(e.attributes.firstAt) <= range[1] && Date.parse(e.attributes.lastAt!) >= range[0]),
        );
        expect((await shown(page)).edges).toBe(kept.length);
        // The bars before the range are no longer lit; those within it are.
        const lo = Math.min(...times);
        const width = (Math.max(...times) - lo) / BINS;
        const bars = await drawnBars(page, BINS);
        for (const [i, bar] of bars.entries()) {
          if (!bar.height) continue;
          const centre = lo + (i + 0.5) * width;
          expect(bar.lit, `bar ${i}`).toBe(centre >= range[0] && centre <= range[1]);
        }
        await shot(page, 'time-histogram-dragged');
      } finally {
        await page.close();
      }
    },
  );

  it(
    'says the histogram is an estimate when the counts cannot be read, and the range still filters',
    { timeout: SLOW },
    async () => {
      const page = await context.newPage();
      try {
        await page.route('**/api/graph/histogram*', (route) => route.abort('connectionrefused'));
        await page.setViewportSize({ width: 1400, height: 900 });
        await page.goto(`${server.url}/`);
        await page.waitForFunction(() => window.__casegraph?.state === 'ready', undefined, { timeout: SLOW });
        await settled(page);
        const estimate = page.locator('.time-filter[data-source=estimated]');
        await estimate.waitFor({ timeout: SLOW });
        expect(await estimate.textContent()).toContain(
          "Estimated from each link's first and last time: the server's counts could not be read.",
        );
        const before = await shown(page);
        await page.locator('#time-to').fill('40');
        await page.locator('#time-to').dispatchEvent('change');
        await expect.poll(async () => (await shown(page)).edges).toBeLessThan(before.edges);
        await estimate.scrollIntoViewIfNeeded();
        await estimate.screenshot({ path: 'test-results/time-histogram-estimated.png' });
      } finally {
        await page.close();
      }
    },
  );
});
