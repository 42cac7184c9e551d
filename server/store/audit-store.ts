/**
 * The AuditStore port: the hash-chained audit trail, kept in the same store as the graph so that one
 * backup holds both. Appending is the only write; nothing here edits or deletes an entry. The chain's
 * hash is server/domain/audit-chain.ts, shared with the verifier in server/audit so the two agree.
 */
import type { AuditContent, AuditEntry } from '../domain/audit-chain.js';

export interface AuditQuery {
  /** Entries after this seq (paging forward); from the first when absent. */
  afterSeq?: number;
  /** At most this many entries, in seq order. */
  limit: number;
  caseId?: string;
  actor?: string;
  action?: string;
}

export interface AuditHead {
  /** 0 when the trail is empty. */
  seq: number;
  /** GENESIS when the trail is empty. */
  hash: string;
}

export interface AuditStore {
  /**
   * Appends one entry at the head: its seq is the head's + 1 and its prevHash the head's hash, read and
   * written in one exclusive transaction, so appenders on other connections (other instances) never fork
   * the chain. Throws STORE.UNAVAILABLE when another writer holds the store past the busy timeout.
   */
  append(entry: Omit<AuditContent, 'seq'>): Promise<AuditEntry>;
  read(query: AuditQuery): Promise<AuditEntry[]>;
  /** Every entry in seq order, fetched a batch at a time, so a chain of millions is never all in memory. */
  entries(batchSize?: number): AsyncIterable<AuditEntry>;
  head(): Promise<AuditHead>;
}
