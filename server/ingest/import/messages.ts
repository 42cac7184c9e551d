/** What an import's main thread and its reading worker (import-worker.ts) say to each other. */
import type { IngestBatchInput } from '../../domain/batch.js';
import type { Issue } from '../../domain/errors.js';
import type { KeyContext } from '../../domain/keys.js';
import type { EncodedBatch } from '../batch-codec.js';
import type { ImportSettings } from './inspect.js';

export interface ImportProgress {
  phase: 'checking' | 'writing';
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  bytesRead: number;
  bytesTotal: number;
}

export interface MapInput {
  path: string;
  settings: ImportSettings;
  document: IngestBatchInput['document'];
  importedBy: string;
  keys: KeyContext;
  chunkRows: number;
  phase: ImportProgress['phase'];
  /** Count and check only: no batch is prepared (the checking pass of an all-or-nothing import). */
  checkOnly: boolean;
  window: number;
}

export interface Rejected {
  row: number;
  fields: string[];
  issue: Issue;
}

export type MapMessage =
  | { type: 'chunk'; batch: EncodedBatch | null; rejected: Rejected[]; progress: ImportProgress }
  | { type: 'progress'; progress: ImportProgress; rejected: Rejected[] }
  | { type: 'done'; pass: Pass; rejected: Rejected[]; progress: ImportProgress }
  | { type: 'failed'; code: string; message: string; issues: Issue[] }
  | { type: 'fatal'; message: string };

export interface Pass {
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  issues: Issue[];
}
