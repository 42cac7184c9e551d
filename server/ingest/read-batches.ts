/**
 * Batches from files as `npm run ingest` takes them: a .json file with one batch, an .ndjson file with
 * one per line, or a folder of such files read in name order (as `npm run seed` writes them).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BulkItem } from './bulk.js';

export function filesOf(paths: string[]): string[] {
  return paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => /\.(nd)?json$/.test(f))
          .sort()
          .map((f) => join(p, f))
      : [p],
  );
}

/** Batches of the files, lazily; a file that is neither JSON nor NDJSON is reported and skipped whole. */
export function* itemsOf(
  files: string[],
  unreadable: (file: string, why: string) => void,
): Generator<BulkItem> {
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    let whole: unknown;
    try {
      whole = JSON.parse(text);
    } catch {
      whole = undefined;
    }
    if (whole !== undefined) {
      yield { where: file, raw: whole };
      continue;
    }
    const parsed: BulkItem[] = [];
    for (const [i, line] of text.split('\n').entries()) {
      if (!line.trim()) continue;
      try {
        parsed.push({ where: `${file} line ${i + 1}`, raw: JSON.parse(line) });
      } catch (err) {
        unreadable(file, `line ${i + 1}: ${(err as Error).message}`);
        parsed.length = 0;
        break;
      }
    }
    yield* parsed;
  }
}
