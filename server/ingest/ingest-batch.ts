/**
 * The one way a batch enters the store, shared by the HTTP API and the command line: validate the
 * shape, normalise every key, then write all-or-nothing. Every problem found is reported at once.
 */
import type { ZodError } from 'zod';
import { ingestBatchSchema, type IngestBatch } from '../domain/batch.js';
import { fastParseBatch } from '../domain/batch-fast-parse.js';
import { CaseGraphError, issuesFromZod, type Issue } from '../domain/errors.js';
import type { KeyContext } from '../domain/keys.js';
import { normaliseBatch, type NormalisedBatch } from '../domain/normalise-batch.js';
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

function parseWithZod(raw: unknown): IngestBatch {
  const parsed = ingestBatchSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new CaseGraphError(
    'BATCH.INVALID',
    `the batch has ${parsed.error.issues.length} invalid field(s); nothing was written`,
    shapeIssues(parsed.error),
  );
}

/** Validates and normalises one batch; throws BATCH.INVALID naming every bad record and field. */
export function prepareBatch(raw: unknown, importedBy: string, keys: KeyContext): NormalisedBatch {
  const normalised = normaliseBatch(fastParseBatch(raw) ?? parseWithZod(raw), keys, importedBy);
  if (!normalised.ok) {
    throw new CaseGraphError(
      'BATCH.INVALID',
      `the batch has ${normalised.issues.length} invalid record(s); nothing was written`,
      normalised.issues.slice(0, MAX_ISSUES),
    );
  }
  return normalised.batch;
}

export async function ingestBatch(raw: unknown, importedBy: string, deps: IngestDeps): Promise<IngestCounts> {
  const batch = prepareBatch(raw, importedBy, deps.keys);
  return deps.store.ingest(batch, { importedAt: (deps.now ?? (() => new Date()))() });
}
