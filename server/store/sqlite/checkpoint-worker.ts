/**
 * Folds a store's write-ahead log into its database file, on a thread and a connection of its own: after
 * a bulk load the log holds the whole load (240 MB for the ingest bench's scenario), and copying it takes
 * about a second that neither the import's caller nor the service's event loop should wait for.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckpointInput, CheckpointReport } from './checkpoint.js';

const input = workerData as CheckpointInput;
const started = performance.now();
const db = new Database(input.path);
try {
  // PASSIVE copies what it can without blocking readers or writers; the truncation that follows needs
  // no reader on the log, and is given up (the log is reused from its start) if one stays too long.
  db.pragma(`busy_timeout = ${input.busyTimeoutMs}`);
  const [passive] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointRow[];
  db.pragma('busy_timeout = 1000');
  const [truncate] = db.pragma('wal_checkpoint(TRUNCATE)') as CheckpointRow[];
  const report: CheckpointReport = {
    seconds: (performance.now() - started) / 1000,
    frames: passive!.log,
    copied: passive!.checkpointed,
    truncated: truncate!.busy === 0,
  };
  parentPort!.postMessage(report);
} finally {
  db.close();
}

interface CheckpointRow {
  busy: number;
  log: number;
  checkpointed: number;
}
