/**
 * The AccessStore on Neo4j: users, sessions, case grants and failed sign-ins as nodes of their own
 * labels, in the same database as the graph so that every instance sees one truth. A username is
 * unique whatever its case: a lower-cased copy (usernameKey) carries the uniqueness constraint.
 */
import { Neo4jError, type Node } from 'neo4j-driver';
import { randomBytes } from 'node:crypto';
import type { Role, UserView } from '../../domain/access.js';
import { CaseGraphError } from '../../domain/errors.js';
import type { AccessStore, NewUser, StoredSession, UserChange } from '../access-store.js';
import type { Executor } from './executor.js';
import { iso, safeInt, safeIntOrNull, text, textOrNull, toNeo4jInt } from './map-records.js';

const int = (n: number) => toNeo4jInt(n);
const keyOf = (username: string) => username.toLowerCase();

function toUser(node: Node): UserView {
  const p = node.properties as Record<string, unknown>;
  const id = text(p.id, 'user id');
  return {
    id,
    username: text(p.username, `username of ${id}`),
    displayName: text(p.displayName, `name of ${id}`),
    role: text(p.role, `role of ${id}`) as Role,
    unit: textOrNull(p.unit, `unit of ${id}`),
    disabled: safeIntOrNull(p.disabledAt, `disabled time of ${id}`) !== null,
    mustChangePassword: p.mustChangePassword === true,
    createdAt: iso(safeInt(p.createdAt, `creation time of ${id}`)),
  };
}

function toSession(node: Node): StoredSession {
  const p = node.properties as Record<string, unknown>;
  return {
    tokenHash: text(p.tokenHash, 'session token'),
    userId: text(p.userId, 'session user'),
    csrfSecret: text(p.csrfSecret, 'session CSRF secret'),
    createdAt: safeInt(p.createdAt, 'session start'),
    lastSeenAt: safeInt(p.lastSeenAt, 'session last use'),
    expiresAt: safeInt(p.expiresAt, 'session end'),
    ip: textOrNull(p.ip, 'session address'),
    userAgent: textOrNull(p.userAgent, 'session user agent'),
  };
}

const count = (records: { get(k: string): unknown }[], what: string) =>
  records.length ? safeInt(records[0]!.get('n'), what) : 0;

export class Neo4jAccessStore implements AccessStore {
  constructor(private readonly executor: Executor) {}

  async countUsers(): Promise<number> {
    return this.executor.read(async (q) => count(await q.all('count-users', {}), 'user count'));
  }

  async createUser(u: NewUser, at: number): Promise<UserView> {
    // Opaque like every other id: a user id in a log or URL says nothing about the person.
    const id = `user:${randomBytes(12).toString('hex')}`;
    try {
      return await this.executor.write(async (q) => {
        const [r] = await q.all('create-user', {
          user: {
            id,
            username: u.username,
            usernameKey: keyOf(u.username),
            displayName: u.displayName,
            role: u.role,
            unit: u.unit,
            passwordHash: u.passwordHash,
            mustChangePassword: u.mustChangePassword,
            createdAt: int(at),
            updatedAt: int(at),
          },
        });
        return toUser(r!.get('u') as Node);
      });
    } catch (error) {
      if (error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed')
        throw new CaseGraphError('USER.EXISTS', `a user named ${u.username} already exists`);
      throw error;
    }
  }

  async getUser(id: string): Promise<UserView | null> {
    const [r] = await this.executor.read((q) => q.all('user-by-id', { id }));
    return r ? toUser(r.get('u') as Node) : null;
  }

  async userForLogin(username: string): Promise<{ user: UserView; passwordHash: string } | null> {
    const [r] = await this.executor.read((q) => q.all('user-by-username', { usernameKey: keyOf(username) }));
    if (!r) return null;
    const node = r.get('u') as Node;
    return { user: toUser(node), passwordHash: text(node.properties.passwordHash, 'password hash') };
  }

  async listUsers(): Promise<UserView[]> {
    const rows = await this.executor.read((q) => q.all('list-users', {}));
    return rows.map((r) => toUser(r.get('u') as Node));
  }

  async updateUser(username: string, c: UserChange, at: number): Promise<UserView> {
    return this.executor.write(async (q) => {
      const usernameKey = keyOf(username);
      const [r] = await q.all('user-by-username', { usernameKey });
      if (!r) throw new CaseGraphError('USER.NOT_FOUND', `no user named ${username}`);
      const known = (r.get('u') as Node).properties as Record<string, unknown>;
      const change: Record<string, unknown> = { updatedAt: int(at) };
      if (c.passwordHash !== undefined) change.passwordHash = c.passwordHash;
      if (c.mustChangePassword !== undefined) change.mustChangePassword = c.mustChangePassword;
      // Disabling keeps the first time it was done; enabling removes it.
      if (c.disabled !== undefined) change.disabledAt = c.disabled ? (known.disabledAt ?? int(at)) : null;
      if (c.role !== undefined) change.role = c.role;
      if (c.unit !== undefined) change.unit = c.unit;
      if (c.displayName !== undefined) change.displayName = c.displayName;
      const [updated] = await q.all('update-user', { usernameKey, change });
      return toUser(updated!.get('u') as Node);
    });
  }

  async createSession(s: StoredSession): Promise<void> {
    await this.executor.write((q) =>
      q.all('create-session', {
        session: {
          tokenHash: s.tokenHash,
          userId: s.userId,
          csrfSecret: s.csrfSecret,
          createdAt: int(s.createdAt),
          lastSeenAt: int(s.lastSeenAt),
          expiresAt: int(s.expiresAt),
          ip: s.ip,
          userAgent: s.userAgent,
        },
      }),
    );
  }

  async getSession(tokenHash: string): Promise<StoredSession | null> {
    const [r] = await this.executor.read((q) => q.all('session-by-token', { tokenHash }));
    return r ? toSession(r.get('s') as Node) : null;
  }

  async touchSession(tokenHash: string, at: number): Promise<void> {
    await this.executor.write((q) => q.all('touch-session', { tokenHash, at: int(at) }));
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.executor.write((q) => q.all('delete-session', { tokenHash }));
  }

  async deleteSessionsOf(userId: string): Promise<number> {
    return this.executor.write(async (q) =>
      count(await q.all('delete-sessions-of-user', { userId }), 'sessions ended'),
    );
  }

  async deleteExpiredSessions(now: number, idleMs: number): Promise<number> {
    return this.executor.write(async (q) =>
      count(
        await q.all('delete-expired-sessions', { now: int(now), idleBefore: int(now - idleMs) }),
        'sessions ended',
      ),
    );
  }

  async grantCase(caseId: string, userId: string, grantedBy: string | null, at: number): Promise<void> {
    await this.executor.write((q) => q.all('grant-case', { caseId, userId, grantedBy, at: int(at) }));
  }

  async revokeCase(caseId: string, userId: string): Promise<void> {
    await this.executor.write((q) => q.all('revoke-case', { caseId, userId }));
  }

  async casesOf(userId: string): Promise<string[]> {
    const rows = await this.executor.read((q) => q.all('cases-of-user', { userId }));
    return rows.map((r) => text(r.get('caseId'), 'case id'));
  }

  async recordLoginFailure(username: string, ip: string, at: number): Promise<void> {
    await this.executor.write((q) =>
      q.all('record-login-failure', { usernameKey: keyOf(username), ip, at: int(at) }),
    );
  }

  async loginFailures(since: number, by: { username: string } | { ip: string }): Promise<number> {
    return this.executor.read(async (q) =>
      count(
        'username' in by
          ? await q.all('login-failures-of-username', { usernameKey: keyOf(by.username), since: int(since) })
          : await q.all('login-failures-from-ip', { ip: by.ip, since: int(since) }),
        'failed sign-ins',
      ),
    );
  }

  async clearLoginFailures(username: string): Promise<void> {
    await this.executor.write((q) => q.all('clear-login-failures', { usernameKey: keyOf(username) }));
  }
}
