/**
 * Ingest throughput, end to end: a generated 100,000-entity / 500,000-link scenario goes through the
 * same path as `npm run ingest` (zod validation, key normalisation, one SQLite transaction per batch)
 * into a fresh store, in a child process so that its peak memory is the ingest's own. In the same
 * child, the same link keys are then inserted in the same order into a bare better-sqlite3 table (one
 * text primary key, WAL, one transaction): the ceiling this machine allows.
 *
 * Where the time goes (100,000 entities, measured 2026-11-23 on the 2-core machine): of ~37 s of store
 * writes, the SQLite statements take ~21 s — link inserts 7.6 s (637,553 link records, four indexes
 * each), occurrences 2.9 s and their sources 2.4 s (1.07 M), link sources 2.2 s, entity sources 2.0 s
 * (399,159 re-declarations), entity inserts 1.9 s, search texts 0.9 s — and the rest is JavaScript
 * around them. Normalising runs beside it in a worker. Ways still open: a first source kept in the
 * occurrence row instead of a row of its own, multi-row inserts, and, for a first load into an empty
 * store, building the secondary indexes after the load instead of during it.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { streamScenario } from '../../seed/scenario.js';

const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 100_000);
const FLOOR_LINKS_PER_S = 50_000;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'casegraph-bench-'));
  try {
    const file = join(dir, 'scenario.ndjson');
    const out = createWriteStream(file);
    const t0 = performance.now();
    let batches = 0;
    for (const batch of streamScenario({ entities: ENTITIES, seed: 'bench' })) {
      if (!out.write(JSON.stringify(batch) + '\n')) await once(out, 'drain');
      batches++;
    }
    out.end();
    await once(out, 'finish');
    console.log(
      `generated ${batches} batches in ${((performance.now() - t0) / 1000).toFixed(1)} s (not measured)`,
    );

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'ingest-child.ts'), file, dir],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let report = '';
    child.stdout.on('data', (d: Buffer) => (report += d.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    if (code !== 0) throw new Error(`the ingest child failed with exit code ${code}`);
    const r = JSON.parse(report) as {
      entities: number;
      links: number;
      occurrences: number;
      seconds: number;
      storeSeconds: number;
      peakRssMiB: number;
      bareRowsPerS: number;
      bareRows: number;
      firstLoad: boolean;
    };
    const linksPerS = r.links / r.seconds;
    const row = (k: string, v: string) => console.log(`${k.padEnd(38)} ${v}`);
    row(
      'entities / links / occurrences',
      `${r.entities.toLocaleString('en')} / ${r.links.toLocaleString('en')} / ${r.occurrences.toLocaleString('en')}`,
    );
    row('written as', r.firstLoad ? 'one bulk load (the store was empty)' : 'groups of batches');
    row('ingest, end to end', `${r.seconds.toFixed(2)} s (store writes ${r.storeSeconds.toFixed(2)} s)`);
    row('entities/s', Math.round(r.entities / r.seconds).toLocaleString('en'));
    row('links/s', Math.round(linksPerS).toLocaleString('en'));
    row('links/s, store writes only', Math.round(r.links / r.storeSeconds).toLocaleString('en'));
    row('peak memory (RSS of the ingest process)', `${r.peakRssMiB.toFixed(0)} MiB`);
    row(
      'peer: bare better-sqlite3 insert',
      `${Math.round(r.bareRowsPerS).toLocaleString('en')} rows/s (${r.bareRows.toLocaleString('en')} link keys)`,
    );
    row('links/s ÷ bare rows/s', (linksPerS / r.bareRowsPerS).toFixed(2));
    row(
      `floor ${FLOOR_LINKS_PER_S.toLocaleString('en')} links/s`,
      linksPerS >= FLOOR_LINKS_PER_S ? 'met' : 'NOT MET',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
