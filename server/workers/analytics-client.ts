/** The service's side of the analytics worker process: questions go in, answers come back as promises. */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
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

/**
 * An answer as JSON text ({ version, cached, ms, result }), ready to send: in memory when it is small,
 * in a spool file when it is large (the one who sends it removes the file, sent or not).
 */
export type AnalyticsAnswer = { version: number; body: string } | { version: number; file: string };

/** The result inside an answer, parsed, for the service's own use (the routes send answers as they come). */
export async function resultOf<T>(answer: AnalyticsAnswer): Promise<T> {
  let text: string;
  if ('file' in answer)
    try {
      text = await readFile(answer.file, 'utf8');
    } finally {
      await rm(answer.file, { force: true });
    }
  else text = answer.body;
  return (JSON.parse(text) as { result: T }).result;
}

export class AnalyticsClient {
  private readonly worker: ChildProcess;
  private next = 1;
  private readonly waiting = new Map<
    number,
    { ok: (a: AnalyticsAnswer) => void; fail: (e: Error) => void }
  >();

  /** With a spool folder, large answers come as files there; it is emptied of a previous run's. */
  constructor(input: AnalyticsWorkerInput, spoolDir?: string) {
    if (spoolDir !== undefined) {
      mkdirSync(spoolDir, { recursive: true, mode: 0o700 });
      for (const name of readdirSync(spoolDir)) rmSync(join(spoolDir, name), { force: true });
    }
    this.worker = fork(
      fileURLToPath(new URL('./analytics-worker.ts', import.meta.url)),
      [JSON.stringify(spoolDir === undefined ? input : { ...input, spoolDir })],
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
      if (reply.ok)
        w.ok(
          'file' in reply
            ? { version: reply.version, file: reply.file }
            : { version: reply.version, body: reply.body },
        );
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
