/**
 * Users, passwords, sign-in and sessions on a real store file: what an admin and a user meet, and what
 * an attacker holding the file or guessing passwords does not get.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseGraphError } from '../server/domain/errors.js';
import { csrfMatches, Sessions } from '../server/auth/sessions.js';
import { RateLimited, signIn } from '../server/auth/sign-in.js';
import { addUser, disableUser, ensureFirstAdmin, resetPassword } from '../server/auth/users.js';
import { SqliteGraphStore } from '../server/store/sqlite/sqlite-store.js';

let dir: string;
let store: SqliteGraphStore;
let clock: number;
const now = () => clock;
const MIN = 60_000;
const policy = { idleMs: 30 * MIN, absoluteMs: 8 * 60 * MIN };
let sessions: Sessions;

const attempt = (username: string, password: string, ip = '10.0.0.7') => ({
  username,
  password,
  ip,
  userAgent: 'vitest',
});
const failure = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(CaseGraphError);
  return e as CaseGraphError;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'casegraph-auth-'));
  store = new SqliteGraphStore(join(dir, 'graph.db'));
  clock = Date.parse('2026-06-01T09:00:00Z');
  sessions = new Sessions(store.access, policy, now);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the first start', () => {
  it('makes one admin with a random password that must be changed, and only once', async () => {
    const first = await ensureFirstAdmin(store.access, clock);
    expect(first?.username).toBe('admin');
    expect(first!.password).toMatch(/^[A-Za-z2-9]{20}$/);
    expect(await ensureFirstAdmin(store.access, clock)).toBeNull();
    const { user } = await signIn({ access: store.access, sessions, now }, attempt('admin', first!.password));
    expect(user).toMatchObject({ role: 'admin', mustChangePassword: true, disabled: false });
  });
});

describe('users', () => {
  it('refuses bad details with every field named, and a taken username whatever its case', async () => {
    const e = await failure(
      addUser(store.access, { username: 'a b', displayName: '', role: 'chief' as never, password: 'short' }),
    );
    expect(e.code).toBe('REQUEST.INVALID');
    expect(e.issues.map((i) => i.path).sort()).toEqual(['displayName', 'password', 'role', 'username']);
    await addUser(store.access, {
      username: 'meera.k',
      displayName: 'Meera K',
      role: 'analyst',
      password: 'correct horse battery',
    });
    expect(
      (await failure(addUser(store.access, { username: 'MEERA.K', displayName: 'x', role: 'analyst' }))).code,
    ).toBe('USER.EXISTS');
    expect(await store.access.countUsers()).toBe(1);
  });

  it('keeps only an argon2id hash: neither the password nor a session token is in the file', async () => {
    const password = 'correct horse battery staple';
    await addUser(store.access, { username: 'ravi', displayName: 'Ravi', role: 'investigator', password });
    const { session } = await signIn({ access: store.access, sessions, now }, attempt('ravi', password));
    await store.close();
    const db = new Database(join(dir, 'graph.db'), { readonly: true });
    expect(db.prepare('SELECT password_hash FROM app_user').pluck().get()).toMatch(
      /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/,
    );
    db.close();
    const bytes = Buffer.concat(
      ['graph.db', 'graph.db-wal'].flatMap((f) => {
        try {
          return [readFileSync(join(dir, f))];
        } catch {
          return [];
        }
      }),
    );
    expect(bytes.includes(password)).toBe(false);
    expect(bytes.includes(session.token)).toBe(false);
    store = new SqliteGraphStore(join(dir, 'graph.db'));
  });
});

describe('signing in', () => {
  beforeEach(async () => {
    await addUser(store.access, {
      username: 'asha',
      displayName: 'Asha',
      role: 'analyst',
      password: 'a long passphrase here',
    });
  });

  it('answers a wrong password, an unknown user and a disabled account alike', async () => {
    const deps = { access: store.access, sessions, now };
    const wrong = await failure(signIn(deps, attempt('asha', 'not the passphrase')));
    const unknown = await failure(signIn(deps, attempt('nobody', 'a long passphrase here')));
    await disableUser(store.access, 'asha', clock);
    const disabled = await failure(signIn(deps, attempt('asha', 'a long passphrase here')));
    for (const e of [wrong, unknown, disabled]) {
      expect(e.code).toBe('AUTH.FAILED');
      expect(e.message).toBe(wrong.message);
    }
  });

  it('stops an account after five failures in fifteen minutes, even with the right password, then lets it in', async () => {
    const deps = { access: store.access, sessions, now };
    for (let i = 0; i < 5; i++)
      await failure(signIn(deps, attempt('asha', `guess ${i} guess guess`, `10.0.0.${i}`)));
    const limited = await failure(signIn(deps, attempt('asha', 'a long passphrase here')));
    expect(limited).toBeInstanceOf(RateLimited);
    expect(limited.code).toBe('AUTH.RATE_LIMITED');
    clock += 16 * MIN;
    const { user } = await signIn(deps, attempt('asha', 'a long passphrase here'));
    expect(user.username).toBe('asha');
  });

  it('stops an address that tries many accounts', async () => {
    const deps = { access: store.access, sessions, now };
    for (let i = 0; i < 30; i++)
      await failure(signIn(deps, attempt(`user${i}`, 'whatever whatever', '203.0.113.9')));
    expect((await failure(signIn(deps, attempt('asha', 'a long passphrase here', '203.0.113.9')))).code).toBe(
      'AUTH.RATE_LIMITED',
    );
    const { user } = await signIn(deps, attempt('asha', 'a long passphrase here', '10.1.1.1'));
    expect(user.username).toBe('asha');
  });
});

describe('sessions', () => {
  let token: string;
  let csrf: string;
  beforeEach(async () => {
    await addUser(store.access, {
      username: 'asha',
      displayName: 'Asha',
      role: 'analyst',
      password: 'a long passphrase here',
    });
    const { session } = await signIn(
      { access: store.access, sessions, now },
      attempt('asha', 'a long passphrase here'),
    );
    token = session.token;
    csrf = session.csrfToken;
  });

  it('lives while used, ends after 30 idle minutes', async () => {
    clock += 29 * MIN;
    expect((await sessions.resolve(token))?.user.username).toBe('asha');
    clock += 29 * MIN;
    expect(await sessions.resolve(token)).not.toBeNull();
    clock += 31 * MIN;
    expect(await sessions.resolve(token)).toBeNull();
    clock -= 31 * MIN;
    expect(await sessions.resolve(token)).toBeNull(); // gone from the store, not only refused
  });

  it('ends at its absolute age however busy', async () => {
    for (let h = 0; h < 8 * 4 - 1; h++) {
      clock += 15 * MIN;
      expect(await sessions.resolve(token), `after ${(h + 1) * 15} min`).not.toBeNull();
    }
    clock += 15 * MIN;
    expect(await sessions.resolve(token)).toBeNull();
  });

  it('ends on logout, on a password reset and on disabling the user', async () => {
    await sessions.close(token);
    expect(await sessions.resolve(token)).toBeNull();
    const deps = { access: store.access, sessions, now };
    const second = (await signIn(deps, attempt('asha', 'a long passphrase here'))).session.token;
    const { password } = await resetPassword(store.access, 'asha', clock);
    expect(await sessions.resolve(second)).toBeNull();
    const third = (await signIn(deps, attempt('asha', password))).session.token;
    await disableUser(store.access, 'asha', clock);
    expect(await sessions.resolve(third)).toBeNull();
  });

  it('accepts only its own CSRF token', async () => {
    const active = (await sessions.resolve(token))!;
    expect(csrfMatches(active.session, csrf)).toBe(true);
    expect(csrfMatches(active.session, undefined)).toBe(false);
    expect(csrfMatches(active.session, csrf.slice(0, -1) + (csrf.endsWith('A') ? 'B' : 'A'))).toBe(false);
    expect(csrfMatches(active.session, 'short')).toBe(false);
    expect(await sessions.resolve('not-a-token')).toBeNull();
  });
});
