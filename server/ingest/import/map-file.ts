/**
 * The rows of a file mapped into ingest batches, a chunk of rows at a time: the reading half of an
 * import, run in the import's worker thread (import-worker.ts) while the main thread writes.
 */
import type { Issue } from '../../domain/errors.js';
import type { KeyContext } from '../../domain/keys.js';
import { decodeFile, readRecords, type CsvRecord } from './csv-reader.js';
import type { Inspected } from './inspect.js';
import { RowMapper } from './map-rows.js';
import { ChunkBuilder } from './row-view.js';
import type { ImportProgress, Pass } from './messages.js';
export type { Pass } from './messages.js';

export const MAX_ISSUES = 10_000;

/**
 * Rows of the file mapped into chunks, one ChunkBuilder per `chunkRows` accepted rows; every row's
 * outcome is counted in `pass`, and a rejected one handed to `onReject`.
 */
export async function* chunksOf(
  opts: { path: string; chunkRows?: number; onProgress?: (p: ImportProgress) => void },
  inspected: Inspected,
  keys: KeyContext,
  pass: Pass,
  phase: ImportProgress['phase'],
  onReject?: (rec: CsvRecord, issue: Issue) => void,
): AsyncGenerator<ChunkBuilder> {
  const mapper = new RowMapper(inspected.found, keys, inspected.dateOrder, inspected.meta);
  const chunkRows = opts.chunkRows ?? 50_000;
  const headerRow = inspected.found.row;
  let chunk = new ChunkBuilder();
  let bytes = 0;
  const text = decodeFile(inspected.textPath, inspected.sniffed.encoding, inspected.sniffed.bom);
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
        chunk.release();
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
