/** Runs one of the `npm run …` commands as a real process over a data folder, as an officer would. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Tests touch a live Neo4j only when asked in so many words: NEO4J_URI exported in a shell for the
 * service is not that, since test/neo4j-store.test.ts empties the database it names.
 */
export const liveNeo4jOptIn = (env: NodeJS.ProcessEnv = process.env): boolean =>
  Boolean(env.NEO4J_URI) && env.NEO4J_TEST_WIPE === 'yes';

/**
 * The environment a command runs with: the data folder and a test key, and without NEO4J_* unless the
 * live Neo4j suite was opted into, so a NEO4J_URI left in the shell keeps the commands on SQLite.
 */
export function commandEnv(dir: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const kept = liveNeo4jOptIn(env)
    ? { ...env }
    : Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('NEO4J_')));
  return {
    ...kept,
    DATA_DIR: join(dir, 'data'),
    AADHAAR_HASH_KEY: 'test-only-aadhaar-key-0123456789abcdef',
  };
}

export function runCommand(script: string, dir: string, args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    env: commandEnv(dir),
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
