import closenessLib from 'graphology-metrics/centrality/closeness.js';
import { singleSourceLength } from 'graphology-shortest-path/unweighted.js';
import { describe, expect, it } from 'vitest';
import { buildCsr } from '../structure/csr.js';
import { graphOf, randomGraph, simpleUndirected, spearman } from '../structure/fixtures.js';
import { harmonicClosenessCsr } from './closeness.js';
import { centrality } from './centrality.js';

function harmonicByHand(g: ReturnType<typeof graphOf>): Record<string, number> {
  const simple = simpleUndirected(g);
  const out: Record<string, number> = {};
  for (const v of simple.nodes()) {
    const lengths = singleSourceLength(simple, v);
    let sum = 0;
    for (const [u, d] of Object.entries(lengths)) if (u !== v) sum += 1 / d;
    out[v] = sum / (simple.order - 1);
  }
  return out;
}

describe('harmonic closeness', () => {
  it('a path a–b–c: the middle is 1, the ends (1 + 1/2) / 2', () => {
    const g = graphOf([
      ['a', 'b'],
      ['b', 'c'],
    ]);
    expect(centrality(g, 'closeness').scores).toEqual({ a: 0.75, b: 1, c: 0.75 });
  });

  it('pieces need no special case: unreached nodes add 0', () => {
    const g = graphOf(
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
      { nodes: ['z'] },
    );
    expect(centrality(g, 'closeness').scores).toEqual({ z: 0, a: 0.25, b: 0.25, c: 0.25, d: 0.25 });
  });

  it('agrees with a hand computation from graphology-shortest-path on random graphs', () => {
    for (const seed of [1, 2, 3]) {
      const g = randomGraph(80, 120, seed, { isolated: 2 });
      const ours = centrality(g, 'closeness').scores;
      const hand = harmonicByHand(g);
      for (const id of g.nodes()) expect(ours[id]).toBeCloseTo(hand[id]!, 12);
    }
  });

  it('on a connected graph it ranks as graphology-metrics’ (Freeman) closeness does, nearly', () => {
    const g = randomGraph(300, 1200, 9);
    const simple = simpleUndirected(g);
    const freeman = closenessLib(simple);
    const ours = centrality(g, 'closeness').scores;
    const ids = g.nodes();
    expect(
      spearman(
        ids.map((i) => ours[i]!),
        ids.map((i) => freeman[i]!),
      ),
    ).toBeGreaterThan(0.97);
  });

  it('above the exact limit, the pivot estimate of Eppstein & Wang tracks the exact values', () => {
    const csr = buildCsr(randomGraph(2000, 5000, 13));
    const exact = harmonicClosenessCsr(csr);
    const sampled = harmonicClosenessCsr(csr, { exactLimit: 1000, samples: 200 });
    expect(sampled).toMatchObject({ exact: false, sources: 200 });
    let worst = 0;
    for (let i = 0; i < csr.order; i++)
      worst = Math.max(worst, Math.abs(sampled.scores[i]! - exact.scores[i]!) / (exact.scores[i]! || 1));
    expect(worst).toBeLessThan(0.2);
    expect(spearman(exact.scores, sampled.scores)).toBeGreaterThan(0.9);
  });
});
