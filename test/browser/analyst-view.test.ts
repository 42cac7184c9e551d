/**
 * The analyst's view end to end (issue 6): the real server seeded with the synthetic demo scenario
 * serves the built client; Debian's Chromium draws it through sigma's WebGL (software rendering, so
 * timeouts are generous). Each test does what an analyst would and checks what they would see — on
 * the canvas in pixels, not only in the DOM — and saves a screenshot under test-results/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_STYLES, TIE_LINK_KINDS } from '../../client/src/kinds.js';
import type { SerialisedGraph } from '../../client/src/graph-data.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { graphPixels, launch, openSignedIn, pixelsOf, RESULTS, settled, shot, SLOW } from './page-helpers.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let graph: SerialisedGraph;
const ADMIN = { username: 'admin.view', password: 'test-only password of admin.view' };
const ANALYST = { username: 'analyst.view', password: 'test-only password of analyst.view' };
const q = encodeURIComponent;
const OFFENDERS = ['recruiter', 'manager', 'harbourer', 'transporter', 'financier'];

/** A phone the search can find (not a protected person's), its ten digits, and its provenance. */
let phone: { id: string; digits: string; provenance: number; document: string };
/** Two offenders tied by a path, and the case the analyst is assigned. */
let pair: [string, string];
let cases: { id: string; label: string }[];
/** An entity of a case whose neighbours outside the case can be expanded, and their kind. */
let expandable: { caseId: string; id: string; kind: string; outside: number };

beforeAll(async () => {
  server = await startTestServer({ SEED_DEMO: 'true' });
  await server.signInAs('admin', ADMIN.username);
  graph = (await server.get('/api/graph')).body as SerialisedGraph;
  cases = (await server.get('/api/cases')).body.cases;

  for (const n of graph.nodes.filter(
    (n) => n.attributes.kind === 'phone' && n.attributes.label.startsWith('+91 '),
  )) {
    const digits = n.attributes.label.replace(/\D/g, '').slice(2);
    if (digits.length !== 10) continue;
    const found = (await server.get(`/api/search?q=${digits}`)).body.results as { id: string }[];
    if (found[0]?.id !== n.key) continue;
    const detail = (await server.get(`/api/entities/${q(n.key)}`)).body;
    if (detail.provenance.length < 2) continue;
    phone = {
      id: n.key,
      digits,
      provenance: detail.provenance.length,
      document: detail.provenance[0].document.name,
    };
    break;
  }

  const offenders = [
    ...new Set(
      graph.edges
        .filter(
          (e) =>
            e.attributes.kind === 'involves' &&
            OFFENDERS.includes(String(e.attributes.props.role)) &&
            e.target.startsWith('person:'),
        )
        .map((e) => e.target),
    ),
  ];
  search: for (const a of offenders)
    for (const b of offenders.slice(offenders.indexOf(a) + 1)) {
      const paths = (
        await server.get(
          `/api/analytics/paths?from=${q(a)}&to=${q(b)}&max=6&linkKinds=${TIE_LINK_KINDS.join(',')}`,
        )
      ).body.result.paths;
      if (paths.length && paths[0].hops >= 2 && paths[0].hops <= 4) {
        pair = [a, b];
        break search;
      }
    }

  done: for (const c of cases) {
    const sub = (await server.get(`/api/graph?case=${q(c.id)}`)).body as SerialisedGraph;
    const inCase = new Set(sub.nodes.map((n) => n.key));
    for (const n of sub.nodes.filter(
      (n) => n.attributes.kind === 'person' || n.attributes.kind === 'phone',
    )) {
      const around = (await server.get(`/api/graph?around=${q(n.key)}&hops=1`)).body as SerialisedGraph;
      const outside = around.nodes.filter((m) => !inCase.has(m.key));
      const byKind = new Map<string, number>();
      for (const m of outside) byKind.set(m.attributes.kind, (byKind.get(m.attributes.kind) ?? 0) + 1);
      const best = [...byKind].sort((x, y) => y[1] - x[1])[0];
      if (best && best[1] >= 2) {
        expandable = { caseId: c.id, id: n.key, kind: best[0], outside: best[1] };
        break done;
      }
    }
  }
  await server.signInAs('analyst', ANALYST.username, [cases[0]!.id, cases[1]!.id]);
  browser = await launch();
  // One context for the admin's pages: the session and the kept positions carry over, as in one browser.
  context = await browser.newContext({ acceptDownloads: true });
}, SLOW);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function openAsAdmin(fragment = ''): Promise<Page> {
  const { page } = await openSignedIn(context, server.url, ADMIN, fragment);
  await settled(page);
  return page;
}

const shown = (page: Page) => page.evaluate(() => window.__casegraph!.shown());
const viewState = (page: Page) => page.evaluate(() => window.__casegraph!.view());

describe('the scenario the tests need', () => {
  it('has a searchable phone, two tied offenders, an expandable entity and several cases', () => {
    expect(phone).toBeDefined();
    expect(pair).toBeDefined();
    expect(expandable).toBeDefined();
    expect(cases.length).toBeGreaterThan(2);
  });
});

describe('signing in and picking a view', () => {
  it(
    'offers an analyst only their cases, draws the cross-case view on the canvas, and opens one case',
    { timeout: SLOW },
    async () => {
      const own = await browser.newContext();
      const { page, console, requests } = await openSignedIn(own, server.url, ANALYST);
      try {
        const options = await page.locator('#case-picker option').allTextContents();
        expect(options).toEqual(
          ['All my cases (cross-case)', cases[0]!.label, cases[1]!.label].sort((a, b) =>
            a.startsWith('All') ? -1 : b.startsWith('All') ? 1 : a.localeCompare(b),
          ),
        );
        await settled(page);
        // Drawn: the canvas holds a picture with contrast, not a blank or one-colour rectangle.
        const pixels = await graphPixels(browser, page);
        expect(pixels.variance).toBeGreaterThan(200);
        expect(pixels.inked).toBeGreaterThan(20_000);
        await shot(page, 'analyst-cross-case');

        await page.selectOption('#case-picker', cases[1]!.id);
        await page.waitForFunction(
          (label) =>
            document.getElementById('scope')!.textContent!.startsWith(label) &&
            window.__casegraph?.state === 'ready',
          cases[1]!.label,
          { timeout: SLOW },
        );
        expect(page.url()).toContain(`#case=${q(cases[1]!.id)}`);
        await settled(page);
        expect((await graphPixels(browser, page)).variance).toBeGreaterThan(100);
        await shot(page, 'analyst-one-case');

        // Everything the page loads comes from CaseGraph itself, and the strict CSP refused nothing.
        expect(
          requests.filter(
            (u) => !u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:'),
          ),
        ).toEqual([]);
        expect(console.filter((l) => /Content Security Policy|pageerror/i.test(l))).toEqual([]);
      } finally {
        await own.close();
      }
    },
  );
});

describe('the view', () => {
  it(
    'colours by kind with a pictogram per kind, and keeps positions when the view is opened again',
    { timeout: SLOW },
    async () => {
      const page = await openAsAdmin('colour=kind');
      try {
        const colours = [KIND_STYLES.person.colour, KIND_STYLES.phone.colour, KIND_STYLES.account.colour];
        const pixels = await graphPixels(browser, page, colours);
        for (const c of colours) expect(pixels.byColour[c] ?? 0, `pixels of ${c}`).toBeGreaterThan(50);
        // The legend names each kind with its pictogram.
        expect(await page.locator('#legend .legend-item img').count()).toBeGreaterThanOrEqual(9);
        await shot(page, 'view-by-kind');
        const before = await page.evaluate(() => window.__casegraph!.positions());
        await page.close();

        const again = await openAsAdmin('colour=kind');
        try {
          const after = await again.evaluate(() => window.__casegraph!.positions());
          const at = new Map(before.map((p) => [p.id, p]));
          const moved = after.filter((p) => Math.hypot(p.x - at.get(p.id)!.x, p.y - at.get(p.id)!.y) > 2);
          expect(moved).toEqual([]);
        } finally {
          await again.close();
        }
      } finally {
        if (!page.isClosed()) await page.close();
      }
    },
  );

  it("highlights a hovered entity's neighbours and dims the rest", { timeout: SLOW }, async () => {
    const page = await openAsAdmin();
    try {
      const before = await graphPixels(browser, page);
      const box = (await page.locator('#graph').boundingBox())!;
      const target = (await page.evaluate(() => window.__casegraph!.positions()))
        .filter((p) => p.x > 40 && p.y > 40 && p.x < box.width - 40 && p.y < box.height - 40)
        .sort((a, b) => b.size - a.size)[0]!;
      await page.mouse.move(box.x + target.x, box.y + target.y, { steps: 4 });
      await expect
        .poll(async () => (await graphPixels(browser, page)).variance, { timeout: 30_000, interval: 1000 })
        .toBeLessThan(before.variance * 0.8);
      await shot(page, 'view-hover');
    } finally {
      await page.close();
    }
  });
  it(
    'lays out on demand and stops when asked; dragging an entity pins it; undo puts both back',
    { timeout: SLOW },
    async () => {
      const page = await openAsAdmin();
      try {
        const before = await page.evaluate(() => window.__casegraph!.positions());
        await page.click('#layout-button');
        await expect.poll(() => page.evaluate(() => window.__casegraph!.layout())).toBe('running');
        await page.waitForTimeout(1000);
        await page.click('#layout-button');
        await expect.poll(() => page.evaluate(() => window.__casegraph!.layout())).toBe('stopped');
        await page.click('#undo');
        await page.waitForTimeout(300);
        const back = await page.evaluate(() => window.__casegraph!.positions());
        const at = new Map(before.map((p) => [p.id, p]));
        expect(back.filter((p) => Math.hypot(p.x - at.get(p.id)!.x, p.y - at.get(p.id)!.y) > 2)).toEqual([]);

        const box = (await page.locator('#graph').boundingBox())!;
        // An entity the pointer can take: no other entity's disc covers its centre.
        const target = back
          .filter((p) => p.x > 60 && p.y > 60 && p.x < box.width - 120 && p.y < box.height - 120)
          .filter((p) => back.every((q) => q.id === p.id || Math.hypot(q.x - p.x, q.y - p.y) > q.size + 2))
          .sort((a, b) => b.size - a.size)[0]!;
        await page.mouse.move(box.x + target.x, box.y + target.y);
        await page.mouse.down();
        await page.mouse.move(box.x + target.x + 60, box.y + target.y + 40, { steps: 6 });
        await page.mouse.up();
        await expect.poll(async () => (await viewState(page)).pinned).toEqual([target.id]);
        const moved = (await page.evaluate(() => window.__casegraph!.positions())).find(
          (p) => p.id === target.id,
        )!;
        expect(Math.hypot(moved.x - target.x - 60, moved.y - target.y - 40)).toBeLessThan(6);
        await shot(page, 'dragged-pinned');
        await page.click('#undo');
        await expect.poll(async () => (await viewState(page)).pinned).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});

describe('search', () => {
  it(
    'finds one phone in three spellings, flies to it, and opens its provenance',
    { timeout: SLOW },
    async () => {
      const page = await openAsAdmin();
      try {
        const d = phone.digits;
        for (const spelling of [`${d.slice(0, 5)} ${d.slice(5)}`, `+91-${d.slice(0, 5)}-${d.slice(5)}`, d]) {
          await page.click('#search-input', { clickCount: 3 });
          await page.fill('#search-input', spelling);
          await page.click('#search-form button[type=submit]');
          await expect
            .poll(() => page.locator('#search-results .result').first().getAttribute('data-entity'), {
              timeout: 30_000,
            })
            .toBe(phone.id);
          await expect
            .poll(() => page.locator('#details').getAttribute('data-entity'), { timeout: 30_000 })
            .toBe(phone.id);
          // The camera flew in: zoomed to the result.
          await expect
            .poll(async () => (await page.evaluate(() => window.__casegraph!.camera())).ratio, {
              timeout: 10_000,
            })
            .toBeLessThan(0.5);
          await page
            .evaluate(() => window.__casegraph!.view())
            .then((v) => expect(v.selection).toEqual([phone.id]));
          await page.click('#toolbar button:text("Fit")');
        }
        await expect
          .poll(() => page.locator('#details .provenance-record').count(), { timeout: 30_000 })
          .toBe(phone.provenance);
        const record = await page.locator('#details .provenance-record').first().textContent();
        expect(record).toContain(phone.document);
        expect(record).toMatch(/imported by/);
        await page
          .locator('#details .timeline, #details .detail-timeline .muted')
          .first()
          .waitFor({ timeout: 30_000 });
        await page.locator('#details-panel').scrollIntoViewIfNeeded();
        await shot(page, 'search-phone-provenance');
      } finally {
        await page.close();
      }
    },
  );
});

describe('expanding and undoing', () => {
  it(
    'expands neighbours of one kind within a limit, collapses them, and undoes and redoes',
    { timeout: SLOW },
    async () => {
      const page = await openAsAdmin(`case=${q(expandable.caseId)}&selected=${q(expandable.id)}`);
      try {
        await page.locator('#expand').waitFor({ timeout: SLOW });
        const start = (await shown(page)).nodes;
        await page.selectOption('#expand-kind', expandable.kind);
        await page.fill('#expand-limit', '1');
        await page.click('#expand');
        await expect.poll(async () => (await shown(page)).nodes, { timeout: 30_000 }).toBe(start + 1);
        await page.fill('#expand-limit', '50');
        await page.click('#expand');
        await expect
          .poll(async () => (await shown(page)).nodes, { timeout: 30_000 })
          .toBe(start + expandable.outside);
        await settled(page).catch(() => undefined);
        await shot(page, 'expand');

        await page.click('#undo');
        await expect.poll(async () => (await shown(page)).nodes).toBe(start + 1);
        await page.click('#redo');
        await expect.poll(async () => (await shown(page)).nodes).toBe(start + expandable.outside);
        await page.click('#details button:text("Collapse")');
        await expect.poll(async () => (await shown(page)).nodes).toBe(start);
        await page.click('#undo');
        await expect.poll(async () => (await shown(page)).nodes).toBe(start + expandable.outside);

        // Hide and pin are steps too.
        await page.click('#details button:text("Pin")');
        await expect.poll(async () => (await viewState(page)).pinned).toEqual([expandable.id]);
        await page.click('#details button:text("Hide")');
        await expect.poll(async () => (await viewState(page)).hidden).toEqual([expandable.id]);
        await page.click('#undo');
        await expect.poll(async () => (await viewState(page)).hidden).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});

describe('how two entities are tied', () => {
  it(
    'lights the shortest path between two accused persons and lists each link with its evidence',
    { timeout: SLOW },
    async () => {
      const page = await openAsAdmin(`selected=${q(pair[0])},${q(pair[1])}`);
      try {
        await page.click('#explain-tie', { timeout: SLOW });
        await expect
          .poll(async () => (await page.evaluate(() => window.__casegraph!.highlighted()))?.nodes ?? [], {
            timeout: 30_000,
          })
          .toEqual(expect.arrayContaining(pair));
        const lit = (await page.evaluate(() => window.__casegraph!.highlighted()))!;
        // The panel lists the steps once their evidence has arrived, which may follow the lighting.
        await expect
          .poll(() => page.locator('#tie .tie-step').count(), { timeout: 30_000 })
          .toBe(lit.edges.length);
        const steps = await page.locator('#tie .tie-step').allTextContents();
        for (const step of steps) expect(step).toMatch(/\.(csv|pdf|xlsx|json)/);
        await page.waitForTimeout(800);
        await shot(page, 'tie-path');
      } finally {
        await page.close();
      }
    },
  );

  it(
    'the address records a lit tie: a colleague opening it sees the same path lit, and Clear takes it out',
    { timeout: SLOW },
    async () => {
      const first = await openAsAdmin(`selected=${q(pair[0])},${q(pair[1])}`);
      let fragment: string;
      let lit: { nodes: string[]; edges: string[] };
      try {
        await first.click('#explain-tie', { timeout: SLOW });
        await expect.poll(() => new URL(first.url()).hash, { timeout: 30_000 }).toContain('tie=shown');
        lit = (await first.evaluate(() => window.__casegraph!.highlighted()))!;
        fragment = new URL(first.url()).hash.slice(1);
      } finally {
        await first.close();
      }
      const colleague = await openAsAdmin(fragment);
      try {
        await expect
          .poll(
            async () => (await colleague.evaluate(() => window.__casegraph!.highlighted()))?.edges ?? [],
            {
              timeout: 30_000,
            },
          )
          .toEqual(lit.edges);
        expect(await colleague.locator('#tie .tie-step').count()).toBe(lit.edges.length);
        await colleague.waitForTimeout(800);
        await shot(colleague, 'tie-from-address');
        await colleague.click('#tie button:text("Clear")');
        await expect.poll(() => new URL(colleague.url()).hash).not.toContain('tie=');
        expect(await colleague.evaluate(() => window.__casegraph!.highlighted())).toBeNull();
        expect((await viewState(colleague)).selection).toEqual(pair);
      } finally {
        await colleague.close();
      }
    },
  );

  it('selects a second entity by shift-click', { timeout: SLOW }, async () => {
    const page = await openAsAdmin();
    try {
      const box = (await page.locator('#graph').boundingBox())!;
      const drawn = await page.evaluate(() => window.__casegraph!.positions());
      // Entities the pointer can take: no other entity's disc covers their centre (a location drawn
      // over a phone took a click meant for the phone).
      const targets = drawn
        .filter((p) => p.x > 40 && p.y > 40 && p.x < box.width - 40 && p.y < box.height - 40)
        .filter((p) => drawn.every((q) => q.id === p.id || Math.hypot(q.x - p.x, q.y - p.y) > q.size + 2))
        .sort((a, b) => b.size - a.size)
        .slice(0, 2);
      await page.mouse.click(box.x + targets[0]!.x, box.y + targets[0]!.y);
      await expect.poll(async () => (await viewState(page)).selection).toEqual([targets[0]!.id]);
      // Two clicks closer together than sigma's double-click time would be a double click; and the
      // second is aimed where the entity is now, should the opened panel have moved the picture.
      await page.waitForTimeout(500);
      const second = (await page.evaluate(() => window.__casegraph!.positions())).find(
        (p) => p.id === targets[1]!.id,
      )!;
      await page.keyboard.down('Shift');
      await page.mouse.click(box.x + second.x, box.y + second.y);
      await page.keyboard.up('Shift');
      await expect
        .poll(async () => (await viewState(page)).selection, { timeout: 10_000 })
        .toEqual([targets[0]!.id, targets[1]!.id]);
      expect(await page.locator('#explain-tie').isVisible()).toBe(true);
    } finally {
      await page.close();
    }
  });
});

describe('filters and communities', () => {
  it(
    'a kind filter reduces the drawn nodes, counts say so, and undo brings them back',
    { timeout: SLOW },
    async () => {
      const page = await openAsAdmin('colour=kind');
      try {
        const devices = graph.nodes.filter((n) => n.attributes.kind === 'device').length;
        const colour = KIND_STYLES.device.colour;
        const before = await graphPixels(browser, page, [colour]);
        expect(before.byColour[colour] ?? 0).toBeGreaterThan(100);
        await page.uncheck('[data-filter=kinds] input[value=device]');
        await expect.poll(async () => (await shown(page)).nodes).toBe(graph.nodes.length - devices);
        expect(await page.locator('#counts').textContent()).toContain(`hidden: ${devices} entities`);
        await expect
          .poll(async () => (await graphPixels(browser, page, [colour])).byColour[colour] ?? 0, {
            timeout: 30_000,
            interval: 1000,
          })
          .toBeLessThan(before.byColour[colour]! * 0.1);
        await shot(page, 'filter-kind');
        await page.click('#undo');
        await expect.poll(async () => (await shown(page)).nodes).toBe(graph.nodes.length);
      } finally {
        await page.close();
      }
    },
  );

  it(
    'the time range and minimum degree filters narrow the view, and the URL carries them',
    { timeout: SLOW },
    async () => {
      const page = await openAsAdmin();
      try {
        const all = await shown(page);
        await page.locator('#time-to').fill('20');
        await page.locator('#time-to').dispatchEvent('change');
        await expect.poll(async () => (await shown(page)).edges).toBeLessThan(all.edges);
        await page.check('#hide-isolated');
        await page.locator('#min-degree').fill('3');
        await page.locator('#min-degree').dispatchEvent('change');
        await expect.poll(async () => (await shown(page)).nodes).toBeLessThan(all.nodes);
        const state = await viewState(page);
        expect(page.url()).toMatch(/time=\d+%2C\d+|time=\d+,\d+/);
        expect(page.url()).toContain('degree=3');
        // A colleague opening the address sees the same view.
        const colleague = await openAsAdmin(new URL(page.url()).hash.slice(1));
        try {
          expect(await viewState(colleague)).toEqual(state);
          expect(await shown(colleague)).toEqual(await shown(page));
        } finally {
          await colleague.close();
        }
        await shot(page, 'filter-time-degree');
      } finally {
        await page.close();
      }
    },
  );

  it(
    'a community isolates from the communities panel and the camera zooms to it',
    { timeout: SLOW },
    async () => {
      const page = await openAsAdmin();
      try {
        const first = page.locator('#communities .community').first();
        await first.waitFor({ timeout: SLOW });
        const id = Number(await first.getAttribute('data-community'));
        const size = Number((await first.locator('.legend-count').textContent())!.replace(/\D/g, ''));
        await first.click();
        await expect.poll(async () => (await shown(page)).nodes).toBe(size);
        expect((await viewState(page)).community).toBe(id);
        await expect
          .poll(async () => (await page.evaluate(() => window.__casegraph!.camera())).ratio, {
            timeout: 10_000,
          })
          .toBeLessThan(0.95);
        await page.waitForTimeout(800);
        expect((await graphPixels(browser, page)).variance).toBeGreaterThan(100);
        await shot(page, 'community-isolated');
      } finally {
        await page.close();
      }
    },
  );

  it(
    'opens as the graph of communities when grouped, and a community expands on click',
    { timeout: SLOW },
    async () => {
      const page = await openAsAdmin('grouped=true');
      try {
        const grouped = await shown(page);
        expect(grouped.nodes).toBeLessThan(60);
        const box = (await page.locator('#graph').boundingBox())!;
        const biggest = (await page.evaluate(() => window.__casegraph!.positions())).sort(
          (a, b) => b.size - a.size,
        )[0]!;
        expect(biggest.id).toMatch(/^community:/);
        await shot(page, 'community-graph');
        await page.mouse.click(box.x + biggest.x, box.y + biggest.y);
        await expect
          .poll(async () => (await shown(page)).nodes, { timeout: 30_000 })
          .toBeGreaterThan(grouped.nodes);
        expect((await viewState(page)).opened.length).toBe(1);
      } finally {
        await page.close();
      }
    },
  );
});

describe('protected persons', () => {
  it(
    'shows a victim under the pseudonym the API serves, in the view and the details',
    { timeout: SLOW },
    async () => {
      const victim = graph.nodes.find(
        (n) => n.attributes.kind === 'person' && /^Victim V-\d+$/.test(n.attributes.label),
      );
      expect(victim, 'the demo scenario has a protected person').toBeDefined();
      const page = await openAsAdmin(`selected=${q(victim!.key)}`);
      try {
        await expect
          .poll(() => page.locator('#details .detail-label').textContent(), { timeout: 30_000 })
          .toBe(victim!.attributes.label);
        await page.locator('#details .provenance-record').first().waitFor({ timeout: 30_000 });
        await shot(page, 'victim-pseudonym');
      } finally {
        await page.close();
      }
    },
  );

  it('lists the people who share an identifier with a person', { timeout: SLOW }, async () => {
    const page = await openAsAdmin(`selected=${q(pair[0])}`);
    try {
      await page.click('#details button:text("Shared identifiers")', { timeout: SLOW });
      await expect.poll(() => page.locator('#tie').textContent(), { timeout: 30_000 }).toMatch(/shar/i);
      const answer = (await server.get(`/api/analytics/shared?entity=${q(pair[0])}`)).body.result;
      expect(await page.locator('#tie .shared-list li').count()).toBe(answer.ties.length);
    } finally {
      await page.close();
    }
  });
});

describe('export', () => {
  it('downloads the view as a non-empty PNG', { timeout: SLOW }, async () => {
    const own = await browser.newContext({ acceptDownloads: true });
    const { page } = await openSignedIn(own, server.url, ADMIN);
    try {
      await settled(page);
      const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
      const file = join(RESULTS, 'exported-view.png');
      await png.saveAs(file);
      const bytes = readFileSync(file);
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      expect(bytes.length).toBeGreaterThan(20_000);
      const pixels = await pixelsOf(browser, bytes);
      expect(pixels.variance).toBeGreaterThan(200);
      await shot(page, 'export');
    } finally {
      await own.close();
    }
  });

  it('downloads the shown entities and links as GEXF and GraphML', { timeout: SLOW }, async () => {
    // A browser context per file: Chromium asks before a site's second download, and headless it says no.
    const files: Record<string, string> = {};
    for (const format of ['gexf', 'graphml']) {
      const own = await browser.newContext({ acceptDownloads: true });
      const { page } = await openSignedIn(own, server.url, ADMIN, 'nokinds=device');
      try {
        await settled(page);
        const [file] = await Promise.all([page.waitForEvent('download'), page.click(`#export-${format}`)]);
        expect(file.suggestedFilename()).toBe(`casegraph-all.${format}`);
        files[format] = readFileSync((await file.path())!).toString();
      } finally {
        await own.close();
      }
    }
    const devices = graph.nodes.filter((n) => n.attributes.kind === 'device').map((n) => n.key);
    const nodes = graph.nodes.length - devices.length;
    const edges = graph.edges.filter(
      (e) => !devices.includes(e.source) && !devices.includes(e.target),
    ).length;
    expect(files.gexf!.match(/<node /g)?.length).toBe(nodes);
    expect(files.gexf!.match(/<edge /g)?.length).toBe(edges);
    expect(files.graphml!.match(/<node /g)?.length).toBe(nodes);
    expect(files.graphml!.match(/<edge /g)?.length).toBe(edges);
    expect(files.graphml).toContain('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"');
  });
});
