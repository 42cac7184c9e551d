import betweennessLib from 'graphology-metrics/centrality/betweenness.js';
import { describe, expect, it } from 'vitest';
import { buildCsr } from '../structure/csr.js';
import { graphOf, randomGraph, simpleUndirected, spearman } from '../structure/fixtures.js';
import { betweennessCsr, EXACT_LIMIT } from './betweenness.js';
import { centrality } from './centrality.js';

describe('betweenness', () => {
  it('a path a–b–c–d: inner nodes carry the pairs across them', () => {
    const g = graphOf([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
    ]);
    // b lies on a–c and a–d: 2 unordered pairs, 4 ordered, over (n−1)(n−2) = 6.
    expect(centrality(g, 'betweenness').scores).toEqual({ a: 0, b: 4 / 6, c: 4 / 6, d: 0 });
  });

  it('a star: the centre is on every path (1 normalised), leaves on none', () => {
    const g = graphOf([
      ['hub', 'a'],
      ['hub', 'b'],
      ['hub', 'c'],
      ['hub', 'd'],
    ]);
    const { scores, sampled } = centrality(g, 'betweenness');
    expect(scores).toEqual({ hub: 1, a: 0, b: 0, c: 0, d: 0 });
    expect(sampled).toBeUndefined();
  });

  it('a 4-cycle splits each opposite pair between two paths', () => {
    const g = graphOf([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'a'],
    ]);
    for (const v of Object.values(centrality(g, 'betweenness').scores)) expect(v).toBeCloseTo(1 / 6, 12);
  });

  it('exact agrees with graphology-metrics (unweighted) on small graphs, parallel links counted once', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const g = randomGraph(60, 110, seed, { isolated: 2 });
      const ours = centrality(g, 'betweenness').scores;
      const theirs = betweennessLib(simpleUndirected(g), { getEdgeWeight: null });
      for (const id of g.nodes()) expect(ours[id]).toBeCloseTo(theirs[id]!, 10);
    }
  });

  it('above the exact limit, a seeded pivot sample that ranks like the exact values', () => {
    const g = randomGraph(2000, 5000, 11);
    const csr = buildCsr(g);
    const exact = betweennessCsr(csr);
    expect(exact).toMatchObject({ exact: true, sources: 2000 });
    const sampled = betweennessCsr(csr, { exactLimit: 1000, samples: 200 });
    expect(sampled).toMatchObject({ exact: false, sources: 200 });
    expect(spearman(exact.scores, sampled.scores)).toBeGreaterThanOrEqual(0.9);
    // Same seed, same estimate.
    expect(betweennessCsr(csr, { exactLimit: 1000, samples: 200 }).scores).toEqual(sampled.scores);

    const result = centrality(g, 'betweenness', { exactLimit: 1000, samples: 200 });
    expect(result.sampled).toEqual({ sources: 200, exactUpTo: 1000 });
    expect(EXACT_LIMIT).toBe(5000);
  });
});
