import pagerankLib from 'graphology-metrics/centrality/pagerank.js';
import { describe, expect, it } from 'vitest';
import { buildCsr } from '../structure/csr.js';
import { graphOf, randomGraph, simpleUndirected } from '../structure/fixtures.js';
import { pagerankCsr } from './pagerank.js';
import { centrality } from './centrality.js';

function expectAgreement(g: ReturnType<typeof graphOf>) {
  const ours = centrality(g, 'pagerank', { tolerance: 1e-13, maxIterations: 5000 }).scores;
  const theirs = pagerankLib(simpleUndirected(g), {
    getEdgeWeight: 'weight',
    tolerance: 1e-14,
    maxIterations: 5000,
  });
  for (const id of g.nodes()) expect(Math.abs(ours[id]! - theirs[id]!)).toBeLessThan(1e-6);
}

describe('pagerank', () => {
  it('a star: the centre holds the most, leaves share the rest equally, the sum is 1', () => {
    const g = graphOf([
      ['hub', 'a'],
      ['hub', 'b'],
      ['hub', 'c'],
    ]);
    const { scores, top } = centrality(g, 'pagerank');
    expect(top[0]!.id).toBe('hub');
    // Stationary solution of x_h = 0.15/4 + 0.85·3·x_l and x_l = 0.15/4 + 0.85·x_h/3.
    const leaf = (0.15 / 4 + (0.85 * 0.15) / 12) / (1 - 0.85 * 0.85);
    expect(scores.a).toBeCloseTo(leaf, 9);
    expect(scores.hub).toBeCloseTo(1 - 3 * leaf, 9);
  });

  it('a node with no links (dangling) gets the teleport share and the sum stays 1', () => {
    const g = graphOf([['a', 'b']], { nodes: ['z'] });
    const { scores } = centrality(g, 'pagerank', { tolerance: 1e-14, maxIterations: 5000 });
    expect(scores.a! + scores.b! + scores.z!).toBeCloseTo(1, 12);
    expect(scores.a).toBeCloseTo(scores.b!, 12);
    expectAgreement(g);
  });

  it('agrees with graphology-metrics on the same undirected weighted simple graph (small and medium)', () => {
    expectAgreement(
      graphOf([
        ['a', 'b', 3],
        ['b', 'c', 1],
        ['c', 'a', 2],
        ['c', 'd', 5],
        ['d', 'e', 1],
      ]),
    );
    for (const seed of [1, 2, 3]) expectAgreement(randomGraph(40, 80, seed, { isolated: 3 }));
    expectAgreement(randomGraph(2000, 8000, 7, { isolated: 20 }));
  });

  it('at the default tolerance (PRPACK rule, 1e-10) is within 1e-10 in L1 of a tightly converged reference', () => {
    const g = randomGraph(3000, 15000, 11, { isolated: 10 });
    const ours = centrality(g, 'pagerank').scores;
    const theirs = pagerankLib(simpleUndirected(g), {
      getEdgeWeight: 'weight',
      tolerance: 1e-15,
      maxIterations: 10_000,
    });
    let l1 = 0;
    for (const id of g.nodes()) l1 += Math.abs(ours[id]! - theirs[id]!);
    expect(l1).toBeLessThan(1e-10);
  });

  it('reports iterations and whether it converged', () => {
    const csr = buildCsr(randomGraph(200, 600, 4));
    expect(pagerankCsr(csr).converged).toBe(true);
    const capped = pagerankCsr(csr, { maxIterations: 2 });
    expect(capped).toMatchObject({ iterations: 2, converged: false });
  });
});
