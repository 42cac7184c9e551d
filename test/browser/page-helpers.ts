/**
 * What the browser tests share: Debian's Chromium launched headless, signing in through the form,
 * waiting for the view to be drawn and laid out, screenshots under test-results/ (gitignored), and
 * reading pixels of the WebGL canvas — decoded in a blank page of the same browser, so the tests need
 * no image library.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const SLOW = 120_000;
export const RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `${name}.png`) });
}

export interface Opened {
  page: Page;
  console: string[];
  requests: string[];
}

/** Opens the page (with a view in its fragment), signs in through the form and waits for the view. */
export async function openSignedIn(
  context: BrowserContext,
  url: string,
  user: { username: string; password: string },
  fragment = '',
): Promise<Opened> {
  const page = await context.newPage();
  const console: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => console.push(m.text()));
  page.on('pageerror', (e) => console.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${url}/${fragment ? `#${fragment}` : ''}`);
  // A context that signed in before still has its session cookie: then there is no form.
  await page.waitForFunction(
    () => !!document.querySelector('#sign-in:not([hidden])') || window.__casegraph?.state === 'ready',
    undefined,
    { timeout: SLOW },
  );
  if (await page.locator('#sign-in').isVisible()) {
    await page.fill('#username', user.username);
    await page.fill('#password', user.password);
    await page.click('#sign-in button[type=submit]');
  }
  await page.waitForFunction(() => window.__casegraph?.state === 'ready', undefined, { timeout: SLOW });
  return { page, console, requests };
}

/** Waits until ForceAtlas2 has settled (or positions were restored) and a frame has been drawn. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__casegraph?.layout() === 'settled', undefined, { timeout: SLOW });
  await page.waitForTimeout(300);
}

export interface Pixels {
  /** Pixels that are not (near) white: what is drawn. */
  inked: number;
  /** Variance of luminance over the picture: a blank or one-colour canvas has none. */
  variance: number;
  /** Pixels within a small tolerance of each colour asked about. */
  byColour: Record<string, number>;
}

export async function pixelsOf(browser: Browser, png: Buffer, colours: string[] = []): Promise<Pixels> {
  const decoder = await browser.newPage();
  try {
    return await decoder.evaluate(
      async ({ base64, colours }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d', { willReadFrequently: true })!;
        context.drawImage(image, 0, 0);
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        const rgb = colours.map((c) => {
          const n = Number.parseInt(c.slice(1), 16);
          return [c, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff] as const;
        });
        const byColour: Record<string, number> = {};
        let inked = 0;
        let sum = 0;
        let sumSq = 0;
        const n = data.length / 4;
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
          const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
          sum += y;
          sumSq += y * y;
          if (r < 235 || g < 235 || b < 235) inked++;
          for (const [c, cr, cg, cb] of rgb)
            if (Math.abs(r - cr) <= 8 && Math.abs(g - cg) <= 8 && Math.abs(b - cb) <= 8)
              byColour[c] = (byColour[c] ?? 0) + 1;
        }
        const mean = sum / n;
        return { inked, variance: sumSq / n - mean * mean, byColour };
      },
      { base64: png.toString('base64'), colours },
    );
  } finally {
    await decoder.close();
  }
}

export async function graphPixels(browser: Browser, page: Page, colours: string[] = []): Promise<Pixels> {
  return pixelsOf(browser, await page.locator('#graph').screenshot({ timeout: SLOW }), colours);
}
