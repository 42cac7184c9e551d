import { describe, expect, it } from 'vitest';
import { explainTie } from './explain-tie.js';
import { testGraph } from './test-graph.js';

describe('explainTie', () => {
  const g = testGraph([
    ['A', 'phone:a', 'uses'],
    [
      'phone:b',
      'phone:a',
      'called',
      4,
      { durationS: 300, firstAt: '2026-04-01T10:00:00Z', lastAt: '2026-04-09T10:00:00Z' },
    ],
    ['phone:a', 'phone:b', 'messaged', 2],
    ['B', 'phone:b', 'uses'],
    [
      'account:a',
      'account:b',
      'paid',
      3,
      { amount: 45000, firstAt: '2026-04-02T00:00:00Z', lastAt: '2026-04-05T00:00:00Z' },
    ],
    ['A', 'account:a', 'holds'],
    ['B', 'account:b', 'holds'],
    ['A', 'C', 'associate-of'],
  ]);

  it('spells out each hop with the links the graph holds, direction as recorded', () => {
    const r = explainTie(g, 'A', 'B');
    expect(r.paths.map((p) => p.nodes)).toEqual([
      ['A', 'account:a', 'account:b', 'B'],
      ['A', 'phone:a', 'phone:b', 'B'],
    ]);
    const call = r.paths[1]!.steps[1]!;
    expect(call.from).toBe('phone:a');
    expect(call.to).toBe('phone:b');
    expect(call.link).toEqual({
      id: 'l1',
      kind: 'called',
      source: 'phone:b',
      target: 'phone:a',
      directed: true,
      direction: 'against',
      count: 4,
      weight: 4,
      durationS: 300,
      amount: 0,
      firstAt: '2026-04-01T10:00:00Z',
      lastAt: '2026-04-09T10:00:00Z',
      props: {},
    });
    expect(call.parallel.map((l) => [l.id, l.kind, l.direction, l.count])).toEqual([
      ['l2', 'messaged', 'along', 2],
    ]);
    const paid = r.paths[0]!.steps[1]!.link;
    expect([paid.kind, paid.amount, paid.direction]).toEqual(['paid', 45000, 'along']);
    expect(r.paths[0]!.steps[2]!.link.direction).toBe('against');
    expect(r.entities.map((e) => e.id)).toEqual(['A', 'account:a', 'account:b', 'B', 'phone:a', 'phone:b']);
    expect(r.entities[0]).toEqual({ id: 'A', kind: 'person', label: 'L(A)' });
    expect(r.truncated).toBe(false);
  });

  it('marks undirected links and passes the path options on', () => {
    const r = explainTie(g, 'C', 'A', { maxHops: 1 });
    expect(r.paths).toHaveLength(1);
    expect(r.paths[0]!.steps[0]!.link.direction).toBe('undirected');
    expect(explainTie(g, 'A', 'B', { minWeight: 3 }).paths.map((p) => p.nodes)).toEqual([]);
  });

  it('rejects bad input as findPaths does', () => {
    expect(() => explainTie(g, 'A', 'Z')).toThrow(
      expect.objectContaining({ name: 'AnalyticsInputError', field: 'to' }),
    );
  });
});
