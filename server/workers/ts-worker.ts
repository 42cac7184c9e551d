/**
 * Starts a worker thread on a TypeScript module. CaseGraph runs from its sources under tsx, and a
 * worker starts without that loader: its first act is to register it, then it loads the module.
 */
import { Worker } from 'node:worker_threads';

export function startTsWorker(module: URL, workerData: unknown): Worker {
  const boot = `import { register } from 'tsx/esm/api'; register(); await import(${JSON.stringify(module.href)});`;
  return new Worker(boot, { eval: true, workerData });
}
