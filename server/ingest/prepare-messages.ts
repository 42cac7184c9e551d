/** What the main thread and the preparing worker of a bulk import say to each other. */
import type { ErrorCode, Issue } from '../domain/errors.js';
import type { KeyContext } from '../domain/keys.js';
import type { EncodedBatch } from './batch-codec.js';

export interface WorkerInput {
  files: string[];
  importedBy: string;
  keys: KeyContext;
  /** Batches the worker may prepare ahead of the writer. */
  window: number;
}

export type PreparedMessage =
  | { type: 'batch'; where: string; batch: EncodedBatch }
  | { type: 'rejected'; where: string; code: ErrorCode; message: string; issues: Issue[] }
  | { type: 'unreadable'; file: string; why: string }
  | { type: 'done' }
  | { type: 'fatal'; message: string };
