/**
 * The audit trail in SQLite (table audit_log, schema 4). An append reads the head and writes the next
 * entry inside one BEGIN IMMEDIATE transaction: the write lock is taken before the head is read, so two
 * connections on the same file (two service instances, or the CLI beside the service) queue up instead
 * of both linking to the same head and forking the chain.
 */
import type Database from 'better-sqlite3';
import {
  GENESIS,
  auditContentAsStored,
  storedDetail,
  entryHash,
  type AuditContent,
  type AuditEntry,
} from '../../domain/audit-chain.js';
import type { AuditHead, AuditQuery, AuditStore } from '../audit-store.js';
import { busyAsUnavailable } from './busy.js';

interface AuditRow {
  seq: number;
  at: unknown;
  actor: unknown;
  role: unknown;
  action: unknown;
  case_id: unknown;
  target: unknown;
  detail: unknown;
  ip: unknown;
  prev_hash: unknown;
  hash: unknown;
}

const COLUMNS = 'seq, at, actor, role, action, case_id, target, detail, ip, prev_hash, hash';

export class SqliteAuditStore implements AuditStore {
  private readonly headRow: Database.Statement<[], { seq: number; hash: string }>;
  private readonly insert: Database.Statement<unknown[]>;
  private readonly page: Database.Statement<[number, number], AuditRow>;
  private readonly appendTx: (content: Omit<AuditContent, 'seq'>) => AuditEntry;

  constructor(private readonly db: Database.Database) {
    this.headRow = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    this.insert = db.prepare(`INSERT INTO audit_log (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.page = db.prepare(`SELECT ${COLUMNS} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`);
    const tx = db.transaction((content: Omit<AuditContent, 'seq'>) => {
      const head = this.headRow.get();
      const entry = { seq: (head?.seq ?? 0) + 1, ...content };
      const prevHash = head?.hash ?? GENESIS;
      const hash = entryHash(entry, prevHash);
      this.insert.run(
        entry.seq,
        entry.at,
        entry.actor,
        entry.role,
        entry.action,
        entry.caseId,
        entry.target,
        JSON.stringify(entry.detail),
        entry.ip,
        prevHash,
        hash,
      );
      return { ...entry, prevHash, hash };
    });
    this.appendTx = (content) => tx.immediate(content);
  }

  async append(entry: Omit<AuditContent, 'seq'>): Promise<AuditEntry> {
    return busyAsUnavailable(() => this.appendTx(auditContentAsStored(entry)));
  }

  async read(query: AuditQuery): Promise<AuditEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const filter = (sql: string, value: unknown) => {
      where.push(sql);
      params.push(value);
    };
    if (query.afterSeq !== undefined) filter('seq > ?', query.afterSeq);
    if (query.caseId !== undefined) filter('case_id = ?', query.caseId);
    if (query.actor !== undefined) filter('actor = ?', query.actor);
    if (query.action !== undefined) filter('action = ?', query.action);
    const sql =
      `SELECT ${COLUMNS} FROM audit_log` +
      (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
      ' ORDER BY seq LIMIT ?';
    const rows = busyAsUnavailable(() =>
      this.db.prepare<unknown[], AuditRow>(sql).all(...params, query.limit),
    );
    return rows.map(fromRow);
  }

  async *entries(batchSize = 2000): AsyncIterable<AuditEntry> {
    // Keyset pages rather than one open cursor: the connection stays free for appends between pages.
    let after = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const rows = busyAsUnavailable(() => this.page.all(after, batchSize));
      for (const row of rows) yield fromRow(row);
      const last = rows.at(-1);
      if (!last || rows.length < batchSize) return;
      after = last.seq;
    }
  }

  async head(): Promise<AuditHead> {
    const head = busyAsUnavailable(() => this.headRow.get());
    return head ? { seq: head.seq, hash: head.hash } : { seq: 0, hash: GENESIS };
  }
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * Rows are mapped without refusing any: someone may have edited the file by hand, and the verifier must
 * still see the entry (and report it as changed) rather than stop. A detail that no longer parses to an
 * object is passed on as its raw text, which can never hash as the original did.
 */
function fromRow(row: AuditRow): AuditEntry {
  const detail = storedDetail(row.detail);
  return {
    seq: row.seq,
    at: Number(row.at),
    actor: text(row.actor),
    role: text(row.role),
    action: String(row.action),
    caseId: text(row.case_id),
    target: text(row.target),
    detail,
    ip: text(row.ip),
    prevHash: String(row.prev_hash),
    hash: String(row.hash),
  };
}
