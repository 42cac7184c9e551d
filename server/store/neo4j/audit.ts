/**
 * The audit trail on Neo4j. An append locks the chain's head node (cypher/lock-audit-head.cypher)
 * before it reads it, then writes the entry and moves the head, all in one write transaction: appenders
 * on other instances queue on that lock instead of linking to the same head, so the chain never forks;
 * the uniqueness constraint on the entry's seq would refuse a fork even if they did not.
 */
import neo4j, { isInt, type Integer, type Node } from 'neo4j-driver';
import {
  GENESIS,
  auditContentAsStored,
  storedDetail,
  entryHash,
  type AuditContent,
  type AuditEntry,
} from '../../domain/audit-chain.js';
import type { AuditHead, AuditQuery, AuditStore } from '../audit-store.js';
import type { Executor } from './executor.js';
import { safeInt } from './map-records.js';

const textOf = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * A number as it was stored, whatever someone edited it into: text or a fraction is kept as the number
 * it reads as (NaN if none), as the embedded store's Number(row.at) does. It then no longer hashes as
 * written, and the verifier reports the entry as changed instead of stopping at it.
 */
function numberOf(v: unknown): number {
  if (isInt(v)) return Number((v as Integer).toString());
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'string') return Number(v);
  return Number.NaN;
}

/** A seq to page after: whole numbers as Neo4j integers, an edited fraction as it is (never truncated). */
const seqParam = (n: number) => (Number.isSafeInteger(n) ? neo4j.int(n) : n);

/**
 * Entries are mapped without refusing any: someone may have edited the database by hand, and the
 * verifier must still see the entry (and report it as changed) rather than stop.
 */
export function toAuditEntry(node: Node): AuditEntry {
  const p = node.properties as Record<string, unknown>;
  const detail = storedDetail(p.detail);
  return {
    seq: numberOf(p.seq),
    at: numberOf(p.at),
    actor: textOf(p.actor),
    role: textOf(p.role),
    action: String(p.action),
    caseId: textOf(p.caseId),
    target: textOf(p.target),
    detail,
    ip: textOf(p.ip),
    prevHash: String(p.prevHash),
    hash: String(p.hash),
  };
}

export class Neo4jAuditStore implements AuditStore {
  constructor(private readonly executor: Executor) {}

  async append(content: Omit<AuditContent, 'seq'>): Promise<AuditEntry> {
    const stored = auditContentAsStored(content);
    return this.executor.write(async (q) => {
      const [head] = await q.all('lock-audit-head', { at: neo4j.int(stored.at) });
      if (!head) throw new Error('the Neo4j database has no audit head: the schema step did not run');
      const entry = { seq: safeInt(head.get('seq'), 'audit head') + 1, ...stored };
      const prevHash = String(head.get('hash'));
      const hash = entryHash(entry, prevHash);
      await q.all('append-audit-entry', {
        entry: {
          ...entry,
          seq: neo4j.int(entry.seq),
          at: neo4j.int(entry.at),
          detail: JSON.stringify(entry.detail),
          prevHash,
          hash,
        },
      });
      return { ...entry, prevHash, hash };
    });
  }

  async read(query: AuditQuery): Promise<AuditEntry[]> {
    const rows = await this.executor.read((q) =>
      q.all('audit-entries', {
        afterSeq: seqParam(query.afterSeq ?? Number.MIN_SAFE_INTEGER),
        caseId: query.caseId ?? null,
        actor: query.actor ?? null,
        action: query.action ?? null,
        limit: neo4j.int(query.limit),
      }),
    );
    return rows.map((r) => toAuditEntry(r.get('a') as Node));
  }

  async *entries(batchSize = 2000): AsyncIterable<AuditEntry> {
    // Keyset pages rather than one open transaction: a chain of millions is never held, nor a lock.
    let after = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const page = await this.read({ afterSeq: after, limit: batchSize });
      yield* page;
      const last = page.at(-1);
      if (!last || page.length < batchSize) return;
      after = last.seq;
    }
  }

  /**
   * Whether this database holds an audit chain at all (its head node, made by the schema step): a
   * verifier pointed at the wrong database must say so, not verify an empty chain as intact.
   */
  async hasChain(): Promise<boolean> {
    const rows = await this.executor.read((q) => q.all('audit-head', {}));
    return rows.length > 0;
  }

  async head(): Promise<AuditHead> {
    const [h] = await this.executor.read((q) => q.all('audit-head', {}));
    if (!h) return { seq: 0, hash: GENESIS };
    return { seq: safeInt(h.get('seq'), 'audit head'), hash: String(h.get('hash')) };
  }
}
