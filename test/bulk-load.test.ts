/**
 * The first import into an empty store is written as one bulk load (sqlite/bulk-load.ts). It must make
 * exactly the store that batch-by-batch ingest makes from the same batches: same rows, row ids,
 * versions, provenance, counts and refusals; the same indexes afterwards; the same search answers.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '../seed/scenario.js';
import type { IngestBatchInput } from '../server/domain/batch.js';
import { CaseGraphError } from '../server/domain/errors.js';
import type { NormalisedBatch } from '../server/domain/normalise-batch.js';
import { ingestBulk, type BulkOutcome } from '../server/ingest/bulk.js';
import { prepareBatch } from '../server/ingest/ingest-batch.js';
import { searchIds } from '../server/domain/search-terms.js';
import { SqliteGraphStore } from '../server/store/sqlite/sqlite-store.js';
import { airtelCdr, FIR, firBatch, sha, TEST_KEYS } from './support/batches.js';

const AT = new Date('2026-05-01T10:00:00Z');
const now = () => AT;

/**
 * One file that names things twice: an entity under the same row and under another, a new link twice
 * with calls shared between the two mentions, and a new link whose list repeats a call (two rows of the
 * file recording the same call are one call with two sources).
 */
function namedTwice(): IngestBatchInput {
  const a = { kind: 'phone' as const, key: '9820100001' };
  const b = { kind: 'phone' as const, key: '9820100002' };
  const c = { kind: 'phone' as const, key: '9820100003' };
  const call = (at: string, durationS: number, ref: string) => ({ at, durationS, ref });
  return {
    document: { name: 'twice.csv', sha256: sha('named-twice'), type: 'cdr', case: FIR },
    entities: [
      { ...a, ref: 'row 1' },
      { ...a, ref: 'row 1' },
      { ...a, ref: 'row 2', props: { operator: 'Airtel' } },
      { ...b, ref: 'row 2' },
      { ...c, ref: 'row 3' },
    ],
    links: [
      {
        kind: 'called',
        from: a,
        to: b,
        ref: 'row 1',
        occurrences: [call('2026-04-01T10:00:00+05:30', 10, 'row 1')],
      },
      {
        kind: 'called',
        from: c,
        to: a,
        ref: 'row 3',
        occurrences: [
          call('2026-04-02T10:00:00+05:30', 20, 'row 3'),
          call('2026-04-02T10:00:00+05:30', 20, 'row 4'),
          call('2026-04-02T11:00:00+05:30', 5, 'row 5'),
        ],
      },
      {
        kind: 'called',
        from: a,
        to: b,
        ref: 'row 6',
        occurrences: [
          call('2026-04-01T10:00:00+05:30', 10, 'row 6'),
          call('2026-04-03T10:00:00+05:30', 30, 'row 7'),
        ],
      },
      {
        kind: 'called',
        from: a,
        to: b,
        ref: 'row 1',
        occurrences: [call('2026-04-01T10:00:00+05:30', 10, 'row 1')],
      },
    ],
  };
}

/**
 * A file that names each id once but lists one call twice on a new link: the rows of such a file are
 * written several to a statement, except the list with the repeat, whose second row is a further source.
 */
function repeatInList(): IngestBatchInput {
  const a = { kind: 'phone' as const, key: '9820100021' };
  const b = { kind: 'phone' as const, key: '9820100022' };
  const call = (time: string, durationS: number, ref: string) => ({
    at: `2026-04-12T${time}:00+05:30`,
    durationS,
    ref,
  });
  return {
    document: { name: 'repeat.csv', sha256: sha('repeat-in-list'), type: 'cdr' },
    entities: [
      { ...a, ref: 'row 1' },
      { ...b, ref: 'row 1' },
    ],
    links: [
      {
        kind: 'called',
        from: a,
        to: b,
        ref: 'row 1',
        occurrences: [call('09:00', 60, 'row 1'), call('09:00', 60, 'row 2'), call('09:30', 15, 'row 3')],
      },
    ],
  };
}

/**
 * One CDR sent in two chunks, then another operator's CDR and a subscriber record of the same pair: calls
 * earlier than, equal to and later than those on record; the same call in a second row and in another
 * document; the pair's properties changed after calls were added to it.
 */
function chunkedCalls(): IngestBatchInput[] {
  const a = { kind: 'phone' as const, key: '9820100011' };
  const b = { kind: 'phone' as const, key: '9820100012' };
  const call = (time: string, durationS: number, ref: string) => ({
    at: `2026-04-09T${time}:00+05:30`,
    durationS,
    ref,
  });
  const cdr = { name: 'chunked-cdr.csv', sha256: sha('chunked-cdr'), type: 'cdr' as const };
  const pair = (ref: string, occurrences: ReturnType<typeof call>[], props?: Record<string, string>) => ({
    kind: 'called',
    from: a,
    to: b,
    ref,
    occurrences,
    ...(props ? { props } : {}),
  });
  return [
    {
      document: cdr,
      entities: [
        { ...a, ref: 'row 1' },
        { ...b, ref: 'row 1' },
      ],
      links: [pair('row 1', [call('10:05', 30, 'row 1')])],
    },
    {
      document: cdr,
      entities: [],
      links: [
        pair('row 2', [call('10:02', 12, 'row 2'), call('10:05', 30, 'row 3'), call('10:09', 40, 'row 4')]),
      ],
    },
    {
      document: { name: 'other-cdr.csv', sha256: sha('other-cdr'), type: 'cdr' as const },
      entities: [],
      links: [pair('row 7', [call('10:20', 8, 'row 7'), call('10:02', 12, 'row 8')])],
    },
    {
      document: { name: 'subscriber.pdf', sha256: sha('subscriber-record'), type: 'other' },
      entities: [],
      links: [pair('page 1', [], { note: 'both numbers on one subscriber form' })],
    },
  ];
}

/** A generated scenario with the awkward cases added: a refusal, a re-sent file, a conflicting file, a late merge. */
function batches(): IngestBatchInput[] {
  const scenario = generateScenario({ entities: 1500, seed: 'bulk-load-equivalence' });
  const list = scenario.batches.slice();
  const unknownEnd: IngestBatchInput = {
    document: { name: 'dangling.json', sha256: sha('dangling'), type: 'other' },
    entities: [],
    links: [
      {
        kind: 'uses',
        from: { kind: 'person', key: 'NOBODY-KNOWN' },
        to: { kind: 'phone', key: '+91 90000 00001' },
      },
    ],
  };
  const merge = {
    ...firBatch(),
    document: { ...firBatch().document, name: 'fir-0001-copy2.pdf', sha256: sha('copy2') },
  };
  merge.entities = merge.entities!.map((e) =>
    e.kind === 'person' ? { ...e, props: { ...e.props, nationality: 'Indian' } } : e,
  );
  list.splice(
    3,
    0,
    firBatch(),
    airtelCdr(),
    unknownEnd,
    firBatch(),
    merge,
    namedTwice(),
    repeatInList(),
    ...chunkedCalls(),
  );
  // Known by another name from a later statement: a search text written before must be set again.
  const alias: IngestBatchInput = {
    document: { name: 'statement-0002.pdf', sha256: sha('statement-alias'), type: 'other', case: FIR },
    entities: [{ kind: 'person', key: 'FIR-0001-2026-A1', props: { alias: 'Kellimor' }, ref: 'page 2' }],
    links: [],
  };
  list.push(
    { ...firBatch(), document: { ...firBatch().document, case: FIR } },
    scenario.batches[10]!,
    airtelCdr(),
    alias,
  );
  return list;
}

const TABLES: Record<string, string> = {
  document: 'rid',
  entity: 'rid',
  entity_fact: 'entity_rid, document_rid, ref',
  link: 'rid',
  link_fact: 'link_rid, document_rid, ref',
  occurrence: 'link_rid, at, duration_key, amount_key, txn_key',
  occurrence_fact: 'link_rid, at, duration_key, amount_key, txn_key, document_rid, ref',
  ingest_log: 'rid',
  meta: 'key',
};

function dump(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    const tables = Object.fromEntries(
      Object.entries(TABLES).map(([t, order]) => [
        t,
        db.prepare(`SELECT * FROM ${t} ORDER BY ${order}`).all(),
      ]),
    );
    const indexes = db
      .prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
      .all();
    return { tables, indexes };
  } finally {
    db.close();
  }
}

/** Runs with the path of a store file in a folder of its own, removed afterwards. */
const withDir = async (run: (path: string) => Promise<void>) => {
  const dir = mkdtempSync(join(tmpdir(), 'casegraph-bulk-'));
  try {
    await run(join(dir, 'graph.db'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Imports the items, each expected to go in; how many times the import was written as one bulk load. */
async function bulkLoadsTaken(store: SqliteGraphStore, items: { where: string; raw: unknown }[]) {
  let announced = 0;
  for await (const o of ingestBulk(
    items,
    'test',
    { store, keys: TEST_KEYS, now },
    { onFirstLoad: () => announced++ },
  ))
    expect(o.ok).toBe(true);
  return announced;
}

/** The rows and indexes of a store made and closed at `path`, holding nothing yet. */
async function emptyStoreDump(path: string) {
  await new SqliteGraphStore(path).close();
  return dump(path);
}

const walBytes = (path: string) => (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);

const query = (q: string) => ({ ids: searchIds(q, TEST_KEYS), text: q, limit: 50 });

const summary = (o: BulkOutcome) =>
  o.ok
    ? { where: o.where, counts: o.counts }
    : { where: o.where, code: o.error.code, issues: o.error.issues };

describe('bulk load into an empty store', () => {
  let dir: string;
  const input = batches();
  const stepwise: ReturnType<typeof summary>[] = [];
  const bulk: ReturnType<typeof summary>[] = [];
  const spilled: ReturnType<typeof summary>[] = [];
  /** What the log held, and what a reader saw, while the load with a tiny page cache was going on. */
  let spilledLogBytes = 0;
  let entitiesSeenMeanwhile = -1;
  let announced = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casegraph-bulk-'));
    // Batch by batch: ingestMany in groups, the path of a store that already holds data.
    const a = new SqliteGraphStore(join(dir, 'stepwise.db'));
    const items = input.map((raw, i) => ({ where: `batch ${i}`, raw }));
    for (let i = 0; i < items.length; i += 7) {
      const group = items.slice(i, i + 7);
      const prepared = group.map((g) => {
        try {
          return prepareBatch(g.raw, 'test', TEST_KEYS);
        } catch (error) {
          if (error instanceof CaseGraphError) return error;
          throw error;
        }
      });
      const valid = prepared.filter((p): p is NormalisedBatch => !(p instanceof CaseGraphError));
      const written = await a.ingestMany(valid, { importedAt: AT });
      let k = 0;
      for (const [j, p] of prepared.entries()) {
        const where = group[j]!.where;
        stepwise.push(
          summary(p instanceof CaseGraphError ? { where, ok: false, error: p } : { where, ...written[k++]! }),
        );
      }
    }
    await a.close();

    const b = new SqliteGraphStore(join(dir, 'bulk.db'));
    for await (const o of ingestBulk(
      items,
      'test',
      { store: b, keys: TEST_KEYS, now },
      { onFirstLoad: () => announced++ },
    ))
      bulk.push(summary(o));
    await b.close();

    // The same load with a page cache far smaller than it (the default is 8 MiB, bench-sized loads run
    // to hundreds): its pages overflow into the log before the commit. Its search texts are written
    // after every batch, as a large load writes them now and then, before later batches change them.
    const cPath = join(dir, 'spilled.db');
    const c = new SqliteGraphStore(cPath, { bulkLoadCacheMiB: 0.0625, bulkLoadTextGroup: 1 });
    for await (const o of ingestBulk(items, 'test', { store: c, keys: TEST_KEYS, now })) {
      spilled.push(summary(o));
      if (spilledLogBytes === 0 && walBytes(cPath) > 0) {
        spilledLogBytes = walBytes(cPath);
        entitiesSeenMeanwhile = (await c.stats()).entities;
      }
    }
    await c.close();
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('takes the bulk path once, and reports every batch as batch-by-batch ingest does', () => {
    expect(announced).toBe(1);
    expect(bulk).toEqual(stepwise);
    const codes = bulk.flatMap((o) => ('code' in o ? [o.code] : []));
    expect(codes).toEqual(expect.arrayContaining(['BATCH.UNKNOWN_ENTITY', 'DOCUMENT.CONFLICT']));
  });

  it('leaves the same rows, provenance, versions and indexes', () => {
    const a = dump(join(dir, 'stepwise.db'));
    const b = dump(join(dir, 'bulk.db'));
    expect((a.tables.link as unknown[]).length).toBeGreaterThan(1000);
    for (const t of Object.keys(TABLES)) expect(b.tables[t], t).toEqual(a.tables[t]);
    expect(b.indexes).toEqual(a.indexes);
  });

  it('makes the same store when it outgrows its page cache, readers seeing none of it until the end', () => {
    expect(spilledLogBytes).toBeGreaterThan(0);
    expect(entitiesSeenMeanwhile).toBe(0);
    expect(spilled).toEqual(stepwise);
    const a = dump(join(dir, 'stepwise.db'));
    const c = dump(join(dir, 'spilled.db'));
    for (const t of Object.keys(TABLES)) expect(c.tables[t], t).toEqual(a.tables[t]);
    expect(c.indexes).toEqual(a.indexes);
  });

  it.each(['bulk.db', 'spilled.db'])('answers searches the same (%s)', async (file) => {
    const a = new SqliteGraphStore(join(dir, 'stepwise.db'));
    const b = new SqliteGraphStore(join(dir, file));
    try {
      expect((await a.search(query('Kellimor'))).map((e) => e.label)).toEqual(['Zorvan Quillet']);
      for (const q of ['Zorvan', 'emira', '98201', 'Quillet Zorvan', 'SBIN', 'Kellimor']) {
        const [x, y] = await Promise.all([a.search(query(q)), b.search(query(q))]);
        expect(y, q).toEqual(x);
      }
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('a bulk load that does not finish', () => {
  it('leaves the store empty, with its indexes, when the import stops half-way', async () => {
    await withDir(async (path) => {
      const before = await emptyStoreDump(path);
      const store = new SqliteGraphStore(path);
      const items = [firBatch(), airtelCdr()].map((raw, i) => ({ where: `b${i}`, raw }));
      for await (const o of ingestBulk(items, 'test', { store, keys: TEST_KEYS, now })) {
        expect(o.ok).toBe(true);
        break; // the consumer gives up after the first batch
      }
      expect((await store.stats()).entities).toBe(0);
      await store.close();
      expect(dump(path)).toEqual(before);
    });
  });

  it('leaves the store empty when it stops after its pages have overflowed into the log', async () => {
    await withDir(async (path) => {
      const before = await emptyStoreDump(path);
      const store = new SqliteGraphStore(path, { bulkLoadCacheMiB: 0.0625 });
      const items = batches().map((raw, i) => ({ where: `b${i}`, raw }));
      let written = 0;
      for await (const o of ingestBulk(items, 'test', { store, keys: TEST_KEYS, now })) {
        if (o.ok) written++;
        if (walBytes(path) > 0) break;
      }
      expect(written).toBeGreaterThan(0);
      expect(written).toBeLessThan(items.length);
      expect((await store.stats()).entities).toBe(0);
      // The store goes on: the next import is a bulk load again, from the first batch.
      expect(await bulkLoadsTaken(store, [{ where: 'fir', raw: firBatch() }])).toBe(1);
      expect((await store.stats()).entities).toBe(3);
      await store.close();
      expect(dump(path).tables.entity).toHaveLength(3);
      expect(before.tables.entity).toHaveLength(0);
    });
  });

  it('leaves the store empty when its process is killed after pages overflowed into the log', async () => {
    await withDir(async (path) => {
      const before = await emptyStoreDump(path);
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(import.meta.dirname, 'support/bulk-load-killed-midway.ts'), path],
        { encoding: 'utf8' },
      );
      expect(r.signal, r.stderr).toBe('SIGKILL');
      expect(Number(r.stdout.trim())).toBeGreaterThan(0);
      expect(walBytes(path)).toBeGreaterThan(0);
      expect(dump(path)).toEqual(before);
      const store = new SqliteGraphStore(path);
      try {
        expect((await store.stats()).entities).toBe(0);
        const load = await store.openBulkLoad();
        expect(load).toBeDefined();
        await load!.abort();
      } finally {
        await store.close();
      }
    });
  });

  it('is not used once the store holds anything: later imports go batch by batch', async () => {
    await withDir(async (path) => {
      const store = new SqliteGraphStore(path);
      await store.ingest(prepareBatch(firBatch(), 'test', TEST_KEYS), { importedAt: AT });
      expect(await store.openBulkLoad()).toBeUndefined();
      expect(await bulkLoadsTaken(store, [{ where: 'cdr', raw: airtelCdr() }])).toBe(0);
      await store.close();
    });
  });

  it('keeps readers on the empty store until it is finished', async () => {
    await withDir(async (path) => {
      const store = new SqliteGraphStore(path);
      const load = (await store.openBulkLoad())!;
      const r = await load.write(prepareBatch(firBatch(), 'test', TEST_KEYS), { importedAt: AT });
      expect(r.ok).toBe(true);
      expect((await store.stats()).entities).toBe(0);
      await load.finish();
      expect((await store.stats()).entities).toBe(3);
      expect((await store.search(query('Zorvan'))).length).toBe(1);
      await store.close();
    });
  });
});

describe('after a bulk load', () => {
  it('is on disk when it says it is done: a process killed at that moment leaves the whole load', async () => {
    await withDir(async (path) => {
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(import.meta.dirname, 'support/bulk-load-then-killed.ts'), path],
        { encoding: 'utf8' },
      );
      expect(r.signal, r.stderr).toBe('SIGKILL');
      const created = Number(r.stdout.trim());
      expect(created).toBeGreaterThan(3);
      // Killed before its checkpoint: the load is still in the log, which the next opening reads.
      expect(walBytes(path)).toBeGreaterThan(0);
      const store = new SqliteGraphStore(path);
      try {
        expect((await store.stats()).entities).toBe(created);
        expect((await store.search(query('Zorvan'))).length).toBe(1);
      } finally {
        await store.close();
      }
    });
  });

  it('copies its log into the file in the background, and close waits for that', async () => {
    await withDir(async (path) => {
      const store = new SqliteGraphStore(path);
      const items = [firBatch(), airtelCdr()].map((raw, i) => ({ where: `b${i}`, raw }));
      for await (const o of ingestBulk(items, 'test', { store, keys: TEST_KEYS, now }))
        expect(o.ok).toBe(true);
      const entities = (await store.stats()).entities;
      const report = (await store.bulkLoadCheckpoint())!;
      expect(report.error).toBeUndefined();
      expect(report.frames).toBeGreaterThan(0);
      expect(report.copied).toBe(report.frames);
      expect(report.truncated).toBe(true);
      expect(walBytes(path)).toBe(0);
      expect((await store.stats()).entities).toBe(entities);

      // A store closed straight after a load still leaves one file holding all of it.
      const again = join(path, '..', 'again.db');
      const second = new SqliteGraphStore(again);
      for await (const o of ingestBulk(items, 'test', { store: second, keys: TEST_KEYS, now }))
        expect(o.ok).toBe(true);
      let checkpointed = false;
      void second.bulkLoadCheckpoint().then(() => (checkpointed = true));
      await second.close();
      await new Promise((next) => setImmediate(next));
      expect(checkpointed).toBe(true);
      expect(walBytes(again)).toBe(0);
      const raw = new Database(again, { readonly: true });
      try {
        expect(raw.prepare('SELECT count(*) FROM entity').pluck().get()).toBe(entities);
      } finally {
        raw.close();
      }
      await store.close();
    });
  });
});
