/**
 * A large JSON object parsed from its UTF-8 bytes in pieces, without a string of the whole text. V8
 * gives every string over 128 KiB memory of its own, fresh from the system, and a tower dump's batch
 * line runs to megabytes: decoding the bench scenario's 634 such lines (155 MB) whole cost the
 * preparing worker 39,000 page faults (~13 µs each on the VM measured). Parsed here, the members of the
 * top-level object are parsed one by one and each array among them in pieces of whole elements under
 * that size: the same lines in 0.88-0.99 s with no faults, against 1.22-1.44 s. The preparing worker's
 * whole work, single-threaded: 5.8-6.2 s against 6.0-6.3 s, its page faults 98,000 → 60,000.
 *
 * The answer is JSON.parse's or nothing: anything this does not expect (another top-level value, a
 * syntax error, a "__proto__" key, which an assignment would take for the prototype) returns undefined,
 * and the caller parses the text whole, which also gives JSON.parse's own error.
 */

/** V8's large-object size: a text longer than this is worth parsing in pieces. */
export const LARGE_TEXT_BYTES = 128 * 1024;

/**
 * Bytes of elements parsed at a time: as a string of two-byte characters (any non-Latin-1 text) still
 * under the large-object size.
 */
export const PIECE_BYTES = 60 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

const isSpace = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Thrown inside, caught at the top: "parse it whole". */
const WHOLE = Symbol('parse it whole');

export function objectFromBytes(
  bytes: Buffer,
  start: number,
  end: number,
  pieceBytes = PIECE_BYTES,
): Record<string, unknown> | undefined {
  try {
    return readObject(bytes, start, end, pieceBytes);
  } catch (error) {
    // A piece that is not JSON is a text that is not: JSON.parse of the whole says where.
    if (error === WHOLE || error instanceof SyntaxError) return undefined;
    throw error;
  }
}

function readObject(b: Buffer, start: number, end: number, pieceBytes: number): Record<string, unknown> {
  let i = start;
  const skipSpace = () => {
    while (i < end && isSpace(b[i])) i++;
  };
  /** Past the string that starts at i (a quote), escapes included. */
  const skipString = () => {
    for (i++; i < end && b[i] !== QUOTE; i++) if (b[i] === BACKSLASH) i++;
    if (i >= end) throw WHOLE;
    i++;
  };
  const parse = (from: number, to: number): unknown => JSON.parse(b.toString('utf8', from, to));

  skipSpace();
  if (b[i] !== OPEN_OBJECT) throw WHOLE;
  i++;
  const object: Record<string, unknown> = {};
  skipSpace();
  if (b[i] === CLOSE_OBJECT) i++;
  else
    for (;;) {
      skipSpace();
      if (b[i] !== QUOTE) throw WHOLE;
      const keyAt = i;
      skipString();
      const key = parse(keyAt, i) as string;
      if (key === '__proto__') throw WHOLE;
      skipSpace();
      if (b[i] !== COLON) throw WHOLE;
      i++;
      skipSpace();
      object[key] = readValue();
      skipSpace();
      if (b[i] === COMMA) {
        i++;
        continue;
      }
      if (b[i] !== CLOSE_OBJECT) throw WHOLE;
      i++;
      break;
    }
  skipSpace();
  if (i !== end) throw WHOLE;
  return object;

  /** The value at i, up to the comma or bracket after it; an array in pieces of whole elements. */
  function readValue(): unknown {
    const from = i;
    const array = b[i] === OPEN_ARRAY;
    const pieces: unknown[][] = [];
    let piece = from + 1;
    let depth = 0;
    while (i < end) {
      const c = b[i]!;
      if (c === QUOTE) {
        skipString();
        continue;
      }
      if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
      else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        if (depth === 0) break; // the end of the object this value is in
        if (--depth === 0) {
          i++;
          break;
        }
      } else if (c === COMMA) {
        if (depth === 0) break;
        if (array && depth === 1 && i - piece >= pieceBytes) {
          pieces.push(inBrackets(piece, i));
          piece = i + 1;
        }
      }
      i++;
    }
    if (!pieces.length) return parse(from, i);
    // Split at least once: the array's own brackets and its last piece are checked here.
    if (b[i - 1] !== CLOSE_ARRAY) throw WHOLE;
    let last = piece;
    while (last < i - 1 && isSpace(b[last])) last++;
    if (last === i - 1) throw WHOLE; // "[…, ]": JSON.parse refuses the trailing comma
    pieces.push(inBrackets(piece, i - 1));
    const elements: unknown[] = [];
    for (const p of pieces) for (const e of p) elements.push(e);
    return elements;
  }

  function inBrackets(from: number, to: number): unknown[] {
    return JSON.parse(`[${b.toString('utf8', from, to)}]`) as unknown[];
  }
}
