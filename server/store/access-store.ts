/**
 * The AccessStore port: users, sessions and case access lists, kept in the same store as the graph
 * (issue 5) so that every instance behind a balancer sees one truth. Passwords arrive already hashed and
 * session tokens as hashes: the store never holds a secret that would open anything.
 */
import type { Role, UserView } from '../domain/access.js';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  unit: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
}

export interface UserChange {
  passwordHash?: string;
  mustChangePassword?: boolean;
  disabled?: boolean;
  role?: Role;
  unit?: string | null;
  displayName?: string;
}

export interface StoredSession {
  tokenHash: string;
  userId: string;
  csrfSecret: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  ip: string | null;
  userAgent: string | null;
}

export interface AccessStore {
  countUsers(): Promise<number>;
  /** Throws USER.EXISTS when the username (case-insensitive) is taken. */
  createUser(user: NewUser, at: number): Promise<UserView>;
  getUser(id: string): Promise<UserView | null>;
  /** The user and their password hash, for sign-in only. */
  userForLogin(username: string): Promise<{ user: UserView; passwordHash: string } | null>;
  listUsers(): Promise<UserView[]>;
  /** Throws USER.NOT_FOUND. */
  updateUser(username: string, change: UserChange, at: number): Promise<UserView>;

  createSession(session: StoredSession): Promise<void>;
  getSession(tokenHash: string): Promise<StoredSession | null>;
  touchSession(tokenHash: string, at: number): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteSessionsOf(userId: string): Promise<number>;
  deleteExpiredSessions(now: number, idleMs: number): Promise<number>;

  grantCase(caseId: string, userId: string, grantedBy: string | null, at: number): Promise<void>;
  revokeCase(caseId: string, userId: string): Promise<void>;
  casesOf(userId: string): Promise<string[]>;

  recordLoginFailure(username: string, ip: string, at: number): Promise<void>;
  loginFailures(since: number, by: { username: string } | { ip: string }): Promise<number>;
  clearLoginFailures(username: string): Promise<void>;
}
