/**
 * Users, sessions, case access and the audit trail through the Neo4j adapter's own code (access.ts,
 * audit.ts) against an in-memory model of their queries (test/support/neo4j-model.ts): what a first
 * start, an admin, a user signing in and an auditor meet. Whether Neo4j runs the Cypher as modelled is
 * checked by Neo4j's parser (test/neo4j-cypher.test.ts), not here.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../server/audit/verify.js';
import { Sessions } from '../server/auth/sessions.js';
import { RateLimited, signIn } from '../server/auth/sign-in.js';
import { addUser, disableUser, ensureFirstAdmin } from '../server/auth/users.js';
import { GENESIS, entryHash, type AuditContent } from '../server/domain/audit-chain.js';
import type { CaseGraphError } from '../server/domain/errors.js';
import type { Neo4jGraphStore } from '../server/store/neo4j/neo4j-store.js';
import { fakeStore, type Sent } from './support/fake-neo4j.js';
import { accessAuditModel } from './support/neo4j-model.js';

const MIN = 60_000;
let store: Neo4jGraphStore;
let sent: Sent[];
let clock: number;
const now = () => clock;
let model: ReturnType<typeof accessAuditModel>;

beforeEach(() => {
  model = accessAuditModel();
  model.answers['init-audit-head']!({ genesis: GENESIS });
  ({ store, sent } = fakeStore(model.answers, 1000, model.transactions));
  clock = Date.parse('2026-06-01T09:00:00Z');
});

const failure = async (p: Promise<unknown>) =>
  (await p.then(
    () => undefined,
    (e: unknown) => e,
  )) as CaseGraphError;

describe('users and sessions on Neo4j', () => {
  it('makes the first admin once, and refuses a taken username whatever its case', async () => {
    const first = await ensureFirstAdmin(store.access, clock);
    expect(first?.username).toBe('admin');
    expect(await ensureFirstAdmin(store.access, clock)).toBeNull();
    await addUser(store.access, { username: 'meera.k', displayName: 'Meera K', role: 'analyst' });
    const taken = await failure(
      addUser(store.access, { username: 'MEERA.K', displayName: 'x', role: 'analyst' }),
    );
    expect(taken.code).toBe('USER.EXISTS');
    expect((await store.access.listUsers()).map((u) => u.username)).toEqual(['admin', 'meera.k']);
    expect(await store.access.countUsers()).toBe(2);
  });

  it('signs in, counts failures against the limit, and ends sessions when idle or on disabling', async () => {
    const password = 'a long passphrase here';
    await addUser(store.access, { username: 'asha', displayName: 'Asha', role: 'analyst', password });
    const sessions = new Sessions(store.access, { idleMs: 30 * MIN, absoluteMs: 8 * 60 * MIN }, now);
    const deps = { access: store.access, sessions, now };
    const attempt = (p: string, ip = '10.0.0.7') => ({
      username: 'Asha',
      password: p,
      ip,
      userAgent: 'vitest',
    });
    const { session, user } = await signIn(deps, attempt(password));
    expect(user).toMatchObject({ username: 'asha', role: 'analyst', disabled: false });
    expect((await sessions.resolve(session.token))?.user.username).toBe('asha');
    clock += 31 * MIN;
    expect(await sessions.resolve(session.token)).toBeNull();
    for (let i = 0; i < 5; i++) await failure(signIn(deps, attempt(`guess ${i} guess guess`, `10.0.0.${i}`)));
    expect(await failure(signIn(deps, attempt(password)))).toBeInstanceOf(RateLimited);
    clock += 16 * MIN;
    const again = await signIn(deps, attempt(password));
    await disableUser(store.access, 'asha', clock);
    expect(await sessions.resolve(again.session.token)).toBeNull();
    expect((await store.access.getUser(user.id))?.disabled).toBe(true);
  });

  it('grants and takes back cases', async () => {
    const { user } = await addUser(store.access, {
      username: 'ravi',
      displayName: 'Ravi',
      role: 'investigator',
    });
    await store.access.grantCase('case:b', user.id, null, clock);
    await store.access.grantCase('case:a', user.id, null, clock);
    await store.access.grantCase('case:a', user.id, null, clock);
    expect(await store.access.casesOf(user.id)).toEqual(['case:a', 'case:b']);
    await store.access.revokeCase('case:b', user.id);
    expect(await store.access.casesOf(user.id)).toEqual(['case:a']);
  });
});

describe('the audit trail on Neo4j', () => {
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

  it('appends under a lock on the head, linked one to the next, and verifies', async () => {
    expect(await store.audit.head()).toEqual({ seq: 0, hash: GENESIS });
    const first = await store.audit.append(event({ detail: { when: new Date(0) } }));
    const second = await store.audit.append(event({ actor: 'officer.b', caseId: null }));
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS, detail: { when: '1970-01-01T00:00:00.000Z' } });
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash, caseId: null });
    const { prevHash, hash, ...content } = second;
    expect(hash).toBe(entryHash(content, prevHash));
    expect(await store.audit.read({ limit: 10 })).toEqual([first, second]);
    expect(await store.audit.read({ limit: 10, actor: 'officer.b' })).toEqual([second]);
    expect(await store.audit.read({ limit: 10, afterSeq: 1 })).toEqual([second]);
    expect(await verifyChain(store.audit.entries(1))).toMatchObject({ ok: true, entries: 2 });
    // Every append reads the head only after taking its lock, in the same write transaction.
    const appends = sent.filter((s) => s.name === 'lock-audit-head' || s.name === 'append-audit-entry');
    expect(appends.map((s) => `${s.mode} ${s.name}`)).toEqual([
      'WRITE lock-audit-head',
      'WRITE append-audit-entry',
      'WRITE lock-audit-head',
      'WRITE append-audit-entry',
    ]);
  });

  it('keeps one chain when appenders on several instances interleave', async () => {
    const entries = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.audit.append(event({ actor: `officer.${i % 3}` }))),
    );
    expect(entries.map((e) => e.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(await verifyChain(store.audit.entries())).toMatchObject({ ok: true, entries: 20 });
  });

  it('reports entries edited by hand into text or fractions as changed, without stopping', async () => {
    for (let i = 0; i < 5; i++) await store.audit.append(event({ detail: { i } }));
    const [, second, third, fourth] = model.audit();
    second!.at = 'yesterday';
    third!.at = 1_767_225_600_000.5;
    fourth!.seq = 3.5;
    const result = await verifyChain(store.audit.entries(2));
    if (result.ok) throw new Error('the edited trail verified as intact');
    expect(result.entries).toBe(5);
    expect(result.problems.map((p) => [p.seq, p.kind]).slice(0, 3)).toEqual([
      [2, 'changed'],
      [3, 'changed'],
      [3.5, 'changed'],
    ]);
  });

  it('knows whether the database holds a chain at all: the wrong database is not an intact empty one', async () => {
    expect(await store.audit.hasChain()).toBe(true);
    const bare = accessAuditModel(); // no schema step: no head
    const other = fakeStore(bare.answers, 1000, bare.transactions).store;
    expect(await other.audit.hasChain()).toBe(false);
    // audit:verify opens Neo4j without the schema step (which would make a head) and stops without one.
    const cli = readFileSync('server/cli/audit-verify.ts', 'utf8');
    expect(cli).toMatch(/Neo4jGraphStore\.open\([^;]*schema: false/);
    expect(cli).not.toMatch(/await openStore\(/);
    expect(cli).toMatch(/if \(!\(await store\.audit\.hasChain\(\)\)\)[\s\S]{0,300}?return 2;/);
  });

  it('refuses an entry whose time is not whole milliseconds', async () => {
    expect((await failure(store.audit.append(event({ at: 1.5 })))).code).toBe('REQUEST.INVALID');
  });
});
