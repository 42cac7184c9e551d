import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvSplitter, decodeFile, type CsvRecord } from './csv-reader.js';
import { sniffFile } from './sniff.js';

function split(text: string, delimiter = ',', chunk = 0): CsvRecord[] {
  const s = new CsvSplitter(delimiter);
  const out: CsvRecord[] = [];
  if (chunk > 0) for (let i = 0; i < text.length; i += chunk) s.push(text.slice(i, i + chunk), out);
  else s.push(text, out);
  s.end(out);
  return out;
}

describe('the streaming CSV reader', () => {
  it('reads plain, quoted and CRLF lines, numbering rows as a spreadsheet does', () => {
    const text = 'a,b,c\r\n1,"two, three",4\r\n"multi\nline",x,"say ""hi"""\r\nlast,,\r\n';
    expect(split(text)).toEqual([
      { row: 1, fields: ['a', 'b', 'c'] },
      { row: 2, fields: ['1', 'two, three', '4'] },
      { row: 3, fields: ['multi\nline', 'x', 'say "hi"'] },
      { row: 5, fields: ['last', '', ''] },
    ]);
  });

  it('takes any delimiter', () => {
    expect(split('a;b\n1;2\n', ';').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(split('a\tb\n1\t2', '\t').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const field = fc.oneof(
      fc.stringMatching(/^[a-z0-9 '/:.-]{0,8}$/),
      fc.string({ maxLength: 8 }).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        (rows, chunk, crlf) => {
          const text = rows.map((r) => r.join(',')).join(crlf ? '\r\n' : '\n') + (crlf ? '\r\n' : '\n');
          expect(split(text, ',', chunk)).toEqual(split(text));
        },
      ),
    );
  });

  it('decodes a file as one decoding of all its bytes would, however its reads fall', async () => {
    // Runs of ASCII (copied as they are) between multi-byte characters and the odd invalid byte, read a
    // few bytes at a time so that reads end inside characters and right after them.
    const dir = mkdtempSync(join(tmpdir(), 'casegraph-decode-'));
    const part = fc.oneof(
      fc.stringMatching(/^[a-z0-9,\n]{0,12}$/).map((t) => Buffer.from(t)),
      fc.constantFrom('é', '₹', '😀', 'ü').map((t) => Buffer.from(t)),
      fc.constantFrom(Buffer.from([0xff]), Buffer.from([0xe2, 0x82])),
    );
    const decodeAll = async (path: string, encoding: 'utf-8' | 'windows-1252', size: number) => {
      let out = '';
      for await (const t of decodeFile(path, encoding, 0, size)) out += t;
      return out;
    };
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(part, { maxLength: 12 }),
          fc.integer({ min: 1, max: 9 }),
          fc.constantFrom('utf-8' as const, 'windows-1252' as const),
          async (parts, size, encoding) => {
            const bytes = Buffer.concat(parts);
            const path = join(dir, 'f.csv');
            writeFileSync(path, bytes);
            let whole: string | Error;
            try {
              // Streaming, as the file is read: Node decodes Windows-1252 in one call as Latin-1 (0x82 is
              // U+0082 there, not ‚), and the rows of a file are read the streaming way.
              const d = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
              whole = d.decode(bytes, { stream: true }) + d.decode();
            } catch (e) {
              whole = e as Error;
            }
            if (typeof whole === 'string') expect(await decodeAll(path, encoding, size)).toBe(whole);
            else await expect(decodeAll(path, encoding, size)).rejects.toThrow();
          },
        ),
        { numRuns: 300 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the row of a quote never closed', () => {
    expect(() => split('a,b\n1,"open\n2,3\n')).toThrow(/row 2/);
  });
});

describe('what a file is, from its bytes', () => {
  const b = (s: string) => Buffer.from(s, 'utf8');
  it('tells text, workbook and batch apart', () => {
    expect(sniffFile(b('a,b\n1,2\n'), true)).toEqual({ format: 'csv', encoding: 'utf-8', bom: 0 });
    expect(sniffFile(b('\uFEFFa,b\n'), true)).toEqual({ format: 'csv', encoding: 'utf-8', bom: 3 });
    expect(sniffFile(Buffer.from([0x50, 0x4b, 3, 4, 0, 0]), true).format).toBe('xlsx');
    expect(sniffFile(b(' {"document":{}}'), true).format).toBe('json');
  });
  it('decodes UTF-16 with a byte-order mark and refuses it without one', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n1,2\n', 'utf16le')]);
    expect(sniffFile(le, true)).toEqual({ format: 'csv', encoding: 'utf-16le', bom: 2 });
    expect(() => sniffFile(Buffer.from('Target No,Call Type\n1,2\n', 'utf16le'), true)).toThrow(
      /UTF-16 \(little-endian\) without a byte-order mark/,
    );
  });
  it('reads bytes that are not UTF-8 as Windows-1252', () => {
    expect(sniffFile(Buffer.from([0x61, 0x2c, 0xe9, 0x0a]), true).encoding).toBe('windows-1252');
    // A character cut by the end of the sample is not a fault of the file.
    expect(sniffFile(Buffer.from('a,é', 'utf8').subarray(0, 3), false).encoding).toBe('utf-8');
  });
  it('refuses a binary file, naming the row where it stops being text', () => {
    expect(() => sniffFile(Buffer.from([0x61, 0x0a, 0x62, 0x00, 0x01, 0x02]), true)).toThrow(/row 2/);
  });
});
