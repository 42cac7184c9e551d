/**
 * `npm run bench resolve`: merge candidates against planted truth (issue 8). A generated scenario of
 * 100,000 entities (RESOLVE_BENCH_ENTITIES) with planted duplicates is written into a SQLite store; the
 * candidates are read from it as the service reads them, and their recall against the planted pairs and
 * precision against every pair of records of one person (test/support/merge-truth.ts) printed with the
 * time each step took. Then the blocking alone on 100,000 persons
 * (RESOLVE_BENCH_PERSONS), taken from a larger scenario's batches without a store: how candidate
 * generation scales, compared with the pairs an all-pairs comparison would make.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResolutionPerson } from '../../server/domain/merges.js';
import { prepareBatch } from '../../server/ingest/ingest-batch.js';
import { mergeCandidates } from '../../server/ingest/resolve/merge-candidates.js';
import { SqliteGraphStore } from '../../server/store/sqlite/sqlite-store.js';
import { streamScenario, type GroundTruth } from '../../seed/scenario.js';
import { TEST_KEYS } from '../support/batches.js';
import { scoreCandidates } from '../support/merge-truth.js';

const ENTITIES = Number(process.env.RESOLVE_BENCH_ENTITIES ?? 100_000);
const PERSONS = Number(process.env.RESOLVE_BENCH_PERSONS ?? 100_000);

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const fmt = (n: number) => n.toLocaleString('en-IN');
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

async function throughStore(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'casegraph-bench-resolve-'));
  try {
    const store = new SqliteGraphStore(join(dir, 'casegraph.db'));
    let truth: GroundTruth | undefined;
    const t0 = performance.now();
    const ctx = { importedAt: new Date('2026-06-01T00:00:00Z') };
    // The store is empty: written as one load, as `npm run ingest` writes a first import.
    const load = (await store.openBulkLoad())!;
    for (const b of streamScenario(
      { entities: ENTITIES, seed: 'bench-resolve', duplicates: Math.round(ENTITIES / 400) },
      (t) => (truth = t),
    )) {
      const outcome = await load.write(prepareBatch(b, 'bench', TEST_KEYS), ctx);
      if (!outcome.ok) throw new Error(`the scenario's batch ${b.document.name} was refused`);
    }
    await load.finish();
    const t1 = performance.now();
    const persons = await store.resolutionPersons();
    const t2 = performance.now();
    const candidates = mergeCandidates(persons);
    const t3 = performance.now();
    const score = scoreCandidates(truth!, candidates);
    await store.close();
    console.log(
      `scenario of ${fmt(ENTITIES)} entities written in ${s(t1 - t0)}: ${fmt(persons.length)} persons, ` +
        `${truth!.duplicates!.clusters.length} planted persons (${score.truePairs} true pairs), ` +
        `${truth!.duplicates!.lookAlikes.length} look-alikes`,
    );
    console.log(`read the persons from the store: ${s(t2 - t1)}; candidates: ${s(t3 - t2)}`);
    console.log(
      `candidates ${score.candidates} · found ${score.found} · precision ${pct(score.precision)} · recall ${pct(score.recall)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Persons and their identifiers straight from normalised batches: as resolutionPersons() would read them. */
function blockingAtScale(): void {
  const byId = new Map<string, ResolutionPerson>();
  const kinds = new Map<string, ResolutionPerson['identifiers'][number]>();
  const held: [string, string][] = [];
  const t0 = performance.now();
  for (const b of streamScenario({
    entities: Math.round(PERSONS * 3.9),
    seed: 'bench-resolve-scale',
    duplicates: 500,
  })) {
    const n = prepareBatch(b, 'bench', TEST_KEYS);
    for (const e of n.entities) {
      if (e.kind === 'person') {
        const p = byId.get(e.id) ?? { id: e.id, props: {}, identifiers: [] };
        Object.assign(p.props, e.props);
        byId.set(e.id, p);
      } else kinds.set(e.id, { id: e.id, kind: e.kind, scheme: e.scheme });
    }
    for (const l of n.links)
      if (l.kind === 'uses' || l.kind === 'holds' || l.kind === 'seen-at') held.push([l.fromId, l.toId]);
    if (byId.size >= PERSONS) break;
  }
  for (const [from, to] of held) {
    const x = kinds.get(to);
    if (x) byId.get(from)?.identifiers.push(x);
  }
  const persons = [...byId.values()];
  const t1 = performance.now();
  const heap0 = process.memoryUsage().heapUsed;
  const candidates = mergeCandidates(persons);
  const t2 = performance.now();
  const allPairs = (persons.length * (persons.length - 1)) / 2;
  console.log(
    `blocking on ${fmt(persons.length)} persons (generated in ${s(t1 - t0)}): ${fmt(candidates.length)} candidates ` +
      `in ${s(t2 - t1)}, heap +${((process.memoryUsage().heapUsed - heap0) / 2 ** 20).toFixed(0)} MiB; ` +
      `all pairs would be ${fmt(allPairs)} comparisons`,
  );
}

export async function run(): Promise<void> {
  await throughStore();
  blockingAtScale();
}
