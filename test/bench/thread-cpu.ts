/**
 * CPU seconds per thread of this process, sampled from /proc (Linux): a bulk import runs a preparing
 * worker beside the writing thread, and which of the two bounds it is what the next change should aim
 * at. A thread is remembered after it exits, with its last sample.
 */
import { readFileSync, readdirSync } from 'node:fs';

const TICKS_PER_S = 100;

function cpuOf(tid: string): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
  } catch {
    return undefined; // exited between listing and reading, or not Linux
  }
}

export function sampleThreads(everyMs = 100) {
  const seen = new Map<string, number>();
  const sample = () => {
    let tids: string[];
    try {
      tids = readdirSync('/proc/self/task');
    } catch {
      return;
    }
    for (const tid of tids) {
      const cpu = cpuOf(tid);
      if (cpu !== undefined) seen.set(tid, cpu);
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    /** The main thread's CPU seconds and the busiest other thread's (the preparing worker), so far. */
    stop(): { main: number; busiestOther: number } {
      sample();
      clearInterval(timer);
      const main = seen.get(String(process.pid)) ?? 0;
      let other = 0;
      for (const [tid, cpu] of seen) if (tid !== String(process.pid)) other = Math.max(other, cpu);
      return { main, busiestOther: other };
    },
  };
}
