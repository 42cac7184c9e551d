/**
 * Reports under way, for the progress bar: a job per report asked for, its stage and fraction done,
 * and the finished file until it is fetched or expires. Held in this process only — a report is asked
 * of and fetched from one instance (a balancer with several needs sticky sessions for it, noted in the
 * README); what must outlive the process, the report's SHA-256, is on the audit trail.
 */
import { randomBytes } from 'node:crypto';

export interface ReportJob<T> {
  id: string;
  owner: string;
  caseId: string;
  state: 'running' | 'done' | 'failed';
  stage: string;
  progress: number;
  startedAt: number;
  result?: T;
  error?: { code: string; message: string };
}

export const JOB_DEFAULTS = { ttlMs: 30 * 60_000, maxJobs: 200 };

/** Why a job id is not (or no longer) answered here, in words the person waiting for it can act on. */
export type JobMissing = 'other-run' | 'expired';

export class ReportJobs<T> {
  private readonly jobs = new Map<string, ReportJob<T>>();
  /**
   * The first 8 hex digits of every job id made by this process: an id with others was made before a
   * restart (or by another instance), which is what tells "the service restarted" from "it expired".
   */
  readonly run = randomBytes(4).toString('hex');
  constructor(
    private readonly options = JOB_DEFAULTS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Why get(id) found nothing: a job of another run of the service, or one of this run that is gone. */
  missing(id: string): JobMissing {
    return id.slice(4, 12) === this.run ? 'expired' : 'other-run';
  }

  start(owner: string, caseId: string, run: (progress: (stage: string, f: number) => void) => Promise<T>) {
    this.expire();
    const job: ReportJob<T> = {
      id: `job-${this.run}${randomBytes(8).toString('hex')}`,
      owner,
      caseId,
      state: 'running',
      stage: 'queued',
      progress: 0,
      startedAt: this.now(),
    };
    this.jobs.set(job.id, job);
    const order = ['reading', 'analysis', 'layout', 'writing'];
    const progress = (stage: string, f: number) => {
      job.stage = stage;
      const i = Math.max(0, order.indexOf(stage));
      job.progress = Math.min(0.99, (i + Math.min(1, Math.max(0, f))) / order.length);
    };
    void run(progress).then(
      (result) => {
        job.result = result;
        job.state = 'done';
        job.stage = 'done';
        job.progress = 1;
      },
      (err: unknown) => {
        job.state = 'failed';
        const e = err as { code?: string; message?: string };
        job.error = { code: e.code ?? 'INTERNAL', message: e.code ? (e.message ?? '') : 'the report failed' };
      },
    );
    return job;
  }

  get(id: string): ReportJob<T> | undefined {
    this.expire();
    return this.jobs.get(id);
  }

  private expire(): void {
    const now = this.now();
    for (const [id, job] of this.jobs)
      if (now - job.startedAt > this.options.ttlMs || this.jobs.size > this.options.maxJobs)
        this.jobs.delete(id);
  }
}
