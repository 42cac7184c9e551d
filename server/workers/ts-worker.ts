/**
 * Starts a worker thread on a TypeScript module. CaseGraph runs from its sources under tsx, and a
 * worker starts without that loader: its first act is to register it, then it loads the module.
 *
 * Packages named in `preload` are loaded before the loader is registered, by Node's own loader: they are
 * plain JavaScript, and through tsx's hooks zod and libphonenumber's metadata took twice as long to load
 * (measured: a preparing worker ready in ~370 ms instead of ~500, time the writing thread waits for its
 * first batch). The module's own imports of them then find them loaded.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';

export function startTsWorker(
  module: URL,
  workerData: unknown,
  preload: readonly string[] = [],
  resourceLimits?: ResourceLimits,
): Worker {
  // Resolved here, against this package, so that the worker finds them wherever the process was started.
  const packages = preload.map((p) => `await import(${JSON.stringify(import.meta.resolve(p))});`).join(' ');
  const boot = `${packages} const { register } = await import('tsx/esm/api'); register(); await import(${JSON.stringify(module.href)});`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}
