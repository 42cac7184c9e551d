/**
 * The GraphStore contract suite, unchanged, run by the Neo4j adapter's own code against an in-memory
 * model of its queries (test/support/neo4j-model.ts), with a small UNWIND chunk so every write is
 * chunked. What this proves is the adapter's logic — what ingest decides and counts, how answers are
 * assembled, ordered and mapped — not that Neo4j runs the Cypher as modelled: that is
 * test/neo4j-store.test.ts's part against a live server (NEO4J_URI), and test/neo4j-cypher.test.ts's
 * with Neo4j's parser.
 */
import { fakeStore } from './support/fake-neo4j.js';
import { neo4jModel } from './support/neo4j-model.js';
import { describeStoreContract } from './store-contract.js';

let model = neo4jModel();
const open = () => {
  // As the schema step leaves a new database: the counters made, nothing else.
  model.answers['init-graph-meta']!({});
  return fakeStore(model.answers, 3, model.transactions).store;
};

describeStoreContract('Neo4j adapter on a model of its queries', {
  async open() {
    model = neo4jModel();
    return open();
  },
  async reopen(store) {
    await store.close();
    return open();
  },
  async cleanup() {},
});
