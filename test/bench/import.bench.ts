/**
 * `npm run bench import`: a generated Airtel CDR of 1,000,000 rows (IMPORT_BENCH_ROWS to change it)
 * imported end to end — file read, decoded, split, mapped, normalised, written into an empty store — in a
 * child process, so that its peak RSS is the import's alone. IMPORT_BENCH_THREAD=main reads it on the
 * writing thread instead of the worker a file this large gets by default. The floor: 100,000 rows/s and a
 * peak RSS under 600 MB on this 2-core machine.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cdrLines, type CdrRow } from '../../seed/files/cdr-layouts.js';
import { luhnCheckDigit } from '../../seed/identifiers.js';

const TARGET = '+919800000001';

/** A target's year of calls: a few thousand contacts, two handsets, two hundred cells. Synthetic. */
function* benchRows(n: number): Generator<CdrRow> {
  const t0 = Date.UTC(2025, 0, 1);
  const imeis = ['35693803564380', '35332211000123'].map((b) => b + luhnCheckDigit(b));
  let x = 12345;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
  for (let i = 0; i < n; i++) {
    const contact = next() % 5000;
    const sms = next() % 4 === 0;
    const cell = next() % 200;
    yield {
      other: `+91${9810000000 + contact * 37}`,
      kind: sms ? 'messaged' : 'called',
      dir: next() % 2 ? 'out' : 'in',
      t: t0 + i * 31_000,
      ...(sms ? {} : { durationS: next() % 900 }),
      imei: imeis[i % 7 === 0 ? 1 : 0]!,
      cell: `404-98-${1000 + (cell % 20)}-${230700000 + cell}`,
      lat: 19 + cell / 1000,
      lon: 72.8 + cell / 1000,
    };
  }
}

export async function writeFile(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  let buf = '';
  for (const line of cdrLines('Airtel', TARGET, [...benchRowsLazy(rows)])) {
    buf += line + '\r\n';
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((ok) => out.once('drain', () => ok()));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise<void>((ok) => out.end(ok));
}

// cdrLines needs the first and last row for its banner; rows are cheap to hold as objects at 1M (~150 MB
// in the parent only), which keeps the layout code in one place.
function benchRowsLazy(n: number): CdrRow[] {
  return [...benchRows(n)];
}

export async function run(): Promise<void> {
  const rows = Number(process.env.IMPORT_BENCH_ROWS ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'casegraph-import-bench-'));
  try {
    const file = join(dir, 'airtel-cdr.csv');
    await writeFile(file, rows);
    console.log(
      `generated ${rows.toLocaleString('en-IN')}-row Airtel CDR: ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB`,
    );
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'import-child.ts'), file, dir],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((ok) => child.on('exit', ok));
    if (code !== 0) throw new Error(`the import child failed (${code})`);
    const r = JSON.parse(out) as {
      seconds: number;
      hashSeconds: number;
      rows: number;
      maxRssMiB: number;
      stats: { links: number; occurrences: number };
      writerCpuSeconds: number;
      readerCpuSeconds: number;
    };
    const rate = r.rows / r.seconds;
    console.log(
      `rows imported                ${r.rows.toLocaleString('en-IN')} (${r.stats.links} links, ${r.stats.occurrences.toLocaleString('en-IN')} occurrences)`,
    );
    console.log(
      `end to end (hash included)   ${r.seconds.toFixed(2)} s (hash ${r.hashSeconds.toFixed(2)} s)`,
    );
    console.log(
      `CPU: reading worker / writer ${r.readerCpuSeconds.toFixed(1)} s / ${r.writerCpuSeconds.toFixed(1)} s (end to end takes at least the larger)`,
    );
    console.log(
      `rows/s                       ${Math.round(rate).toLocaleString('en-IN')}   floor 1,00,000 ${rate >= 100_000 ? 'met' : 'NOT met'}`,
    );
    console.log(
      `peak RSS                     ${r.maxRssMiB.toFixed(0)} MiB   floor 600 MB ${r.maxRssMiB * 1.048576 < 600 ? 'met' : 'NOT met'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
