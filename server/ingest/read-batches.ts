/**
 * Batches from files as `npm run ingest` takes them: a .json file with one batch, an .ndjson file with
 * one per line, or a folder of such files read in name order (as `npm run seed` writes them).
 */
import { closeSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BulkItem } from './bulk.js';
import { LARGE_TEXT_BYTES, objectFromBytes } from './json-bytes.js';

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

type Unreadable = (file: string, why: string) => void;

/**
 * Batches of the files, lazily; a file that is neither JSON nor NDJSON is reported and skipped whole, and
 * so is a line of an NDJSON file that is not JSON.
 */
export function* itemsOf(files: string[], unreadable: Unreadable): Generator<BulkItem> {
  for (const file of files) {
    try {
      yield* file.endsWith('.ndjson') ? streamedItems(file, unreadable) : wholeItems(file, unreadable);
    } catch (err) {
      if (!isFsError(err)) throw err;
      unreadable(file, err.code ?? err.message);
    }
  }
}

const isFsError = (err: unknown): err is NodeJS.ErrnoException =>
  err instanceof Error && typeof (err as NodeJS.ErrnoException).syscall === 'string';

// A byte-order mark is how some Windows tools begin UTF-8; JSON.parse would refuse it.
const withoutBom = (text: string) => text.replace(/^\uFEFF/, '');
/** Bytes of a byte-order mark at the start of the bytes: 3 or 0. */
const bomBytes = (b: Buffer) => (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0);

/** A file read whole: one JSON batch, or NDJSON held in memory. */
function* wholeItems(file: string, unreadable: Unreadable): Generator<BulkItem> {
  const bytes = readFileSync(file);
  // A large batch is parsed from its bytes when it can be, as a large line of an NDJSON file is.
  if (bytes.length > LARGE_TEXT_BYTES) {
    const raw = objectFromBytes(bytes, bomBytes(bytes), bytes.length);
    if (raw !== undefined) {
      yield { where: file, raw };
      return;
    }
  }
  const text = withoutBom(bytes.toString('utf8'));
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
    return;
  }
  // One JSON document spread over lines is a .json file with an error, not NDJSON: say so.
  if (!file.endsWith('.ndjson') && !text.trimStart().startsWith('{"')) {
    unreadable(file, `not valid JSON (${wholeError.replace(/".*$/s, '').trim() || 'syntax error'})`);
    return;
  }
  for (const [i, line] of text.split('\n').entries()) {
    const item = lineItem(file, i + 1, line, unreadable);
    if (item) yield item;
  }
}

function lineItem(file: string, n: number, line: string, unreadable: Unreadable): BulkItem | undefined {
  if (!line.trim()) return undefined;
  try {
    return { where: `${file} line ${n}`, raw: JSON.parse(line) };
  } catch (err) {
    // Each line is a batch of its own: a line that is not JSON is reported and the rest go on.
    unreadable(file, `line ${n}: ${(err as Error).message}`);
    return undefined;
  }
}

/**
 * An .ndjson file a line at a time as the writer takes them: neither the file's text nor its parsed
 * batches sit in memory whole (a generated scenario is 180 MB), and the first batch is on its way
 * before the last line is read. It answers as reading it whole would: a file of one line is named as
 * the file, and one whose first line is not JSON is read whole (one document spread over lines).
 */
function* streamedItems(file: string, unreadable: Unreadable): Generator<BulkItem> {
  let first: BulkItem | undefined;
  let firstLine = 0;
  let lines = 0;
  for (const [n, bytes, start, end] of linesOf(file)) {
    // A line too large for one of V8's ordinary strings is parsed from its bytes when it can be.
    const raw = end - start > LARGE_TEXT_BYTES ? objectFromBytes(bytes, start, end) : undefined;
    const line = raw === undefined ? bytes.toString('utf8', start, end) : '';
    if (raw === undefined && !line.trim()) continue;
    lines++;
    if (lines === 1) {
      firstLine = n;
      try {
        first = { where: file, raw: raw ?? JSON.parse(line) };
      } catch {
        yield* wholeItems(file, unreadable);
        return;
      }
      continue;
    }
    if (first) {
      yield { ...first, where: `${file} line ${firstLine}` };
      first = undefined;
    }
    const item =
      raw === undefined ? lineItem(file, n, line, unreadable) : { where: `${file} line ${n}`, raw };
    if (item) yield item;
  }
  if (first) yield first;
}

/**
 * Bytes asked of the file at a time. Under V8's large-object size (128 KiB) on purpose: each larger
 * string or buffer gets memory of its own, fresh from the system, and touching fresh memory is what
 * a read cost most on a virtual machine (measured: a fault per page, ~13 µs each, a quarter of the
 * preparing worker's faults when the file was decoded a mebibyte at a time).
 */
export const READ_BYTES = 64 * 1024;

/**
 * The lines of a file with their numbers (from 1), as bytes: the buffer and where the line is in it,
 * good until the next line is asked for. Lines are cut on the bytes, before decoding: a newline byte
 * never occurs inside a UTF-8 character, so each line is decoded once, straight from the one buffer,
 * which is reused (and grows only for a line longer than it).
 */
function* linesOf(file: string): Generator<[number, Buffer, number, number]> {
  const fd = openSync(file, 'r');
  try {
    let buffer = Buffer.allocUnsafe(READ_BYTES);
    let start = 0;
    let end = 0;
    let n = 0;
    let first = true;
    for (;;) {
      if (start > 0) {
        buffer.copyWithin(0, start, end);
        end -= start;
        start = 0;
      }
      if (end === buffer.length) {
        const grown = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(grown, 0, 0, end);
        buffer = grown;
      }
      const bytes = readSync(fd, buffer, end, buffer.length - end, null);
      if (bytes === 0) break;
      let scan = end;
      end += bytes;
      if (first && end >= 3) {
        first = false;
        if (bomBytes(buffer)) start = scan = 3;
      }
      const held = buffer.subarray(0, end);
      for (let cut = held.indexOf(10, scan); cut >= 0; cut = held.indexOf(10, scan)) {
        yield [++n, buffer, start, cut];
        start = scan = cut + 1;
      }
    }
    if (end > start) yield [++n, buffer, start, end];
  } finally {
    closeSync(fd);
  }
}
