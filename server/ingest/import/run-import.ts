/**
 * An import from start to end: rows streamed from the stored file, mapped a chunk at a time into ingest
 * batches (one document: the file, by its SHA-256), prepared and written through the store's bulk paths,
 * with progress reported as it goes.
 *
 * All-or-nothing (the default) costs one pass into an empty store — the store's first load is discarded
 * if any row is bad — and two passes otherwise: a checking pass that writes nothing, then the writing one.
 * "Good rows" mode writes in one pass and keeps every rejected row, with its reason, in a CSV beside the file.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import type { IngestBatchInput } from '../../domain/batch.js';
import { CaseGraphError, type Issue } from '../../domain/errors.js';
import type { Grading } from '../../domain/grading.js';
import type { IngestCounts } from '../../domain/views.js';
import type { BulkLoad } from '../../store/graph-store.js';
import { prepareBatch, type IngestDeps } from '../ingest-batch.js';
import { decodeFile, readRecords, type CsvRecord } from './csv-reader.js';
import { inspectFile, type ImportSettings, type Inspected } from './inspect.js';
import { RowMapper } from './map-rows.js';
import { ChunkBuilder } from './row-view.js';
import type { DocumentType } from './templates/types.js';

export interface ImportDocument {
  name: string;
  sha256: string;
  type?: DocumentType;
  case?: string;
  grading?: Grading;
  receivedFrom?: string;
}

export interface ImportProgress {
  phase: 'checking' | 'writing';
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  bytesRead: number;
  bytesTotal: number;
}

export interface ImportOptions {
  path: string;
  document: ImportDocument;
  importedBy: string;
  settings?: ImportSettings;
  /** Write the good rows and keep the bad ones in `rejectPath`, instead of writing nothing. */
  keepGoodRows?: boolean;
  rejectPath?: string;
  /** Rows per ingest batch. */
  chunkRows?: number;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportResult {
  template: string;
  documentType: DocumentType;
  delimiter: string;
  encoding: string;
  headerRow: number;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  batches: number;
  counts: IngestCounts;
  warnings: Issue[];
  /** The first rejected rows (all of them in the reject file). */
  issues: Issue[];
}

const MAX_ISSUES = 10_000;

export function emptyCounts(): IngestCounts {
  return {
    entities: { created: 0, updated: 0, unchanged: 0 },
    links: { created: 0, updated: 0, unchanged: 0 },
    occurrences: { created: 0, unchanged: 0 },
    version: 0,
  };
}

export function addCounts(into: IngestCounts, c: IngestCounts): void {
  for (const k of ['entities', 'links'] as const) {
    into[k].created += c[k].created;
    into[k].updated += c[k].updated;
    into[k].unchanged += c[k].unchanged;
  }
  into.occurrences.created += c.occurrences.created;
  into.occurrences.unchanged += c.occurrences.unchanged;
  into.version = Math.max(into.version, c.version);
}

export function csvLine(fields: readonly string[]): string {
  return (
    fields
      .map((f) => (/[",\r\n]/.test(f) || /^[=+\-@]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f))
      .join(',') + '\r\n'
  );
}

interface Pass {
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  issues: Issue[];
}

/**
 * Rows of the file mapped into chunks, one ChunkBuilder per `chunkRows` accepted rows; every row's
 * outcome is counted in `pass`, and a rejected one handed to `onReject`.
 */
async function* chunksOf(
  opts: ImportOptions,
  inspected: Inspected,
  deps: IngestDeps,
  pass: Pass,
  phase: ImportProgress['phase'],
  onReject?: (rec: CsvRecord, issue: Issue) => void,
): AsyncGenerator<ChunkBuilder> {
  const mapper = new RowMapper(inspected.found, deps.keys, inspected.dateOrder, inspected.meta);
  const chunkRows = opts.chunkRows ?? 20_000;
  const headerRow = inspected.found.row;
  let chunk = new ChunkBuilder();
  let bytes = 0;
  const text = decodeFile(opts.path, inspected.sniffed.encoding, inspected.sniffed.bom);
  async function* counted(): AsyncGenerator<string> {
    for await (const t of text) {
      bytes += t.length;
      yield t;
    }
  }
  for await (const records of readRecords(counted(), inspected.found.delimiter)) {
    for (const rec of records) {
      if (rec.row <= headerRow) continue;
      const out = mapper.map(rec, chunk);
      if ('skipped' in out) continue;
      pass.rowsRead++;
      if (out.ok) pass.rowsAccepted++;
      else {
        pass.rowsRejected++;
        if (pass.issues.length < MAX_ISSUES) pass.issues.push(out.issue);
        onReject?.(rec, out.issue);
      }
      if (chunk.rows >= chunkRows) {
        yield chunk;
        chunk = new ChunkBuilder();
      }
    }
    opts.onProgress?.({
      phase,
      rowsRead: pass.rowsRead,
      rowsAccepted: pass.rowsAccepted,
      rowsRejected: pass.rowsRejected,
      bytesRead: Math.min(bytes, inspected.size),
      bytesTotal: inspected.size,
    });
  }
  if (chunk.rows) yield chunk;
}

function rowsInvalid(pass: Pass): CaseGraphError {
  const more = pass.rowsRejected - pass.issues.length;
  return new CaseGraphError(
    'IMPORT.ROWS_INVALID',
    `${pass.rowsRejected} of ${pass.rowsRead} row(s) cannot be read${more > 0 ? ` (the first ${pass.issues.length} are listed)` : ''}; nothing was written. Correct them, or import the good rows and keep the rejected ones`,
    pass.issues,
  );
}

export async function runImport(opts: ImportOptions, deps: IngestDeps): Promise<ImportResult> {
  const inspected = await inspectFile(opts.path, opts.settings);
  const template = inspected.found.template;
  const document: IngestBatchInput['document'] = {
    name: opts.document.name,
    sha256: opts.document.sha256,
    type: opts.document.type ?? template.documentType,
    ...(opts.document.case ? { case: opts.document.case } : {}),
    ...(opts.document.grading ? { grading: opts.document.grading } : {}),
    ...(opts.document.receivedFrom ? { receivedFrom: opts.document.receivedFrom } : {}),
  };
  const now = deps.now ?? (() => new Date());
  const counts = emptyCounts();
  let batches = 0;
  const newPass = (): Pass => ({ rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, issues: [] });

  let rejects: WriteStream | undefined;
  const onReject = opts.keepGoodRows
    ? (rec: CsvRecord, issue: Issue) => {
        if (!rejects) {
          rejects = createWriteStream(opts.rejectPath ?? `${opts.path}.rejected.csv`);
          rejects.write(csvLine(['row', 'column', 'reason', ...inspected.found.columns.headers]));
        }
        rejects.write(csvLine([String(rec.row), issue.column ?? '', issue.message, ...rec.fields]));
      }
    : undefined;

  const write = async (chunk: ChunkBuilder, load: BulkLoad | undefined) => {
    const batch = prepareBatch(chunk.build(document), opts.importedBy, deps.keys);
    const outcome = load
      ? await load.write(batch, { importedAt: now() })
      : (await deps.store.ingestMany([batch], { importedAt: now() }))[0]!;
    if (!outcome.ok) throw outcome.error;
    addCounts(counts, outcome.counts);
    batches++;
  };

  let pass = newPass();
  const load = await deps.store.openBulkLoad();
  try {
    if (!load && !opts.keepGoodRows) {
      for await (const _chunk of chunksOf(opts, inspected, deps, pass, 'checking'));
      if (pass.rowsRejected) throw rowsInvalid(pass);
      pass = newPass();
    }
    for await (const chunk of chunksOf(opts, inspected, deps, pass, 'writing', onReject)) {
      // All-or-nothing into an empty store: the load is discarded below, so writing on is wasted work.
      if (load && pass.rowsRejected && !opts.keepGoodRows) continue;
      await write(chunk, load);
    }
    if (pass.rowsRejected && !opts.keepGoodRows) throw rowsInvalid(pass);
    await load?.finish();
  } catch (error) {
    await load?.abort();
    throw error;
  } finally {
    if (rejects) await new Promise<void>((ok) => rejects!.end(ok));
  }
  return {
    template: template.id,
    documentType: document.type,
    delimiter: inspected.found.delimiter,
    encoding: inspected.sniffed.encoding,
    headerRow: inspected.found.row,
    rowsRead: pass.rowsRead,
    rowsAccepted: pass.rowsAccepted,
    rowsRejected: pass.rowsRejected,
    batches,
    counts,
    warnings: inspected.warnings,
    issues: pass.issues.slice(0, 1000),
  };
}
