import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestBatchSchema } from '../server/domain/batch.js';
import { main, type Io } from './cli.js';
import type { GroundTruth } from './truth.js';

function capture(): Io & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

const dir = mkdtempSync(join(tmpdir(), 'casegraph-seed-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run seed', () => {
  it('prints its usage for --help', () => {
    const io = capture();
    expect(main(['--help'], io)).toBe(0);
    expect(io.lines.join('\n')).toMatch(/--entities N/);
  });

  it.each([
    [[], /--entities is required/],
    [['--entities', '300'], /--seed is required/],
    [['--entities', 'many', '--seed', 'a'], /whole number/],
    [['--entities', '10', '--seed', 'a'], /at least 250/],
    [['--entities', '1000', '--seed', 'a', '--rings', '50'], /rings/],
    [['--entities', '300', '--seed', 'a', '--colour', 'red'], /Unknown option/],
    [['--entities', '300', '--seed', 'a', '--duplicates', 'some'], /--duplicates must be a whole number/],
  ])('exits 2 with a clear message for %j', (argv, message) => {
    const io = capture();
    expect(main(argv as string[], io)).toBe(2);
    expect(io.errors.join('\n')).toMatch(message);
  });

  it('writes numbered batches and the truth, and refuses to overwrite them without --force', () => {
    const out = join(dir, 'demo');
    const io = capture();
    expect(main(['--entities', '300', '--seed', 'cli', '--out', out], io)).toBe(0);
    const files = readdirSync(join(out, 'batches')).sort();
    expect(files[0]).toBe('0001-fir.json');
    for (const f of files)
      expect(
        ingestBatchSchema.safeParse(JSON.parse(readFileSync(join(out, 'batches', f), 'utf8'))).success,
      ).toBe(true);
    const truth = JSON.parse(readFileSync(join(out, 'truth.json'), 'utf8')) as GroundTruth;
    expect(truth.counts.batches).toBe(files.length);
    expect(io.lines.join('\n')).toMatch(/entities \d+ · links/);

    const again = capture();
    expect(main(['--entities', '300', '--seed', 'cli', '--out', out], again)).toBe(2);
    expect(again.errors.join('\n')).toMatch(/--force/);
    expect(main(['--entities', '300', '--seed', 'cli', '--out', out, '--force'], capture())).toBe(0);
    expect(readdirSync(join(out, 'batches')).sort()).toEqual(files);
  });

  it('plants duplicates when asked, into the truth', () => {
    const out = join(dir, 'dups');
    const io = capture();
    expect(main(['--entities', '1000', '--seed', 'cli', '--duplicates', '6', '--out', out], io)).toBe(0);
    const truth = JSON.parse(readFileSync(join(out, 'truth.json'), 'utf8')) as GroundTruth;
    expect(truth.duplicates?.clusters).toHaveLength(6);
    expect(io.lines.join('\n')).toMatch(/planted duplicates 6 · look-alikes \d+/);
  });
});
