/**
 * What an uploaded file is, judged from its first bytes rather than its name: officers rename files, and
 * a .csv may be an Excel workbook, a JSON batch, or something that is not text at all.
 *
 * Encodings: UTF-8 (with or without BOM); UTF-16 LE/BE with a BOM (Excel's "Unicode text" export) is
 * decoded; UTF-16 without a BOM is refused, because guessing its byte order is guessing; bytes that are not
 * UTF-8 are read as Windows-1252, the encoding of Excel's "CSV" export on Indian Windows installs.
 */
import { CaseGraphError } from '../../domain/errors.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type FileFormat = 'csv' | 'xlsx' | 'json';

export interface Sniffed {
  format: FileFormat;
  encoding: Encoding;
  /** Bytes of byte-order mark to skip. */
  bom: number;
}

export function fileError(message: string, row?: number, column?: string): CaseGraphError {
  return new CaseGraphError('IMPORT.UNREADABLE', message, [
    {
      section: 'file',
      path: row === undefined ? 'file' : `row ${row}${column ? `.${column}` : ''}`,
      ...(row === undefined ? {} : { row }),
      ...(column ? { column } : {}),
      message,
    },
  ]);
}

function rowAt(head: Buffer, offset: number): number {
  let row = 1;
  for (let i = 0; i < offset; i++) if (head[i] === 10) row++;
  return row;
}

/** A byte that no text file holds: NUL and the C0 controls other than tab, newlines, form feed and ^Z. */
function firstBinaryByte(head: Buffer): number {
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 26) return i;
  }
  return -1;
}

function looksUtf16(head: Buffer): 'le' | 'be' | undefined {
  let evenZero = 0;
  let oddZero = 0;
  const n = Math.min(head.length, 4096) & ~1;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  if (n < 4) return undefined;
  if (oddZero > n / 4 && evenZero < n / 40) return 'le';
  if (evenZero > n / 4 && oddZero < n / 40) return 'be';
  return undefined;
}

function isUtf8(head: Buffer, complete: boolean): boolean {
  let end = head.length;
  // A multi-byte character cut by the end of the sample is not an error of the file.
  if (!complete) {
    let k = end - 1;
    while (k >= 0 && k > end - 4 && (head[k]! & 0xc0) === 0x80) k--;
    if (k >= 0 && head[k]! >= 0xc0) end = k;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** `head` is the file's first bytes (64 KiB or the whole file when smaller; `complete` says which). */
export function sniffFile(head: Buffer, complete: boolean): Sniffed {
  if (head.length === 0) throw fileError('the file is empty');
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)
    return { format: 'xlsx', encoding: 'utf-8', bom: 0 };
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0)
    throw fileError('this is an old Excel workbook (.xls): save it as .xlsx or CSV and import that');
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46)
    throw fileError('this is a PDF: statements in PDF are not read yet; ask the bank for CSV or Excel');
  if (head[0] === 0xff && head[1] === 0xfe) return { format: 'csv', encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { format: 'csv', encoding: 'utf-16be', bom: 2 };
  const utf16 = looksUtf16(head);
  if (utf16)
    throw fileError(
      `the file is UTF-16 (${utf16 === 'le' ? 'little' : 'big'}-endian) without a byte-order mark: save it as "CSV UTF-8" and import that`,
      1,
    );
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const binary = firstBinaryByte(head);
  if (binary >= 0)
    throw fileError(
      `this is not a text file: byte ${binary + 1} (on row ${rowAt(head, binary)}) is a control code no CSV holds`,
      rowAt(head, binary),
    );
  const first = head.subarray(bom).toString('latin1').trimStart()[0];
  const encoding: Encoding = isUtf8(head.subarray(bom), complete) ? 'utf-8' : 'windows-1252';
  return { format: first === '{' || first === '[' ? 'json' : 'csv', encoding, bom };
}
