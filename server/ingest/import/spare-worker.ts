/**
 * An import's reading worker spends a second or two loading its modules (the normalisers, zod, stdnum)
 * before it reads a row. A large upload takes longer than that to arrive and be hashed, so the worker is
 * started when the upload begins (spareImportWorker) and is ready by the time the import starts; the
 * import's input reaches it as its first message (import-worker.ts). One spare at most, let go of when
 * unused for a minute.
 */
import type { Worker } from 'node:worker_threads';
import { startTsWorker } from '../../workers/ts-worker.js';

const MODULE = new URL('./import-worker.ts', import.meta.url);
const IDLE_MS = 60_000;

/** Files above this size are read in a worker thread while the main thread writes. */
export const WORKER_BYTES = 8 << 20;

let spare: { worker: Worker; timer: NodeJS.Timeout } | undefined;

function start(): Worker {
  return startTsWorker(MODULE, undefined);
}

/** Starts a worker for the next import, unless one is waiting already. */
export function spareImportWorker(): void {
  if (spare) return;
  const worker = start();
  // A spare neither keeps the process alive nor outlives a minute unused.
  worker.unref();
  const forget = () => {
    if (spare?.worker === worker) spare = undefined;
  };
  const timer = setTimeout(() => {
    forget();
    void worker.terminate();
  }, IDLE_MS).unref();
  // A spare that fails to start is forgotten; the import that wanted it starts another.
  worker.on('error', forget);
  worker.on('exit', forget);
  spare = { worker, timer };
}

/** The spare worker if there is one, else a new one; it waits for its input (a MapInput) as a message. */
export function takeImportWorker(): Worker {
  const s = spare;
  if (!s) return start();
  spare = undefined;
  clearTimeout(s.timer);
  s.worker.removeAllListeners();
  s.worker.ref();
  return s.worker;
}
