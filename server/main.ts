/** `npm start`: read the configuration, start CaseGraph, say where it is, stop cleanly on a signal. */
import { pino } from 'pino';
import { ConfigError, loadConfig } from './config.js';
import { start } from './start.js';
import { KeyMismatchError } from './secrets.js';
import { Neo4jStartError } from './store/neo4j/connect.js';

try {
  const config = loadConfig();
  // Synchronous, so the log and the console lines come out in the order things happened.
  const logger = pino({ level: config.LOG_LEVEL }, pino.destination({ sync: true }));
  const running = await start(config, logger);
  console.log(`CaseGraph is running at ${running.url}  (API description: ${running.url}/api/openapi.json)`);
  // To the console only, never the log: it is the one copy of the password, shown once.
  if (running.firstAdmin)
    console.log(
      `No users yet: made "${running.firstAdmin.username}" with the password ${running.firstAdmin.password}\n` +
        'Write it down now; it is not shown again, and it must be changed at first sign-in.',
    );
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  if (
    err instanceof ConfigError ||
    err instanceof KeyMismatchError ||
    err instanceof Neo4jStartError ||
    (err as NodeJS.ErrnoException).code === 'EADDRINUSE'
  ) {
    console.error(`CaseGraph could not start: ${(err as Error).message}`);
    process.exit(2);
  }
  throw err;
}
