/**
 * The checkpoint after a bulk load, run in the background. The load's commit is already durable (its
 * log is synced when it commits); the checkpoint only moves the pages from the log into the file, which
 * every write-ahead-log database defers so that the writer can go on.
 */
import { startTsWorker } from '../../workers/ts-worker.js';

export interface CheckpointInput {
  path: string;
  busyTimeoutMs: number;
}

export interface CheckpointReport {
  seconds: number;
  /** Frames in the log when the checkpoint began, and how many it copied into the file. */
  frames: number;
  copied: number;
  /** Whether the log file was cut back to nothing; when a reader held it, it is reused from its start. */
  truncated: boolean;
  /** Why it did not run; the log is then left to SQLite's own checkpoints. */
  error?: string;
}

/** Resolves when the checkpoint has run or failed; it never rejects. */
export function checkpointInBackground(input: CheckpointInput): Promise<CheckpointReport> {
  const started = performance.now();
  const failed = (error: string): CheckpointReport => ({
    seconds: (performance.now() - started) / 1000,
    frames: 0,
    copied: 0,
    truncated: false,
    error,
  });
  const worker = startTsWorker(new URL('./checkpoint-worker.ts', import.meta.url), input, ['better-sqlite3']);
  return new Promise((resolve) => {
    let report: CheckpointReport | undefined;
    worker.on('message', (m: CheckpointReport) => (report = m));
    worker.on('error', (e) => (report ??= failed(e.message)));
    worker.on('exit', (code) =>
      resolve(report ?? failed(`the checkpoint worker stopped (exit code ${code})`)),
    );
  });
}
