import { describe, expect, it } from 'vitest';
import { computeVisible } from './visibility.js';
import { DEFAULT_STATE } from './view-state.js';
import { communityOf, twoRings } from './test-graph.js';

const scores = {
  communityOf,
  centrality: new Map([
    ['a1', 1],
    ['b1', 0.5],
  ]),
};
const visible = (patch: Partial<typeof DEFAULT_STATE>) =>
  computeVisible(twoRings(), { ...DEFAULT_STATE, ...patch }, scores);

describe('computeVisible', () => {
  it('shows everything by default', () => {
    const v = visible({});
    expect(v.nodes.size).toBe(7);
    expect(v.edges.size).toBe(8);
  });

  it('drops a hidden kind with its links, and a hidden link kind alone', () => {
    const v = visible({ hiddenKinds: ['person'] });
    expect(v.nodes.has('p')).toBe(false);
    expect(v.edges.has('pa')).toBe(false);
    expect(visible({ hiddenLinkKinds: ['messaged'] }).edges.has('a31')).toBe(false);
  });

  it('keeps links without occurrences under a time filter, and can hide what it leaves isolated', () => {
    const march = [Date.parse('2026-03-01T00:00:00Z'), Date.parse('2026-03-31T00:00:00Z')] as [
      number,
      number,
    ];
    const v = visible({ time: march });
    expect([...v.edges].sort()).toEqual(['b12', 'b23', 'b31', 'pa']);
    const isolated = visible({ time: march, hideIsolated: true });
    expect([...isolated.nodes].sort()).toEqual(['a1', 'b1', 'b2', 'b3', 'p']);
  });

  it('isolates a community, and filters by degree, centrality and by hand', () => {
    expect([...visible({ community: 1 }).nodes].sort()).toEqual(['b1', 'b2', 'b3']);
    expect([...visible({ minDegree: 3 }).nodes].sort()).toEqual(['a1', 'b1']);
    expect([...visible({ minCentrality: 0.6 }).nodes]).toEqual(['a1']);
    expect(visible({ hidden: ['a2'] }).nodes.has('a2')).toBe(false);
  });
});
