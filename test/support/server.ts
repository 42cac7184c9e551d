/** Starts the real CaseGraph (the same start() as `npm start`) on a free port with a fresh data folder. */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../server/config.js';
import { start, type Running } from '../../server/start.js';

export interface TestServer extends Running {
  dataDir: string;
  dbPath: string;
  get(path: string): Promise<{ status: number; body: any; headers: Headers }>;
  post(
    path: string,
    body: unknown,
    init?: { contentType?: string; raw?: string },
  ): Promise<{ status: number; body: any; headers: Headers }>;
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
  const call = async (path: string, init?: RequestInit) => {
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
  return {
    ...running,
    dataDir: dir,
    dbPath: join(dir, 'casegraph.db'),
    get: (path) => call(path),
    post: (path, body, init) =>
      call(path, {
        method: 'POST',
        headers: { 'content-type': init?.contentType ?? 'application/json' },
        body: init?.raw ?? JSON.stringify(body),
      }),
    dispose: async () => {
      await running.close();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A digest of everything the store holds, table by table and row by row in key order: equal digests
 * mean equal content, whatever the file's pages look like.
 */
export function contentDigest(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true });
  try {
    const hash = createHash('sha256');
    const tables = db
      .prepare<[], string>(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
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
