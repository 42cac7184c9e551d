/**
 * Bulk ingest: many batches (the documents of an investigation, or a generated scenario) written in
 * groups. Each batch stays all-or-nothing and is reported on its own; a group is committed together,
 * because committing every small document alone costs more than writing it (each commit rewrites the
 * index pages it touched).
 */
import { CaseGraphError } from '../domain/errors.js';
import type { NormalisedBatch } from '../domain/normalise-batch.js';
import type { IngestCounts } from '../domain/views.js';
import { prepareBatch, type IngestDeps } from './ingest-batch.js';

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
}

const size = (b: NormalisedBatch) =>
  b.entities.length + b.links.reduce((n, l) => n + 1 + l.occurrences.length, 0);

export async function* ingestBulk(
  items: AsyncIterable<BulkItem> | Iterable<BulkItem>,
  importedBy: string,
  deps: IngestDeps,
  options: BulkOptions = {},
): AsyncGenerator<BulkOutcome> {
  const maxRecords = options.groupRecords ?? 200_000;
  const maxBatches = options.groupBatches ?? 2_000;
  // Rejected batches wait with the group so that outcomes come out in input order.
  let group: ({ where: string } & ({ batch: NormalisedBatch } | { error: CaseGraphError }))[] = [];
  let records = 0;

  async function* flush(): AsyncGenerator<BulkOutcome> {
    const valid = group.flatMap((g) => ('batch' in g ? [g.batch] : []));
    const written = valid.length
      ? await deps.store.ingestMany(valid, { importedAt: (deps.now ?? (() => new Date()))() })
      : [];
    let next = 0;
    for (const g of group) {
      if ('error' in g) yield { where: g.where, ok: false, error: g.error };
      else yield { where: g.where, ...written[next++]! };
    }
    group = [];
    records = 0;
  }

  for await (const item of items) {
    try {
      const batch = prepareBatch(item.raw, importedBy, deps.keys);
      group.push({ where: item.where, batch });
      records += size(batch);
    } catch (error) {
      if (!(error instanceof CaseGraphError)) throw error;
      group.push({ where: item.where, error });
    }
    if (records >= maxRecords || group.length >= maxBatches) yield* flush();
  }
  if (group.length) yield* flush();
}
