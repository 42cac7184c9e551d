import { describe, expect, it } from 'vitest';
import { GENESIS, entryHash, type AuditContent, type AuditEntry } from '../domain/audit-chain.js';
import { verifyChain, type VerifyResult } from './verify.js';

/** An intact chain of n entries, built with the same hash the store appends with. */
function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prevHash = GENESIS;
  for (let seq = 1; seq <= n; seq++) {
    const content: AuditContent = {
      seq,
      at: 1_767_225_600_000 + seq * 1000,
      actor: 'officer.a',
      role: 'analyst',
      action: 'read.entity',
      caseId: 'case-1',
      target: `person:${seq.toString(16).padStart(24, '0')}`,
      detail: { results: seq },
      ip: '10.0.0.1',
    };
    const hash = entryHash(content, prevHash);
    out.push({ ...content, prevHash, hash });
    prevHash = hash;
  }
  return out;
}

const at = (entries: AuditEntry[], seq: number) => entries.find((e) => e.seq === seq)!;
const problemsOf = (r: VerifyResult) => (r.ok ? [] : r.problems.map((p) => [p.seq, p.kind]));

describe('verifyChain', () => {
  it('passes an intact chain and reports its length and head', async () => {
    const c = chain(10);
    expect(await verifyChain(c)).toEqual({
      ok: true,
      entries: 10,
      head: { seq: 10, hash: c[9]!.hash },
    });
  });

  it('passes an empty trail, whose head is the genesis', async () => {
    expect(await verifyChain([])).toEqual({ ok: true, entries: 0, head: { seq: 0, hash: GENESIS } });
  });

  it('names an edited entry as changed, and only it', async () => {
    const c = chain(10);
    at(c, 4).detail = { results: 999 };
    expect(problemsOf(await verifyChain(c))).toEqual([[4, 'changed']]);
  });

  it('names an entry whose stored hash was edited, without blaming the next one', async () => {
    const c = chain(10);
    at(c, 6).hash = 'f'.repeat(64);
    expect(problemsOf(await verifyChain(c))).toEqual([[6, 'changed']]);
  });

  it('names a deleted entry as missing, and a deleted run by its first seq', async () => {
    const one = chain(10).filter((e) => e.seq !== 5);
    const r = await verifyChain(one);
    expect(problemsOf(r)).toEqual([[5, 'missing']]);
    expect(!r.ok && r.problems[0]!.message).toMatch(/seq 4 to seq 6/);
    const run = chain(10).filter((e) => e.seq < 3 || e.seq > 7);
    expect(problemsOf(await verifyChain(run))).toEqual([[3, 'missing']]);
    expect(problemsOf(await verifyChain(chain(5).slice(1)))).toEqual([[1, 'missing']]);
  });

  it('names both entries of a swap as out of order, with the seq each was written as', async () => {
    for (const [a, b] of [
      [3, 7],
      [3, 4],
    ] as const) {
      const c = chain(10);
      at(c, a).seq = -1;
      at(c, b).seq = a;
      at(c, -1).seq = b;
      c.sort((x, y) => x.seq - y.seq);
      const r = await verifyChain(c);
      expect(problemsOf(r)).toEqual([
        [a, 'out-of-order'],
        [b, 'out-of-order'],
      ]);
      expect(!r.ok && r.problems[0]!.message).toContain(`written as seq ${b}`);
    }
  });

  it('reports entries given in the wrong order', async () => {
    const c = chain(5);
    const r = await verifyChain([c[0]!, c[2]!, c[1]!, c[3]!, c[4]!]);
    expect(r.ok).toBe(false);
    expect(problemsOf(r)).toContainEqual([2, 'out-of-order']);
  });

  it('names an entry whose prev_hash was changed as a broken link', async () => {
    const c = chain(10);
    at(c, 6).prevHash = at(c, 2).hash;
    const r = await verifyChain(c);
    expect(problemsOf(r)).toEqual([[6, 'broken-link']]);
    expect(!r.ok && r.problems[0]!.message).toMatch(/prev_hash was changed/);
  });

  it('names a forged entry appended with a wrong prev hash as a broken link', async () => {
    const c = chain(10);
    const content = { ...at(c, 10), seq: 11, detail: { results: 0 } };
    const prevHash = at(c, 9).hash;
    const { prevHash: _p, hash: _h, ...forged } = content;
    c.push({ ...forged, prevHash, hash: entryHash(forged, prevHash) });
    expect(problemsOf(await verifyChain(c))).toEqual([[11, 'broken-link']]);
  });

  it('catches a chain recomputed after an edit, and a cut-off tail, only against a recorded head', async () => {
    const original = chain(10);
    const head = { seq: 10, hash: original[9]!.hash };
    // Someone edits entry 4 and recomputes every hash after it: the chain itself is consistent again.
    let prevHash = at(original, 3).hash;
    const rewritten = original.map((e) => {
      if (e.seq < 4) return e;
      const { prevHash: _p, hash: _h, ...content } = e;
      if (e.seq === 4) content.detail = { results: 0 };
      const hash = entryHash(content, prevHash);
      const out = { ...content, prevHash, hash };
      prevHash = hash;
      return out;
    });
    expect((await verifyChain(rewritten)).ok).toBe(true);
    expect(problemsOf(await verifyChain(rewritten, { expectHead: head }))).toEqual([[10, 'changed']]);
    const cut = original.slice(0, 8);
    expect((await verifyChain(cut)).ok).toBe(true);
    expect(problemsOf(await verifyChain(cut, { expectHead: head }))).toEqual([[9, 'missing']]);
    expect((await verifyChain(original, { expectHead: head })).ok).toBe(true);
  });

  it('stops listing after maxProblems and says so', async () => {
    const c = chain(20).map((e) => ({ ...e, detail: { results: -1 } }));
    const r = await verifyChain(c, { maxProblems: 5 });
    expect(r.ok).toBe(false);
    expect(!r.ok && [r.problems.length, r.truncated, r.entries]).toEqual([5, true, 20]);
  });
});
