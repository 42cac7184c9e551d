/**
 * Bulk ingest: many batches (the documents of an investigation, or a generated scenario) written in
 * groups. Each batch stays all-or-nothing and is reported on its own; a group is committed together,
 * because committing every small document alone costs more than writing it (each commit rewrites the
 * index pages it touched). Into an empty store the whole import is one load (GraphStore.openBulkLoad),
 * kept only when every batch has been written. Files are prepared in a worker thread while the main
 * thread writes.
 */
import { CaseGraphError } from '../domain/errors.js';
import type { NormalisedBatch } from '../domain/normalise-batch.js';
import type { IngestCounts } from '../domain/views.js';
import type { BulkLoad } from '../store/graph-store.js';
import { raiseAlerts } from './case-alerts.js';
import { prepareBatch, type IngestDeps } from './ingest-batch.js';
import type { PreparedMessage, WorkerInput } from './prepare-messages.js';
import { startTsWorker } from '../workers/ts-worker.js';
import { decodeBatch } from './batch-codec.js';

export interface BulkItem {
  /** Where the batch came from, for the report: "cdr.json", "scenario.ndjson line 12". */
  where: string;
  raw: unknown;
}

export type BulkOutcome = { where: string } & (
  { ok: true; counts: IngestCounts } | { ok: false; error: CaseGraphError }
);

export interface BulkOptions {
  /** Records (entities, links, occurrences) gathered before a group is written. */
  groupRecords?: number;
  /** Batches gathered before a group is written, however small. */
  groupBatches?: number;
  /** Told when the store was empty and the import is written as one load, kept only at its end. */
  onFirstLoad?: () => void;
}

type Prepared = { where: string } & ({ batch: NormalisedBatch } | { error: CaseGraphError });

const size = (b: NormalisedBatch) =>
  b.entities.length + b.links.reduce((n, l) => n + 1 + l.occurrences.length, 0);

async function* writeGroups(
  prepared: AsyncIterable<Prepared> | Iterable<Prepared>,
  deps: IngestDeps,
  options: BulkOptions,
): AsyncGenerator<BulkOutcome> {
  const load = await deps.store.openBulkLoad();
  if (load) {
    options.onFirstLoad?.();
    yield* writeLoad(load, prepared, deps);
    return;
  }
  const maxRecords = options.groupRecords ?? 50_000;
  const maxBatches = options.groupBatches ?? 2_000;
  // Rejected batches wait with the group so that outcomes come out in input order.
  let group: Prepared[] = [];
  let records = 0;

  async function* flush(): AsyncGenerator<BulkOutcome> {
    const valid = group.flatMap((g) => ('batch' in g ? [g.batch] : []));
    const now = (deps.now ?? (() => new Date()))();
    const written = valid.length ? await deps.store.ingestMany(valid, { importedAt: now }) : [];
    // Into a store that holds cases, each batch may tie them: the alerts are raised as it lands.
    for (const [i, outcome] of written.entries())
      if (outcome.ok) await raiseAlerts(deps.store, valid[i]!, now.getTime());
    let next = 0;
    for (const g of group) {
      if ('error' in g) yield { where: g.where, ok: false, error: g.error };
      else yield { where: g.where, ...written[next++]! };
    }
    group = [];
    records = 0;
  }

  for await (const p of prepared) {
    group.push(p);
    if ('batch' in p) records += size(p.batch);
    if (records >= maxRecords || group.length >= maxBatches) yield* flush();
  }
  if (group.length) yield* flush();
}

/** A consumer that stops early, or a fault, leaves the store as empty as it was. */
async function* writeLoad(
  load: BulkLoad,
  prepared: AsyncIterable<Prepared> | Iterable<Prepared>,
  deps: IngestDeps,
): AsyncGenerator<BulkOutcome> {
  const now = deps.now ?? (() => new Date());
  let finished = false;
  try {
    for await (const p of prepared) {
      if ('error' in p) yield { where: p.where, ok: false, error: p.error };
      else yield { where: p.where, ...(await load.write(p.batch, { importedAt: now() })) };
    }
    await load.finish();
    finished = true;
  } finally {
    if (!finished) await load.abort();
  }
}

function* prepareHere(items: Iterable<BulkItem>, importedBy: string, deps: IngestDeps): Generator<Prepared> {
  for (const item of items) {
    try {
      yield { where: item.where, batch: prepareBatch(item.raw, importedBy, deps.keys) };
    } catch (error) {
      if (!(error instanceof CaseGraphError)) throw error;
      yield { where: item.where, error };
    }
  }
}

/** Batches already in memory, prepared on this thread. */
export function ingestBulk(
  items: Iterable<BulkItem>,
  importedBy: string,
  deps: IngestDeps,
  options: BulkOptions = {},
): AsyncGenerator<BulkOutcome> {
  return writeGroups(prepareHere(items, importedBy, deps), deps, options);
}

/** Batches in files (see read-batches.ts), read and prepared by a worker thread while this one writes. */
export function ingestFiles(
  files: string[],
  importedBy: string,
  deps: IngestDeps,
  onUnreadable: (file: string, why: string) => void,
  options: BulkOptions & { window?: number } = {},
): AsyncGenerator<BulkOutcome> {
  // Batches prepared ahead wait as messages to the writer; a few dozen keep it fed.
  return writeGroups(
    preparedByWorker(files, importedBy, deps, onUnreadable, options.window ?? 32),
    deps,
    options,
  );
}

/**
 * The packages of the preparing worker's modules (validation, the phone numbering plans), loaded first
 * when the worker runs under tsx instead of from its bundle (workers/ts-worker.ts).
 */
const PRELOAD = ['zod', 'libphonenumber-js/max'];

/**
 * A young generation twice V8's default for the preparing worker (semi-spaces of 32 MiB instead of 16):
 * the parsed JSON of a large batch then dies young instead of being copied by the collector while the
 * batch is prepared. Measured on the bench scenario, the worker's work alone: 6.4-6.5 s instead of
 * 7.0-7.2 s, with fewer page faults; semi-spaces of 64 MiB were slower again (fresh memory to touch).
 * V8 counts a young generation as three semi-spaces.
 */
const PREPARING_LIMITS = { maxYoungGenerationSizeMb: 3 * 32 };

async function* preparedByWorker(
  files: string[],
  importedBy: string,
  deps: IngestDeps,
  onUnreadable: (file: string, why: string) => void,
  window: number,
): AsyncGenerator<Prepared> {
  const input: WorkerInput = { files, importedBy, keys: deps.keys, window };
  const worker = startTsWorker(
    new URL('./prepare-worker.ts', import.meta.url),
    input,
    PRELOAD,
    PREPARING_LIMITS,
  );
  const queue: PreparedMessage[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  worker.on('message', (m: PreparedMessage) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (e) => {
    failure = e;
    wake?.();
  });
  let exited = false;
  worker.on('exit', () => {
    exited = true;
    wake?.();
  });
  // Credit goes back a quarter of the window at a time: a message per batch would cost the writer,
  // and a step as large as the window would leave the worker idle until the writer had emptied it.
  const step = Math.max(1, Math.floor(window / 4));
  let consumed = 0;
  try {
    for (;;) {
      while (!queue.length && !failure && !exited) await new Promise<void>((ok) => (wake = ok));
      if (failure) throw failure;
      if (!queue.length) throw new Error('the import worker stopped before it had read every file');
      const m = queue.shift()!;
      if (m.type === 'done') return;
      if (m.type === 'fatal') throw new Error(`the import worker failed: ${m.message}`);
      if (m.type === 'unreadable') {
        onUnreadable(m.file, m.why);
        continue;
      }
      if (++consumed % step === 0) worker.postMessage({ credit: step });
      if (m.type === 'batch') yield { where: m.where, batch: decodeBatch(m.batch) };
      else yield { where: m.where, error: new CaseGraphError(m.code, m.message, m.issues) };
    }
  } finally {
    await worker.terminate();
  }
}
