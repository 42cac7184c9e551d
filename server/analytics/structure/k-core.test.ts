import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coreNumbers, kCore } from './k-core.js';
import { graphOf, randomGraph } from './fixtures.js';

describe('core numbers', () => {
  it('a triangle with a tail and a parallel link: the triangle is the 2-core', () => {
    const g = graphOf([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
      ['c', 'd'],
      ['d', 'c'],
      ['d', 'e'],
    ]);
    expect(coreNumbers(g)).toEqual({ a: 2, b: 2, c: 2, d: 1, e: 1 });
    expect(kCore(g, 2)).toEqual(['a', 'b', 'c']);
    expect(kCore(g, 3)).toEqual([]);
  });

  it('a 4-clique is the 3-core; an isolated node has core 0', () => {
    const g = graphOf(
      [
        ['a', 'b'],
        ['a', 'c'],
        ['a', 'd'],
        ['b', 'c'],
        ['b', 'd'],
        ['c', 'd'],
      ],
      { nodes: ['z'] },
    );
    expect(coreNumbers(g)).toEqual({ z: 0, a: 3, b: 3, c: 3, d: 3 });
  });

  it('agrees with peeling: the k-core is what survives removing nodes of degree < k', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 5 }), (seed, k) => {
        const g = randomGraph(40, 90, seed);
        const alive = new Set(g.nodes());
        for (let changed = true; changed;) {
          changed = false;
          for (const v of alive) {
            const d = g.neighbors(v).filter((u) => alive.has(u)).length;
            if (d < k) {
              alive.delete(v);
              changed = true;
            }
          }
        }
        expect(kCore(g, k).sort()).toEqual([...alive].sort());
      }),
      { numRuns: 50 },
    );
  });
});
