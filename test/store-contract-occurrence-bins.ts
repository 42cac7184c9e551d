/**
 * The GraphStore contract for a view's occurrences counted over time (GraphStore.occurrenceBins, what
 * the time filter's histogram draws), run by every adapter from store-contract.ts. The expected counts
 * are worked out here from the occurrences themselves, by the definition in domain/occurrence-bins.ts.
 */
import { expect, it } from 'vitest';
import type { IngestBatchInput } from '../server/domain/batch.js';
import type { GraphStore } from '../server/store/graph-store.js';
import { scenario, sha } from './support/batches.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** The first call of the burst, and the one call in December after it. */
export const MARCH_WEEK = Date.parse('2026-03-02T09:00:00+05:30');
export const DECEMBER = Date.parse('2026-12-14T20:15:00+05:30');

export const iso = (t: number) => new Date(t).toISOString();

/**
 * A pair that called 300 times in one week in March (every half hour from MARCH_WEEK) and once in
 * December; another pair messaged three times in June. Filed into a case when one is given.
 */
export function burstCdr(caseFir?: string): IngestBatchInput {
  const burst = Array.from({ length: 300 }, (_, i) => ({
    at: iso(MARCH_WEEK + i * 30 * MINUTE),
    durationS: 30 + (i % 50),
    ref: `row ${i + 2}`,
  }));
  return {
    document: {
      name: 'cdr-burst.csv',
      sha256: sha('cdr-burst'),
      type: 'cdr',
      ...(caseFir ? { case: caseFir } : {}),
    },
    entities: [
      { kind: 'person', key: 'BURST-P1', props: { name: 'Burst Sample One' }, ref: 'row 1' },
      { kind: 'phone', key: '9830000001', ref: 'row 1' },
      { kind: 'phone', key: '9830000002', ref: 'row 1' },
      { kind: 'phone', key: '9830000003', ref: 'row 1' },
    ],
    links: [
      {
        kind: 'uses',
        from: { kind: 'person', key: 'BURST-P1' },
        to: { kind: 'phone', key: '9830000001' },
        ref: 'row 1',
      },
      {
        kind: 'called',
        from: { kind: 'phone', key: '9830000001' },
        to: { kind: 'phone', key: '9830000002' },
        occurrences: [...burst, { at: iso(DECEMBER), durationS: 41, ref: 'row 302' }],
      },
      {
        kind: 'messaged',
        from: { kind: 'phone', key: '9830000001' },
        to: { kind: 'phone', key: '9830000003' },
        occurrences: [0, 1, 2].map((d) => ({
          at: iso(Date.parse('2026-06-10T11:00:00+05:30') + d * DAY),
          ref: `row ${303 + d}`,
        })),
      },
    ],
  };
}

/** The definition, written out: bin i of n holds floor((t − lo)·n / (hi − lo)) = i, the last also t = hi. */
function expectedBins(times: number[], n: number): number[] {
  const lo = Math.min(...times);
  const hi = Math.max(...times);
  const bins = new Array<number>(n).fill(0);
  for (const t of times) {
    const i = hi === lo ? 0 : Math.floor(((t - lo) * n) / (hi - lo));
    bins[Math.min(i, n - 1)]! += 1;
  }
  return bins;
}

export function occurrenceBinsContract(
  store: () => GraphStore,
  load: (batches: IngestBatchInput[]) => Promise<unknown>,
): void {
  /** Each link of the graph with the times of all its occurrences, read one link at a time. */
  async function occurrencesOf(linkIds: string[]): Promise<Map<string, { kind: string; times: number[] }>> {
    const out = new Map<string, { kind: string; times: number[] }>();
    for (const id of linkIds) {
      const link = (await store().getLink(id, 10_000))!;
      out.set(id, { kind: link.kind, times: link.occurrences.map((o) => Date.parse(o.at)) });
    }
    return out;
  }

  it('occurrence bins: 300 calls in one March week are one tall bin and the December call one short, not a band', async () => {
    await load([burstCdr()]);
    const call = (await store().subgraph({ linkKinds: ['called'], limit: 100 })).links[0]!;
    const h = await store().occurrenceBins({ linkIds: [call.id], bins: 20 });
    expect(h.from).toBe(iso(MARCH_WEEK));
    expect(h.to).toBe(iso(DECEMBER));
    expect(h.occurrences).toBe(301);
    // Twenty bins of two weeks from the first call: the whole week falls in the first.
    expect(h.bins).toEqual([300, ...new Array<number>(18).fill(0), 1]);
    expect(h.byKind).toEqual({ called: h.bins });
  });

  it('occurrence bins: every occurrence of the links asked, in its bin, all kinds together and per kind', async () => {
    await load([...scenario(), burstCdr()]);
    const links = (await store().subgraph({ limit: 1000 })).links;
    const timed = links.filter((l) => l.count > 0);
    expect(new Set(timed.map((l) => l.kind)).size).toBeGreaterThan(2);
    const of = await occurrencesOf(links.map((l) => l.id));
    const h = await store().occurrenceBins({ linkIds: links.map((l) => l.id), bins: 48 });

    const all = [...of.values()].flatMap((o) => o.times);
    expect(h.occurrences).toBe(links.reduce((n, l) => n + l.count, 0));
    expect(h.occurrences).toBe(all.length);
    expect(h.from).toBe(iso(Math.min(...all)));
    expect(h.to).toBe(iso(Math.max(...all)));
    expect(h.bins).toEqual(expectedBins(all, 48));
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    for (const kind of new Set(timed.map((l) => l.kind))) {
      const times = [...of.values()].filter((o) => o.kind === kind).flatMap((o) => o.times);
      const expected = new Array<number>(48).fill(0);
      for (const t of times) expected[Math.min(47, Math.floor(((t - lo) * 48) / (hi - lo)))]! += 1;
      expect(h.byKind[kind], kind).toEqual(expected);
    }
    expect(Object.keys(h.byKind).sort()).toEqual([...new Set(timed.map((l) => l.kind))].sort());
  });

  it('occurrence bins: only the links asked, each once however often named, and only within a window', async () => {
    await load([...scenario(), burstCdr()]);
    const links = (await store().subgraph({ limit: 1000 })).links.filter((l) => l.count > 0);
    const some = links.slice(0, 3);
    const of = await occurrencesOf(some.map((l) => l.id));
    const times = [...of.values()].flatMap((o) => o.times);
    // Ids no store holds, enough of them that a store sending ids in chunks sends more than one.
    const unknown = Array.from({ length: 10_001 }, (_, i) => `called:${i.toString(16).padStart(24, '0')}`);
    const h = await store().occurrenceBins({
      linkIds: [...unknown, ...some.map((l) => l.id), some[0]!.id],
      bins: 10,
    });
    expect(h.occurrences).toBe(times.length);
    expect(h.bins).toEqual(expectedBins(times, 10));

    const from = Date.parse('2026-03-01T00:00:00Z');
    const to = Date.parse('2026-03-31T23:59:59Z');
    const march = await store().occurrenceBins({ linkIds: links.map((l) => l.id), bins: 4, from, to });
    const all = [...(await occurrencesOf(links.map((l) => l.id))).values()].flatMap((o) => o.times);
    const inMarch = all.filter((t) => t >= from && t <= to);
    expect(inMarch.length).toBeGreaterThanOrEqual(300);
    expect(march.occurrences).toBe(inMarch.length);
    expect(march.from).toBe(iso(Math.min(...inMarch)));
    expect(march.to).toBe(iso(Math.max(...inMarch)));
    expect(march.bins).toEqual(expectedBins(inMarch, 4));
  });

  it('occurrence bins: links without occurrences, or none asked, give no span and no bins', async () => {
    await load([burstCdr()]);
    const uses = (await store().subgraph({ linkKinds: ['uses'], limit: 100 })).links;
    expect(uses).toHaveLength(1);
    const none = { from: null, to: null, bins: [], byKind: {}, occurrences: 0 };
    expect(await store().occurrenceBins({ linkIds: uses.map((l) => l.id), bins: 12 })).toEqual(none);
    expect(await store().occurrenceBins({ linkIds: [], bins: 12 })).toEqual(none);
    const calls = (await store().subgraph({ linkKinds: ['called'], limit: 100 })).links;
    const after = await store().occurrenceBins({
      linkIds: calls.map((l) => l.id),
      bins: 12,
      from: DECEMBER + 1,
    });
    expect(after).toEqual(none);
    // One occurrence is a span of one instant: it fills the first bin.
    const one = await store().occurrenceBins({ linkIds: calls.map((l) => l.id), bins: 5, from: DECEMBER });
    expect(one).toMatchObject({
      from: iso(DECEMBER),
      to: iso(DECEMBER),
      bins: [1, 0, 0, 0, 0],
      occurrences: 1,
    });
  });
}
