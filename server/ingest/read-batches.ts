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
      ? readdirSync(p, { withFileTypes: true })
          .filter((f) => f.isFile() && /\.(nd)?json$/.test(f.name))
          .map((f) => join(p, f.name))
          .sort()
      : [p],
  );
}

/**
 * Batches of the files, lazily; a file that is neither JSON nor NDJSON is reported and skipped whole, and
 * so is a line of an NDJSON file that is not JSON.
 */
export function* itemsOf(
  files: string[],
  unreadable: (file: string, why: string) => void,
): Generator<BulkItem> {
  for (const file of files) {
    let text: string;
    try {
      // A byte-order mark is how some Windows tools begin UTF-8; JSON.parse would refuse it.
      text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    } catch (err) {
      unreadable(file, (err as NodeJS.ErrnoException).code ?? (err as Error).message);
      continue;
    }
    let whole: unknown;
    let wholeError = '';
    try {
      whole = JSON.parse(text);
    } catch (err) {
      whole = undefined;
      wholeError = (err as Error).message;
    }
    if (whole !== undefined) {
      yield { where: file, raw: whole };
      continue;
    }
    // One JSON document spread over lines is a .json file with an error, not NDJSON: say so.
    if (!file.endsWith('.ndjson') && !text.trimStart().startsWith('{"')) {
      unreadable(file, `not valid JSON (${wholeError.replace(/".*$/s, '').trim() || 'syntax error'})`);
      continue;
    }
    // Parsed a line at a time as the writer takes them: a whole file of parsed batches would sit in memory
    // at once. Each line is a batch of its own, so a line that is not JSON is reported and the rest go on.
    const lines = text.split('\n');
    for (const [i, line] of lines.entries()) {
      if (!line.trim()) continue;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (err) {
        unreadable(file, `line ${i + 1}: ${(err as Error).message}`);
        continue;
      }
      yield { where: `${file} line ${i + 1}`, raw };
    }
  }
}
