/** The service's side of the analytics worker: questions go in, answers come back as promises. */
import type { Worker } from 'node:worker_threads';
import type {
  AnalyticsError,
  AnalyticsReply,
  AnalyticsScope,
  AnalyticsWorkerInput,
} from './analytics-protocol.js';
import { startTsWorker } from './ts-worker.js';

export class AnalyticsFailure extends Error {
  constructor(readonly detail: AnalyticsError) {
    super(detail.message);
    this.name = detail.name;
  }
}

/** An answer as JSON text ({ version, cached, ms, result }), ready to send. */
export interface AnalyticsAnswer {
  version: number;
  body: string;
}

export class AnalyticsClient {
  private readonly worker: Worker;
  private next = 1;
  private readonly waiting = new Map<
    number,
    { ok: (a: AnalyticsAnswer) => void; fail: (e: Error) => void }
  >();

  constructor(input: AnalyticsWorkerInput) {
    this.worker = startTsWorker(new URL('./analytics-worker.ts', import.meta.url), input);
    this.worker.on('message', (reply: AnalyticsReply) => {
      const w = this.waiting.get(reply.id);
      if (!w) return;
      this.waiting.delete(reply.id);
      if (reply.ok) w.ok({ version: reply.version, body: reply.body });
      else w.fail(new AnalyticsFailure(reply.error));
    });
    const failAll = (e: Error) => {
      for (const w of this.waiting.values()) w.fail(e);
      this.waiting.clear();
    };
    this.worker.on('error', failAll);
    this.worker.on('exit', () => failAll(new Error('the analytics worker stopped')));
    this.worker.unref();
  }

  run(op: string, scope: AnalyticsScope, params: Record<string, unknown> = {}): Promise<AnalyticsAnswer> {
    const id = this.next++;
    return new Promise((ok, fail) => {
      this.waiting.set(id, { ok: ok as (a: AnalyticsAnswer) => void, fail });
      this.worker.postMessage({ id, op, scope, params });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
