/**
 * The one way a batch enters the store, shared by the HTTP API and the command line: validate the
 * shape, normalise every key, then write all-or-nothing. Every problem found is reported at once.
 */
import type { ZodError } from 'zod';
import { ingestBatchSchema } from '../domain/batch.js';
import { CaseGraphError, issuesFromZod, type Issue } from '../domain/errors.js';
import type { KeyContext } from '../domain/keys.js';
import { normaliseBatch } from '../domain/normalise-batch.js';
import type { IngestCounts } from '../domain/views.js';
import type { GraphStore } from '../store/graph-store.js';

export interface IngestDeps {
  store: GraphStore;
  keys: KeyContext;
  now?: () => Date;
}

const MAX_ISSUES = 1000;

const SECTIONS = new Set(['entities', 'links', 'document']);
function shapeIssues(error: ZodError): Issue[] {
  return issuesFromZod(error.issues.slice(0, MAX_ISSUES), (path) =>
    SECTIONS.has(String(path[0])) ? (path[0] as Issue['section']) : 'body',
  );
}

export async function ingestBatch(raw: unknown, importedBy: string, deps: IngestDeps): Promise<IngestCounts> {
  const parsed = ingestBatchSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = shapeIssues(parsed.error);
    throw new CaseGraphError(
      'BATCH.INVALID',
      `the batch has ${parsed.error.issues.length} invalid field(s); nothing was written`,
      issues,
    );
  }
  const normalised = normaliseBatch(parsed.data, deps.keys, parsed.data.importedBy ?? importedBy);
  if (!normalised.ok) {
    const n = normalised.issues.length;
    throw new CaseGraphError(
      'BATCH.INVALID',
      `the batch has ${n} invalid record(s); nothing was written`,
      normalised.issues.slice(0, MAX_ISSUES),
    );
  }
  return deps.store.ingest(normalised.batch, { importedAt: (deps.now ?? (() => new Date()))() });
}
