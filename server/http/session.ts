/**
 * The session of a request: its cookie resolved (through the store, so every instance agrees) before
 * any route runs. The cookie is httpOnly (no script reads it), SameSite=Strict (no other site's page
 * sends it) and Secure whenever the request came over TLS.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { ActiveSession, Sessions } from '../auth/sessions.js';

export const SESSION_COOKIE = 'cg_session';
export const CSRF_HEADER = 'x-csrf-token';

export function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function sessionOf(res: Response): ActiveSession | undefined {
  return res.locals.session as ActiveSession | undefined;
}

export function resolveSession(sessions: Sessions): RequestHandler {
  return async (req, res, next) => {
    const active = await sessions.resolve(cookieOf(req, SESSION_COOKIE));
    if (active) res.locals.session = active;
    next();
  };
}

export function setSessionCookie(req: Request, res: Response, token: string, expiresAt: number): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
}
