/**
 * `npm run seed -- --entities N --seed S [--rings R] [--out DIR] [--force]`: writes a scenario to disk as
 * one JSON file per ingest batch, in ingest order, plus its ground truth. Batches stream straight to disk,
 * so a million entities need no more memory than one document's batch.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseScenarioOptions, scenarioDocuments, type GroundTruth } from './scenario.js';
import type { ScenarioFile } from './files/types.js';

const USAGE = `Usage: npm run seed -- --entities N --seed S [--rings R] [--duplicates D] [--out DIR] [--force] [--files]

Generates a synthetic trafficking scenario (rings, their FIRs and evidence, and an innocent background)
and writes it as ingest batches, one per document, with the ground truth of what was planted.

  --entities N   entities to generate, 250 to 5,000,000 (links come to about 5 per entity at 20,000+)
  --seed S       any text; the same entities, seed and rings give byte-identical files
  --rings R      number of rings (default: about sqrt(N/30), at least 3)
  --duplicates D plant D background persons again in lodge registers under other spellings of their
                 name (Mohd / Mohammed, an initial, the family name first) with a phone, UPI id, PAN
                 or birth date in common, and look-alikes that are other people: the truth of merge
                 candidates (truth.json, "duplicates")
  --out DIR      output directory (default: ./data/seed-<N>-<S>)
  --force        replace a scenario already written in DIR
  --files        also write the documents units receive as files (DIR/files/): CDRs, tower dumps,
                 bank statements, lodge registers and Form C returns
  --help         show this help

Writes
  DIR/batches/0001-<type>.json …   one ingest batch per file (server/domain/batch.ts), in ingest order:
                                    each FIR comes before the documents that name its case. Plain JSON,
                                    not NDJSON: a batch is one document, so even at 1,000,000 entities
                                    no file is large; file names sort in ingest order.
  DIR/truth.json                   the ground truth (seed/truth.ts): rings, cases, victims and minors,
                                    planted cross-case overlaps, SIM switching, background people,
                                    and with --duplicates the records that are one person.
  DIR/files/*.csv, manifest.json   with --files: every CDR and tower dump in its operator's layout,
                                    every statement in its bank's (SBI, HDFC, Axis, ICICI, with UPI,
                                    NEFT and IMPS narrations), every lodge register and Form C return
                                    (INDIA.md), and for each the template, document type and case to
                                    import it with (POST /api/imports). Imported in manifest order, with
                                    the batches of the other documents between them, they give the
                                    graph the batches give.`;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

class UsageError extends Error {
  override name = 'UsageError';
}

const BATCH_FILE = /^\d{4,}-[a-z-]+\.json$/;

function parse(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        entities: { type: 'string' },
        seed: { type: 'string' },
        rings: { type: 'string' },
        duplicates: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        files: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) return { help: true as const };
  const integer = (name: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    if (!/^\d[\d_,]*$/.test(text)) throw new UsageError(`--${name} must be a whole number, not '${text}'`);
    return Number(text.replace(/[_,]/g, ''));
  };
  const entities = integer('entities', values.entities);
  if (entities === undefined) throw new UsageError('--entities is required');
  if (values.seed === undefined || values.seed === '') throw new UsageError('--seed is required');
  const rings = integer('rings', values.rings);
  const duplicates = integer('duplicates', values.duplicates);
  try {
    parseScenarioOptions({
      entities,
      seed: values.seed,
      ...(rings === undefined ? {} : { rings }),
      ...(duplicates === undefined ? {} : { duplicates }),
    });
  } catch (e) {
    throw new UsageError((e as Error).message.replace('invalid scenario option ', '--'));
  }
  const out = resolve(
    values.out ?? join('data', `seed-${entities}-${values.seed.replace(/[^A-Za-z0-9._-]+/g, '_')}`),
  );
  return {
    help: false as const,
    entities,
    seed: values.seed,
    rings,
    duplicates,
    out,
    force: values.force,
    files: values.files,
  };
}

/** Runs the command; returns the exit code (0 done, 2 bad arguments). */
export function main(argv: string[], io: Io = consoleIo): number {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`seed: ${e.message}\nTry 'npm run seed -- --help'.`);
    return 2;
  }
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  const dir = join(args.out, 'batches');
  if (existsSync(dir) && readdirSync(dir).some((f) => BATCH_FILE.test(f))) {
    if (!args.force) {
      io.err(`seed: ${dir} already holds batches; pass --force to replace them.`);
      return 2;
    }
    // Only what this command writes is removed, never anything else in the directory.
    for (const f of readdirSync(dir)) if (BATCH_FILE.test(f)) rmSync(join(dir, f));
  }
  mkdirSync(dir, { recursive: true });

  const started = performance.now();
  const width = Math.max(4, String(args.entities).length - 1);
  let truth: GroundTruth | undefined;
  let n = 0;
  let bytes = 0;
  const options = {
    entities: args.entities,
    seed: args.seed,
    ...(args.rings === undefined ? {} : { rings: args.rings }),
    ...(args.duplicates === undefined ? {} : { duplicates: args.duplicates }),
  };
  const filesDir = join(args.out, 'files');
  /** Each file with the batch it stands for: the batches not listed are the documents that are no file. */
  const manifest: (Omit<ScenarioFile, 'text'> & { batch: string })[] = [];
  if (args.files) mkdirSync(filesDir, { recursive: true });
  for (const { batch, file: asFile } of scenarioDocuments(options, (t) => (truth = t))) {
    const text = JSON.stringify(batch);
    bytes += text.length;
    const batchName = `${String(++n).padStart(width, '0')}-${batch.document.type}.json`;
    writeFileSync(join(dir, batchName), text);
    const file = args.files ? asFile() : undefined;
    if (file) {
      const { text: csv, ...entry } = file;
      writeFileSync(join(filesDir, file.name), csv);
      manifest.push({ ...entry, batch: batchName });
    }
  }
  if (args.files) writeFileSync(join(filesDir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  if (!truth) throw new Error('seed: the scenario ended without its ground truth');
  writeFileSync(join(args.out, 'truth.json'), JSON.stringify(truth, null, 1));

  const c = truth.counts;
  const fmt = (x: number) => x.toLocaleString('en-IN');
  io.out(`wrote ${fmt(n)} batches (${(bytes / 2 ** 20).toFixed(1)} MiB) to ${dir}`);
  io.out(`wrote the ground truth to ${join(args.out, 'truth.json')}`);
  if (args.files) {
    const byTemplate = new Map<string, number>();
    for (const f of manifest) byTemplate.set(f.template, (byTemplate.get(f.template) ?? 0) + 1);
    io.out(
      `wrote ${fmt(manifest.length)} files to ${filesDir}: ${[...byTemplate]
        .map(([t, k]) => `${t} ${fmt(k)}`)
        .join(', ')}`,
    );
  }
  io.out(`entities ${fmt(c.entities)} · links ${fmt(c.links)} · occurrences ${fmt(c.occurrences)}`);
  io.out(
    `rings ${truth.rings.length} · FIRs ${truth.cases.length} · victims ${truth.victims.length} (minors ${truth.victims.filter((v) => v.minor).length}) · background people ${fmt(truth.background.persons)}`,
  );
  if (truth.duplicates)
    io.out(
      `planted duplicates ${truth.duplicates.clusters.length} · look-alikes ${truth.duplicates.lookAlikes.length}`,
    );
  io.out(
    `documents: ${Object.entries(c.documentsByType)
      .map(([t, k]) => `${t} ${fmt(k)}`)
      .join(', ')}`,
  );
  io.out(`in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
