/**
 * The reading half of an import in a worker thread: the file decoded, split, mapped and each chunk's
 * batch prepared (validated, normalised) here, while the main thread writes the chunk before. Chunks go
 * back encoded as flat arrays (batch-codec.ts), at most a window ahead of the writer, each with the rows
 * it rejected; the issues and counts of the whole pass come last.
 */
import { once } from 'node:events';
import { parentPort } from 'node:worker_threads';
import { CaseGraphError } from '../../domain/errors.js';
import { encodeBatch } from '../batch-codec.js';
import { inspectFile } from './inspect.js';
import { chunksOf } from './map-file.js';
import type { ImportProgress, MapInput, MapMessage, Pass, Rejected } from './messages.js';
import { ChunkPreparer } from './prepare-chunk.js';

const port = parentPort!;
// Started ahead of its import (spare-worker.ts): the modules above load while the upload arrives, and
// the import's input comes as the first message.
const [input] = (await once(port, 'message')) as [MapInput];
let credit = input.window;
port.on('message', (m: { credit: number }) => {
  credit += m.credit;
});
const post = (m: MapMessage) => port.postMessage(m);

try {
  const inspected = await inspectFile(input.path, input.settings);
  const pass: Pass = { rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, issues: [] };
  let rejected: Rejected[] = [];
  let progress: ImportProgress = {
    phase: input.phase,
    rowsRead: 0,
    rowsAccepted: 0,
    rowsRejected: 0,
    bytesRead: 0,
    bytesTotal: inspected.size,
  };
  let lastPost = 0;
  const chunks = chunksOf(
    {
      path: input.path,
      chunkRows: input.chunkRows,
      onProgress: (p) => {
        progress = p;
        // Rows rejected by the thousand make no chunk: progress (and their reasons) still go out.
        if (Date.now() - lastPost > 200 || rejected.length > 5000) {
          lastPost = Date.now();
          post({ type: 'progress', progress, rejected });
          rejected = [];
        }
      },
    },
    inspected,
    input.keys,
    pass,
    input.phase,
    (rec, issue) => rejected.push({ row: rec.row, fields: rec.fields, issue }),
  );
  const preparer = new ChunkPreparer(input.document, input.importedBy, input.keys);
  for await (const chunk of chunks) {
    while (credit <= 0) await once(port, 'message');
    credit--;
    const batch = input.checkOnly ? null : encodeBatch(preparer.prepare(chunk));
    post({ type: 'chunk', batch, rejected, progress });
    rejected = [];
  }
  post({ type: 'done', pass, rejected, progress });
} catch (error) {
  if (error instanceof CaseGraphError)
    post({ type: 'failed', code: error.code, message: error.message, issues: error.issues });
  else post({ type: 'fatal', message: (error as Error).stack ?? String(error) });
}
port.close();
