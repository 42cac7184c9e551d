/**
 * The reading half of a bulk import, in a worker thread: files are read, parsed, validated and
 * normalised here while the main thread writes what was prepared before, so the two cores of a
 * workstation both work. Results go back in order, at most a window ahead of the writer.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { once } from 'node:events';
import { CaseGraphError } from '../domain/errors.js';
import type { KeyContext } from '../domain/keys.js';
import { prepareBatch } from './ingest-batch.js';
import { encodeBatch } from './batch-codec.js';
import { itemsOf } from './read-batches.js';
import type { PreparedMessage, WorkerInput } from './prepare-messages.js';

const port = parentPort!;
const input = workerData as WorkerInput;
const keys: KeyContext = input.keys;
let credit = input.window;
port.on('message', (m: { credit: number }) => {
  credit += m.credit;
});

const post = (m: PreparedMessage) => port.postMessage(m);
try {
  for (const item of itemsOf(input.files, (file, why) => post({ type: 'unreadable', file, why }))) {
    while (credit <= 0) await once(port, 'message');
    credit--;
    try {
      post({
        type: 'batch',
        where: item.where,
        batch: encodeBatch(prepareBatch(item.raw, input.importedBy, keys)),
      });
    } catch (error) {
      if (!(error instanceof CaseGraphError)) throw error;
      post({
        type: 'rejected',
        where: item.where,
        code: error.code,
        message: error.message,
        issues: error.issues,
      });
    }
  }
  post({ type: 'done' });
} catch (error) {
  post({ type: 'fatal', message: (error as Error).stack ?? String(error) });
}
port.close();
