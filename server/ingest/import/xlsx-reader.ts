/**
 * The first sheet of an Excel workbook (.xlsx) as CSV text, so that a workbook goes through the same
 * reader, header search and templates as a CSV file. An .xlsx is a zip: its central directory (at the
 * end) lists the parts, each deflated; the sheet is XML whose cells point into a shared-string table.
 * Only what a data export holds is read: strings, numbers (dates stay Excel serial days, which dates.ts
 * reads), booleans and inline strings. Rows keep their sheet numbers, so "row 12" is row 12 in Excel.
 *
 * The sheet is inflated whole: a workbook is held to Excel's 1,048,576 rows, and its sheet in memory is
 * a few hundred MB at that size — a streaming inflate is left for when one is met.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { fileError } from './sniff.js';

interface Entry {
  name: string;
  method: number;
  compressed: number;
  offset: number;
}

function directory(zip: Buffer): Map<string, Entry> {
  // The end-of-central-directory record is within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--)
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0)
    throw fileError(
      'the workbook is cut short (its zip directory, at the end, is missing): was the download complete?',
    );
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const entries = new Map<string, Entry>();
  for (let k = 0; k < count; k++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== 0x02014b50)
      throw fileError('the workbook is damaged: its zip directory does not read');
    const nameLen = zip.readUInt16LE(p + 28);
    const extra = zip.readUInt16LE(p + 30);
    const comment = zip.readUInt16LE(p + 32);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    entries.set(name, {
      name,
      method: zip.readUInt16LE(p + 10),
      compressed: zip.readUInt32LE(p + 20),
      offset: zip.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extra + comment;
  }
  return entries;
}

function part(zip: Buffer, entries: Map<string, Entry>, name: string): string | undefined {
  const e = entries.get(name);
  if (!e) return undefined;
  if (e.offset + 30 > zip.length || zip.readUInt32LE(e.offset) !== 0x04034b50)
    throw fileError(`the workbook is damaged: its part ${name} is missing`);
  const start = e.offset + 30 + zip.readUInt16LE(e.offset + 26) + zip.readUInt16LE(e.offset + 28);
  if (start + e.compressed > zip.length) throw fileError(`the workbook is cut short inside ${name}`);
  const data = zip.subarray(start, start + e.compressed);
  if (e.method === 0) return data.toString('utf8');
  if (e.method !== 8)
    throw fileError(`the workbook's part ${name} is compressed in a way Excel does not use`);
  try {
    return inflateRawSync(data).toString('utf8');
  } catch {
    throw fileError(`the workbook is damaged inside ${name}`);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e] ?? m),
  );

/** The text of every <t> inside an XML fragment (a shared string may be several formatted runs). */
const texts = (xml: string) =>
  [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\s*\/>/g)].map((m) => unescape(m[1] ?? '')).join('');

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\s*\/>/g)].map((m) => texts(m[1] ?? ''));
}

function firstSheet(zip: Buffer, entries: Map<string, Entry>): string {
  const workbook = part(zip, entries, 'xl/workbook.xml');
  const rels = part(zip, entries, 'xl/_rels/workbook.xml.rels');
  const rid = workbook && /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const target =
    rid && rels && new RegExp(`<Relationship\\b[^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  const name = target
    ? `xl/${target.replace(/^\/?xl\//, '').replace(/^\//, '')}`
    : 'xl/worksheets/sheet1.xml';
  const xml = part(zip, entries, name) ?? part(zip, entries, 'xl/worksheets/sheet1.xml');
  if (xml === undefined) throw fileError('the workbook has no worksheet');
  return xml;
}

function column(ref: string): number {
  let n = 0;
  for (const c of ref) {
    const code = c.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The first sheet as CSV lines, one per sheet row (rows missing from the sheet are blank lines). */
export function sheetToCsv(zip: Buffer): string {
  const entries = directory(zip);
  const strings = sharedStrings(part(zip, entries, 'xl/sharedStrings.xml'));
  const sheet = firstSheet(zip, entries);
  const out: string[][] = [];
  let width = 0;
  let next = 1;
  for (const row of sheet.matchAll(/<row\b([^>]*)>([\s\S]*?)<\/row>|<row\b([^>]*)\/>/g)) {
    const r = Number(/\br="(\d+)"/.exec(row[1] ?? row[3] ?? '')?.[1] ?? next);
    while (next < r) {
      out.push([]);
      next++;
    }
    const fields: string[] = [];
    for (const c of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1] ?? '';
      const at = column(/\br="([A-Z]+)/.exec(attrs)?.[1] ?? '');
      const type = /\bt="(\w+)"/.exec(attrs)?.[1];
      const body = c[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const text =
        type === 's'
          ? (strings[Number(v)] ?? '')
          : type === 'inlineStr'
            ? texts(body)
            : type === 'b'
              ? v === '1'
                ? 'TRUE'
                : 'FALSE'
              : unescape(v ?? '');
      fields[at >= 0 ? at : fields.length] = text;
    }
    out.push(fields);
    width = Math.max(width, fields.length);
    next = r + 1;
  }
  // A sheet is a grid: Excel leaves out a row's empty cells at its end, which CSV would read as missing.
  return (
    out.map((f) => Array.from({ length: width }, (_, i) => csvField(f[i] ?? '')).join(',')).join('\r\n') +
    '\r\n'
  );
}

/** Converts once: the CSV is kept beside the workbook, and a later look at the same file reuses it. */
export async function xlsxAsCsv(path: string): Promise<string> {
  const csv = `${path}.sheet1.csv`;
  const [src, done] = await Promise.all([stat(path), stat(csv).catch(() => undefined)]);
  if (done && done.mtimeMs >= src.mtimeMs) return csv;
  await writeFile(csv, sheetToCsv(await readFile(path)));
  return csv;
}
