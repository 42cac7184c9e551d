/** The AccessStore on the embedded store's SQLite file (schema 4). */
import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { Role, UserView } from '../../domain/access.js';
import { CaseGraphError } from '../../domain/errors.js';
import type { AccessStore, NewUser, StoredSession, UserChange } from '../access-store.js';
import { iso } from './rows.js';

interface UserRow {
  rid: number;
  id: string;
  username: string;
  display_name: string;
  role: string;
  unit: string | null;
  password_hash: string;
  must_change_password: number;
  disabled_at: number | null;
  created_at: number;
}

const toUser = (r: UserRow): UserView => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role as Role,
  unit: r.unit,
  disabled: r.disabled_at !== null,
  mustChangePassword: r.must_change_password === 1,
  createdAt: iso(r.created_at),
});

interface SessionRow {
  token_hash: string;
  user_id: string;
  csrf_secret: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  ip: string | null;
  user_agent: string | null;
}

export class SqliteAccessStore implements AccessStore {
  constructor(private readonly db: Database.Database) {}

  private userRow(where: string, value: string): UserRow | undefined {
    return this.db.prepare<[string], UserRow>(`SELECT * FROM app_user WHERE ${where} = ?`).get(value);
  }

  async countUsers(): Promise<number> {
    return this.db.prepare<[], number>('SELECT count(*) FROM app_user').pluck().get()!;
  }

  async createUser(u: NewUser, at: number): Promise<UserView> {
    // Opaque like every other id: a user id in a log or URL says nothing about the person.
    const id = `user:${randomBytes(12).toString('hex')}`;
    try {
      this.db
        .prepare(
          `INSERT INTO app_user (id, username, display_name, role, unit, password_hash, must_change_password,
             created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          u.username,
          u.displayName,
          u.role,
          u.unit,
          u.passwordHash,
          u.mustChangePassword ? 1 : 0,
          at,
          at,
        );
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
        throw new CaseGraphError('USER.EXISTS', `a user named ${u.username} already exists`);
      throw error;
    }
    return toUser(this.userRow('id', id)!);
  }

  async getUser(id: string): Promise<UserView | null> {
    const r = this.userRow('id', id);
    return r ? toUser(r) : null;
  }

  async userForLogin(username: string): Promise<{ user: UserView; passwordHash: string } | null> {
    const r = this.userRow('username', username);
    return r ? { user: toUser(r), passwordHash: r.password_hash } : null;
  }

  async listUsers(): Promise<UserView[]> {
    return this.db.prepare<[], UserRow>('SELECT * FROM app_user ORDER BY username').all().map(toUser);
  }

  async updateUser(username: string, c: UserChange, at: number): Promise<UserView> {
    const r = this.userRow('username', username);
    if (!r) throw new CaseGraphError('USER.NOT_FOUND', `no user named ${username}`);
    this.db
      .prepare(
        `UPDATE app_user SET password_hash = ?, must_change_password = ?, disabled_at = ?, role = ?, unit = ?,
           display_name = ?, updated_at = ? WHERE rid = ?`,
      )
      .run(
        c.passwordHash ?? r.password_hash,
        c.mustChangePassword === undefined ? r.must_change_password : c.mustChangePassword ? 1 : 0,
        c.disabled === undefined ? r.disabled_at : c.disabled ? (r.disabled_at ?? at) : null,
        c.role ?? r.role,
        c.unit === undefined ? r.unit : c.unit,
        c.displayName ?? r.display_name,
        at,
        r.rid,
      );
    return toUser(this.userRow('id', r.id)!);
  }

  async createSession(s: StoredSession): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO session (token_hash, user_rid, csrf_secret, created_at, last_seen_at, expires_at, ip, user_agent)
         VALUES (?, (SELECT rid FROM app_user WHERE id = ?), ?, ?, ?, ?, ?, ?)`,
      )
      .run(s.tokenHash, s.userId, s.csrfSecret, s.createdAt, s.lastSeenAt, s.expiresAt, s.ip, s.userAgent);
  }

  async getSession(tokenHash: string): Promise<StoredSession | null> {
    const r = this.db
      .prepare<[string], SessionRow>(
        `SELECT s.*, u.id AS user_id FROM session s JOIN app_user u ON u.rid = s.user_rid WHERE s.token_hash = ?`,
      )
      .get(tokenHash);
    if (!r) return null;
    return {
      tokenHash: r.token_hash,
      userId: r.user_id,
      csrfSecret: r.csrf_secret,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      expiresAt: r.expires_at,
      ip: r.ip,
      userAgent: r.user_agent,
    };
  }

  async touchSession(tokenHash: string, at: number): Promise<void> {
    this.db.prepare('UPDATE session SET last_seen_at = ? WHERE token_hash = ?').run(at, tokenHash);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.db.prepare('DELETE FROM session WHERE token_hash = ?').run(tokenHash);
  }

  async deleteSessionsOf(userId: string): Promise<number> {
    return this.db
      .prepare('DELETE FROM session WHERE user_rid = (SELECT rid FROM app_user WHERE id = ?)')
      .run(userId).changes;
  }

  async deleteExpiredSessions(now: number, idleMs: number): Promise<number> {
    return this.db
      .prepare('DELETE FROM session WHERE expires_at <= ? OR last_seen_at <= ?')
      .run(now, now - idleMs).changes;
  }

  async grantCase(caseId: string, userId: string, grantedBy: string | null, at: number): Promise<void> {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO case_access (case_id, user_rid, granted_by, granted_at)
         VALUES (?, (SELECT rid FROM app_user WHERE id = ?), (SELECT rid FROM app_user WHERE id = ?), ?)`,
      )
      .run(caseId, userId, grantedBy, at);
  }

  async revokeCase(caseId: string, userId: string): Promise<void> {
    this.db
      .prepare(
        'DELETE FROM case_access WHERE case_id = ? AND user_rid = (SELECT rid FROM app_user WHERE id = ?)',
      )
      .run(caseId, userId);
  }

  async casesOf(userId: string): Promise<string[]> {
    return this.db
      .prepare<[string], string>(
        'SELECT case_id FROM case_access WHERE user_rid = (SELECT rid FROM app_user WHERE id = ?) ORDER BY case_id',
      )
      .pluck()
      .all(userId);
  }

  async recordLoginFailure(username: string, ip: string, at: number): Promise<void> {
    this.db.prepare('INSERT INTO login_failure (username, ip, at) VALUES (?, ?, ?)').run(username, ip, at);
  }

  async loginFailures(since: number, by: { username: string } | { ip: string }): Promise<number> {
    const [column, value] = 'username' in by ? ['username', by.username] : ['ip', by.ip];
    return this.db
      .prepare<[string, number], number>(`SELECT count(*) FROM login_failure WHERE ${column} = ? AND at > ?`)
      .pluck()
      .get(value, since)!;
  }

  async clearLoginFailures(username: string): Promise<void> {
    this.db.prepare('DELETE FROM login_failure WHERE username = ?').run(username);
  }
}
