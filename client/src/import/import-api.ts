/**
 * The import routes as the screen uses them (README "Importing files"): a file is sent as itself —
 * never read into a string — to the preview and to the import, and an import is followed by polling
 * its job. A JSON batch is not a file to map: it goes whole to POST /api/ingest.
 */
import type { Issue } from '../../../server/domain/errors.js';
import { ApiError, getJson, postJson, send } from '../api.js';

export interface TemplateField {
  field: string;
  required: boolean;
  synonyms: string[];
}

export interface Template {
  id: string;
  label: string;
  documentType: string;
  fields: TemplateField[];
}

export interface SavedMapping {
  name: string;
  template: string;
  columns?: Record<string, string>;
  delimiter?: Delimiter;
  dateOrder?: DateOrder;
  savedBy?: string;
  savedAt?: string;
}

export type Delimiter = ',' | ';' | '|' | 'tab';
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/** An entity or link as the preview shows it: the batch record the first rows make, keys as written. */
export interface PreviewEntity {
  kind: string;
  scheme?: string;
  key: string;
  ref?: string;
  props?: Record<string, unknown>;
}
export interface PreviewLink {
  kind: string;
  from: { kind: string; key: string };
  to: { kind: string; key: string };
  ref?: string;
  occurrences?: { at?: string; durationS?: number; amount?: number }[];
}

export interface Preview {
  template: { id: string; label: string; documentType: string };
  delimiter: string;
  encoding: string;
  headerRow: number;
  banner: string[];
  columns: { header: string; field?: string; required?: boolean }[];
  unmatched: TemplateField[];
  warnings: Issue[];
  rows: { row: number; fields: string[]; ok: boolean; issue?: Issue }[];
  records: { entities: PreviewEntity[]; links: PreviewLink[] };
}

export interface Progress {
  phase: 'checking' | 'writing';
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  bytesRead: number;
  bytesTotal: number;
}

export interface Counts {
  entities: { created: number; updated: number; unchanged: number };
  links: { created: number; updated: number; unchanged: number };
  occurrences: { created: number; unchanged: number };
  version: number;
}

export interface ImportJob {
  id: string;
  name: string;
  sha256: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: Progress;
  result?: { template: string; rowsRead: number; rowsAccepted: number; rowsRejected: number; counts: Counts };
  error?: { code: string; message: string; issues: Issue[] };
  rejectedUrl?: string;
}

/** What the officer chose about how to read the file; absent means "as recognised". */
export interface ReadSettings {
  template?: string;
  delimiter?: Delimiter;
  dateOrder?: DateOrder;
  columns?: Record<string, string>;
  mapping?: string;
  account?: string;
  hotel?: string;
}

export interface RunSettings {
  name: string;
  mode: 'all-or-nothing' | 'good-rows';
  case?: string;
  grading?: string;
}

function check<T>(body: unknown, ok: (b: never) => boolean, what: string): T {
  if (!body || typeof body !== 'object' || !ok(body as never))
    throw new ApiError(`The server sent ${what} this page cannot read.`, 'BAD_RESPONSE', 200, undefined);
  return body as T;
}

export function readQuery(s: ReadSettings): URLSearchParams {
  const q = new URLSearchParams();
  if (s.template) q.set('template', s.template);
  if (s.delimiter) q.set('delimiter', s.delimiter);
  if (s.dateOrder) q.set('dateOrder', s.dateOrder);
  if (s.columns && Object.keys(s.columns).length) q.set('columns', JSON.stringify(s.columns));
  if (s.mapping) q.set('mapping', s.mapping);
  if (s.account) q.set('account', s.account);
  if (s.hotel) q.set('hotel', s.hotel);
  return q;
}

const sendFile = (path: string, file: Blob, csrfToken: string) =>
  send(path, {
    method: 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/octet-stream',
      'X-CSRF-Token': csrfToken,
    },
    body: file,
  });

export async function fetchTemplates(): Promise<Template[]> {
  return check(await getJson('/api/imports/templates'), (b) => Array.isArray(b), 'a template list');
}

export async function fetchMappings(): Promise<SavedMapping[]> {
  return check(await getJson('/api/imports/mappings'), (b) => Array.isArray(b), 'a list of mappings');
}

export async function saveMapping(mapping: SavedMapping, csrfToken: string): Promise<SavedMapping[]> {
  return check(
    await postJson('/api/imports/mappings', mapping, csrfToken),
    (b) => Array.isArray(b),
    'a list of mappings',
  );
}

export async function previewFile(file: Blob, s: ReadSettings, csrfToken: string): Promise<Preview> {
  const q = readQuery(s).toString();
  return check(
    await sendFile(`/api/imports/preview${q ? `?${q}` : ''}`, file, csrfToken),
    (b: Preview) => Array.isArray(b.columns) && Array.isArray(b.rows),
    'a preview',
  );
}

export async function startImport(
  file: Blob,
  s: ReadSettings,
  run: RunSettings,
  csrfToken: string,
): Promise<ImportJob> {
  const q = readQuery(s);
  q.set('name', run.name);
  q.set('mode', run.mode);
  if (run.case) q.set('case', run.case);
  if (run.grading) q.set('grading', run.grading);
  return asJob(await sendFile(`/api/imports?${q.toString()}`, file, csrfToken));
}

const asJob = (body: unknown) =>
  check<ImportJob>(body, (b: ImportJob) => typeof b.id === 'string' && !!b.progress, 'an import');

export async function fetchJob(id: string): Promise<ImportJob> {
  return asJob(await getJson(`/api/imports/${encodeURIComponent(id)}`));
}

export async function ingestBatch(batch: unknown, csrfToken: string): Promise<Counts> {
  return check(await postJson('/api/ingest', batch, csrfToken), (b: Counts) => !!b.entities, 'a result');
}
