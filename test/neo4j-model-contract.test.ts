/**
 * The GraphStore contract suite, unchanged, run by the Neo4j adapter's own code against an in-memory
 * model of its queries (test/support/neo4j-model.ts), with a small UNWIND chunk so every write is
 * chunked. What this proves is the adapter's logic — what ingest decides and counts, how answers are
 * assembled, ordered and mapped — not that Neo4j runs the Cypher as modelled: that is
 * test/neo4j-store.test.ts's part against a live server (NEO4J_URI), and test/neo4j-cypher.test.ts's
 * with Neo4j's parser.
 */
import { describe, expect, it } from 'vitest';
import { prepareBatch } from '../server/ingest/ingest-batch.js';
import { fakeStore } from './support/fake-neo4j.js';
import { firBatch, jioCdr, otherFirBatch, scenario, sha, TEST_KEYS } from './support/batches.js';
import { Projection } from '../server/analytics/projection.js';
import { neo4jModel } from './support/neo4j-model.js';
import type { EntityView, LinkView } from '../server/domain/views.js';
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

describe('Neo4j adapter: writers on several instances', () => {
  it('queue on the graph counters: concurrent batches get versions and sequence numbers of their own', async () => {
    model = neo4jModel();
    const one = open();
    const two = open(); // a second instance on the same database
    const ctx = { importedAt: new Date('2026-06-01T09:00:00Z') };
    const [a, b] = await Promise.all([
      one.ingest(prepareBatch(firBatch(), 'test', TEST_KEYS), ctx),
      two.ingest(prepareBatch(otherFirBatch(), 'test', TEST_KEYS), ctx),
    ]);
    expect([a.version, b.version].sort()).toEqual([1, 2]);
    const seqs = [...model.state().entities.values()].map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(await one.stats()).toMatchObject({ version: 2, documents: 2 });
  });
});

describe('Neo4j adapter: the projection', () => {
  it('is built from the change feed streamed record by record, and catches up by version', async () => {
    model = neo4jModel();
    const store = open();
    const ctx = { importedAt: new Date('2026-06-01T09:00:00Z') };
    for (const b of scenario()) await store.ingest(prepareBatch(b, 'test', TEST_KEYS), ctx);
    const projection = new Projection(store);
    const built = await projection.refresh();
    const stats = await store.stats();
    expect(built).toMatchObject({ version: stats.version, nodes: stats.entities, edges: stats.links });
    expect(built.lastRefresh).toMatchObject({ entities: stats.entities, links: stats.links });
    await store.ingest(prepareBatch(jioCdr(), 'test', TEST_KEYS), ctx);
    const caught = await projection.refresh();
    expect(caught.version).toBe((await store.stats()).version);
    expect(caught.lastRefresh.links).toBeLessThan(stats.links);
  });
});

describe('Neo4j adapter: catching up while batches commit', () => {
  const ctx = { importedAt: new Date('2026-06-01T09:00:00Z') };
  /** A new phone and a call to it: a link whose end no catch-up has sent yet. */
  const newPhone = () =>
    prepareBatch(
      {
        document: { name: 'vi-cdr-C.csv', sha256: sha('vi-cdr-C'), type: 'cdr' },
        entities: [{ kind: 'phone', key: '09820177777', ref: 'row 1' }],
        links: [
          {
            kind: 'called',
            from: { kind: 'phone', key: '09820177777' },
            to: { kind: 'phone', key: '09820123456' },
            ref: 'row 1',
          },
        ],
      },
      'test',
      TEST_KEYS,
    );

  /** Runs `query` on the database as it was, and commits `batch` just after it answers (once). */
  async function commitAfter(query: 'entities-changed-since', store: ReturnType<typeof open>) {
    const before = model.transactions.begin();
    await store.ingest(newPhone(), ctx);
    const after = model.transactions.begin();
    model.transactions.rollback(before);
    const answer = model.answers[query]!;
    let done = false;
    model.answers[query] = (p) => {
      const records = answer(p);
      if (!done) model.transactions.rollback(after);
      done = true;
      return records;
    };
  }

  it('a batch committed between the entities and the links read waits for the next catch-up', async () => {
    model = neo4jModel();
    const store = open();
    for (const b of scenario()) await store.ingest(prepareBatch(b, 'test', TEST_KEYS), ctx);
    const projection = new Projection(store);
    const built = await projection.refresh();
    await commitAfter('entities-changed-since', store);
    // Before the fix the new call came without its new phone, and putLink threw.
    const caught = await projection.refresh();
    expect(caught.version).toBe(built.version);
    const stats = await store.stats();
    expect(stats.version).toBe(built.version + 1);
    const next = await projection.refresh();
    expect(next).toMatchObject({ version: stats.version, nodes: stats.entities, edges: stats.links });
  });

  it('changesSince reports the version it read at, and no link of a later batch', async () => {
    model = neo4jModel();
    const store = open();
    for (const b of scenario()) await store.ingest(prepareBatch(b, 'test', TEST_KEYS), ctx);
    const v = (await store.stats()).version;
    await commitAfter('entities-changed-since', store);
    expect(await store.changesSince(v)).toEqual({ version: v, entities: [], links: [], removed: [] });
    const delta = await store.changesSince(v);
    expect(delta.version).toBe(v + 1);
    expect(delta.links).toHaveLength(1);
    expect(delta.entities.map((e) => e.id)).toContain(delta.links[0]!.from);
  });

  it('an end the entities read missed is fetched and handed over before its link', async () => {
    model = neo4jModel();
    const store = open();
    for (const b of scenario()) await store.ingest(prepareBatch(b, 'test', TEST_KEYS), ctx);
    const answer = model.answers['entities-changed-since']!;
    let dropped: string | undefined;
    model.answers['entities-changed-since'] = (p) =>
      answer(p).filter((r) => {
        const id = (r.get('e') as { properties: { id: string } }).properties.id;
        dropped ??= id;
        return id !== dropped;
      });
    const order: string[] = [];
    const seen = new Set<string>();
    await store.streamChangesSince(0, {
      entity: (e: EntityView) => {
        seen.add(e.id);
        order.push(e.id);
      },
      link: (l: LinkView) => {
        expect(seen.has(l.from) && seen.has(l.to)).toBe(true);
        order.push(l.id);
      },
    });
    const stats = await store.stats();
    expect(order).toContain(dropped);
    expect(order).toHaveLength(stats.entities + stats.links);
  });
});
