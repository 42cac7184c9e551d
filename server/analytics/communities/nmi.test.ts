import { describe, expect, it } from 'vitest';
import { nmi } from './nmi.js';

describe('nmi', () => {
  it('matches a hand computation', () => {
    // H(A) = ln 2, H(B) = −(¾ ln ¾ + ¼ ln ¼) = 0.562335; I = ½ ln(4/3) + ¼ ln(2/3) + ¼ ln 2 = 0.215762;
    // NMI = 2I / (H(A) + H(B)) = 0.343711.
    expect(nmi([0, 0, 1, 1], [0, 0, 0, 1])).toBeCloseTo(0.343711, 6);
  });

  it('is 1 for the same partition under other names, 0 for independent ones, and symmetric', () => {
    expect(nmi([0, 0, 1, 1, 2], ['x', 'x', 'y', 'y', 'z'])).toBeCloseTo(1, 12);
    expect(nmi([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(0, 12);
    expect(nmi([0, 1, 1, 2, 2, 2], [0, 0, 1, 1, 2, 2])).toBeCloseTo(
      nmi([0, 0, 1, 1, 2, 2], [0, 1, 1, 2, 2, 2]),
      12,
    );
    expect(nmi(['a', 'a'], [3, 3])).toBe(1);
    expect(() => nmi([0], [0, 1])).toThrow(RangeError);
  });
});
