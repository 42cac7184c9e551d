/**
 * An import from start to end: rows streamed from the stored file, mapped a chunk at a time into ingest
 * batches (one document: the file, by its SHA-256), prepared and written through the store's bulk paths,
 * with progress reported as it goes.
 *
 * All-or-nothing (the default) costs one pass into an empty store — the store's first load is discarded
 * if any row is bad — and two passes otherwise: a checking pass that writes nothing, then the writing one.
 * "Good rows" mode writes in one pass and keeps every rejected row, with its reason, in a CSV beside the file.
 */
import { raiseAlerts } from '../case-alerts.js';
import { createWriteStream, type WriteStream } from 'node:fs';
import type { IngestBatchInput } from '../../domain/batch.js';
import { CaseGraphError, type ErrorCode, type Issue } from '../../domain/errors.js';
import type { Grading } from '../../domain/grading.js';
import type { IngestCounts } from '../../domain/views.js';
import type { IngestDeps } from '../ingest-batch.js';
import { ChunkPreparer } from './prepare-chunk.js';
import type { NormalisedBatch } from '../../domain/normalise-batch.js';
import { decodeBatch } from '../batch-codec.js';
import type { ImportProgress, MapInput, MapMessage, Rejected } from './messages.js';
export type { ImportProgress } from './messages.js';
import { inspectFile, type ImportSettings } from './inspect.js';
import { chunksOf, type Pass } from './map-file.js';
import { spareImportWorker, takeImportWorker, WORKER_BYTES } from './spare-worker.js';
import type { DocumentType } from './templates/types.js';

export interface ImportDocument {
  name: string;
  sha256: string;
  type?: DocumentType;
  case?: string;
  grading?: Grading;
  receivedFrom?: string;
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
  /** Read in a worker thread; by default, files above 8 MiB are. */
  inWorker?: boolean;
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

function rowsInvalid(pass: Pass): CaseGraphError {
  const more = pass.rowsRejected - pass.issues.length;
  return new CaseGraphError(
    'IMPORT.ROWS_INVALID',
    `${pass.rowsRejected} of ${pass.rowsRead} row(s) cannot be read${more > 0 ? ` (the first ${pass.issues.length} are listed)` : ''}; nothing was written. Correct them, or import the good rows and keep the rejected ones`,
    pass.issues,
  );
}

/** What the worker says of one pass over the file, as an async stream of prepared chunks. */
async function* mapInWorker(
  input: MapInput,
  onProgress: (p: ImportProgress) => void,
  onRejected: (r: Rejected[]) => void,
  done: (pass: Pass) => void,
): AsyncGenerator<NormalisedBatch | null> {
  const worker = takeImportWorker();
  worker.postMessage(input);
  const queue: MapMessage[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  let exited = false;
  worker.on('message', (m: MapMessage) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (e) => {
    failure = e;
    wake?.();
  });
  worker.on('exit', () => {
    exited = true;
    wake?.();
  });
  try {
    for (;;) {
      while (!queue.length && !failure && !exited) await new Promise<void>((ok) => (wake = ok));
      if (failure) throw failure;
      const m = queue.shift();
      if (!m) throw new Error('the import worker stopped before the end of the file');
      if (m.type === 'fatal') throw new Error(`the import worker failed: ${m.message}`);
      if (m.type === 'failed') throw new CaseGraphError(m.code as ErrorCode, m.message, m.issues);
      if (m.rejected.length) onRejected(m.rejected);
      onProgress(m.progress);
      if (m.type === 'done') {
        done(m.pass);
        return;
      }
      if (m.type === 'chunk') {
        worker.postMessage({ credit: 1 });
        yield m.batch ? decodeBatch(m.batch) : null;
      }
    }
  } finally {
    await worker.terminate();
  }
}

/** The same pass on this thread: for a small file, starting a worker costs more than it saves. */
async function* mapHere(
  input: MapInput,
  onProgress: (p: ImportProgress) => void,
  onRejected: (r: Rejected[]) => void,
  done: (pass: Pass) => void,
): AsyncGenerator<NormalisedBatch | null> {
  const inspected = await inspectFile(input.path, input.settings);
  const pass: Pass = { rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, issues: [] };
  const chunks = chunksOf(
    { path: input.path, chunkRows: input.chunkRows, onProgress },
    inspected,
    input.keys,
    pass,
    input.phase,
    (rec, issue) => onRejected([{ row: rec.row, fields: rec.fields, issue }]),
  );
  const preparer = new ChunkPreparer(input.document, input.importedBy, input.keys);
  for await (const chunk of chunks) yield input.checkOnly ? null : preparer.prepare(chunk);
  done(pass);
}

/**
 * Rows per batch. Each batch declares again every entity and link its rows name (a CDR's few thousand
 * contacts), so fewer, larger batches write fewer repeated records; 50,000 rows stay a few tens of MB.
 */
const CHUNK_ROWS = 50_000;

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
  let pass: Pass = { rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, issues: [] };
  let rejectedSoFar = 0;

  let rejects: WriteStream | undefined;
  const keep = (rows: Rejected[]) => {
    rejectedSoFar += rows.length;
    if (!opts.keepGoodRows) return;
    if (!rejects) {
      rejects = createWriteStream(opts.rejectPath ?? `${opts.path}.rejected.csv`);
      rejects.write(csvLine(['row', 'column', 'reason', ...inspected.found.columns.headers]));
    }
    for (const r of rows)
      rejects.write(csvLine([String(r.row), r.issue.column ?? '', r.issue.message, ...r.fields]));
  };
  const passOf = (phase: ImportProgress['phase'], checkOnly: boolean, onRejected: (r: Rejected[]) => void) =>
    ((opts.inWorker ?? inspected.size > WORKER_BYTES) ? mapInWorker : mapHere)(
      {
        path: opts.path,
        settings: opts.settings ?? {},
        document,
        importedBy: opts.importedBy,
        keys: deps.keys,
        chunkRows: opts.chunkRows ?? CHUNK_ROWS,
        phase,
        checkOnly,
        // Two chunks ahead keep the writer busy; a third cost ~30 MB of peak memory for no speed (bench, 1M rows).
        window: 2,
      },
      (p) => opts.onProgress?.(p),
      onRejected,
      (p) => (pass = p),
    );

  const load = await deps.store.openBulkLoad();
  try {
    if (!load && !opts.keepGoodRows) {
      // The writing pass's worker loads while the checking pass reads.
      if (opts.inWorker ?? inspected.size > WORKER_BYTES) spareImportWorker();
      for await (const _ of passOf('checking', true, (r) => (rejectedSoFar += r.length)));
      if (pass.rowsRejected) throw rowsInvalid(pass);
      rejectedSoFar = 0;
    }
    // All-or-nothing into an empty store: once a row is bad the load will be discarded, so nothing more is written.
    for await (const batch of passOf('writing', false, keep)) {
      if (!batch || (load && rejectedSoFar && !opts.keepGoodRows)) continue;
      const outcome = load
        ? await load.write(batch, { importedAt: now() })
        : (await deps.store.ingestMany([batch], { importedAt: now() }))[0]!;
      if (!outcome.ok) throw outcome.error;
      if (!load) await raiseAlerts(deps.store, batch, Date.now());
      addCounts(counts, outcome.counts);
      batches++;
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
