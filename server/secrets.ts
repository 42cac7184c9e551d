/**
 * The key of the Aadhaar hash. Set AADHAAR_HASH_KEY in production (from the unit's secret store). On a
 * workstation without one, a random key is made once and kept in the data folder, readable by its
 * owner only, so that the same number hashes the same way across restarts.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function aadhaarKey(
  configured: string | undefined,
  dataDir: string,
): { key: string; generated: boolean } {
  if (configured) return { key: configured, generated: false };
  const dir = join(dataDir, 'secrets');
  const file = join(dir, 'aadhaar-hash.key');
  if (existsSync(file)) return { key: readFileSync(file, 'utf8').trim(), generated: false };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, key + '\n', { mode: 0o600 });
  return { key, generated: true };
}
