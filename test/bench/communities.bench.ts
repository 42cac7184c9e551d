/**
 * Community quality on data nobody tuned to, as test/analytics-communities.test.ts asserts it:
 * modularity on Zachary's karate club (floor 0.41) and NMI between communities and the planted rings of
 * a generated 5,000-entity scenario (floor 0.90), at the default γ = 1 and at the ring scale γ = 3 the
 * test uses (why: the test's comment and server/analytics/communities/README.md). The scored nodes are
 * the rings' own members.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectCommunities, nmi } from '../../server/analytics/communities/index.js';
import { buildGraph } from '../../server/analytics/graph.js';
import { karate } from '../support/karate.js';
import { entityId } from '../../server/domain/ids.js';
import { normaliseKey } from '../../server/domain/keys.js';
import { ingestBulk } from '../../server/ingest/bulk.js';
import { SqliteGraphStore } from '../../server/store/sqlite/sqlite-store.js';
import { generateScenario } from '../../seed/scenario.js';

const keys = { defaultRegion: 'IN' as const, aadhaarKey: 'bench-only-aadhaar-key-0123456789abcdef' };

export async function run(): Promise<void> {
  const k = detectCommunities(karate());
  console.log(
    `karate: modularity ${k.modularity.toFixed(4)} (floor 0.41), ${k.communities.length} communities`,
  );

  for (const seed of ['communities-quality', 'bench-a', 'bench-b']) {
    const { batches, truth } = generateScenario({ entities: 5000, seed });
    const dir = mkdtempSync(join(tmpdir(), 'casegraph-bench-communities-'));
    const store = new SqliteGraphStore(join(dir, 'graph.db'));
    try {
      const items = batches.map((raw, i) => ({ where: `batch ${i}`, raw }));
      for await (const r of ingestBulk(items, 'bench', { store, keys })) if (!r.ok) throw r.error;
      const graph = buildGraph(await store.subgraph({ limit: 1_000_000 }));
      for (const resolution of [1, 3]) {
        const t = performance.now();
        const result = detectCommunities(graph, { resolution });
        const ms = performance.now() - t;
        const found: number[] = [];
        const planted: string[] = [];
        for (const ring of truth.rings)
          for (const { person } of ring.members) {
            const n = normaliseKey('person', person.key, keys);
            if (!n.ok) continue;
            found.push(result.communityOf[entityId('person', 'person', n.key)] ?? -1);
            planted.push(ring.id);
          }
        console.log(
          `planted rings (5,000 entities, seed ${seed}), γ = ${resolution}: NMI ${nmi(found, planted).toFixed(3)} (floor 0.90) over ` +
            `${planted.length} ring members of ${truth.rings.length} rings; modularity ${result.modularity.toFixed(4)}; ` +
            `${result.communities.length} communities; ${graph.order} nodes, ${graph.size} links; Louvain and summaries ${ms.toFixed(0)} ms`,
        );
      }
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
