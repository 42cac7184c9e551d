/**
 * Sessions: a random token in an httpOnly cookie, and in the store only its SHA-256, the user, a CSRF
 * secret and the times that bound it. A session ends when it has been idle too long, when it reaches its
 * absolute age whatever its use, on logout, or when its user is disabled or has their password reset.
 */
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { UserView } from '../domain/access.js';
import type { AccessStore, StoredSession } from '../store/access-store.js';

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export interface OpenedSession {
  token: string;
  csrfToken: string;
  expiresAt: number;
}

export interface ActiveSession {
  session: StoredSession;
  user: UserView;
}

const tokenHash = (token: string) => hash('sha256', token, 'hex');
// Writing last-seen on every request would make every read a write; a minute is fine-grained enough.
const TOUCH_EVERY_MS = 60_000;

export class Sessions {
  constructor(
    private readonly access: AccessStore,
    readonly policy: SessionPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  async open(userId: string, ip: string | null, userAgent: string | null): Promise<OpenedSession> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const at = this.now();
    const expiresAt = at + this.policy.absoluteMs;
    await this.access.createSession({
      tokenHash: tokenHash(token),
      userId,
      csrfSecret: csrfToken,
      createdAt: at,
      lastSeenAt: at,
      expiresAt,
      ip,
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    return { token, csrfToken, expiresAt };
  }

  /** The live session of a token, or null when there is none, it has lapsed, or its user may no longer sign in. */
  async resolve(token: string | undefined): Promise<ActiveSession | null> {
    if (!token || token.length > 100) return null;
    const th = tokenHash(token);
    const session = await this.access.getSession(th);
    if (!session) return null;
    const at = this.now();
    if (at >= session.expiresAt || at - session.lastSeenAt >= this.policy.idleMs) {
      await this.access.deleteSession(th);
      return null;
    }
    const user = await this.access.getUser(session.userId);
    if (!user || user.disabled) {
      await this.access.deleteSession(th);
      return null;
    }
    if (at - session.lastSeenAt >= TOUCH_EVERY_MS) await this.access.touchSession(th, at);
    return { session, user };
  }

  async close(token: string): Promise<void> {
    await this.access.deleteSession(tokenHash(token));
  }
}

/** Whether a request's CSRF token is the session's, compared in constant time. */
export function csrfMatches(session: StoredSession, sent: string | undefined): boolean {
  if (!sent) return false;
  const a = Buffer.from(session.csrfSecret);
  const b = Buffer.from(sent);
  return a.length === b.length && timingSafeEqual(a, b);
}
