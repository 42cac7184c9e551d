/**
 * The schema step, run at every start: the constraints and indexes of cypher/schema/ (each
 * `IF NOT EXISTS`, so a second start, or a second instance, changes nothing), a wait until the indexes
 * are online, and the two counter nodes the writes lock (the graph's and the audit chain's head).
 */
import neo4j from 'neo4j-driver';
import { GENESIS } from '../../domain/audit-chain.js';
import type { Executor } from './executor.js';
import type { Queries } from './queries.js';

export async function applySchema(executor: Executor, queries: Queries): Promise<void> {
  for (const statement of queries.schema) await executor.schema(statement);
  await executor.write(async (q) => {
    await q.all('init-graph-meta', {});
    await q.all('init-audit-head', { genesis: GENESIS });
  });
  // A first start on an empty database would otherwise run its first queries without their indexes.
  await executor.read((q) => q.all('await-indexes', { timeoutSeconds: neo4j.int(300) }));
}
