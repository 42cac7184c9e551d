/**
 * Passwords are kept only as argon2id hashes, at OWASP's recommended cost (19 MiB, 2 passes, 1 lane):
 * slow enough to make a stolen file expensive to crack, fast enough (~50 ms) for a sign-in. The hash
 * runs on libuv's pool, off the event loop, so a sign-in does not stall other requests.
 */
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

// Algorithm.Argon2id: the type is a const enum, which isolated modules cannot inline.
const ARGON2ID = 2;
const COST = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, COST);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    // A malformed stored hash opens nothing.
    return false;
  }
}

/** A hash of a random password: checking an unknown user against it costs what a real check costs. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  return (decoy ??= hashPassword(randomBytes(24).toString('base64url')));
}

/** A password to print once: 20 characters from an alphabet without look-alikes (about 116 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const limit = 256 - (256 % alphabet.length); // bytes at or above it would favour the first letters
  let out = '';
  while (out.length < 20)
    for (const b of randomBytes(32)) if (b < limit && out.length < 20) out += alphabet[b % alphabet.length];
  return out;
}
