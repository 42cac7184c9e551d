/**
 * The seeded pseudo-random source of the generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting
 * generator, as in PractRand) seeded through cyrb128. Every choice the generator makes comes from here, so
 * the same options give byte-identical scenarios on every machine and Node version.
 *
 * Streams are forked by label rather than by drawing from a parent: `rng.fork('ring', 3)` is the same
 * stream whatever was drawn before, so adding a draw in one part of the world does not reshuffle another.
 */

/** cyrb128: a fast 128-bit string hash, enough to spread a seed over sfc32's four words. */
export function hashString(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** murmur3's finaliser over a few 32-bit words: a stateless hash for per-index choices. */
export function mix32(a: number, b = 0, c = 0): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) ^ Math.imul(c ^ 0x165667b1, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export type Seed = string | number;
type State = [number, number, number, number];

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** The seed words this stream started from; children are derived from them, not from the position. */
  private readonly base: State;

  constructor(seed: Seed | State) {
    const s: State = Array.isArray(seed) ? [...seed] : hashString(String(seed));
    this.base = [...s];
    [this.a, this.b, this.c, this.d] = s;
    // sfc32 needs a few rounds before its output stops echoing the seed.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A child stream named by labels; independent of how much this stream has been drawn. */
  fork(...labels: (string | number)[]): Rng {
    const [a, b, c, d] = this.base;
    const h = hashString(labels.join('\u0000'));
    return new Rng([mix32(a, h[0]), mix32(b, h[1], 1), mix32(c, h[2], 2), mix32(d, h[3], 3)]);
  }

  /** A child stream for a numbered item (a background person, a neighbourhood) without string work. */
  forkIndex(label: number, index: number): Rng {
    const [a, b, c, d] = this.base;
    return new Rng([
      mix32(a, label, index),
      mix32(b, index, label),
      mix32(c ^ index, label, 7),
      mix32(d, index ^ label, 9),
    ]);
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    if (hi < lo) throw new RangeError(`Rng.int: empty range [${lo}, ${hi}]`);
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Rng.pick: no items');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: `weighted([['a', 3], ['b', 1]])` gives 'a' three times as often. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    const last = items[items.length - 1];
    if (!last) throw new RangeError('Rng.weighted: no items');
    return last[0];
  }

  /** Fisher–Yates, in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i] as T;
      items[i] = items[j] as T;
      items[j] = t;
    }
    return items;
  }

  /** k distinct items in random order (all of them when k exceeds the count). */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle([...items]).slice(0, Math.max(0, k));
  }

  /** Normal-ish: the sum of four uniforms, scaled; bounded tails suit counts and durations better than Box–Muller. */
  normal(mean = 0, sd = 1): number {
    const s = this.next() + this.next() + this.next() + this.next() - 2;
    return mean + s * sd * Math.sqrt(3);
  }
}

/** The root stream of a scenario. */
export function rngFor(seed: Seed): Rng {
  return new Rng(`casegraph-seed\u0000${typeof seed}\u0000${String(seed)}`);
}
