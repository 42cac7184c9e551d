/**
 * The schema step, run at every start: the constraints and indexes of cypher/schema/ (each
 * `IF NOT EXISTS`, so a second start, or a second instance, changes nothing), a wait until the indexes
 * are online, and the two counter nodes the writes lock (the graph's and the audit chain's head).
 */
import neo4j, { Neo4jError } from 'neo4j-driver';
import { GENESIS } from '../../domain/audit-chain.js';
import type { Executor } from './executor.js';
import type { Queries } from './queries.js';

/**
 * What a server says when another instance, starting at the same moment, made the same constraint or
 * index between this one's `IF NOT EXISTS` check and its creation: the rule is there, which is the point.
 */
const ALREADY_THERE = new Set([
  'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists',
  'Neo.ClientError.Schema.ConstraintAlreadyExists',
  'Neo.ClientError.Schema.IndexAlreadyExists',
]);

export async function applySchema(executor: Executor, queries: Queries): Promise<void> {
  for (const statement of queries.schema)
    try {
      await executor.schema(statement);
    } catch (error) {
      if (!(error instanceof Neo4jError && ALREADY_THERE.has(error.code))) throw error;
    }
  await executor.write(async (q) => {
    await q.all('init-graph-meta', {});
    await q.all('init-audit-head', { genesis: GENESIS });
  });
  // A first start on an empty database would otherwise run its first queries without their indexes.
  await executor.read((q) => q.all('await-indexes', { timeoutSeconds: neo4j.int(300) }));
}
