/**
 * How long /api/health takes, on the wall clock, while the analytics worker runs Louvain on a million
 * links and sends its answer back, beside the same polling with nothing running (the peer, same run,
 * same server). test/analytics-responsiveness.test.ts asserts that no poll waits 50 ms on this
 * process's own work; this prints what a caller actually waits, machine and all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBigStore } from '../support/big-store.js';
import { startTestServer } from '../support/server.js';
import { sessionCookie } from '../support/session-cookie.js';

const LINKS = 1_000_000;
const NODES = 200_000;

/** Polls health every 25 ms until `done()` says stop; each poll's wait, in ms. */
async function poll(url: string, done: () => boolean): Promise<number[]> {
  const waits: number[] = [];
  while (!done()) {
    const t = performance.now();
    await (await fetch(`${url}/api/health`)).arrayBuffer();
    waits.push(performance.now() - t);
    await new Promise((ok) => setTimeout(ok, 25));
  }
  return waits;
}

function summary(waits: number[]): string {
  const s = [...waits].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!.toFixed(1);
  return `${s.length} polls, median ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${s.at(-1)!.toFixed(1)} ms`;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'casegraph-bench-responsiveness-'));
  try {
    writeBigStore(join(dir, 'casegraph.db'), { nodes: NODES, links: LINKS, communities: 100 });
    const api = await startTestServer({}, dir);
    try {
      const cookie = await sessionCookie(api);
      const idleUntil = performance.now() + 5000;
      const idle = await poll(api.url, () => performance.now() > idleUntil);
      let finished = false;
      const t = performance.now();
      const answer = fetch(`${api.url}/api/analytics/communities`, { headers: { cookie } }).then(
        async (r) => {
          const bytes = (await r.arrayBuffer()).byteLength;
          finished = true;
          return bytes;
        },
      );
      const busy = await poll(api.url, () => finished);
      const bytes = await answer;
      const seconds = ((performance.now() - t) / 1000).toFixed(1);
      console.log(`/api/health, nothing running:            ${summary(idle)}`);
      console.log(
        `/api/health, during a ${LINKS.toLocaleString('en')}-link Louvain (${seconds} s, answer ${(bytes / 2 ** 20).toFixed(1)} MiB): ${summary(busy)}`,
      );
    } finally {
      await api.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
