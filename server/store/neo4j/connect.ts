/**
 * Start-up against Neo4j: make the driver, prove the server answers, that the credentials open it, that
 * the database exists and that the server is recent enough for CaseGraph's queries. Whatever fails ends
 * the start with one line that says which of these it was and which variable to set — an officer
 * starting the service should not have to read a driver's stack trace.
 */
import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';
import { queries as loadedQueries, type Queries } from './queries.js';
import { text } from './map-records.js';

export interface Neo4jSettings {
  uri: string;
  user: string;
  password: string;
  database: string;
}

export class Neo4jStartError extends Error {
  override readonly name = 'Neo4jStartError';
}

/**
 * Scoped subqueries, `CALL (x) { … }`, came in 5.23; the 5.26 LTS and the 2025 calendar releases have
 * everything else the queries use (COUNT subqueries, relationship uniqueness constraints).
 */
export const MIN_VERSION: readonly [number, number] = [5, 23];

export interface Connected {
  driver: Driver;
  /** "5.26.0", "2025.06.0" … */
  version: string;
  edition: string;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Why the driver gave up, in the words a person can act on. */
export function startErrorOf(error: unknown, s: Neo4jSettings): Neo4jStartError {
  const code = error instanceof Neo4jError ? error.code : '';
  const message = oneLine(error instanceof Error ? error.message : String(error));
  const at = `Neo4j at ${s.uri}`;
  switch (code) {
    case 'ServiceUnavailable':
    case 'SessionExpired': {
      const cause = /Caused by: (.*)$/.exec(message)?.[1] ?? message;
      return new Neo4jStartError(
        `cannot reach ${at} (${cause}); start Neo4j, or set NEO4J_URI to where it listens`,
      );
    }
    case 'Neo.ClientError.Security.Unauthorized':
      return new Neo4jStartError(
        `${at} refused user "${s.user}": wrong user name or password; set NEO4J_USER and NEO4J_PASSWORD`,
      );
    case 'Neo.ClientError.Security.AuthenticationRateLimit':
      return new Neo4jStartError(
        `${at} refuses sign-ins for now after too many failed ones; check NEO4J_USER and NEO4J_PASSWORD, then try again in a while`,
      );
    case 'Neo.ClientError.Security.CredentialsExpired':
      return new Neo4jStartError(
        `the password of "${s.user}" on ${at} has expired; change it there, then set NEO4J_PASSWORD to the new one`,
      );
    case 'Neo.ClientError.Database.DatabaseNotFound':
      return new Neo4jStartError(
        `${at} has no database "${s.database}"; create it (CREATE DATABASE \`${s.database}\`) or set NEO4J_DATABASE to one it has`,
      );
    case 'Neo.TransientError.General.DatabaseUnavailable':
      return new Neo4jStartError(
        `the database "${s.database}" on ${at} is not online; start it (START DATABASE \`${s.database}\`) or set NEO4J_DATABASE to another`,
      );
    default:
      return new Neo4jStartError(`${at} failed at start-up: ${message}`);
  }
}

/**
 * Why the start failed after the server had answered: the schema step (constraints, indexes, the wait
 * for them to be online) or the check for Graph Data Science. Again one line, saying what to do.
 */
export function schemaStepErrorOf(error: unknown, s: Neo4jSettings): Neo4jStartError {
  if (error instanceof Neo4jStartError) return error;
  const code = error instanceof Neo4jError ? error.code : ((error as { code?: string }).code ?? '');
  const message = oneLine(error instanceof Error ? error.message : String(error));
  const on = `the database "${s.database}" on Neo4j at ${s.uri}`;
  if (code === 'Neo.ClientError.Security.Forbidden')
    return new Neo4jStartError(
      `user "${s.user}" may not create CaseGraph's constraints and indexes in ${on} (${message}); grant it schema rights there (or start CaseGraph once as a user who has them), or set NEO4J_USER to one who has`,
    );
  if (code.startsWith('Neo.ClientError.Procedure.') || /awaitIndexes|FAILED/.test(message))
    return new Neo4jStartError(
      `the indexes of ${on} did not come online (${message}); look for a FAILED one with SHOW INDEXES, drop it and start again, or wait for a long population to finish`,
    );
  if (code === 'STORE.UNAVAILABLE')
    return new Neo4jStartError(`lost ${on} during start-up (${message}); start again when it is back`);
  return new Neo4jStartError(`${on} failed at the schema step: ${message}`);
}

/** "5.26.0" → [5, 26]; "2025.06.0" → [2025, 6]. */
export function versionOf(version: string): [number, number] {
  const m = /^(\d+)\.(\d+)/.exec(version);
  if (!m) throw new Neo4jStartError(`Neo4j reports a version CaseGraph cannot read: "${version}"`);
  return [Number(m[1]), Number(m[2])];
}

export function checkVersion(version: string, s: Neo4jSettings): void {
  const [major, minor] = versionOf(version);
  const [wantMajor, wantMinor] = MIN_VERSION;
  if (major < wantMajor || (major === wantMajor && minor < wantMinor))
    throw new Neo4jStartError(
      `Neo4j at ${s.uri} is version ${version}; CaseGraph needs ${wantMajor}.${wantMinor} or newer (the 5.26 LTS or a 2025 release); upgrade it or set NEO4J_URI to another`,
    );
}

export async function connect(s: Neo4jSettings, queries: Queries = loadedQueries()): Promise<Connected> {
  let driver: Driver;
  try {
    driver = neo4j.driver(s.uri, neo4j.auth.basic(s.user, s.password), {
      userAgent: 'casegraph',
      // A start against an address where nothing answers should fail in seconds, not a minute.
      connectionTimeout: 5_000,
      connectionAcquisitionTimeout: 10_000,
    });
  } catch (error) {
    throw new Neo4jStartError(
      `NEO4J_URI "${s.uri}" is not a Neo4j address (${oneLine((error as Error).message)}); use bolt://host:7687 or neo4j://host:7687`,
    );
  }
  try {
    await driver.getServerInfo({ database: s.database });
    // The database is checked by asking it something: the server answers even when it is missing.
    const session = driver.session({ database: s.database, defaultAccessMode: neo4j.session.READ });
    let components;
    try {
      components = await session.executeRead((tx) => tx.run(queries.text('server-components'), {}));
    } finally {
      await session.close();
    }
    const kernel = components.records.find((r) => r.get('name') === 'Neo4j Kernel');
    if (!kernel) throw new Neo4jStartError(`${s.uri} answers, but not as a Neo4j server CaseGraph knows`);
    const version = text((kernel.get('versions') as unknown[])[0], 'Neo4j version');
    checkVersion(version, s);
    return { driver, version, edition: text(kernel.get('edition'), 'Neo4j edition') };
  } catch (error) {
    await driver.close();
    throw error instanceof Neo4jStartError ? error : startErrorOf(error, s);
  }
}
