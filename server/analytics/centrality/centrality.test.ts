import { describe, expect, it } from 'vitest';
import { graphOf } from '../structure/fixtures.js';
import { centrality, METRICS, type Metric } from './centrality.js';

describe('centrality', () => {
  const g = graphOf(
    [
      ['hub', 'p1'],
      ['hub', 'p2'],
      ['hub', 'phone'],
      ['phone', 'p3'],
    ],
    { kinds: { phone: 'phone' } },
  );

  it('returns every score and the top, with label and kind, ties in graph order', () => {
    const r = centrality(g, 'degree', { top: 3 });
    expect(r.metric).toBe('degree');
    expect(Object.keys(r.scores)).toHaveLength(5);
    expect(r.top).toEqual([
      { id: 'hub', label: 'Label hub', kind: 'person', score: 3 },
      { id: 'phone', label: 'Label phone', kind: 'phone', score: 2 },
      { id: 'p1', label: 'Label p1', kind: 'person', score: 1 },
    ]);
  });

  it('can keep the top to some kinds', () => {
    expect(centrality(g, 'betweenness', { topKinds: ['phone'] }).top.map((t) => t.id)).toEqual(['phone']);
  });

  it('runs every metric, and names an unknown one in a typed error', () => {
    for (const m of METRICS) expect(centrality(g, m).top[0]!.id).toBe('hub');
    expect(() => centrality(g, 'eigen' as Metric)).toThrow(
      expect.objectContaining({ name: 'AnalyticsInputError', field: 'metric' }),
    );
  });

  it('an empty graph gives empty results', () => {
    const empty = graphOf([]);
    for (const m of METRICS) expect(centrality(empty, m)).toMatchObject({ scores: {}, top: [] });
  });
});

describe('centrality options', () => {
  const g = graphOf([['a', 'b']]);
  it('an option left undefined keeps its default', () => {
    expect(centrality(g, 'pagerank', { top: undefined, alpha: undefined }).top).toHaveLength(2);
  });
  it('a bad option is a typed error naming it', () => {
    expect(() => centrality(g, 'pagerank', { alpha: 1.5 })).toThrow(
      expect.objectContaining({ name: 'AnalyticsInputError', field: 'alpha' }),
    );
    expect(() => centrality(g, 'betweenness', { samples: 0 })).toThrow(
      expect.objectContaining({ name: 'AnalyticsInputError', field: 'samples' }),
    );
  });
});
