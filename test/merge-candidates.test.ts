/**
 * Merge candidates against planted truth (issue 8): a generated scenario whose background persons turn up
 * again in lodge registers under other spellings (transliteration, initial, order) with a phone, UPI id,
 * PAN or birth date in common, beside namesakes and relatives on the same phone who are other people.
 * The candidates read from the real store must find the planted pairs (recall) and little else
 * (precision) — beside the victims lodge registers name again as guests of their own, whom the number
 * or document they gave ties to the person an FIR or subscriber record names;
 * `npm run bench resolve` prints the same figures at 100,000 entities.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityId } from '../server/domain/ids.js';
import { pairKey, type ResolutionPerson } from '../server/domain/merges.js';
import { prepareBatch } from '../server/ingest/ingest-batch.js';
import { mergeCandidates, type MergeCandidate } from '../server/ingest/resolve/merge-candidates.js';
import { SqliteGraphStore } from '../server/store/sqlite/sqlite-store.js';
import { generateScenario, type GroundTruth } from '../seed/scenario.js';
import { TEST_KEYS } from './support/batches.js';
import { scoreCandidates } from './support/merge-truth.js';

let dir: string;
let truth: GroundTruth;
let candidates: MergeCandidate[];
let persons: ResolutionPerson[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'casegraph-resolve-'));
  const scenario = generateScenario({ entities: 6000, seed: 'resolve', duplicates: 40 });
  truth = scenario.truth;
  const store = new SqliteGraphStore(join(dir, 'casegraph.db'));
  const outcomes = await store.ingestMany(
    scenario.batches.map((b) => prepareBatch(b, 'test', TEST_KEYS)),
    { importedAt: new Date('2026-06-01T00:00:00Z') },
  );
  expect(outcomes.filter((o) => !o.ok)).toEqual([]);
  persons = await store.resolutionPersons();
  candidates = mergeCandidates(persons);
  await store.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('merge candidates on a scenario with planted name variants', () => {
  it('plants every kind of variant and of shared evidence, and look-alikes', () => {
    const planted = truth.duplicates!;
    expect(planted.clusters).toHaveLength(40);
    expect(new Set(planted.clusters.map((c) => c.variant))).toEqual(
      new Set(['transliteration', 'initial', 'swapped', 'initial-swapped']),
    );
    expect(new Set(planted.clusters.map((c) => c.shared))).toEqual(
      new Set(['phone', 'account', 'id-document', 'dob']),
    );
    expect(new Set(planted.lookAlikes.map((l) => l.kind))).toEqual(new Set(['namesake', 'relative']));
  });

  it('finds the planted pairs with precision and recall of at least 0.9', () => {
    const score = scoreCandidates(truth, candidates);
    expect(score.truePairs).toBeGreaterThanOrEqual(40);
    expect(score.precision, `wrong: ${JSON.stringify(score.wrong.slice(0, 3))}`).toBeGreaterThanOrEqual(0.9);
    expect(score.recall, `missed: ${score.missed.slice(0, 3).join('; ')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('offers a victim beside the register records of her stays, where a phone or document ties them', () => {
    // A register names its guests as the register does; the number or document they gave is the tie.
    const ids = new Map(persons.map((p) => [p.id, new Set(p.identifiers.map((d) => d.id))]));
    const offered = new Set(candidates.map((c) => pairKey(c.a, c.b)));
    const tied: string[] = [];
    for (const g of truth.guests) {
      const records = [g.person, ...g.records].map((r) => entityId(r.kind, r.scheme, r.key));
      for (let i = 0; i < records.length; i++)
        for (let j = i + 1; j < records.length; j++) {
          const [a, b] = [ids.get(records[i]!), ids.get(records[j]!)];
          if (a && b && [...a].some((x) => b.has(x))) tied.push(pairKey(records[i]!, records[j]!));
        }
    }
    expect(tied.length).toBeGreaterThan(30);
    expect(tied.filter((k) => !offered.has(k))).toEqual([]);
  });

  it('offers no look-alike: a namesake with nothing shared, a relative on the same phone', () => {
    const offered = new Set(candidates.map((c) => pairKey(c.a, c.b)));
    for (const l of truth.duplicates!.lookAlikes) {
      const [a, b] = l.persons.map((p) => entityId(p.kind, p.scheme, p.key));
      expect(offered.has(pairKey(a!, b!)), `${l.kind}`).toBe(false);
    }
  });

  it('gives each candidate its evidence: the name and at least one thing shared', () => {
    for (const c of candidates) {
      expect(c.evidence.some((e) => e.kind === 'name')).toBe(true);
      expect(c.evidence.some((e) => e.kind !== 'name')).toBe(true);
      expect(c.score).toBeGreaterThanOrEqual(0.6);
    }
  });
});
