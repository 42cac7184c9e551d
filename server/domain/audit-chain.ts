/**
 * The audit trail is a hash chain: each entry carries the hash of the one before, and its own hash covers
 * its content and that link. Changing, deleting or reordering an entry breaks every hash after it, so a
 * verifier that recomputes the chain names the first entry that no longer fits. The same function is used
 * to append (in the store) and to verify (server/audit), so the two cannot disagree.
 */
import { hash } from 'node:crypto';
import { CaseGraphError } from './errors.js';

/** The hash before the first entry. */
export const GENESIS = '0'.repeat(64);

export interface AuditContent {
  seq: number;
  at: number;
  actor: string | null;
  role: string | null;
  action: string;
  caseId: string | null;
  target: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
}

export interface AuditEntry extends AuditContent {
  prevHash: string;
  hash: string;
}

/** Key order fixed, so the bytes hashed do not depend on how an object was built. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value as object)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

export function entryHash(content: AuditContent, prevHash: string): string {
  const c = { ...content, prevHash };
  return hash('sha256', canonical(c), 'hex');
}

/**
 * An entry's content exactly as every store reads it back: detail through JSON (a Date becomes its
 * string, undefined goes), absent fields as null. A store that hashed anything else would make a later
 * verification disagree, so both adapters store what this returns.
 */
export function auditContentAsStored(entry: Omit<AuditContent, 'seq'>): Omit<AuditContent, 'seq'> {
  if (!Number.isSafeInteger(entry.at))
    throw new CaseGraphError('REQUEST.INVALID', 'an audit entry needs `at` as whole epoch milliseconds');
  const detail: unknown = JSON.parse(JSON.stringify(entry.detail ?? {}));
  if (detail === null || typeof detail !== 'object' || Array.isArray(detail))
    throw new CaseGraphError('REQUEST.INVALID', 'an audit entry needs `detail` as an object');
  return {
    at: entry.at,
    actor: entry.actor ?? null,
    role: entry.role ?? null,
    action: entry.action,
    caseId: entry.caseId ?? null,
    target: entry.target ?? null,
    detail: detail as Record<string, unknown>,
    ip: entry.ip ?? null,
  };
}

/**
 * An entry's detail as read back from a store. Nothing is refused: someone may have edited the store by
 * hand, and the verifier must still see the entry and report it as changed. A detail that no longer
 * parses to an object is passed on as its raw text, which can never hash as the original did.
 */
export function storedDetail(raw: unknown): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(String(raw));
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // falls through to the raw text
  }
  return { unreadable: String(raw) };
}
