/** The audit trail in the SQLite store: appends, reads, and one chain however many connections append. */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../server/audit/verify.js';
import { GENESIS, entryHash, type AuditContent } from '../server/domain/audit-chain.js';
import { SqliteGraphStore } from '../server/store/sqlite/sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'casegraph-audit-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const freshPath = () => join(dir, `audit-${++files}.db`);

const event = (over: Partial<Omit<AuditContent, 'seq'>> = {}): Omit<AuditContent, 'seq'> => ({
  at: 1_767_225_600_000,
  actor: 'officer.a',
  role: 'analyst',
  action: 'read.entity',
  caseId: 'case-1',
  target: 'person:000000000000000000000001',
  detail: { results: 1 },
  ip: '10.0.0.1',
  ...over,
});

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('SqliteAuditStore', () => {
  it('starts empty at the genesis head', async () => {
    const store = new SqliteGraphStore(freshPath());
    expect(await store.audit.head()).toEqual({ seq: 0, hash: GENESIS });
    expect(await store.audit.read({ limit: 10 })).toEqual([]);
    await store.close();
  });

  it('appends entries linked one to the next, and reads back exactly what it hashed', async () => {
    const path = freshPath();
    const store = new SqliteGraphStore(path);
    const first = await store.audit.append(event({ detail: { results: 2, when: new Date(0) } }));
    const second = await store.audit.append(event({ actor: 'officer.b', caseId: null }));
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS, detail: { when: '1970-01-01T00:00:00.000Z' } });
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash, caseId: null });
    const { prevHash, hash, ...content } = second;
    expect(hash).toBe(entryHash(content, prevHash));
    expect(await store.audit.head()).toEqual({ seq: 2, hash: second.hash });
    await store.close();
    // Read back through a new connection: what a later verification sees.
    const again = new SqliteGraphStore(path);
    expect(await again.audit.read({ limit: 10 })).toEqual([first, second]);
    expect(await verifyChain(again.audit.entries())).toMatchObject({ ok: true, entries: 2 });
    await again.close();
  });

  it('reads pages after a seq, filtered by case, actor and action', async () => {
    const store = new SqliteGraphStore(freshPath());
    for (let i = 1; i <= 12; i++)
      await store.audit.append(
        event({
          actor: i % 2 ? 'officer.a' : 'officer.b',
          caseId: i % 3 ? 'case-1' : 'case-2',
          action: i % 4 ? 'read.entity' : 'search',
        }),
      );
    const seqs = async (q: Parameters<typeof store.audit.read>[0]) =>
      (await store.audit.read(q)).map((e) => e.seq);
    expect(await seqs({ limit: 5 })).toEqual([1, 2, 3, 4, 5]);
    expect(await seqs({ limit: 5, afterSeq: 10 })).toEqual([11, 12]);
    expect(await seqs({ limit: 10, caseId: 'case-2' })).toEqual([3, 6, 9, 12]);
    expect(await seqs({ limit: 10, actor: 'officer.b', afterSeq: 4 })).toEqual([6, 8, 10, 12]);
    expect(await seqs({ limit: 10, action: 'search', caseId: 'case-2' })).toEqual([12]);
    await store.close();
  });

  it('iterates every entry in seq order a batch at a time', async () => {
    const store = new SqliteGraphStore(freshPath());
    for (let i = 0; i < 10; i++) await store.audit.append(event());
    expect((await all(store.audit.entries(3))).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect((await all(store.audit.entries(5))).length).toBe(10);
    await store.close();
  });

  it('keeps one unbroken chain when two connections on one file append in turn', async () => {
    const path = freshPath();
    const a = new SqliteGraphStore(path);
    const b = new SqliteGraphStore(path);
    for (let i = 0; i < 10; i++) {
      await a.audit.append(event({ actor: 'instance.a' }));
      await b.audit.append(event({ actor: 'instance.b' }));
    }
    const entries = await all(a.audit.entries());
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(entries.map((e) => e.actor).slice(0, 4)).toEqual([
      'instance.a',
      'instance.b',
      'instance.a',
      'instance.b',
    ]);
    expect(await verifyChain(entries)).toMatchObject({ ok: true, entries: 20 });
    await a.close();
    await b.close();
  });

  it('keeps one unbroken chain when two processes append at the same time', async () => {
    const path = freshPath();
    new SqliteGraphStore(path).close(); // migrated once, so the two processes only append
    // Both start appending when both are ready, so that their appends overlap however long each takes
    // to start (a clock barrier was passed before a slow start-up on a loaded machine).
    const appender = (actor: string) => {
      const code = `
          const { SqliteGraphStore } = await import('./server/store/sqlite/sqlite-store.ts');
          const store = new SqliteGraphStore(process.argv[1]);
          process.stdout.write('ready\\n');
          await new Promise((ok) => process.stdin.once('data', ok));
          for (let i = 0; i < 1000; i++)
            await store.audit.append({ at: Date.now(), actor: process.argv[2], role: 'analyst',
              action: 'search', caseId: null, target: null, detail: { results: i }, ip: null });
          await store.close();
          process.stdin.destroy();`;
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', code, path, actor],
        {
          stdio: ['pipe', 'pipe', 'inherit'],
        },
      );
      const ready = new Promise<void>((ok, fail) => {
        child.once('error', fail);
        child.stdout.once('data', () => ok());
      });
      const exit = new Promise<number | null>((ok, fail) => {
        child.once('error', fail);
        child.once('exit', ok);
      });
      return { go: () => child.stdin.end('go\n'), ready, exit };
    };
    const [a, b] = [appender('instance.a'), appender('instance.b')];
    await Promise.all([a.ready, b.ready]);
    a.go();
    b.go();
    expect(await Promise.all([a.exit, b.exit])).toEqual([0, 0]);
    const store = new SqliteGraphStore(path);
    const result = await verifyChain(store.audit.entries());
    expect(result).toMatchObject({ ok: true, entries: 2000, head: { seq: 2000 } });
    expect((await store.audit.read({ limit: 2000, actor: 'instance.b' })).length).toBe(1000);
    // They did overlap: the chain alternates between them somewhere, or the test proved nothing.
    const actors = (await store.audit.read({ limit: 2000 })).map((e) => e.actor);
    expect(actors.filter((a, i) => i > 0 && a !== actors[i - 1]).length).toBeGreaterThan(2);
    await store.close();
  });

  it('reports STORE.UNAVAILABLE while another writer holds the file, then appends after it', async () => {
    const path = freshPath();
    const store = new SqliteGraphStore(path, { busyTimeoutMs: 50 });
    await store.audit.append(event());
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    await expect(store.audit.append(event())).rejects.toMatchObject({ code: 'STORE.UNAVAILABLE' });
    other.exec('ROLLBACK');
    other.close();
    expect(await store.audit.append(event())).toMatchObject({ seq: 2 });
    await store.close();
  });
});
