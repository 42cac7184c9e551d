/**
 * `npm run ingest -- PATH …`: loads ingest batches into the store named by the configuration
 * (DATA_DIR). A path is a file holding one batch, or one batch per line (NDJSON), or a folder of such
 * files (read in name order, as `npm run seed` writes them). Each batch is all-or-nothing; a bad one is
 * reported with its records and fields, the others go in, and the command exits 1.
 */
import { userInfo } from 'node:os';
import { pino } from 'pino';
import { loadConfig } from '../config.js';
import { runCli } from './run.js';
import type { IngestCounts } from '../domain/views.js';
import { ingestFiles } from '../ingest/bulk.js';
import { filesOf } from '../ingest/read-batches.js';
import { openStore } from '../start.js';

const USAGE = `usage: npm run ingest -- PATH [PATH …]
  PATH  a .json file with one ingest batch, an .ndjson file with one batch per line,
        or a folder of such files (read in name order)`;

const summary = (c: IngestCounts) =>
  `entities ${c.entities.created} created, ${c.entities.updated} updated, ${c.entities.unchanged} unchanged; ` +
  `links ${c.links.created} created, ${c.links.updated} updated, ${c.links.unchanged} unchanged; ` +
  `occurrences ${c.occurrences.created} new`;

async function main(paths: string[]): Promise<number> {
  if (!paths.length || paths.includes('--help')) {
    console.log(USAGE);
    return paths.length ? 0 : 2;
  }
  let files: string[];
  try {
    files = filesOf(paths);
  } catch (err) {
    console.error(
      `cannot read ${(err as NodeJS.ErrnoException).path ?? 'a path'}: ${(err as Error).message}`,
    );
    return 2;
  }
  if (!files.length) {
    console.error(`no batch files (.json, .ndjson) in ${paths.join(', ')}`);
    return 2;
  }
  const config = loadConfig();
  const { store, keys } = await openStore(config, pino({ level: 'warn' }));
  let failed = 0;
  try {
    const unreadable = (file: string, why: string) => {
      failed++;
      console.error(`${file}: cannot read it as JSON or NDJSON (${why})`);
    };
    const firstLoad = () =>
      console.log('the store is empty: this import is written as one load, kept only once every file is in');
    for await (const r of ingestFiles(files, userInfo().username, { store, keys }, unreadable, {
      onFirstLoad: firstLoad,
    })) {
      if (r.ok) {
        console.log(`${r.where}: ${summary(r.counts)}`);
        continue;
      }
      failed++;
      console.error(`${r.where}: rejected (${r.error.code}): ${r.error.message}`);
      for (const issue of r.error.issues.slice(0, 50)) console.error(`  ${issue.path}: ${issue.message}`);
    }
  } finally {
    await store.close();
  }
  return failed ? 1 : 0;
}

await runCli(main);
