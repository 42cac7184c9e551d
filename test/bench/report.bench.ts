/**
 * `npm run bench report`: time and peak memory to make the prosecutor's report of a 300-entity and a
 * 3,000-entity case (a joint FIR over a generated scenario). The store is loaded in one child process,
 * the report made in another, so the peak RSS printed is the report's own (with the store opened).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function child(args: string[]): Promise<string> {
  const p = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'report-child.ts'), ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  p.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const [code] = (await once(p, 'exit')) as [number];
  if (code !== 0) throw new Error(`report bench child ${args[0]} failed with exit code ${code}`);
  return out;
}

export async function run(): Promise<void> {
  for (const n of [300, 3000]) {
    const dir = mkdtempSync(join(tmpdir(), 'casegraph-report-bench-'));
    try {
      await child(['ingest', dir, String(n)]);
      const r = JSON.parse(await child(['report', dir])) as {
        seconds: number;
        stages: Record<string, number>;
        peakRssMiB: number;
        entities: number;
        links: number;
        pages: number;
        bytes: number;
      };
      const stages = Object.entries(r.stages)
        .filter(([k]) => k !== 'start')
        .map(([k, v]) => `${k} ${v.toFixed(2)} s`)
        .join(', ');
      console.log(
        `${String(n).padStart(5)}-entity case: ${r.entities.toLocaleString('en')} entities, ${r.links.toLocaleString('en')} links -> ` +
          `${r.pages} pages, ${(r.bytes / 2 ** 20).toFixed(1)} MiB in ${r.seconds.toFixed(2)} s (${stages}); peak RSS ${r.peakRssMiB.toFixed(0)} MiB`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
