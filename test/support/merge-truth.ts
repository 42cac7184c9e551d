/**
 * Scores merge candidates against a scenario's planted duplicates (seed/world/duplicates.ts): a pair of
 * records of one planted person is a true candidate; any other candidate is a false one.
 */
import { entityId } from '../../server/domain/ids.js';
import { pairKey } from '../../server/domain/merges.js';
import type { MergeCandidate } from '../../server/ingest/resolve/merge-candidates.js';
import type { GroundTruth } from '../../seed/truth.js';

export interface MergeScore {
  truePairs: number;
  candidates: number;
  found: number;
  precision: number;
  recall: number;
  /** Planted pairs not offered, and offered pairs not planted, as ids: what to look at when a figure drops. */
  missed: string[];
  wrong: MergeCandidate[];
}

export function truePairs(truth: GroundTruth): Set<string> {
  const pairs = new Set<string>();
  for (const c of truth.duplicates?.clusters ?? []) {
    const ids = c.persons.map((p) => entityId(p.kind, p.scheme, p.key));
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) pairs.add(pairKey(ids[i]!, ids[j]!));
  }
  return pairs;
}

export function scoreCandidates(truth: GroundTruth, candidates: readonly MergeCandidate[]): MergeScore {
  const planted = truePairs(truth);
  const offered = new Set(candidates.map((c) => pairKey(c.a, c.b)));
  const found = [...offered].filter((k) => planted.has(k)).length;
  return {
    truePairs: planted.size,
    candidates: offered.size,
    found,
    precision: offered.size ? found / offered.size : 1,
    recall: planted.size ? found / planted.size : 1,
    missed: [...planted].filter((k) => !offered.has(k)),
    wrong: candidates.filter((c) => !planted.has(pairKey(c.a, c.b))),
  };
}
