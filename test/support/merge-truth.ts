/**
 * Scores merge candidates against a scenario's truth: recall against the planted duplicates
 * (seed/world/duplicates.ts), precision against every pair of records that are one person — the planted
 * duplicates, and a victim beside the guest records lodge registers made of her (truth.guests), whom a
 * candidate generator is right to offer where a phone or document ties them.
 */
import { entityId } from '../../server/domain/ids.js';
import { pairKey } from '../../server/domain/merges.js';
import type { MergeCandidate } from '../../server/ingest/resolve/merge-candidates.js';
import type { GroundTruth, TruthRef } from '../../seed/truth.js';
export interface MergeScore {
  truePairs: number;
  candidates: number;
  /** Planted pairs offered. */
  found: number;
  /** Offered pairs that are one person (planted, or a victim and her register records), of all offered. */
  precision: number;
  recall: number;
  /** Planted pairs not offered, and offered pairs not planted, as ids: what to look at when a figure drops. */
  missed: string[];
  wrong: MergeCandidate[];
}

function addPairs(pairs: Set<string>, records: readonly TruthRef[]): void {
  const ids = records.map((p) => entityId(p.kind, p.scheme, p.key));
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) pairs.add(pairKey(ids[i]!, ids[j]!));
}

/** The planted duplicates' pairs: what recall is measured on. */
export function truePairs(truth: GroundTruth): Set<string> {
  const pairs = new Set<string>();
  for (const c of truth.duplicates?.clusters ?? []) addPairs(pairs, c.persons);
  return pairs;
}

/** Every pair of records of one person the truth knows of: what a candidate may rightly be. */
export function samePersonPairs(truth: GroundTruth): Set<string> {
  const pairs = truePairs(truth);
  for (const g of truth.guests) addPairs(pairs, [g.person, ...g.records]);
  return pairs;
}

export function scoreCandidates(truth: GroundTruth, candidates: readonly MergeCandidate[]): MergeScore {
  const planted = truePairs(truth);
  const right = samePersonPairs(truth);
  const offered = new Set(candidates.map((c) => pairKey(c.a, c.b)));
  const found = [...offered].filter((k) => planted.has(k)).length;
  const correct = [...offered].filter((k) => right.has(k)).length;
  return {
    truePairs: planted.size,
    candidates: offered.size,
    found,
    precision: offered.size ? correct / offered.size : 1,
    recall: planted.size ? found / planted.size : 1,
    missed: [...planted].filter((k) => !offered.has(k)),
    wrong: candidates.filter((c) => !right.has(pairKey(c.a, c.b))),
  };
}
