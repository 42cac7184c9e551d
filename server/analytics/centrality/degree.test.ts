import { describe, expect, it } from 'vitest';
import { graphOf } from '../structure/fixtures.js';
import { centrality } from './centrality.js';

describe('degree and weighted degree', () => {
  const g = graphOf(
    [
      ['hub', 'a', 2],
      ['a', 'hub', 3],
      ['hub', 'b', 1],
      ['hub', 'c', 4],
    ],
    { directed: true, nodes: ['z'] },
  );

  it('degree counts distinct neighbours, ignoring directions and parallel links', () => {
    expect(centrality(g, 'degree').scores).toEqual({ z: 0, hub: 3, a: 1, b: 1, c: 1 });
  });

  it('weighted degree sums the weights of every link', () => {
    expect(centrality(g, 'weighted-degree').scores).toEqual({ z: 0, hub: 10, a: 5, b: 1, c: 4 });
  });
});
