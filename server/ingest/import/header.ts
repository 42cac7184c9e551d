/**
 * Finds the header row of a file and what each column holds. Operators put banner lines above the header
 * (the target number, the period, a ticket number), so the header is the row, among the first ones, that
 * names the most fields of a template; the delimiter is the one under which that row is found.
 */
import { CaseGraphError } from '../../domain/errors.js';
import { DELIMITERS, splitSample } from './csv-reader.js';
import { fileError } from './sniff.js';
import type { Template } from './templates/types.js';

export function headerWord(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export interface ColumnMap {
  /** field → index of its column. */
  index: Record<string, number>;
  /** The headers as the file writes them, by column index. */
  headers: string[];
  /** Columns no field claims: kept as they are for the reject file and the preview. */
  unmapped: string[];
  /** Fields found under their first spelling, the layout's own: it tells alike layouts apart. */
  ownSpellings: number;
}

/** Which column each field of the template is in; `overrides` maps a field to a header the user picked. */
export function mapColumns(
  headers: string[],
  template: Template,
  overrides: Record<string, string> = {},
): ColumnMap {
  const words = headers.map(headerWord);
  const index: Record<string, number> = {};
  let ownSpellings = 0;
  for (const [field, spec] of Object.entries(template.fields)) {
    const wanted = overrides[field];
    if (wanted !== undefined) {
      const at = words.indexOf(headerWord(wanted));
      if (at >= 0) index[field] = at;
      continue;
    }
    for (const [k, s] of spec.synonyms.entries()) {
      const at = words.indexOf(headerWord(s));
      if (at >= 0 && !Object.values(index).includes(at)) {
        index[field] = at;
        if (k === 0) ownSpellings++;
        break;
      }
    }
  }
  const used = new Set(Object.values(index));
  return {
    index,
    headers,
    unmapped: headers.filter((_, i) => !used.has(i) && headers[i] !== ''),
    ownSpellings,
  };
}

export interface HeaderFound {
  template: Template;
  delimiter: string;
  /** Position of the header in the sample, and its row in the file. */
  at: number;
  row: number;
  columns: ColumnMap;
  /** Lines above the header (banner), as text. */
  banner: string[];
}

interface Candidate extends HeaderFound {
  score: number;
}

function score(template: Template, columns: ColumnMap, banner: string[]): number {
  const mapped = Object.keys(columns.index).length;
  const required = Object.entries(template.fields).filter(([, s]) => s.required);
  const missing = required.filter(([f]) => columns.index[f] === undefined).length;
  const bannerHit = template.banner && banner.some((l) => template.banner!.test(l)) ? 0.5 : 0;
  return mapped - 2 * missing + bannerHit + 0.1 * columns.ownSpellings;
}

function search(
  sample: string,
  templates: readonly Template[],
  delimiters: readonly string[],
  overrides: Record<string, string> | undefined,
): Candidate | undefined {
  let best: Candidate | undefined;
  for (const delimiter of delimiters) {
    const records = splitSample(sample, delimiter, 40);
    for (let at = 0; at < records.length; at++) {
      const rec = records[at]!;
      if (rec.fields.length < 2) continue;
      const headers = rec.fields.map((f) => f.trim());
      const banner = records.slice(0, at).map((r) => r.fields.join(delimiter));
      for (const template of templates) {
        const columns = mapColumns(headers, template, overrides);
        const s = score(template, columns, banner);
        if (Object.keys(columns.index).length >= 2 && (!best || s > best.score))
          best = { template, delimiter, at, row: rec.row, columns, banner, score: s };
      }
    }
  }
  return best;
}

/**
 * The best (template, delimiter, header row) for a sample of the file's first lines. A template given
 * by the user is the only one tried; so is a delimiter.
 */
export function findHeader(
  sample: string,
  templates: readonly Template[],
  opts: { delimiter?: string; overrides?: Record<string, string> } = {},
): HeaderFound {
  const best = search(sample, templates, opts.delimiter ? [opts.delimiter] : DELIMITERS, opts.overrides);
  if (!best) {
    if (opts.delimiter) {
      // Perhaps the file is fine and the delimiter named is not its own: say which one it is.
      const other = search(
        sample,
        templates,
        DELIMITERS.filter((d) => d !== opts.delimiter),
        opts.overrides,
      );
      if (other)
        throw fileError(
          `no header row found with the delimiter ${JSON.stringify(opts.delimiter)}: the columns of row ${other.row} are separated by ${JSON.stringify(other.delimiter)}`,
          other.row,
        );
    }
    throw fileError(
      `no header row found in the first lines: none names the columns of ${templates.length === 1 ? `the template "${templates[0]!.label}"` : 'any known layout'} (see GET /api/imports/templates)`,
      1,
    );
  }
  const missing = Object.entries(best.template.fields)
    .filter(([f, s]) => s.required && best.columns.index[f] === undefined)
    .map(([f, s]) => `${s.synonyms[0]} (${f})`);
  if (missing.length)
    throw new CaseGraphError(
      'IMPORT.MISSING_COLUMN',
      `the header on row ${best.row} has no column for ${missing.join(', ')}, which "${best.template.label}" needs`,
      missing.map((m) => ({
        section: 'file' as const,
        path: `row ${best.row}.${m}`,
        row: best.row,
        column: m,
        message: `no column for ${m}: rename the column or map it by hand`,
      })),
    );
  const { score: _score, ...found } = best;
  return found;
}
