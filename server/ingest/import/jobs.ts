/**
 * Imports under way and finished, for progress and results. One import writes at a time: a second waits
 * its turn (two bulk loads into one store cannot both be first). Jobs live in this process's memory and
 * are forgotten at restart; the imported data and the stored files are not.
 */
import { randomUUID } from 'node:crypto';
import { CaseGraphError, type Issue } from '../../domain/errors.js';
import type { IngestDeps } from '../ingest-batch.js';
import { runImport, type ImportOptions, type ImportProgress, type ImportResult } from './run-import.js';

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface ImportJob {
  id: string;
  owner: string;
  name: string;
  sha256: string;
  state: JobState;
  progress: ImportProgress;
  result?: ImportResult;
  error?: { code: string; message: string; issues: Issue[] };
  /** Where the rejected rows are, in good-rows mode. */
  rejectPath?: string;
  startedAt: number;
  finishedAt?: number;
  done: Promise<void>;
}

const MAX_KEPT = 200;

export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: IngestDeps,
    private readonly onFinish: (job: ImportJob) => Promise<void> = async () => {},
  ) {}

  start(opts: ImportOptions): ImportJob {
    const id = randomUUID();
    const job: ImportJob = {
      id,
      owner: opts.importedBy,
      name: opts.document.name,
      sha256: opts.document.sha256,
      state: 'queued',
      progress: {
        phase: 'checking',
        rowsRead: 0,
        rowsAccepted: 0,
        rowsRejected: 0,
        bytesRead: 0,
        bytesTotal: 0,
      },
      startedAt: Date.now(),
      ...(opts.keepGoodRows && opts.rejectPath ? { rejectPath: opts.rejectPath } : {}),
      done: Promise.resolve(),
    };
    const run = async () => {
      job.state = 'running';
      try {
        job.result = await runImport({ ...opts, onProgress: (p) => (job.progress = p) }, this.deps);
        job.progress = {
          ...job.progress,
          rowsRead: job.result.rowsRead,
          rowsAccepted: job.result.rowsAccepted,
          rowsRejected: job.result.rowsRejected,
          bytesRead: job.progress.bytesTotal,
        };
        job.state = 'done';
      } catch (error) {
        job.state = 'failed';
        job.error =
          error instanceof CaseGraphError
            ? { code: error.code, message: error.message, issues: error.issues }
            : { code: 'INTERNAL', message: 'the import failed; the log has the details', issues: [] };
        if (!(error instanceof CaseGraphError)) throw error;
      } finally {
        job.finishedAt = Date.now();
        await this.onFinish(job);
      }
    };
    job.done = this.queue.then(run);
    // A failed job must not stop the ones queued after it.
    this.queue = job.done.catch(() => {});
    this.jobs.set(id, job);
    this.forgetOld();
    return job;
  }

  get(id: string): ImportJob | undefined {
    return this.jobs.get(id);
  }

  private forgetOld(): void {
    if (this.jobs.size <= MAX_KEPT) return;
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= MAX_KEPT) break;
      if (job.state === 'done' || job.state === 'failed') this.jobs.delete(id);
    }
  }
}
