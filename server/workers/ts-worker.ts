/**
 * Starts a worker thread on a TypeScript module. CaseGraph runs from its sources under tsx, and a
 * worker starts without that loader. It runs the module's bundle (worker-bundle.ts), one plain
 * JavaScript file; when no bundle can be had (node_modules not writable, say), it registers tsx first
 * and loads the module through it.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { workerBundle } from './worker-bundle.js';

export function startTsWorker(
  module: URL,
  workerData: unknown,
  preload: readonly string[] = [],
  resourceLimits?: ResourceLimits,
): Worker {
  const bundle = workerBundle(module);
  if (bundle) return new Worker(bundle, { workerData, resourceLimits });
  return startUnderTsx(module, workerData, preload, resourceLimits);
}

/**
 * The module loaded through tsx's hooks. Packages named in `preload` are loaded before tsx is
 * registered, by Node's own loader: they are plain JavaScript, and through tsx's hooks zod and
 * libphonenumber's metadata took twice as long to load. The module's own imports then find them loaded.
 */
export function startUnderTsx(
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
