/** The service's side of the analytics worker process: questions go in, answers come back as promises. */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type {
  AnalyticsError,
  AnalyticsReply,
  AnalyticsScope,
  AnalyticsWorkerInput,
} from './analytics-protocol.js';

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
  private readonly worker: ChildProcess;
  private next = 1;
  private readonly waiting = new Map<
    number,
    { ok: (a: AnalyticsAnswer) => void; fail: (e: Error) => void }
  >();

  constructor(input: AnalyticsWorkerInput) {
    this.worker = fork(
      fileURLToPath(new URL('./analytics-worker.ts', import.meta.url)),
      [JSON.stringify(input)],
      {
        execArgv: ['--import', 'tsx', '--single-threaded-gc'],
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
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
    this.worker.channel?.unref();
  }

  run(op: string, scope: AnalyticsScope, params: Record<string, unknown> = {}): Promise<AnalyticsAnswer> {
    const id = this.next++;
    return new Promise((ok, fail) => {
      this.waiting.set(id, { ok: ok as (a: AnalyticsAnswer) => void, fail });
      this.worker.send({ id, op, scope, params });
    });
  }

  async close(): Promise<void> {
    if (this.worker.exitCode !== null || this.worker.signalCode !== null) return;
    const exited = new Promise((ok) => this.worker.once('exit', ok));
    // The worker leaves when its channel closes (the TypeScript loader keeps SIGTERM for itself);
    // one that does not within two seconds is killed.
    if (this.worker.connected) this.worker.disconnect();
    const stuck = setTimeout(() => this.worker.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(stuck);
  }
}
