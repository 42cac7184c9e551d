/**
 * The column → field mapping as the officer corrects it. The server's preview is the truth of what a
 * column is read as; the page keeps only the corrections (field → header, the API's `columns=`), so a
 * correction survives a change of delimiter or date order and is sent again with the import.
 */
import type { Issue } from '../../../server/domain/errors.js';
import type { Preview, PreviewEntity, PreviewLink, Template, TemplateField } from './import-api.js';

export type Corrections = Record<string, string>;

/** "B Party No (bParty)": the layout's own name for a field, and the field. */
export const fieldLabel = (f: TemplateField): string =>
  f.synonyms[0] && f.synonyms[0] !== f.field ? `${f.synonyms[0]} (${f.field})` : f.field;

/** field → header of every column the preview read as a field. */
export function mappedColumns(preview: Preview): Corrections {
  const out: Corrections = {};
  for (const c of preview.columns) if (c.field) out[c.field] = c.header;
  return out;
}

/**
 * Corrections after the column `header` is set to read as `field` ('' for not at all). The field it was
 * read as is let go (mapped to no header), unless the officer put that field on another column.
 */
export function assign(
  corrections: Corrections,
  current: Corrections,
  header: string,
  field: string,
): Corrections {
  const next = { ...corrections };
  const was = Object.entries(current).find(([, h]) => h === header)?.[0];
  if (was && was !== field && (next[was] === undefined || next[was] === header)) next[was] = '';
  if (field) next[field] = header;
  return next;
}

/**
 * The template a missing-column error was about: the API names each missing column as the layout's own
 * header and the field, "B Party No (bParty)". Only a default for the picker — the officer can change it.
 */
export function templateOfMissing(issues: Issue[], templates: Template[]): Template | undefined {
  const named = issues.map((i) => i.column ?? '').filter(Boolean);
  if (!named.length) return undefined;
  return templates.find((t) =>
    named.every((n) => t.fields.some((f) => n === `${f.synonyms[0] ?? f.field} (${f.field})`)),
  );
}

/**
 * A number to look for in the network once the file is in: the phone (or other identifier) that the
 * most links of the first rows touch — a CDR's own target.
 */
export function mainIdentifier(records: {
  entities: PreviewEntity[];
  links: PreviewLink[];
}): PreviewEntity | undefined {
  const touches = new Map<string, number>();
  const id = (e: { kind: string; key: string }) => `${e.kind} ${e.key}`;
  for (const l of records.links)
    for (const end of [l.from, l.to]) touches.set(id(end), (touches.get(id(end)) ?? 0) + 1);
  const searchable = records.entities.filter((e) => e.kind !== 'case' && e.kind !== 'document');
  const phones = searchable.filter((e) => e.kind === 'phone');
  const pool = phones.length ? phones : searchable;
  let best: PreviewEntity | undefined;
  for (const e of pool) if (!best || (touches.get(id(e)) ?? 0) > (touches.get(id(best)) ?? 0)) best = e;
  return best;
}

/** A header as the server compares it: case, spaces and punctuation ignored ("Dur(s)" = "DUR S"). */
const headerWord = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * field → header for the columns whose header is one of the template's names for a field: what the
 * server recognised in a file it could not map whole, so that only the missing column is left to pick.
 */
export function recognised(headers: string[], template: Template | undefined): Corrections {
  const out: Corrections = {};
  const taken = new Set<string>();
  for (const f of template?.fields ?? []) {
    const header = f.synonyms
      .map((s) => headers.find((h) => !taken.has(h) && headerWord(h) === headerWord(s)))
      .find((h) => h !== undefined);
    if (header === undefined) continue;
    out[f.field] = header;
    taken.add(header);
  }
  return out;
}
