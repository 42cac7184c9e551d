/**
 * Keyed bijections over [0, domain): a four-round Feistel network on the smallest even power of two that
 * holds the domain, with cycle walking (Black & Rogaway, "Ciphers with arbitrary finite domains", 2002).
 *
 * Identifiers are built as permute(index): distinct indices give distinct numbers by construction, so a
 * million phones need no set of used numbers, and consecutive people do not get consecutive numbers.
 */
import { mix32 } from './rng.js';

const ROUNDS = 4;

const halves = new Map<number, number>();

function halfBits(domain: number): number {
  let half = halves.get(domain);
  if (half === undefined) {
    let bits = 2;
    while (2 ** bits < domain) bits += 2;
    if (bits > 52) throw new RangeError(`permute: domain ${domain} exceeds 2^52`);
    half = bits / 2;
    halves.set(domain, half);
  }
  return half;
}

function feistel(x: number, half: number, key: number): number {
  const size = 2 ** half;
  let left = Math.floor(x / size);
  let right = x % size;
  for (let r = 0; r < ROUNDS; r++) {
    // The round function only needs to scramble; its 32 bits are reduced to the half's width.
    const f = (mix32(right % 4294967296, key, r) + Math.floor(right / 4294967296) * 40503) % size;
    const next = (left + f) % size;
    left = right;
    right = next;
  }
  return left * size + right;
}

/** The image of n under the permutation of [0, domain) named by key. */
export function permute(n: number, domain: number, key: number): number {
  if (!Number.isInteger(n) || n < 0 || n >= domain)
    throw new RangeError(`permute: ${n} is outside [0, ${domain})`);
  const half = halfBits(domain);
  let x = n;
  do x = feistel(x, half, key);
  while (x >= domain);
  return x;
}
