import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { permute } from './permute.js';
import { Rng, rngFor } from './rng.js';

const draw = (r: Rng, n: number) => Array.from({ length: n }, () => r.uint32());

describe('Rng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    expect(draw(rngFor('a'), 50)).toEqual(draw(rngFor('a'), 50));
    expect(draw(rngFor('a'), 50)).not.toEqual(draw(rngFor('b'), 50));
    // A number seed and its text are different seeds: the CLI's "42" must not silently equal 42.
    expect(draw(rngFor(42), 5)).not.toEqual(draw(rngFor('42'), 5));
  });

  it('forks by label, independent of how much the parent has drawn', () => {
    const a = rngFor('s');
    const b = rngFor('s');
    draw(b, 100);
    expect(draw(a.fork('ring', 3), 10)).toEqual(draw(b.fork('ring', 3), 10));
    expect(draw(a.fork('ring', 3), 10)).not.toEqual(draw(a.fork('ring', 4), 10));
    expect(draw(a.forkIndex(1, 7), 10)).toEqual(draw(b.forkIndex(1, 7), 10));
  });

  it('keeps int() within its bounds, both included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 50 }),
        fc.string(),
        (lo, span, seed) => {
          const r = new Rng(seed);
          for (let i = 0; i < 20; i++) {
            const x = r.int(lo, lo + span);
            if (x < lo || x > lo + span || !Number.isInteger(x)) return false;
          }
          return true;
        },
      ),
    );
    expect(() => new Rng(1).int(2, 1)).toThrow(RangeError);
  });

  it('shuffles into a permutation and samples distinct items', () => {
    const r = new Rng('x');
    const items = Array.from({ length: 30 }, (_, i) => i);
    expect([...r.shuffle([...items])].sort((a, b) => a - b)).toEqual(items);
    const s = r.sample(items, 10);
    expect(new Set(s).size).toBe(10);
  });

  it('weights picks and centres normal() near its mean', () => {
    const r = new Rng('w');
    let a = 0;
    for (let i = 0; i < 20_000; i++)
      if (
        r.weighted([
          ['a', 3],
          ['b', 1],
        ] as const) === 'a'
      )
        a++;
    expect(a / 20_000).toBeGreaterThan(0.72);
    expect(a / 20_000).toBeLessThan(0.78);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += r.normal(10, 2);
    expect(Math.abs(sum / 20_000 - 10)).toBeLessThan(0.1);
    expect(r.chance(0)).toBe(false);
    expect(r.chance(1)).toBe(true);
  });
});

describe('permute', () => {
  it('is a bijection of [0, domain) for odd-sized and power-of-two domains', () => {
    for (const domain of [1, 7, 1000, 1024, 4099]) {
      const seen = new Set<number>();
      for (let n = 0; n < domain; n++) {
        const x = permute(n, domain, 12345);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThan(domain);
        seen.add(x);
      }
      expect(seen.size).toBe(domain);
    }
  });

  it('depends on its key and rejects indices outside the domain', () => {
    const a = Array.from({ length: 20 }, (_, n) => permute(n, 1e9, 1));
    const b = Array.from({ length: 20 }, (_, n) => permute(n, 1e9, 2));
    expect(a).not.toEqual(b);
    expect(() => permute(10, 10, 1)).toThrow(RangeError);
  });
});
