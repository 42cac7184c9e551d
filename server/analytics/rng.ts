/**
 * The one seeded pseudo-random number generator of the analytics (Louvain's node order, sampled
 * pivots, test fixtures), so the same seed gives the same result: mulberry32 (Tommy Ettinger's 32-bit generator) seeded by a 32-bit FNV-1a hash of the
 * seed string (Fowler, Noll & Vo). Not for cryptography; for reproducible analytics only.
 */

/** 32-bit FNV-1a over the UTF-16 code units of `text`. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a generator of floats in [0, 1), the same sequence for the same 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The same, seeded by text: the same sequence for the same seed string. */
export function seededRandom(seed: string): () => number {
  return mulberry32(hashSeed(seed));
}
