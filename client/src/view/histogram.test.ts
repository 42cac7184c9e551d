import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LinkKind } from '../../../server/domain/kinds.js';
import { emptyGraph } from '../graph-data.js';
import { countedHistogram, estimatedHistogram, loadHistogram, shownBins } from './histogram.js';

const link = (first: string | null, last: string | null, count: number, kind: LinkKind = 'called') => ({
  kind,
  props: {},
  count,
  durationS: 0,
  amount: 0,
  firstAt: first,
  lastAt: last,
  weight: Math.max(1, count),
});

/** A pair that called 300 times in the first week of March and once in December, as the graph carries it. */
function burstGraph() {
  const g = emptyGraph();
  for (const n of ['a', 'b', 'c'])
    g.addNode(n, { kind: 'phone', label: n, key: n, scheme: 'phone', props: {} });
  g.addDirectedEdge('a', 'b', link('2026-03-02T00:00:00Z', '2026-12-14T00:00:00Z', 301));
  g.addDirectedEdge('a', 'c', link(null, null, 0, 'uses'));
  return g;
}

describe('countedHistogram', () => {
  it("takes the server's counts as they are, per link kind", () => {
    const h = countedHistogram({
      from: '2026-03-02T00:00:00.000Z',
      to: '2026-12-14T00:00:00.000Z',
      bins: [300, 0, 0, 1],
      byKind: { called: [300, 0, 0, 0], messaged: [0, 0, 0, 1] },
    })!;
    expect(h.source).toBe('counted');
    expect(h.from).toBe(Date.parse('2026-03-02T00:00:00Z'));
    expect(h.to).toBe(Date.parse('2026-12-14T00:00:00Z'));
    expect(shownBins(h, [])).toEqual([300, 0, 0, 1]);
    expect(shownBins(h, ['messaged'])).toEqual([300, 0, 0, 0]);
  });

  it('gives nothing for a view without occurrences, and a span of one instant a width', () => {
    expect(countedHistogram({ from: null, to: null, bins: [], byKind: {} })).toBeNull();
    const one = countedHistogram({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-01-01T00:00:00.000Z',
      bins: [1],
      byKind: { called: [1] },
    })!;
    expect(one.to).toBeGreaterThan(one.from);
  });
});

describe('estimatedHistogram (the fallback)', () => {
  it("spreads each link's count over the bins of its span and keeps every occurrence", () => {
    const g = emptyGraph();
    for (const n of ['a', 'b', 'c'])
      g.addNode(n, { kind: 'phone', label: n, key: n, scheme: 'phone', props: {} });
    g.addDirectedEdge('a', 'b', link('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 3));
    g.addDirectedEdge('b', 'c', link('2026-01-01T00:00:00Z', '2026-01-11T00:00:00Z', 10, 'messaged'));
    g.addDirectedEdge('a', 'c', link(null, null, 0));
    const h = estimatedHistogram(g, 10)!;
    expect(h.source).toBe('estimated');
    expect(h.from).toBe(Date.parse('2026-01-01T00:00:00Z'));
    const bins = shownBins(h, []);
    expect(bins.reduce((s, v) => s + v, 0)).toBeCloseTo(13);
    expect(bins[0]).toBeCloseTo(3 + 1);
    expect(shownBins(h, ['messaged'])[0]).toBeCloseTo(3);
  });

  it('is why it is only a fallback: a week of 300 calls and one call in December come out as a band', () => {
    const bins = shownBins(estimatedHistogram(burstGraph(), 4)!, []);
    expect(bins).toEqual([75.25, 75.25, 75.25, 75.25]);
  });

  it('gives nothing for a graph without timed links', () => {
    expect(estimatedHistogram(emptyGraph())).toBeNull();
  });
});

describe('loadHistogram', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("asks the server for the view's counts, by its case", async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      return new Response(
        JSON.stringify({
          version: 3,
          truncated: false,
          links: 2,
          occurrences: 301,
          from: '2026-03-02T00:00:00.000Z',
          to: '2026-12-14T00:00:00.000Z',
          bins: [300, 0, 0, 1],
          byKind: { called: [300, 0, 0, 1] },
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    });
    const h = (await loadHistogram('case:0123456789abcdef01234567', burstGraph(), 4))!;
    expect(asked).toEqual(['/api/graph/histogram?case=case%3A0123456789abcdef01234567&bins=4']);
    expect(h.source).toBe('counted');
    expect(shownBins(h, [])).toEqual([300, 0, 0, 1]);
  });

  it('falls back to the estimate when the server cannot be reached or answers with an error', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('network down');
    });
    expect((await loadHistogram('all', burstGraph(), 4))!.source).toBe('estimated');
    vi.stubGlobal(
      'fetch',
      async () => new Response('{"error":{"code":"INTERNAL","message":"x"}}', { status: 500 }),
    );
    expect((await loadHistogram('all', burstGraph(), 4))!.source).toBe('estimated');
  });
});
