/**
 * The GraphStore contract suite (test/store-contract.ts), unchanged, against a live Neo4j when NEO4J_URI
 * is set (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE as for the service) AND NEO4J_TEST_WIPE=yes.
 * Each test starts from an empty database: use one kept for tests, since EVERYTHING IN IT IS DELETED;
 * a NEO4J_URI exported for the service is not enough to run it. Otherwise this file is skipped;
 * test/neo4j-cypher.test.ts and test/neo4j-adapter.test.ts check the adapter without a server.
 */
import neo4j from 'neo4j-driver';
import { describe } from 'vitest';
import { loadConfig } from '../server/config.js';
import { Neo4jGraphStore } from '../server/store/neo4j/neo4j-store.js';
import { describeStoreContract } from './store-contract.js';
import { liveNeo4jOptIn } from './support/cli.js';

const live = liveNeo4jOptIn();

describe.skipIf(!live)('Neo4j store (NEO4J_URI set, NEO4J_TEST_WIPE=yes)', () => {
  const config = loadConfig();
  const settings = {
    uri: config.NEO4J_URI!,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD!,
    database: config.NEO4J_DATABASE,
  };
  const options = { batchSize: config.NEO4J_BATCH_SIZE };

  /** Test-only, never part of the adapter: empties the test database, its counters included. */
  async function wipe(): Promise<void> {
    const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password));
    const session = driver.session({ database: settings.database });
    try {
      await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    } finally {
      await session.close();
      await driver.close();
    }
  }

  describeStoreContract('Neo4j', {
    async open() {
      await wipe();
      return Neo4jGraphStore.open(settings, options);
    },
    async reopen(store) {
      await store.close();
      return Neo4jGraphStore.open(settings, options);
    },
    async cleanup() {
      await wipe();
    },
  });
});
