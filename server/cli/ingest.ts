/**
 * `npm run ingest -- FILE.json [FILE.json …]`: loads ingest batches from files into the store named by
 * the configuration (DATA_DIR). A file holds one batch, or one batch per line (NDJSON). Each batch is
 * all-or-nothing; a bad one is reported with its records and fields, and the command exits 1.
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { pino } from 'pino';
import { ConfigError, loadConfig } from '../config.js';
import { CaseGraphError } from '../domain/errors.js';
import { ingestBatch } from '../ingest/ingest-batch.js';
import { openStore } from '../start.js';

function batchesOf(file: string): unknown[] {
  const text = readFileSync(file, 'utf8');
  try {
    return [JSON.parse(text)];
  } catch {
    return text
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as unknown);
  }
}

async function main(files: string[]): Promise<number> {
  if (!files.length || files.includes('--help')) {
    console.log(
      'usage: npm run ingest -- FILE.json [FILE.json …]   (one batch per file, or NDJSON: one per line)',
    );
    return files.length ? 0 : 2;
  }
  const config = loadConfig();
  const logger = pino({ level: 'warn' });
  const { store, keys } = openStore(config, logger);
  let failed = 0;
  try {
    for (const file of files) {
      let batches: unknown[];
      try {
        batches = batchesOf(file);
      } catch (err) {
        console.error(`${file}: cannot read it as JSON or NDJSON: ${(err as Error).message}`);
        failed++;
        continue;
      }
      for (const [i, batch] of batches.entries()) {
        const where = batches.length > 1 ? `${file} batch ${i + 1}` : file;
        try {
          const c = await ingestBatch(batch, userInfo().username, { store, keys });
          console.log(
            `${where}: entities ${c.entities.created} created, ${c.entities.updated} updated, ${c.entities.unchanged} unchanged; ` +
              `links ${c.links.created} created, ${c.links.updated} updated, ${c.links.unchanged} unchanged; ` +
              `occurrences ${c.occurrences.created} new`,
          );
        } catch (err) {
          if (!(err instanceof CaseGraphError)) throw err;
          failed++;
          console.error(`${where}: rejected (${err.code}): ${err.message}`);
          for (const issue of err.issues.slice(0, 50)) console.error(`  ${issue.path}: ${issue.message}`);
        }
      }
    }
  } finally {
    await store.close();
  }
  return failed ? 1 : 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exitCode = 2;
  } else throw err;
}
