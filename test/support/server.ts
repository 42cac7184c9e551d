/** Starts the real CaseGraph (the same start() as `npm start`) on a free port with a fresh data folder. */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../server/config.js';
import { start, type Running } from '../../server/start.js';
import type { Role } from '../../server/domain/access.js';
import { addUser } from '../../server/auth/users.js';
import type { SqliteGraphStore } from '../../server/store/sqlite/sqlite-store.js';

export interface Reply {
  status: number;
  body: any;
  headers: Headers;
}

/** Requests as one caller: with its session cookie and CSRF token, or as nobody. */
export interface Client {
  get(path: string): Promise<Reply>;
  post(
    path: string,
    body: unknown,
    init?: { contentType?: string; raw?: string; csrf?: string | null },
  ): Promise<Reply>;
  request(method: string, path: string, init?: { body?: unknown; csrf?: string | null }): Promise<Reply>;
  username?: string;
  csrf?: string;
}

export interface TestServer extends Running, Client {
  dataDir: string;
  dbPath: string;
  /** Nobody signed in. */
  anonymous: Client;
  /** A new user of this role (signed in, password already changed), assigned these cases (by id). */
  signInAs(role: Role, username?: string, cases?: string[]): Promise<Client>;
  dispose(): Promise<void>;
}

export async function startTestServer(
  env: Record<string, string> = {},
  dataDir?: string,
): Promise<TestServer> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'casegraph-api-'));
  const running = await start(
    loadConfig({
      PORT: '0',
      DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      AADHAAR_HASH_KEY: 'test-only-aadhaar-key-0123456789abcdef',
      ...env,
    }),
  );
  const call = async (path: string, init?: RequestInit): Promise<Reply> => {
    const res = await fetch(running.url + path, init);
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON: keep the text for the assertion message */
    }
    return { status: res.status, body, headers: res.headers };
  };
  const client = (cookie?: string, csrf?: string, username?: string): Client => {
    const request: Client['request'] = (method, path, init) =>
      call(path, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(cookie ? { cookie } : {}),
          ...(init?.csrf !== null && (init?.csrf ?? csrf) ? { 'x-csrf-token': (init?.csrf ?? csrf)! } : {}),
        },
        body: method === 'GET' || method === 'HEAD' ? undefined : JSON.stringify(init?.body ?? {}),
      });
    return {
      username,
      csrf,
      request,
      get: (path) => call(path, { headers: cookie ? { cookie } : {} }),
      post: (path, body, init) =>
        call(path, {
          method: 'POST',
          headers: {
            'content-type': init?.contentType ?? 'application/json',
            ...(cookie ? { cookie } : {}),
            ...(init?.csrf !== null && (init?.csrf ?? csrf) ? { 'x-csrf-token': (init?.csrf ?? csrf)! } : {}),
          },
          body: init?.raw ?? JSON.stringify(body),
        }),
    };
  };
  const access = (running.store as SqliteGraphStore).access;
  let made = 0;
  const signInAs = async (
    role: Role,
    username = `${role}${++made}`,
    cases: string[] = [],
  ): Promise<Client> => {
    const password = `test-only password of ${username}`;
    // A restarted server over the same data folder already has this user.
    if (!(await access.userForLogin(username)))
      await addUser(access, {
        username,
        displayName: `Test ${role}`,
        role,
        unit: 'AHTU Test Unit',
        password,
      });
    const user = (await access.userForLogin(username))!.user;
    for (const c of cases) await access.grantCase(c, user.id, null, Date.now());
    const reply = await client().post('/api/auth/login', { username, password });
    if (reply.status !== 200) throw new Error(`test sign-in failed: ${JSON.stringify(reply.body)}`);
    const cookie = reply.headers.get('set-cookie')!.split(';')[0]!;
    return client(cookie, reply.body.csrfToken as string, username);
  };
  const officer = await signInAs('admin', 'test-admin');
  return {
    ...running,
    ...officer,
    dataDir: dir,
    dbPath: join(dir, 'casegraph.db'),
    anonymous: client(),
    signInAs,
    dispose: async () => {
      await running.close();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A digest of everything the store holds of the record, table by table and row by row in key order:
 * equal digests mean equal content, whatever the file's pages look like. Sessions, sign-in failures and
 * the audit trail are left out: they change with every look, which is their purpose.
 */
export function contentDigest(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true });
  try {
    const hash = createHash('sha256');
    const tables = db
      .prepare<[], string>(
        `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'
         AND name NOT IN ('session', 'login_failure', 'audit_log') ORDER BY name`,
      )
      .pluck()
      .all();
    for (const t of tables) {
      const columns = db.prepare(`SELECT count(*) FROM pragma_table_info(?)`).pluck().get(t) as number;
      const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
      hash.update(`\n#${t}\n`);
      for (const row of db.prepare(`SELECT * FROM "${t}" ORDER BY ${order}`).raw().iterate())
        hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}
