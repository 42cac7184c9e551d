/** Runs one of the `npm run …` commands as a real process over a data folder, as an officer would. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export function runCommand(script: string, dir: string, args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    env: {
      ...process.env,
      DATA_DIR: join(dir, 'data'),
      AADHAAR_HASH_KEY: 'test-only-aadhaar-key-0123456789abcdef',
    },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
