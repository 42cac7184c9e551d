/**
 * The in-memory projection follows the store by version: built once, then only the changes are read,
 * and the result is the graph a fresh build would give.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Projection } from '../server/analytics/projection.js';
import { DEFAULTS } from '../server/analytics/communities/louvain.js';
import { projectionOf } from '../server/analytics/communities/projection-cache.js';
import { project } from '../server/analytics/communities/projection.js';
import { edgeIndexOf } from '../server/analytics/edge-index.js';
import { buildCsr, csrOf } from '../server/analytics/structure/csr.js';
import { buildGraph } from '../server/analytics/graph.js';
import { ingestBatch } from '../server/ingest/ingest-batch.js';
import { SqliteGraphStore } from '../server/store/sqlite/sqlite-store.js';
import {
  TEST_KEYS,
  airtelCdr,
  firBatch,
  jioCdr,
  otherCaseEvidence,
  otherFirBatch,
} from './support/batches.js';

let dir: string;
let store: SqliteGraphStore;
const load = async (...batches: Parameters<typeof ingestBatch>[0][]) => {
  for (const b of batches) await ingestBatch(b, 'test', { store, keys: TEST_KEYS });
};
const snapshot = (g: ReturnType<typeof buildGraph>) => {
  const { nodes, edges } = g.export();
  const byKey = (a: { key?: string }, b: { key?: string }) => ((a.key ?? '') < (b.key ?? '') ? -1 : 1);
  return { nodes: [...nodes].sort(byKey), edges: [...edges].sort(byKey) };
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'casegraph-projection-'));
  store = new SqliteGraphStore(join(dir, 'graph.db'));
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Projection', () => {
  it('is built once from the store and reports its size', async () => {
    await load(firBatch(), airtelCdr());
    const p = new Projection(store);
    const s = await p.refresh();
    const stats = await store.stats();
    expect(s).toMatchObject({ version: stats.version, nodes: stats.entities, edges: stats.links });
    expect(s.lastRefresh).toMatchObject({ entities: stats.entities, links: stats.links });
    expect(s.builtHeapBytes).toBeGreaterThanOrEqual(0);
  });

  it('catches up from the changes alone and equals a fresh build', async () => {
    const p = new Projection(store);
    await p.refresh();
    await load(jioCdr(), otherFirBatch(), otherCaseEvidence());
    const [a, b] = await Promise.all([p.refresh(), p.refresh()]); // concurrent callers share one catch-up
    expect(a).toEqual(b);
    const delta = await store.changesSince(0);
    expect(a.lastRefresh.links).toBeLessThan(delta.links.length); // only what changed was read
    expect(a.version).toBe(delta.version);
    expect(snapshot(p.graph)).toEqual(
      snapshot(buildGraph({ nodes: delta.entities, links: delta.links, truncated: false })),
    );
    const call = p.graph.getEdgeAttributes(delta.links.find((l) => l.kind === 'called' && l.count === 2)!.id);
    expect(call.weight).toBe(2);
  });

  it('reads nothing when nothing changed', async () => {
    const p = new Projection(store);
    await p.refresh();
    const again = await p.refresh();
    expect(again.lastRefresh).toMatchObject({ entities: 0, links: 0 });
  });

  it('keeps its links as typed arrays, from which the views equal those made from the graph', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'casegraph-projection-index-'));
    const own = new SqliteGraphStore(join(fresh, 'graph.db'));
    try {
      const p = new Projection(own);
      const kinds = new Set<string>(DEFAULTS.includeKinds);
      const same = () => {
        expect(edgeIndexOf(p.graph)).toBeDefined();
        expect(projectionOf(p.graph, kinds)).toEqual(project(p.graph, kinds));
        expect(csrOf(p.graph)).toEqual(buildCsr(p.graph));
      };
      for (const batch of [
        firBatch(),
        airtelCdr(),
        jioCdr(),
        otherFirBatch(),
        otherCaseEvidence(),
        jioCdr(),
      ]) {
        await ingestBatch(batch, 'test', { store: own, keys: TEST_KEYS });
        await p.refresh();
        same();
      }
      // A mutation the index does not follow: it steps aside and the views read the graph.
      p.graph.dropEdge(p.graph.edges()[0]!);
      expect(edgeIndexOf(p.graph)).toBeUndefined();
      expect(projectionOf(p.graph, kinds)).toEqual(project(p.graph, kinds));
      expect(csrOf(p.graph)).toEqual(buildCsr(p.graph));
    } finally {
      await own.close();
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
