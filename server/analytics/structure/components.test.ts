import { connectedComponents as ccLib } from 'graphology-components';
import { describe, expect, it } from 'vitest';
import { connectedComponents } from './components.js';
import { graphOf, randomGraph } from './fixtures.js';

describe('connectedComponents', () => {
  it('sorts components by size, largest first, with every node assigned', () => {
    const g = graphOf(
      [
        ['x', 'y'],
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['c', 'd'],
      ],
      { nodes: ['lonely'] },
    );
    const { components, componentOf } = connectedComponents(g);
    expect(components.map((c) => c.size)).toEqual([4, 2, 1]);
    expect(components[0]!.nodes.sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(componentOf).toEqual({ lonely: 2, x: 1, y: 1, a: 0, b: 0, c: 0, d: 0 });
    expect(connectedComponents(g, { minSize: 2 }).components).toHaveLength(2);
  });

  it('ignores directions and agrees with graphology-components', () => {
    for (const seed of [1, 2, 3]) {
      const g = randomGraph(300, 200, seed);
      const ours = connectedComponents(g).components.map((c) => c.nodes.sort().join());
      const theirs = ccLib(g).map((c) => c.sort().join());
      expect(ours.sort()).toEqual(theirs.sort());
    }
  });
});
