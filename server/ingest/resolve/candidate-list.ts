/**
 * The merge candidates of the graph as it is now: worked out once per graph version (reading every
 * person costs far more than a page of the answer) and filtered, on every call, by the pairs users have
 * decided are two people — a decision changes no graph version, and another instance may have taken it.
 * The service has them worked out by its analytics worker (`compute`), off the thread that answers.
 */
import { pairKey } from '../../domain/merges.js';
import type { GraphStore } from '../../store/graph-store.js';
import type { MergeCandidate } from './merge-candidates.js';

export class CandidateList {
  private cached: { version: number; list: Promise<MergeCandidate[]> } | undefined;

  constructor(
    private readonly store: GraphStore,
    private readonly compute: () => Promise<MergeCandidate[]>,
  ) {}

  async current(): Promise<{ version: number; candidates: MergeCandidate[] }> {
    const version = await this.store.version();
    if (this.cached?.version !== version) {
      const list = this.compute();
      this.cached = { version, list };
      list.catch(() => (this.cached = undefined));
    }
    const [list, notSame] = await Promise.all([this.cached.list, this.store.notSamePairs()]);
    return { version, candidates: list.filter((c) => !notSame.has(pairKey(c.a, c.b))) };
  }
}
