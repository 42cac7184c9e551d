/** `npm run user -- …` as an admin runs it on the machine that holds the store. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Sessions } from '../server/auth/sessions.js';
import { signIn } from '../server/auth/sign-in.js';
import { SqliteGraphStore } from '../server/store/sqlite/sqlite-store.js';
import { runCommand } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'casegraph-cli-user-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const user = (...args: string[]) => runCommand('server/cli/user.ts', dir, args);

async function canSignIn(username: string, password: string): Promise<boolean> {
  const store = new SqliteGraphStore(join(dir, 'data', 'casegraph.db'));
  try {
    const sessions = new Sessions(store.access, { idleMs: 60_000, absoluteMs: 120_000 });
    await signIn(
      { access: store.access, sessions },
      { username, password, ip: '127.0.0.1', userAgent: null },
    );
    return true;
  } catch {
    return false;
  } finally {
    await store.close();
  }
}

const printedPassword = (out: string) => /: ([A-Za-z2-9]{20})$/m.exec(out)?.[1];

describe('npm run user', () => {
  let first = '';

  it('adds a user and prints a password once, which signs in', async () => {
    const r = user('add', 'meera.k', '--role', 'analyst', '--name', 'Meera K', '--unit', 'AHTU Pune');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('added meera.k (analyst, AHTU Pune)');
    first = printedPassword(r.out)!;
    expect(first).toBeDefined();
    expect(await canSignIn('meera.k', first)).toBe(true);
    expect(user('list').out).toMatch(/meera\.k\s+analyst\s+active\s+AHTU Pune/);
  });

  it('refuses a taken name and bad details, naming each field, and exits 1', () => {
    const taken = user('add', 'Meera.K', '--role', 'analyst');
    expect(taken.code).toBe(1);
    expect(taken.err).toContain('a user named Meera.K already exists');
    const bad = user('add', 'x', '--role', 'chief');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/username: a username has at least 3 characters/);
    expect(bad.err).toMatch(/role: must be one of admin, analyst/);
    expect(user('list').out.trim().split('\n')).toHaveLength(1);
  });

  it('resets a password (the old one stops working) and disables a user', async () => {
    const r = user('reset', 'meera.k');
    expect(r.code, r.err).toBe(0);
    const second = printedPassword(r.out)!;
    expect(await canSignIn('meera.k', first)).toBe(false);
    expect(await canSignIn('meera.k', second)).toBe(true);
    expect(user('disable', 'meera.k').code).toBe(0);
    expect(await canSignIn('meera.k', second)).toBe(false);
    expect(user('reset', 'ghost').err).toContain('no user named ghost');
  });

  it('says how it is used', () => {
    const r = user();
    expect(r.code).toBe(2);
    expect(r.out).toContain('npm run user -- add USERNAME --role ROLE');
  });
});
