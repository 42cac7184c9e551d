/**
 * A streaming CSV reader: text arrives in chunks and leaves as records, so a 2,000,000-row CDR never sits
 * whole in memory. RFC 4180 quoting (a quoted field may hold the delimiter, "" and line breaks), CRLF or
 * LF, and any one-character delimiter. Lines without a quote — nearly every line of an operator's export —
 * take a fast path through String.split; a quoted line goes through the character loop.
 */
import { isAscii } from 'node:buffer';
import { open } from 'node:fs/promises';
import { fileError, type Encoding } from './sniff.js';

export interface CsvRecord {
  /** The line the record starts on, counting from 1, as a spreadsheet numbers rows. */
  row: number;
  fields: string[];
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;

export class CsvSplitter {
  private rest = '';
  private row = 1;

  constructor(private readonly delimiter: string) {}

  /** Records complete in the text so far; a record cut by the chunk's end waits for the next. */
  push(text: string, out: CsvRecord[]): void {
    let start = 0;
    if (this.rest !== '') {
      // The record the last chunk cut is finished on its own: joined to the whole chunk, it would make
      // the engine copy a megabyte of text per chunk to read one line.
      const nl = text.indexOf('\n');
      const head = nl < 0 ? '' : this.rest + text.slice(0, nl + 1);
      const [records, row] = [out.length, this.row];
      if (nl < 0 || this.scan(head, 0, false, out) !== head.length) {
        // A quoted field still open past that line: the chunk is read on from where the record began.
        out.length = records;
        this.row = row;
        const buf = this.rest + text;
        this.rest = buf.slice(this.scan(buf, 0, false, out));
        return;
      }
      start = nl + 1;
    }
    this.rest = text.slice(this.scan(text, start, false, out));
  }

  end(out: CsvRecord[]): void {
    const buf = this.rest;
    this.rest = '';
    if (buf !== '') this.scan(buf, 0, true, out);
  }

  /** Returns where the unconsumed text begins. */
  private scan(buf: string, start: number, final: boolean, out: CsvRecord[]): number {
    const d = this.delimiter;
    let pos = start;
    const n = buf.length;
    // Where the next quote is, looked up again only once passed: a search per line would rescan the chunk.
    let quote = -2;
    while (pos < n) {
      let nl = buf.indexOf('\n', pos);
      if (nl < 0) {
        if (!final) return pos;
        nl = n;
      }
      let end = nl > pos && buf.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      if (quote !== -1 && quote < pos) quote = buf.indexOf('"', pos);
      if (quote < 0 || quote >= end) {
        if (end === n && buf.charCodeAt(n - 1) === 13) end = n - 1;
        out.push({ row: this.row++, fields: buf.slice(pos, end).split(d) });
        pos = nl + 1;
        continue;
      }
      const quoted = this.quoted(buf, pos, final);
      if (!quoted) return pos;
      out.push({ row: this.row, fields: quoted.fields });
      this.row += 1 + quoted.breaks;
      pos = quoted.next;
    }
    return n;
  }

  private quoted(
    buf: string,
    start: number,
    final: boolean,
  ): { fields: string[]; next: number; breaks: number } | undefined {
    const d = this.delimiter.charCodeAt(0);
    const fields: string[] = [];
    let field = '';
    let i = start;
    let breaks = 0;
    const n = buf.length;
    for (;;) {
      if (i < n && buf.charCodeAt(i) === 34) {
        // A quoted field runs to the next quote not doubled.
        i++;
        for (;;) {
          const q = buf.indexOf('"', i);
          if (q < 0) {
            if (!final) return undefined;
            throw fileError(`a quoted field opened on row ${this.row} is never closed`, this.row);
          }
          const part = buf.slice(i, q);
          for (let k = part.indexOf('\n'); k >= 0; k = part.indexOf('\n', k + 1)) breaks++;
          field += part;
          if (buf.charCodeAt(q + 1) === 34) {
            field += '"';
            i = q + 2;
            continue;
          }
          if (q + 1 >= n && !final) return undefined;
          i = q + 1;
          break;
        }
        // Text after the closing quote (`"abc"def`) is kept, as spreadsheets do.
        while (i < n) {
          const c = buf.charCodeAt(i);
          if (c === d || c === 10 || c === 13) break;
          field += buf[i];
          i++;
        }
      } else {
        while (i < n) {
          const c = buf.charCodeAt(i);
          if (c === d || c === 10 || c === 13) break;
          field += buf[i];
          i++;
        }
      }
      fields.push(field);
      field = '';
      if (i >= n) {
        if (!final) return undefined;
        return { fields, next: n, breaks };
      }
      const c = buf.charCodeAt(i);
      if (c === d) {
        i++;
        continue;
      }
      if (c === 13) i++;
      if (i < n && buf.charCodeAt(i) === 10) i++;
      else if (i >= n && !final) return undefined;
      return { fields, next: i, breaks };
    }
  }
}

/** Decoded text of a file, chunk by chunk; bytes invalid in the encoding are an error naming the row. */
export async function* decodeFile(
  path: string,
  encoding: Encoding,
  bom: number,
  highWaterMark = 1 << 16,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  // Bytes below 128 read the same in UTF-8 and Windows-1252: a chunk of nothing else (nearly every chunk of
  // an operator's export) is copied as it is, unless the decoder still holds part of a character.
  const asciiAsIs = encoding === 'utf-8' || encoding === 'windows-1252';
  let clean = true;
  let row = 1;
  // One buffer read into again and again: a stream would make a new one, and an object or two, per read.
  const file = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(highWaterMark);
    for (let at = bom; ;) {
      const { bytesRead } = await file.read(buf, 0, highWaterMark, at);
      if (bytesRead === 0) break;
      at += bytesRead;
      let text: string;
      const bytes = buf.subarray(0, bytesRead);
      const ascii = asciiAsIs && isAscii(bytes);
      if (ascii && clean) text = bytes.toString('latin1');
      else
        try {
          text = decoder.decode(bytes, { stream: true });
        } catch {
          throw fileError(`the file is not valid ${encoding} near row ${row}`, row);
        }
      // After a chunk of ASCII the decoder holds nothing back, whichever way the chunk was read.
      clean = ascii;
      for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) row++;
      yield text;
    }
  } finally {
    await file.close();
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** Records of a file, in order, a chunk of records at a time. */
export async function* readRecords(
  text: AsyncIterable<string>,
  delimiter: string,
): AsyncGenerator<CsvRecord[]> {
  const splitter = new CsvSplitter(delimiter);
  for await (const chunk of text) {
    const out: CsvRecord[] = [];
    splitter.push(chunk, out);
    if (out.length) yield out;
  }
  const out: CsvRecord[] = [];
  splitter.end(out);
  if (out.length) yield out;
}

/** Splits a sample (the first lines of a file) with one delimiter, for sniffing. */
export function splitSample(text: string, delimiter: string, maxRows = 60): CsvRecord[] {
  const out: CsvRecord[] = [];
  const splitter = new CsvSplitter(delimiter);
  try {
    splitter.push(text, out);
  } catch {
    return out;
  }
  return out.slice(0, maxRows);
}
