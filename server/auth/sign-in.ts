/**
 * Signing in. Every failure — unknown user, wrong password, disabled account — gets the same answer and
 * takes the same time, so the answer tells nobody which usernames exist. Failures are counted in the
 * store per account and per address, so the limit holds across every instance behind a balancer.
 */
import type { UserView } from '../domain/access.js';
import { CaseGraphError } from '../domain/errors.js';
import type { AccessStore } from '../store/access-store.js';
import { decoyHash, verifyPassword } from './passwords.js';
import type { OpenedSession, Sessions } from './sessions.js';

export interface SignInLimits {
  windowMs: number;
  perAccount: number;
  perAddress: number;
}

export const DEFAULT_LIMITS: SignInLimits = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 30 };

export class RateLimited extends CaseGraphError {
  constructor(readonly retryAfterS: number) {
    super(
      'AUTH.RATE_LIMITED',
      `too many failed sign-ins; try again in ${Math.ceil(retryAfterS / 60)} minute(s)`,
    );
  }
}

export async function signIn(
  deps: { access: AccessStore; sessions: Sessions; limits?: SignInLimits; now?: () => number },
  attempt: { username: string; password: string; ip: string; userAgent: string | null },
): Promise<{ user: UserView; session: OpenedSession }> {
  const { access, sessions } = deps;
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const now = (deps.now ?? Date.now)();
  const since = now - limits.windowMs;
  const username = attempt.username.trim();
  if (
    (await access.loginFailures(since, { username })) >= limits.perAccount ||
    (await access.loginFailures(since, { ip: attempt.ip })) >= limits.perAddress
  )
    throw new RateLimited(limits.windowMs / 1000);
  const found = await access.userForLogin(username);
  const ok = await verifyPassword(found?.passwordHash ?? (await decoyHash()), attempt.password);
  if (!found || !ok || found.user.disabled) {
    await access.recordLoginFailure(username, attempt.ip, now);
    throw new CaseGraphError('AUTH.FAILED', 'wrong username or password, or the account is disabled');
  }
  await access.clearLoginFailures(username);
  return { user: found.user, session: await sessions.open(found.user.id, attempt.ip, attempt.userAgent) };
}
