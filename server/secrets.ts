/**
 * The key of the Aadhaar hash. Set AADHAAR_HASH_KEY in production (from the unit's secret store). On a
 * workstation without one, a random key is made once and kept in the data folder, readable by its
 * owner only, so that the same number hashes the same way across restarts.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class KeyMismatchError extends Error {
  override readonly name = 'KeyMismatchError';
}

/**
 * A store's Aadhaar hashes are only comparable under the key that made them: with another key the same
 * number becomes a second node, silently. The first start records a fingerprint of the key (an HMAC of a
 * fixed text, which reveals nothing of the key); a later start with another key is refused.
 */
function checkFingerprint(key: string, dataDir: string): void {
  const file = join(dataDir, 'aadhaar-key.fingerprint');
  const fingerprint = createHmac('sha256', key)
    .update('casegraph aadhaar key fingerprint')
    .digest('hex')
    .slice(0, 32);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, fingerprint + '\n');
    return;
  }
  if (readFileSync(file, 'utf8').trim() !== fingerprint)
    throw new KeyMismatchError(
      `AADHAAR_HASH_KEY is not the key this data folder (${dataDir}) was built with; start with that key, or with a new data folder`,
    );
}

export function aadhaarKey(
  configured: string | undefined,
  dataDir: string,
): { key: string; generated: boolean } {
  const chosen = chooseKey(configured, dataDir);
  checkFingerprint(chosen.key, dataDir);
  return chosen;
}

function chooseKey(configured: string | undefined, dataDir: string): { key: string; generated: boolean } {
  if (configured) return { key: configured, generated: false };
  const dir = join(dataDir, 'secrets');
  const file = join(dir, 'aadhaar-hash.key');
  if (existsSync(file)) return { key: readFileSync(file, 'utf8').trim(), generated: false };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, key + '\n', { mode: 0o600 });
  return { key, generated: true };
}
