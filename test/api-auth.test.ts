/** Signing in and out over real HTTP: the cookie, the CSRF token, the one-time password, the limits. */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDigest, startTestServer, type TestServer } from './support/server.js';
import { firBatch } from './support/batches.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.dispose());

const login = (username: string, password: string, ip?: string) =>
  fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(ip ? { 'x-forwarded-for': ip } : {}) },
    body: JSON.stringify({ username, password }),
  });
const cookieOf = (res: Response) => res.headers.get('set-cookie')?.split(';')[0] ?? '';

describe('signing in', () => {
  it('sets an httpOnly, SameSite=Strict session cookie and returns the CSRF token', async () => {
    const res = await login(server.firstAdmin!.username, server.firstAdmin!.password);
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^cg_session=[\w-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/); // plain HTTP here; over TLS the flag is set
    const body = (await res.json()) as {
      user: { role: string; mustChangePassword: boolean };
      csrfToken: string;
    };
    expect(body.user).toMatchObject({ role: 'admin', mustChangePassword: true });
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
  });

  it('answers a wrong password and an unknown user alike, and refuses a bad body with its fields', async () => {
    const wrong = await login('test-admin', 'not the password at all');
    const unknown = await login('nobody-here', 'not the password at all');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [(await wrong.json()) as any, (await unknown.json()) as any];
    expect(a.error.code).toBe('AUTH.FAILED');
    expect(a.error.message).toBe(b.error.message);
    const bad = await server.anonymous.post('/api/auth/login', { username: '', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'extra',
      'password',
      'username',
    ]);
    const malformed = await server.anonymous.post('/api/auth/login', null, { raw: '{"username":' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('REQUEST.MALFORMED_JSON');
  });

  it('stops an account after five failures with 429 and Retry-After', async () => {
    const victim = await server.signInAs('analyst', 'rate-limited');
    for (let i = 0; i < 5; i++)
      expect((await login('rate-limited', `wrong guess number ${i}`)).status).toBe(401);
    const limited = await login('rate-limited', 'test-only password of rate-limited');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as any).error.code).toBe('AUTH.RATE_LIMITED');
    expect((await victim.get('/api/auth/session')).status).toBe(200); // an open session is not ended by it
  });
});

describe('a session', () => {
  it('is described to the client, and ends at logout', async () => {
    const user = await server.signInAs('investigator');
    const s = await user.get('/api/auth/session');
    expect(s.status).toBe(200);
    expect(s.body.user.username).toBe(user.username);
    expect(s.body.csrfToken).toBe(user.csrf);
    const out = await user.post('/api/auth/logout', {});
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/cg_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await user.get('/api/auth/session')).status).toBe(401);
    expect((await user.get('/api/graph')).body.error.code).toBe('AUTH.REQUIRED');
  });

  it('with a one-time password can do nothing but change it; the change ends the old session', async () => {
    const res = await login(server.firstAdmin!.username, server.firstAdmin!.password);
    const cookie = cookieOf(res);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const call = (path: string, method = 'GET', body?: unknown) =>
      fetch(server.url + path, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const blocked = await call('/api/graph');
    expect(blocked.status).toBe(403);
    expect(((await blocked.json()) as any).error.code).toBe('AUTH.PASSWORD_CHANGE');
    const digest = contentDigest(server.dbPath);
    expect((await call('/api/ingest', 'POST', firBatch())).status).toBe(403);
    expect(contentDigest(server.dbPath)).toBe(digest);

    const wrongCurrent = await call('/api/auth/password', 'POST', {
      current: 'not it at all',
      next: 'a new long passphrase',
    });
    expect(wrongCurrent.status).toBe(401);
    const same = await call('/api/auth/password', 'POST', {
      current: server.firstAdmin!.password,
      next: server.firstAdmin!.password,
    });
    expect(same.status).toBe(400);
    const short = await call('/api/auth/password', 'POST', {
      current: server.firstAdmin!.password,
      next: 'short',
    });
    expect(((await short.json()) as any).error.issues[0].path).toBe('next');

    const changed = await call('/api/auth/password', 'POST', {
      current: server.firstAdmin!.password,
      next: 'a new long passphrase',
    });
    expect(changed.status).toBe(200);
    const fresh = cookieOf(changed);
    const next = (await changed.json()) as { csrfToken: string; user: { mustChangePassword: boolean } };
    expect(next.user.mustChangePassword).toBe(false);
    expect((await call('/api/auth/session')).status).toBe(401); // the old cookie is dead
    const graph = await fetch(`${server.url}/api/graph`, { headers: { cookie: fresh } });
    expect(graph.status).toBe(200);
    expect((await login('admin', 'a new long passphrase')).status).toBe(200);
  });
});

describe('bad input to the doors', () => {
  it('an expired session is a 401 and its cookie opens nothing; an oversized sign-in body is a 413', async () => {
    const user = await server.signInAs('analyst', 'soon.expired');
    expect((await user.get('/api/auth/session')).status).toBe(200);
    // As if the officer had walked away for an hour: the session's last use is moved into the past.
    const db = new Database(server.dbPath);
    db.prepare(
      "UPDATE session SET last_seen_at = last_seen_at - 3600000 WHERE user_rid = (SELECT rid FROM app_user WHERE username = 'soon.expired')",
    ).run();
    db.close();
    const expired = await user.get('/api/auth/session');
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('AUTH.REQUIRED');
    expect((await user.post('/api/ingest', firBatch())).status).toBe(401);
    const huge = await server.anonymous.post('/api/auth/login', {
      username: 'x'.repeat(21 * 2 ** 20),
      password: 'y',
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('REQUEST.TOO_LARGE');
  });
});

describe('what every answer carries', () => {
  it('a strict Content-Security-Policy and no framing', async () => {
    for (const path of ['/api/health', '/api/nothing']) {
      const res = await fetch(server.url + path);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('provenance names the officer who ingested', async () => {
    const officer = await server.signInAs('investigator', 'officer.rao');
    const ingested = await officer.post(
      '/api/ingest',
      firBatch('MH/Mumbai City/Test Nagar PS/0099/2026', 'fir-0099.pdf'),
    );
    expect(ingested.status).toBe(200);
    const found = await server.get(`/api/search?q=${encodeURIComponent('Zorvan')}`);
    const entity = await server.get(`/api/entities/${found.body.results[0].id}`);
    expect(entity.body.provenance.map((p: { importedBy: string }) => p.importedBy)).toContain('officer.rao');
  });
});
