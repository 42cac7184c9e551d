/**
 * The cold start's bulk read of the SQLite store gives the same communities as the projection built
 * through the store's change feed, on a scenario ingested through the real pipeline.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '../seed/scenario.js';
import { detectCommunities, detectCommunitiesInEdgeList } from '../server/analytics/communities/index.js';
import { Projection } from '../server/analytics/projection.js';
import type { KeyContext } from '../server/domain/keys.js';
import { ingestBulk } from '../server/ingest/bulk.js';
import { SqliteGraphStore } from '../server/store/sqlite/sqlite-store.js';
import { readEdgeList } from '../server/workers/analytics-edge-list.js';

describe('readEdgeList', () => {
  const keys: KeyContext = { defaultRegion: 'IN', aadhaarKey: 'test-only-aadhaar-key-0123456789abcdef' };
  let dir: string;
  let dbPath: string;
  let store: SqliteGraphStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casegraph-edge-list-'));
    dbPath = join(dir, 'graph.db');
    store = new SqliteGraphStore(dbPath);
    const { batches } = generateScenario({ entities: 800, seed: 'edge-list' });
    const items = batches.map((raw, i) => ({ where: `batch ${i}`, raw }));
    for await (const outcome of ingestBulk(items, 'test', { store, keys }))
      if (!outcome.ok) throw outcome.error;
  });

  afterAll(async () => {
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads every entity and link at the store’s version, and gives the projection’s communities', async () => {
    const projection = new Projection(store);
    const stats = await projection.refresh();
    const list = readEdgeList(dbPath);
    expect(list.version).toBe(stats.version);
    expect(list.ids).toHaveLength(stats.nodes);
    expect(list.from).toHaveLength(stats.edges);
    expect([...list.ids].sort()).toEqual(list.ids);
    for (const seed of ['casegraph', 'x'])
      expect(detectCommunitiesInEdgeList(list, { seed })).toEqual(
        detectCommunities(projection.graph, { seed }),
      );
  });
});
