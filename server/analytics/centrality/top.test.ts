import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topIndices } from './top.js';

describe('topIndices', () => {
  it('best first, ties by index', () => {
    expect(Array.from(topIndices(Float64Array.from([1, 3, 3, 0, 2]), 3))).toEqual([1, 2, 4]);
    expect(Array.from(topIndices(Float64Array.from([1, 3]), 0))).toEqual([]);
    expect(Array.from(topIndices(Float64Array.from([1, 3]), 5, (i) => i !== 1))).toEqual([0]);
  });

  it('equals a full sort', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 })), fc.nat({ max: 40 }), (xs, k) => {
        const values = Float64Array.from(xs);
        const sorted = xs
          .map((_, i) => i)
          .sort((a, b) => values[b]! - values[a]! || a - b)
          .slice(0, k);
        expect(Array.from(topIndices(values, k))).toEqual(sorted);
      }),
    );
  });
});
