/**
 * CPU seconds per thread of this process, sampled from /proc (Linux): a bulk import runs a preparing
 * worker beside the writing thread, and which of the two bounds it is what the next change should aim
 * at. The sampler runs on a thread of its own, because the writing thread's event loop is busy for
 * seconds at a time and would miss the worker's last samples before it exits.
 */
import { Worker } from 'node:worker_threads';
import { once } from 'node:events';

const SAMPLER = `
const { parentPort } = require('node:worker_threads');
const { readFileSync, readdirSync } = require('node:fs');
const seen = {};
function sample() {
  let tids;
  try { tids = readdirSync('/proc/self/task'); } catch { return; }
  for (const tid of tids) {
    try {
      const stat = readFileSync('/proc/self/task/' + tid + '/stat', 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      seen[tid] = (Number(f[11]) + Number(f[12])) / 100;
    } catch {}
  }
}
const timer = setInterval(sample, 50);
parentPort.on('message', () => { sample(); clearInterval(timer); parentPort.postMessage(seen); });
`;

/** Resolves once the sampler runs, so that its own start does not share the cores with what it measures. */
export async function sampleThreads() {
  const sampler = new Worker(SAMPLER, { eval: true });
  await once(sampler, 'online');
  return {
    /** The main thread's CPU seconds and the busiest other thread's (the preparing worker), so far. */
    async stop(): Promise<{ main: number; busiestOther: number }> {
      sampler.postMessage('stop');
      const [seen] = (await once(sampler, 'message')) as [Record<string, number>];
      await sampler.terminate();
      const main = String(process.pid);
      let other = 0;
      for (const [tid, cpu] of Object.entries(seen)) if (tid !== main) other = Math.max(other, cpu);
      return { main: seen[main] ?? 0, busiestOther: other };
    },
  };
}
