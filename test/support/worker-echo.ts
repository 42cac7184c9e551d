/** A worker for the worker-bundle tests: answers with an id made by the domain and where it ran from. */
import { parentPort, workerData } from 'node:worker_threads';
import { entityId } from '../../server/domain/ids.js';

const key = (workerData as { key: string }).key;
parentPort!.postMessage({ id: entityId('phone', 'phone', key), url: import.meta.url });
