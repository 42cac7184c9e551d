/** Signing in and out, the session's details for the client, and changing one's password. */
import { z } from 'zod';
import { PASSWORD, USERNAME } from '../../domain/access.js';
import { CaseGraphError } from '../../domain/errors.js';
import { verifyPassword } from '../../auth/passwords.js';
import { RateLimited, signIn } from '../../auth/sign-in.js';
import { setPassword } from '../../auth/users.js';
import type { AppContext } from '../context.js';
import { route, type AnyRoute } from '../define-route.js';
import { clearSessionCookie, cookieOf, SESSION_COOKIE, sessionOf, setSessionCookie } from '../session.js';

const loginSchema = z
  .object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) })
  .strict()
  .meta({ id: 'Login' });

const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(['admin', 'analyst', 'investigator', 'prosecutor', 'auditor']),
    unit: z.string().nullable(),
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'User' });

const sessionSchema = z
  .object({
    user: userSchema,
    csrfToken: z.string().meta({ description: 'Send it back in the x-csrf-token header of every change.' }),
    expiresAt: z.string().meta({ description: 'When the session ends however it is used.' }),
  })
  .meta({ id: 'Session' });

const passwordSchema = z
  .object({ current: z.string().min(1).max(256), next: PASSWORD })
  .strict()
  .meta({ id: 'PasswordChange' });

const publicUser = (u: z.infer<typeof userSchema>) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  unit: u.unit,
  mustChangePassword: u.mustChangePassword,
});

export function authRoutes(ctx: AppContext): AnyRoute[] {
  return [
    route({
      method: 'post',
      access: 'public',
      path: '/api/auth/login',
      tags: ['access'],
      summary: 'Sign in: sets the session cookie and returns the CSRF token',
      body: loginSchema,
      responses: { 200: { description: 'Signed in.', schema: sessionSchema } },
      errors: [400, 401, 429],
      handler: async (input, req, res) => {
        const body = input.body as z.infer<typeof loginSchema>;
        try {
          const { user, session } = await signIn(
            { access: ctx.access, sessions: ctx.sessions },
            { ...body, ip: req.ip ?? 'unknown', userAgent: req.get('user-agent') ?? null },
          );
          await ctx.audit.record({
            actor: user.username,
            role: user.role,
            action: 'login',
            ip: req.ip ?? null,
          });
          setSessionCookie(req, res, session.token, session.expiresAt);
          return {
            user: publicUser(user),
            csrfToken: session.csrfToken,
            expiresAt: new Date(session.expiresAt).toISOString(),
          };
        } catch (error) {
          if (error instanceof CaseGraphError) {
            // Only a name that could be a username is kept: a password typed into the wrong field is not.
            const tried = USERNAME.safeParse(body.username);
            await ctx.audit.record({
              actor: tried.success ? tried.data : null,
              role: null,
              action: 'login.failed',
              ip: req.ip ?? null,
              detail: {
                reason: error instanceof RateLimited ? 'rate limited' : 'wrong credentials or disabled',
              },
            });
          }
          if (error instanceof RateLimited) res.setHeader('Retry-After', String(error.retryAfterS));
          throw error;
        }
      },
    }),
    route({
      method: 'get',
      access: 'signed-in',
      beforePasswordChange: true,
      path: '/api/auth/session',
      tags: ['access'],
      summary: 'The signed-in user and the CSRF token of the session',
      responses: { 200: { description: 'The session.', schema: sessionSchema } },
      errors: [401],
      handler: async (_input, _req, res) => {
        const { user, session } = sessionOf(res)!;
        return {
          user: publicUser(user),
          csrfToken: session.csrfSecret,
          expiresAt: new Date(session.expiresAt).toISOString(),
        };
      },
    }),
    route({
      method: 'post',
      access: 'signed-in',
      beforePasswordChange: true,
      path: '/api/auth/logout',
      tags: ['access'],
      summary: 'Sign out: ends the session',
      responses: { 204: { description: 'Signed out.' } },
      errors: [401, 403],
      handler: async (_input, req, res) => {
        const { user } = sessionOf(res)!;
        await ctx.audit.record({
          actor: user.username,
          role: user.role,
          action: 'logout',
          ip: req.ip ?? null,
        });
        const token = cookieOf(req, SESSION_COOKIE);
        if (token) await ctx.sessions.close(token);
        clearSessionCookie(req, res);
        res.status(204).end();
      },
    }),
    route({
      method: 'post',
      access: 'signed-in',
      beforePasswordChange: true,
      path: '/api/auth/password',
      tags: ['access'],
      summary: "Change one's own password (required after a one-time password)",
      body: passwordSchema,
      responses: {
        200: {
          description: 'Changed. Every session of the user ends; this one is replaced by a new one.',
          schema: sessionSchema,
        },
      },
      errors: [400, 401, 403],
      handler: async (input, req, res) => {
        const body = input.body as z.infer<typeof passwordSchema>;
        const { user } = sessionOf(res)!;
        const stored = await ctx.access.userForLogin(user.username);
        if (!stored || !(await verifyPassword(stored.passwordHash, body.current)))
          throw new CaseGraphError('AUTH.FAILED', 'the current password is wrong');
        if (body.next === body.current)
          throw new CaseGraphError('REQUEST.INVALID', 'the new password is the old one', [
            { section: 'body', path: 'next', message: 'must differ from the current password' },
          ]);
        await setPassword(ctx.access, user.username, body.next);
        // Whoever else holds a session of this user (a stolen one, a forgotten one) is signed out.
        await ctx.access.deleteSessionsOf(user.id);
        const opened = await ctx.sessions.open(user.id, req.ip ?? null, req.get('user-agent') ?? null);
        setSessionCookie(req, res, opened.token, opened.expiresAt);
        return {
          user: publicUser({ ...user, mustChangePassword: false }),
          csrfToken: opened.csrfToken,
          expiresAt: new Date(opened.expiresAt).toISOString(),
        };
      },
    }),
  ];
}
