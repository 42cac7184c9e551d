import { ConfigError } from '../config.js';
import { Neo4jStartError } from '../store/neo4j/connect.js';

/**
 * Runs a command's main: its number is the exit code; a bad configuration, or a Neo4j that cannot be
 * used, is said in one line, exit 2.
 */
export async function runCli(main: (argv: string[]) => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof ConfigError || err instanceof Neo4jStartError)) throw err;
    console.error(err.message);
    process.exitCode = 2;
  }
}
