/**
 * The first rows of a file as the import will read them — the layout recognised, each column's field,
 * the entities and links the rows make, and every row that would be rejected, with its reason — and
 * nothing written.
 */
import type { Issue } from '../../domain/errors.js';
import type { KeyContext } from '../../domain/keys.js';
import { splitSample } from './csv-reader.js';
import { inspectFile, type ImportSettings } from './inspect.js';
import { RowMapper } from './map-rows.js';
import { ChunkBuilder } from './row-view.js';

export interface Preview {
  template: { id: string; label: string; documentType: string };
  delimiter: string;
  encoding: string;
  headerRow: number;
  banner: string[];
  columns: { header: string; field?: string; required?: boolean }[];
  /** Fields of the template no column was found for. */
  unmatched: { field: string; required: boolean; synonyms: readonly string[] }[];
  warnings: Issue[];
  rows: { row: number; fields: string[]; ok: boolean; issue?: Issue }[];
  records: { entities: unknown[]; links: unknown[] };
}

export async function previewFile(
  path: string,
  settings: ImportSettings,
  keys: KeyContext,
  limit = 20,
): Promise<Preview> {
  const inspected = await inspectFile(path, settings);
  const { found } = inspected;
  const mapper = new RowMapper(found, keys, inspected.dateOrder, inspected.meta);
  const chunk = new ChunkBuilder();
  const rows: Preview['rows'] = [];
  for (const rec of splitSample(inspected.sample, found.delimiter, found.at + 1 + limit * 2).slice(
    found.at + 1,
  )) {
    if (rows.length >= limit) break;
    const out = mapper.map(rec, chunk);
    if ('skipped' in out) continue;
    rows.push(
      out.ok
        ? { row: rec.row, fields: rec.fields, ok: true }
        : { row: rec.row, fields: rec.fields, ok: false, issue: out.issue },
    );
  }
  const fieldAt = new Map(Object.entries(found.columns.index).map(([f, i]) => [i, f]));
  const fields = found.template.fields;
  return {
    template: {
      id: found.template.id,
      label: found.template.label,
      documentType: found.template.documentType,
    },
    delimiter: found.delimiter,
    encoding: inspected.sniffed.encoding,
    headerRow: found.row,
    banner: found.banner,
    columns: found.columns.headers.map((header, i) => {
      const field = fieldAt.get(i);
      return field ? { header, field, required: !!fields[field]?.required } : { header };
    }),
    unmatched: Object.entries(fields)
      .filter(([f]) => found.columns.index[f] === undefined)
      .map(([field, s]) => ({ field, required: !!s.required, synonyms: s.synonyms })),
    warnings: inspected.warnings,
    rows,
    records: chunk.view(),
  };
}
