import { describe, expect, it } from 'vitest';
import { hashSeed, seededRandom } from './rng.js';

describe('seededRandom', () => {
  it('repeats its sequence for a seed, stays in [0, 1) and differs between seeds', () => {
    const take = (seed: string) => {
      const random = seededRandom(seed);
      return Array.from({ length: 1000 }, random);
    };
    const a = take('casegraph');
    expect(take('casegraph')).toEqual(a);
    expect(take('casegraph-2')).not.toEqual(a);
    for (const x of a) expect(x >= 0 && x < 1).toBe(true);
    const mean = a.reduce((s, x) => s + x, 0) / a.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('hashes with 32-bit FNV-1a', () => {
    expect(hashSeed('')).toBe(0x811c9dc5);
    expect(hashSeed('a')).toBe(0xe40c292c);
  });
});
