/**
 * The first look at an uploaded file, before any row is mapped: what it is (sniff.ts), which layout and
 * header row (header.ts), and the order of each date column, decided from the first megabyte of rows.
 */
import { open } from 'node:fs/promises';
import type { Issue } from '../../domain/errors.js';
import { splitSample } from './csv-reader.js';
import { detectDateOrder, type DateOrder } from './dates.js';
import { findHeader, type HeaderFound } from './header.js';
import { fileError, sniffFile, type Sniffed } from './sniff.js';
import { xlsxAsCsv } from './xlsx-reader.js';
import { TEMPLATES, templateById } from './templates/index.js';
import { RowView } from './row-view.js';

export interface ImportSettings {
  /** A template id; absent: the layout is recognised from the header. */
  template?: string;
  delimiter?: string;
  /** field → header, where the user corrected the recognised mapping. */
  columns?: Record<string, string>;
  /** Overrides the detected order of every date column. */
  dateOrder?: DateOrder;
  /** A statement's own account (IFSC:ACCOUNT or a UPI id), when its banner does not say it. */
  account?: string;
  /** A register's hotel ("Name, City"), when its banner does not say it. */
  hotel?: string;
}

export interface Inspected {
  sniffed: Sniffed;
  format: Sniffed['format'];
  /** Where the rows are read from: the file itself, or a workbook's sheet as CSV. */
  textPath: string;
  found: HeaderFound;
  dateOrder: Record<string, DateOrder>;
  /** What holds for every row (the template's readBanner, and the user's settings). */
  meta: Record<string, string>;
  /** Things the user should confirm, such as a date column that reads both ways. */
  warnings: Issue[];
  /** The first rows of the file as text (for the preview). */
  sample: string;
  size: number;
}

const SAMPLE_BYTES = 1 << 20;

export async function readHead(path: string): Promise<{ head: Buffer; size: number }> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const head = Buffer.alloc(Math.min(size, SAMPLE_BYTES));
    await fh.read(head, 0, head.length, 0);
    return { head, size };
  } finally {
    await fh.close();
  }
}

export function decodeSample(head: Buffer, sniffed: Sniffed): string {
  // Streaming, as the rows are read (csv-reader.ts): Node decodes Windows-1252 in one call as Latin-1,
  // which would read a header's ‚ or – (0x82, 0x96) otherwise than its rows.
  return new TextDecoder(sniffed.encoding, { ignoreBOM: true }).decode(head.subarray(sniffed.bom), {
    stream: true,
  });
}

export async function inspectFile(path: string, settings: ImportSettings = {}): Promise<Inspected> {
  let { head, size } = await readHead(path);
  let sniffed = sniffFile(head.subarray(0, 65536), head.length === size);
  let textPath = path;
  const format = sniffed.format;
  if (sniffed.format === 'json')
    throw fileError(
      'this is a JSON batch: send it to POST /api/ingest, or as a batch file to npm run ingest',
    );
  if (sniffed.format === 'xlsx') {
    // A workbook's first sheet is read as CSV text, then like any CSV file.
    textPath = await xlsxAsCsv(path);
    ({ head, size } = await readHead(textPath));
    sniffed = { format: 'xlsx', encoding: 'utf-8', bom: 0 };
  }
  let templates = TEMPLATES;
  if (settings.template !== undefined) {
    const t = templateById(settings.template);
    if (!t) throw fileError(`there is no template "${settings.template}" (see GET /api/imports/templates)`);
    templates = [t];
  }
  const sample = decodeSample(head, sniffed);
  const found = findHeader(sample, templates, {
    ...(settings.delimiter ? { delimiter: settings.delimiter } : {}),
    ...(settings.columns ? { overrides: settings.columns } : {}),
  });
  const dateOrder: Record<string, DateOrder> = {};
  const warnings: Issue[] = [];
  const rows = splitSample(sample, found.delimiter, 20_000).slice(found.at + 1);
  const view = new RowView(found.columns.index);
  for (const [field, spec] of Object.entries(found.template.fields)) {
    if (!spec.date || found.columns.index[field] === undefined) continue;
    if (settings.dateOrder) {
      dateOrder[field] = settings.dateOrder;
      continue;
    }
    if (found.template.dateOrder) {
      dateOrder[field] = found.template.dateOrder;
      continue;
    }
    const values = rows.map((r) => {
      view.fields = r.fields;
      return view.text(field);
    });
    const verdict = detectDateOrder(values);
    dateOrder[field] = verdict.order;
    const column = found.columns.headers[found.columns.index[field]!]!;
    if (verdict.ambiguous)
      warnings.push({
        section: 'file',
        path: `row ${found.row}.${column}`,
        row: found.row,
        column,
        message: `every date in "${column}" reads both day-first and month-first: read as DD/MM (India's order); set the date order if the source wrote MM/DD`,
      });
    else if (verdict.conflict)
      warnings.push({
        section: 'file',
        path: `row ${found.row}.${column}`,
        row: found.row,
        column,
        message: `"${column}" mixes day-first (${verdict.conflict.other}) and month-first (${verdict.conflict.value}) dates: read as ${verdict.order === 'dmy' ? 'DD/MM' : 'MM/DD'}, the other rows are rejected`,
      });
  }
  const meta: Record<string, string> = {
    ...(found.template.readBanner?.(found.banner) ?? {}),
    ...(settings.account ? { account: settings.account } : {}),
    ...(settings.hotel ? { hotel: settings.hotel } : {}),
  };
  for (const [key, ask] of Object.entries(found.template.needs ?? {}))
    if (meta[key] === undefined) throw fileError(ask, found.row);
  return { sniffed, format, textPath, found, dateOrder, meta, warnings, sample, size };
}
