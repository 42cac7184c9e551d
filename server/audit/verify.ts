/**
 * Verifies the audit hash chain (server/domain/audit-chain.ts) in one pass over entries in seq order, so a
 * trail of millions is checked a batch at a time. Each entry is checked twice: its own hash against its
 * content (an edit shows here) and its prev_hash against the stored hash of the entry before (an entry
 * inserted or forged shows here). A gap in seq is a deleted entry. A problem caused by the entry before
 * is not reported again, so the first problem names the entry that was tampered with.
 *
 * What a chain cannot show by itself: the last entries cut off, or every hash from an edit onwards
 * recomputed by someone who knows the algorithm. Both are caught against a head recorded earlier and kept
 * elsewhere (`expectHead`; `npm run audit:verify` prints the head to record).
 */
import { GENESIS, entryHash, type AuditContent, type AuditEntry } from '../domain/audit-chain.js';

export type ProblemKind = 'changed' | 'missing' | 'out-of-order' | 'broken-link';

export interface ChainProblem {
  /** The entry at fault: for 'missing', the first seq that is gone. */
  seq: number;
  kind: ProblemKind;
  message: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export type VerifyResult =
  | { ok: true; entries: number; head: ChainHead }
  | { ok: false; entries: number; head: ChainHead; problems: ChainProblem[]; truncated: boolean };

export interface VerifyOptions {
  /** A head recorded earlier: the chain must still hold it, unchanged. */
  expectHead?: ChainHead;
  /** Stop collecting problems after this many (a rewritten table would otherwise list every row). */
  maxProblems?: number;
}

const DEFAULTS = { maxProblems: 1000 };
/** How many suspect entries are remembered to explain a reordering; bounds memory on a ruined trail. */
const SUSPECTS_KEPT = 256;

const contentOf = ({ prevHash: _p, hash: _h, ...content }: AuditEntry): AuditContent => content;
const hashesAs = (e: AuditEntry, seq: number, prevHash = e.prevHash) =>
  entryHash({ ...contentOf(e), seq }, prevHash) === e.hash;

export async function verifyChain(
  entries: Iterable<AuditEntry> | AsyncIterable<AuditEntry>,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const maxProblems = options.maxProblems ?? DEFAULTS.maxProblems;
  const problems: ChainProblem[] = [];
  let truncated = false;
  const report = (seq: number, kind: ProblemKind, message: string): ChainProblem | undefined => {
    if (problems.length >= maxProblems) {
      truncated = true;
      return undefined;
    }
    const problem = { seq, kind, message };
    problems.push(problem);
    return problem;
  };

  // A reordered entry hashes correctly under the seq it was written with. Candidates for that seq: the
  // seqs of entries already found wrong (the other side of a swap), and, for an entry whose prev_hash
  // names a later entry, that entry's seq + 1 once it comes by (`waiting`, keyed by the hash awaited).
  const suspects = new Set<number>();
  const waiting = new Map<string, { entry: AuditEntry; problem: ChainProblem | undefined }[]>();
  const writtenAs = new Map<number, number>();

  let prev: ChainHead = { seq: 0, hash: GENESIS };
  let prevWrong = false;
  let count = 0;
  let expectedSeen = false;

  for await (const e of entries) {
    count++;
    if (options.expectHead && e.seq === options.expectHead.seq) {
      expectedSeen = true;
      if (e.hash !== options.expectHead.hash)
        report(
          e.seq,
          'changed',
          'its hash is not the one recorded for this head: the chain was rewritten up to here',
        );
    }
    if (e.seq <= prev.seq) {
      report(e.seq, 'out-of-order', `it comes after seq ${prev.seq}`);
      prev = e;
      prevWrong = true;
      continue;
    }
    const gap = e.seq > prev.seq + 1;
    if (gap) {
      const first = prev.seq + 1;
      const last = e.seq - 1;
      report(
        first,
        'missing',
        first === last
          ? `the trail goes from seq ${prev.seq} to seq ${e.seq}: one entry was deleted`
          : `the trail goes from seq ${prev.seq} to seq ${e.seq}: entries ${first}–${last} were deleted`,
      );
    }
    const selfOk = entryHash(contentOf(e), e.prevHash) === e.hash;
    const linkOk = gap || e.prevHash === prev.hash;
    let wrong = !selfOk;
    if (selfOk && !linkOk && !prevWrong) {
      wrong = true;
      report(
        e.seq,
        'broken-link',
        `its prev_hash is not the hash of seq ${prev.seq}: an entry forged or inserted here, or seq ${prev.seq} rewritten with a fresh hash`,
      );
    } else if (!selfOk && !linkOk && hashesAs(e, e.seq, prev.hash)) {
      report(e.seq, 'broken-link', `its prev_hash was changed: it no longer names seq ${prev.seq}`);
    } else if (!selfOk) {
      // Once problems are no longer collected, neither is the reason for them: a ruined trail stays fast.
      const was = truncated ? undefined : [...suspects].find((k) => k !== e.seq && hashesAs(e, k));
      if (was !== undefined) {
        writtenAs.set(e.seq, was);
        report(e.seq, 'out-of-order', `it holds the entry written as seq ${was}: entries were reordered`);
      } else {
        const problem = report(
          e.seq,
          'changed',
          'its content no longer matches its hash: the entry was edited',
        );
        if (!linkOk && waiting.size < SUSPECTS_KEPT)
          waiting.set(e.prevHash, [...(waiting.get(e.prevHash) ?? []), { entry: e, problem }]);
      }
      if (suspects.size < SUSPECTS_KEPT) suspects.add(e.seq);
    }
    for (const w of waiting.get(e.hash) ?? []) {
      const was = (writtenAs.get(e.seq) ?? e.seq) + 1;
      if (w.problem && hashesAs(w.entry, was, e.hash)) {
        w.problem.kind = 'out-of-order';
        w.problem.message = `it holds the entry written as seq ${was}: entries were reordered`;
        writtenAs.set(w.entry.seq, was);
      }
    }
    waiting.delete(e.hash);
    prev = e;
    prevWrong = wrong;
  }

  const expect = options.expectHead;
  if (expect && !expectedSeen && expect.seq > prev.seq)
    report(
      prev.seq + 1,
      'missing',
      `the trail ends at seq ${prev.seq}, but seq ${expect.seq} was recorded as its head: the last entries were deleted`,
    );
  const head = { seq: prev.seq, hash: prev.hash };
  if (!problems.length && !truncated) return { ok: true, entries: count, head };
  problems.sort((a, b) => a.seq - b.seq);
  return { ok: false, entries: count, head, problems, truncated };
}
