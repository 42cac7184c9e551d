/**
 * The investigator's case screens (issue 9), end to end: the real server seeded with the synthetic demo
 * scenario (four cases of a few dozen entities each) serves the built client to Debian's Chromium. An
 * investigator assigned one demo case opens a new FIR, is refused a second with the same number at the
 * same station (the API's error naming the field), attaches two phones of their demo case to the new
 * one with the case record as the supporting document, sees its roles, its cross-case hits (the demo
 * case named; other units' cases only as "contact the unit"), opens the links of the case, reads the
 * timeline of its entities and narrows the network to a window chosen on it; watches and unwatches an
 * entity; edits and closes the case. Screenshots under test-results/.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha } from '../support/batches.js';
import { startTestServer, type Client, type TestServer } from '../support/server.js';
import { launch, openSignedIn, shot, SLOW } from './page-helpers.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** The same officer through the API, to check what the page did. */
let officerApi: Client;
const OFFICER = { username: 'si.case', password: 'test-only password of si.case' };
const DEMO_FIR = 'MH/Pune City/Budhwar Peth PS/0026/2026';
const NEW = {
  firNumber: '0311/2026',
  policeStation: 'Burtolla PS',
  district: 'Kolkata',
  state: 'WB',
  // As an officer writes them, day first: the form reads them so whatever the browser's locale.
  registeredOn: '04/03/2026',
  occurredFrom: '20/02/2026',
  sections: 'ITPA 5, bns s.143(3)',
  officer: 'SI Test Officer',
};
const NEW_FIR = 'WB/Kolkata/Burtolla PS/0311/2026';
let demoId: string;
let newId: string;
/** Two phones of the demo case that other cases hold too, with calls on record: what is attached. */
let phones: { id: string; key: string; label: string }[];

const handle = <T>(f: () => T) => page.evaluate(f);
const loadsNow = () => page.evaluate(() => window.__casegraph!.loads);
const nextLoad = (n: number) =>
  page.waitForFunction(
    (m) => window.__casegraph!.loads > m && ['ready', 'empty'].includes(window.__casegraph!.state),
    n,
    { timeout: SLOW },
  );

async function fillNewCase(over: Partial<typeof NEW> = {}): Promise<void> {
  await page.click('#case-new');
  for (const [field, value] of Object.entries({ ...NEW, ...over }))
    await page.fill(`#case-create-${field}`, value);
}

/** The record as the case panel shows it: each fact's name and value. */
const facts = () =>
  page.$$eval('#case-panel .case-facts dt', (dts) =>
    Object.fromEntries(dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent])),
  );

/** Finds the phone, opens its details and watches it for the new case. */
async function watchFromDetails(phone: { id: string; key: string }): Promise<void> {
  await page.fill('#search-input', phone.key);
  await page.click('#search-form button[type=submit]');
  await page.waitForSelector(`#details[data-entity="${phone.id}"] #watch`);
  await page.selectOption('#attach-case', newId);
  await page.click('#watch');
  await expect.poll(() => page.textContent('#watch')).toBe(`Unwatch (for ${NEW_FIR})`);
}

const caseCount = async () => ((await server.get('/api/cases')).body.cases as unknown[]).length;

beforeAll(async () => {
  server = await startTestServer({ SEED_DEMO: 'true' });
  const cases = (await server.get('/api/cases')).body.cases as { id: string; label: string }[];
  demoId = cases.find((c) => c.label === DEMO_FIR || c.id.includes('0026'))!.id;
  const hits = (await server.get(`/api/cases/${encodeURIComponent(demoId)}/hits`)).body.hits as {
    entity: { id: string; kind: string; key: string; label: string };
  }[];
  const withCalls: typeof phones = [];
  for (const h of hits.filter((x) => x.entity.kind === 'phone')) {
    const t = (await server.get(`/api/timeline?entities=${encodeURIComponent(h.entity.id)}&kinds=calls`))
      .body;
    if (t.occurrences.length >= 3) withCalls.push(h.entity);
    if (withCalls.length === 2) break;
  }
  phones = withCalls;
  expect(phones).toHaveLength(2);
  officerApi = await server.signInAs('investigator', OFFICER.username, [demoId]);
  browser = await launch();
  context = await browser.newContext();
  ({ page } = await openSignedIn(context, server.url, OFFICER));
}, SLOW);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe("the investigator's case", () => {
  it(
    "takes the FIR's dates day first, and refuses one it cannot read under its field, sending nothing",
    { timeout: SLOW },
    async () => {
      const before = await caseCount();
      // 31/02 is no day; 03/20 is the American order, month first.
      await fillNewCase({ registeredOn: '31/02/2026', occurredFrom: '03/20/2026' });
      expect(await page.getAttribute('#case-create-registeredOn', 'placeholder')).toBe('DD/MM/YYYY');
      await page.click('#case-create button[type=submit]');
      await page.waitForSelector('#case-create-error:not([hidden])');
      expect(await page.textContent('#case-create-registeredOn-error')).toContain(
        'February 2026 has no day 31',
      );
      expect(await page.textContent('#case-create-occurredFrom-error')).toContain('there is no month 20');
      expect(await page.getAttribute('#case-create-registeredOn', 'aria-invalid')).toBe('true');
      expect(await page.getAttribute('#case-create-occurredFrom', 'aria-invalid')).toBe('true');
      const summary = (await page.textContent('#case-create-error'))!;
      expect(summary).toContain('DD/MM/YYYY');
      expect(summary).toContain('Registered on, Offence from');
      // Fields the form could read are not marked.
      expect(await page.getAttribute('#case-create-firNumber', 'aria-invalid')).toBeNull();
      await shot(page, 'case-create-bad-date');
      expect(await caseCount()).toBe(before);
    },
  );

  it(
    'opens a new FIR from the form, and refuses the same FIR at the same station naming the field',
    {
      timeout: SLOW,
    },
    async () => {
      await fillNewCase();
      await shot(page, 'case-create-form');
      const loads = await loadsNow();
      await page.click('#case-create button[type=submit]');
      await nextLoad(loads);
      newId = await handle(() => window.__casegraph!.view().scope);
      expect(newId).not.toBe('all');
      await expect.poll(() => page.textContent('#case-panel .case-fir')).toContain(NEW_FIR);
      // The sections are read and written back one way.
      expect((await facts()).Sections).toBe('ITPA s.5, BNS s.143(3)');
      // The dates went to the API as the days written, and are shown back day first.
      expect(await facts()).toMatchObject({ Registered: '04/03/2026', Offence: '20/02/2026 to …' });
      const record = (await officerApi.get(`/api/cases/${encodeURIComponent(newId)}`)).body;
      expect([record.registeredOn, record.occurredFrom]).toEqual(['2026-03-04', '2026-02-20']);
      // A new case is its one case entity until something is attached.
      expect(await page.textContent('#scope')).toContain(`${NEW_FIR} — 1 entity`);

      await fillNewCase();
      await page.click('#case-create button[type=submit]');
      await page.waitForSelector('#case-create-error:not([hidden])');
      expect(await page.textContent('#case-create-error')).toContain('CASE.EXISTS');
      expect(await page.textContent('#case-create-error')).toContain('FIR number');
      expect(await page.isVisible('#case-create-firNumber-error')).toBe(true);
      expect(await page.getAttribute('#case-create-firNumber', 'aria-invalid')).toBe('true');
      await shot(page, 'case-create-duplicate');
      // Nothing was written: the picker still holds the one new case.
      const options = await page.$$eval('#case-picker option', (o) => o.map((x) => x.textContent));
      expect(options.filter((o) => o === NEW_FIR)).toHaveLength(1);
    },
  );

  it(
    'attaches two phones of another case with a role and the case record behind it',
    { timeout: SLOW },
    async () => {
      let loads = await loadsNow();
      await page.selectOption('#case-picker', demoId);
      await nextLoad(loads);
      for (const [i, phone] of phones.entries()) {
        await page.fill('#search-input', phone.key);
        await page.click('#search-form button[type=submit]');
        await expect.poll(() => handle(() => window.__casegraph!.view().selection)).toEqual([phone.id]);
        await page.waitForSelector(`#details[data-entity="${phone.id}"] #attach-case`);
        await page.selectOption('#attach-case', newId);
        // The new case's own documents, once read (those of the case on show go when it is chosen).
        await expect
          .poll(() => page.textContent('#attach-document'))
          .toContain(`case record opened: ${NEW_FIR}`);
        expect(await page.isEnabled('#attach')).toBe(true);
        await page.selectOption('#attach-role', i === 0 ? 'recruiter' : 'harbourer');
        await page.click('#attach');
        await expect.poll(() => page.textContent('#attach-status')).toContain('Attached as');
      }
      await shot(page, 'case-attach');
      loads = await loadsNow();
      await page.selectOption('#case-picker', newId);
      await nextLoad(loads);
      await expect.poll(() => page.$$eval('#case-roles li', (l) => l.length)).toBe(2);
      const roles = await page.textContent('#case-roles');
      for (const p of phones) expect(roles).toContain(p.label);
      expect(roles).toContain('recruiter');
      expect(roles).toContain(`case record opened: ${NEW_FIR}`);
      // The case and the two phones, with the links between them.
      expect((await handle(() => window.__casegraph!.shown())).nodes).toBeGreaterThanOrEqual(3);
    },
  );

  it(
    "lists the case's cross-case hits and alerts, naming only the cases the officer may read",
    {
      timeout: SLOW,
    },
    async () => {
      await page.waitForSelector('#case-hits');
      const hits = await page.$$eval('#case-hits > li', (l) =>
        l.map((x) => (x as HTMLElement).dataset.entity),
      );
      expect(new Set(hits)).toEqual(new Set(phones.map((p) => p.id)));
      const text = (await page.textContent('#case-hits'))!;
      expect(text).toContain(DEMO_FIR);
      // The other units' cases are only "contact the unit": no FIR of theirs on the page.
      expect(text).toMatch(/another case at .+ holds this identifier — contact it/);
      const others = (await server.get('/api/cases')).body.cases as { id: string; label: string }[];
      for (const c of others) if (c.id !== demoId && c.id !== newId) expect(text).not.toContain(c.label);
      await page.waitForSelector('#case-alerts');
      const alerts = (await page.textContent('#case-alerts'))!;
      expect(alerts).toContain('Cross-case hit on ingest');
      expect(alerts).toContain(`Batch: case record`);
      await page.locator('#case-hits').scrollIntoViewIfNeeded();
      await shot(page, 'case-hits');
    },
  );

  it('opens the links of the case: its entities and those one hop beyond', { timeout: SLOW }, async () => {
    const before = await handle(() => window.__casegraph!.shown());
    const loads = await loadsNow();
    await page.click('#case-links');
    await nextLoad(loads);
    const after = await handle(() => window.__casegraph!.shown());
    expect(after.nodes).toBeGreaterThan(before.nodes);
    expect(after.edges).toBeGreaterThan(before.edges);
    expect(await page.textContent('#scope')).toMatch(/^Links of .*one hop beyond the case/);
    await page.waitForFunction(() => window.__casegraph!.layout() === 'settled', undefined, {
      timeout: SLOW,
    });
    await shot(page, 'case-links');
  });

  it(
    'draws the timeline of the case, each occurrence with its evidence, and a window narrows the network',
    {
      timeout: SLOW,
    },
    async () => {
      await expect.poll(() => handle(() => window.__casegraph!.timeline().occurrences)).toBeGreaterThan(5);
      expect(await handle(() => window.__casegraph!.timeline().entities)).toBe(2);
      expect(await page.textContent('#timeline-heading')).toContain("the case's 2 entities");
      // Filtering by kind: without calls, fewer ticks.
      const all = await handle(() => window.__casegraph!.timeline().occurrences);
      await page.uncheck('#timeline-kind-calls');
      expect(await handle(() => window.__casegraph!.timeline().occurrences)).toBeLessThan(all);
      await page.check('#timeline-kind-calls');
      // A tick opens its evidence.
      const tick = page.locator('.timeline-tick').first();
      await tick.click({ force: true });
      await expect
        .poll(() => page.$$eval('#timeline-detail .timeline-evidence li', (l) => l.length))
        .toBeGreaterThan(0);
      // Zooming narrows the axis.
      const wide = (await handle(() => window.__casegraph!.timeline().domain))!;
      await page.click('#timeline-zoom-in');
      const narrow = (await handle(() => window.__casegraph!.timeline().domain))!;
      expect(narrow[1] - narrow[0]).toBeLessThan(wide[1] - wide[0]);
      await page.click('#timeline-fit');
      expect(await handle(() => window.__casegraph!.timeline().domain)).toEqual(wide);

      const before = await handle(() => window.__casegraph!.shown());
      const box = (await page.locator('.timeline-svg').boundingBox())!;
      // The first fifth of the axis: a window in which only some of the links were active.
      const y = box.y + 30;
      await page.mouse.move(box.x + 140, y);
      await page.mouse.down();
      await page.mouse.move(box.x + 140 + (box.width - 150) / 5, y, { steps: 5 });
      await page.mouse.up();
      await expect.poll(() => handle(() => window.__casegraph!.view().time)).not.toBeNull();
      const after = await handle(() => window.__casegraph!.shown());
      expect(after.edges).toBeLessThan(before.edges);
      expect(await page.textContent('#timeline-window')).toContain('Window');
      await shot(page, 'case-timeline-window');
      await page.click('#timeline-clear');
      await expect.poll(() => handle(() => window.__casegraph!.shown().edges)).toBe(before.edges);
    },
  );

  it('watches an entity from its details, and stops', { timeout: SLOW }, async () => {
    const phone = phones[0]!;
    await watchFromDetails(phone);
    const listed = (await officerApi.get('/api/watches')).body.watches as {
      entity: { id: string };
      fir: string;
    }[];
    expect(listed.map((w) => [w.entity.id, w.fir])).toEqual([[phone.id, NEW_FIR]]);
    await shot(page, 'case-watch');
    await page.click('#watch');
    await expect.poll(() => page.textContent('#watch')).toBe('Watch');
  });

  it(
    'lists what the officer watches with the alerts each raised, the batch named, and stops a watch there',
    { timeout: SLOW },
    async () => {
      const phone = phones[1]!;
      await watchFromDetails(phone);
      // A later CDR of the new case names the watched phone: the watch raises an alert on ingest.
      const cdr = {
        document: {
          name: 'cdr-watched-phone.csv',
          sha256: sha('cdr-watched-phone.csv'),
          type: 'cdr',
          grading: { source: 'B', information: '2' },
          case: NEW_FIR,
        },
        entities: [
          { kind: 'phone', key: phone.key, ref: 'row 2' },
          { kind: 'phone', key: '9000044444', ref: 'row 2' },
        ],
        links: [
          {
            kind: 'called',
            from: { kind: 'phone', key: phone.key },
            to: { kind: 'phone', key: '9000044444' },
            ref: 'row 2',
            occurrences: [{ at: '2026-08-30T21:40:00+05:30', durationS: 75, ref: 'row 2' }],
          },
        ],
      };
      const ingested = await officerApi.post('/api/ingest', cdr);
      expect(ingested.status, JSON.stringify(ingested.body)).toBe(200);

      await page.click('#watchlist-open');
      await page.waitForSelector(`#watchlist li.watch[data-entity="${phone.id}"]`);
      expect(await page.$$eval('#watchlist > li', (l) => l.length)).toBe(1);
      const entry = page.locator(`#watchlist li.watch[data-entity="${phone.id}"]`);
      expect(await entry.textContent()).toContain(phone.label);
      expect(await entry.textContent()).toContain(`for ${NEW_FIR}`);
      const alerts = await entry.locator('.watch-alert').allTextContents();
      expect(alerts.some((a) => a.includes('a new document names it'))).toBe(true);
      expect(alerts.every((a) => a.includes('Batch: cdr-watched-phone.csv'))).toBe(true);
      await shot(page, 'case-watchlist');

      // Nothing selected, then "Show" selects the watched phone in the network.
      await page.keyboard.press('Escape');
      await expect.poll(() => handle(() => window.__casegraph!.view().selection)).toEqual([]);
      await entry.locator('.watch-show').click();
      await expect.poll(() => handle(() => window.__casegraph!.view().selection)).toEqual([phone.id]);

      await entry.locator('.watch-stop').click();
      await expect.poll(() => page.$$eval('#watchlist > li', (l) => l.length)).toBe(0);
      expect(await page.textContent('#watchlist-status')).toContain('No longer watching');
      expect((await officerApi.get('/api/watches')).body.watches).toEqual([]);
      // The entity's details learn it too.
      await expect.poll(() => page.textContent('#watch')).toBe('Watch');
      await shot(page, 'case-watchlist-stopped');
    },
  );

  it(
    'edits the record and closes the case with a reason; a closed case offers no more changes',
    {
      timeout: SLOW,
    },
    async () => {
      await page.click('#case-edit-open');
      await page.fill('#case-edit-sections', 'ITPA s.5, BNS 999');
      await page.click('#case-edit button[type=submit]');
      await page.waitForSelector('#case-edit-error:not([hidden])');
      expect(await page.textContent('#case-edit-sections-error')).toContain('sections[1]');
      await shot(page, 'case-edit-refused');
      await page.fill('#case-edit-sections', 'ITPA s.5, BNS s.143(3), POCSO s.6');
      await page.fill('#case-edit-officer', 'Insp. Test Officer');
      expect(await page.inputValue('#case-edit-occurredFrom')).toBe('20/02/2026');
      await page.fill('#case-edit-occurredTo', '1/3/2026');
      await page.click('#case-edit button[type=submit]');
      await expect.poll(() => page.textContent('#case-panel .case-facts')).toContain('Insp. Test Officer');
      expect(await page.textContent('#case-panel .case-facts')).toContain('POCSO s.6');
      expect((await facts()).Offence).toBe('20/02/2026 to 01/03/2026');

      await page.click('#case-close-open');
      await page.selectOption('#case-close-reason', 'chargesheeted');
      expect(await page.inputValue('#case-close-on')).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      await page.fill('#case-close-on', '31/09/2026');
      await page.click('#case-close button[type=submit]');
      expect(await page.textContent('#case-close-error')).toContain('September 2026 has no day 31');
      expect(await page.textContent('#case-panel .case-state')).toBe('open');
      await page.fill('#case-close-on', '30/09/2026');
      await page.click('#case-close button[type=submit]');
      await expect.poll(() => page.textContent('#case-panel .case-state')).toBe('closed');
      expect((await facts()).Closed).toBe('30/09/2026 — Chargesheeted');
      expect((await officerApi.get(`/api/cases/${encodeURIComponent(newId)}`)).body.closedOn).toBe(
        '2026-09-30',
      );
      expect(await page.isVisible('#case-edit-open')).toBe(false);
      expect(await page.locator('.role-withdraw').count()).toBe(0);
      await shot(page, 'case-closed');
    },
  );

  it(
    "refuses to attach an entity to the closed case in the API's words, and attaches nothing",
    { timeout: SLOW },
    async () => {
      const phone = phones[0]!;
      const rolesOf = async () =>
        (
          (await officerApi.get(`/api/cases/${encodeURIComponent(newId)}`)).body.roles as {
            entity: { id: string };
            role: string;
          }[]
        ).map((r) => `${r.entity.id} ${r.role}`);
      const before = await rolesOf();
      await page.fill('#search-input', phone.key);
      await page.click('#search-form button[type=submit]');
      await page.waitForSelector(`#details[data-entity="${phone.id}"] #attach-case`);
      await page.selectOption('#attach-case', newId);
      await expect
        .poll(() => page.textContent('#attach-document'))
        .toContain(`case record opened: ${NEW_FIR}`);
      await page.selectOption('#attach-role', 'accused');
      await page.click('#attach');
      await expect.poll(() => page.textContent('#attach-status')).toContain('CASE.CLOSED');
      expect(await page.textContent('#attach-status')).toBe(
        `Case ${NEW_FIR} is closed: it takes no more changes (CASE.CLOSED)`,
      );
      expect(await page.getAttribute('#attach-status', 'class')).toContain('error-text');
      await page.locator('#attach-status').scrollIntoViewIfNeeded();
      await shot(page, 'case-attach-closed');
      expect(await rolesOf()).toEqual(before);
      expect(before.some((r) => r.endsWith(' accused'))).toBe(false);
      // The case panel still lists the two roles it had.
      expect(await page.$$eval('#case-roles li', (l) => l.length)).toBe(2);
    },
  );

  it(
    "shows the case's key players and brokers, as the analytics engine ranks them, and selects one in its links",
    { timeout: SLOW },
    async () => {
      let loads = await loadsNow();
      await page.selectOption('#case-picker', demoId);
      await nextLoad(loads);
      await page.waitForSelector('#case-key-players li');
      const shown = (list: string) =>
        page.$$eval(`${list} .player`, (b) =>
          b.map((x) => [(x as HTMLElement).dataset.entity, x.querySelector('.player-name')!.textContent]),
        );
      const players = await shown('#case-key-players');
      const brokers = await shown('#case-brokers');
      // The engine's ranking on the case's graph, without the case record and its documents.
      const q = `case=${encodeURIComponent(demoId)}`;
      const top = (await officerApi.get(`/api/analytics/centrality?${q}&metric=pagerank&limit=50`)).body
        .result.top as { id: string; label: string; kind: string }[];
      const ranked = top.filter((t) => t.kind !== 'case' && t.kind !== 'document').slice(0, 5);
      expect(players).toEqual(ranked.map((t) => [t.id, t.label]));
      expect(players).toHaveLength(5);
      // Brokers are people, in the engine's order, and no victim or minor is called one.
      const engine = (await officerApi.get(`/api/analytics/brokers?${q}&limit=20`)).body.result.brokers as {
        id: string;
        label: string;
      }[];
      expect(brokers.length).toBeGreaterThan(0);
      expect(brokers.every(([id]) => id!.startsWith('person:'))).toBe(true);
      expect(brokers.some(([, label]) => /^(Victim|Minor) V-/.test(label!))).toBe(false);
      const order = engine.map((b) => b.id);
      const at = brokers.map(([id]) => order.indexOf(id!));
      expect(at.every((i) => i >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      await page.locator('#case-key-players').scrollIntoViewIfNeeded();
      await shot(page, 'case-key-players');

      // A click selects the player in the network on show, and opens its details.
      const [first] = players[0]!;
      await page.click(`#case-key-players .player[data-entity="${first}"]`);
      await expect.poll(() => handle(() => window.__casegraph!.view().selection)).toEqual([first]);
      await page.waitForSelector(`#details[data-entity="${first}"]`);

      // On the links of the case the engine ranks, groups and finds brokers among the case plus one hop
      // (reach=1), exactly the entities the links show this officer; a broker is selected there.
      loads = await loadsNow();
      await page.click('#case-links');
      await nextLoad(loads);
      await page.waitForSelector('.case-players[data-reach="1"] #case-brokers .player');
      const links = (await officerApi.get(`/api/cases/${encodeURIComponent(demoId)}/links`)).body as {
        graph: { nodes: { key: string }[] };
        beyond: string[];
      };
      const onShow = new Set(links.graph.nodes.map((n) => n.key));
      expect(links.beyond.length).toBeGreaterThan(0);
      const wide = `${q}&reach=1`;
      const topWide = (await officerApi.get(`/api/analytics/centrality?${wide}&metric=pagerank&limit=50`))
        .body.result.top as { id: string; label: string; kind: string }[];
      expect(await shown('#case-key-players')).toEqual(
        topWide
          .filter((t) => t.kind !== 'case' && t.kind !== 'document')
          .slice(0, 5)
          .map((t) => [t.id, t.label]),
      );
      const brokersWide = (await officerApi.get(`/api/analytics/brokers?${wide}&limit=20`)).body.result
        .brokers as { id: string; label: string }[];
      const linkBrokers = await shown('#case-brokers');
      expect(linkBrokers).toEqual(brokersWide.slice(0, 5).map((b) => [b.id, b.label]));
      expect(linkBrokers.some(([, label]) => /^(Victim|Minor) V-/.test(label!))).toBe(false);
      expect(linkBrokers.every(([id]) => onShow.has(id!))).toBe(true);
      // The community colours are the engine's on the same graph, and reach the entities beyond the case.
      const groups = (await officerApi.get(`/api/analytics/communities?${wide}&resolution=3`)).body.result
        .communityOf as Record<string, number>;
      await expect
        .poll(() => handle(() => window.__casegraph!.communityOf()), { timeout: SLOW })
        .toEqual(groups);
      expect(Object.keys(groups).every((id) => onShow.has(id))).toBe(true);
      expect(links.beyond.some((id) => id in groups)).toBe(true);
      const [broker] = linkBrokers[0]!;
      await page.click(`#case-brokers .player[data-entity="${broker}"]`);
      await expect.poll(() => handle(() => window.__casegraph!.view().selection)).toEqual([broker]);
      expect(await page.textContent('#scope')).toMatch(/^Links of /);
      await page.waitForFunction(() => window.__casegraph!.layout() === 'settled', undefined, {
        timeout: SLOW,
      });
      await shot(page, 'case-links-broker');
    },
  );
});
