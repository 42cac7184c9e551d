/** Admins manage users over the API: a one-time password shown once, refusals named, every change audited. */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDigest, startTestServer, type TestServer } from './support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.dispose());

const login = (username: string, password: string) =>
  server.anonymous.post('/api/auth/login', { username, password });

describe('users over the API', () => {
  let first = '';

  it('adds a user whose one-time password signs in and must be changed', async () => {
    const added = await server.post('/api/users', {
      username: 'priya.n',
      displayName: 'Priya N',
      role: 'prosecutor',
      unit: 'Special Public Prosecutor, Pune',
    });
    expect(added.status).toBe(201);
    expect(added.body.user).toMatchObject({
      username: 'priya.n',
      role: 'prosecutor',
      mustChangePassword: true,
    });
    first = added.body.password;
    expect(first).toMatch(/^[A-Za-z2-9]{20}$/);
    const signedIn = await login('priya.n', first);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.mustChangePassword).toBe(true);
    expect(
      (await server.get('/api/users')).body.users.map((u: { username: string }) => u.username),
    ).toContain('priya.n');
  });

  it('refuses bad details and a taken name with their fields, writing nothing', async () => {
    const digest = contentDigest(server.dbPath);
    const bad = await server.post('/api/users', {
      username: 'a',
      displayName: '',
      role: 'chief',
      password: 'set-by-me',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'displayName',
      'password',
      'role',
      'username',
    ]);
    const taken = await server.post('/api/users', { username: 'PRIYA.N', displayName: 'x', role: 'analyst' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('USER.EXISTS');
    expect((await server.post('/api/users/nobody.here/reset', {})).status).toBe(404);
    expect(contentDigest(server.dbPath)).toBe(digest);
  });

  it('resets (the old password stops working) and disables, each on the audit trail without the password', async () => {
    const reset = await server.post('/api/users/priya.n/reset', {});
    expect(reset.status).toBe(200);
    expect((await login('priya.n', first)).status).toBe(401);
    expect((await login('priya.n', reset.body.password)).status).toBe(200);
    const disabled = await server.post('/api/users/priya.n/disable', {});
    expect(disabled.body.disabled).toBe(true);
    expect((await login('priya.n', reset.body.password)).status).toBe(401);
    const db = new Database(server.dbPath, { readonly: true });
    const trail = db
      .prepare("SELECT action, target FROM audit_log WHERE action LIKE 'user.%' ORDER BY seq")
      .all();
    const bytes = JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
    db.close();
    expect(trail).toEqual([
      { action: 'user.add', target: 'priya.n' },
      { action: 'user.reset', target: 'priya.n' },
      { action: 'user.disable', target: 'priya.n' },
    ]);
    expect(bytes).not.toContain(first);
    expect(bytes).not.toContain(reset.body.password);
  });
});
