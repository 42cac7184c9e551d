/**
 * Large analytics answers come from the worker through a spool file in the data folder and are streamed
 * to the caller: the answer arrives whole, the same as from memory, and no copy of it (it holds case
 * data) stays on disk after it is sent, or after the caller hangs up halfway.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPOOL_ABOVE_CHARS } from '../server/workers/analytics-protocol.js';
import { writeBigStore } from './support/big-store.js';
import { startTestServer, type TestServer } from './support/server.js';
import { sessionCookie } from './support/session-cookie.js';

let dir: string;
let api: TestServer;
const spool = () => join(dir, 'analytics-spool');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'casegraph-spool-'));
  writeBigStore(join(dir, 'casegraph.db'), { nodes: 20_000, links: 100_000, communities: 40 });
  // A file a previous run left behind (it stopped mid-answer) is cleared when the service starts.
  mkdirSync(spool(), { recursive: true });
  writeFileSync(join(spool(), '1-1.json'), '{"left":"behind"}');
  api = await startTestServer({}, dir);
}, 120_000);
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The spool empties once the response is done; removal follows the response by a moment. */
async function spoolEmpties(): Promise<string[]> {
  for (let i = 0; i < 100 && readdirSync(spool()).length > 0; i++)
    await new Promise((ok) => setTimeout(ok, 20));
  return readdirSync(spool());
}

describe('a large analytics answer', () => {
  it('starts with an empty spool: what a stopped run left there is gone', () => {
    expect(existsSync(spool())).toBe(true);
    expect(readdirSync(spool())).toEqual([]);
  });

  it('arrives whole from the spool, and the same again from the cache, leaving nothing behind', async () => {
    const first = await api.get('/api/analytics/communities');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.stringify(first.body).length).toBeGreaterThan(SPOOL_ABOVE_CHARS); // it was spooled
    expect(first.body.cached).toBe(false);
    expect(Object.keys(first.body.result.communityOf)).toHaveLength(20_000);
    expect(await spoolEmpties()).toEqual([]);

    const again = await api.get('/api/analytics/communities');
    expect(again.body.cached).toBe(true);
    expect(again.body.result).toEqual(first.body.result);
    expect(await spoolEmpties()).toEqual([]);
  });

  it('leaves nothing behind when the caller hangs up before the end', async () => {
    const cookie = await sessionCookie(api);
    const aborter = new AbortController();
    const res = await fetch(`${api.url}/api/analytics/communities?resolution=1.5`, {
      headers: { cookie },
      signal: aborter.signal,
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    await reader.read(); // the first chunk only
    aborter.abort();
    expect(await spoolEmpties()).toEqual([]);
    // And the service goes on answering.
    expect((await api.get('/api/health')).status).toBe(200);
  });
});
