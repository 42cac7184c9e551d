/**
 * A route is declared once: its zod schemas validate the request and describe it in the OpenAPI
 * document, so the document cannot drift from what the server accepts.
 */
import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { can, type Permission } from '../domain/access.js';
import { CaseGraphError, issuesFromZod, type Issue } from '../domain/errors.js';
import { csrfMatches } from '../auth/sessions.js';
import { CSRF_HEADER, sessionOf } from './session.js';
import type { AuditAction, AuditDetail, AuditRecorder } from '../audit/record.js';
import { mask, type Masking } from './masking.js';

/**
 * One answer of a route: JSON described by a schema, or a file (a PDF, an export) named by its media
 * types — the handler sends those itself — with the headers that go with it.
 */
export interface RouteResponse {
  description: string;
  schema?: z.ZodType;
  files?: string[];
  headers?: Record<string, string>;
}

/** What a handler is given: the query, path parameters and body as their schemas parsed them. */
export interface RouteInput<Q extends z.ZodType, P extends z.ZodType, B extends z.ZodType> {
  query: z.output<Q>;
  params: z.output<P>;
  body: z.output<B>;
}

export interface RouteSpec<Q extends z.ZodType, P extends z.ZodType, B extends z.ZodType, R = unknown> {
  method: 'get' | 'post';
  /**
   * Who may call it. There is no default: a route says it is public, open to anyone signed in, or needs
   * a permission of the caller's role, so a new route cannot be left open by forgetting.
   */
  access: 'public' | 'signed-in' | Permission;
  /** Answers with protected persons unmasked: only the audited reveal, for roles allowed to ask it. */
  unmasked?: true;
  /** Callable while the user must still change a one-time password (sign-out, the password change). */
  beforePasswordChange?: boolean;
  /**
   * What goes on the audit trail when the call succeeds, written before the answer is sent: a look at
   * case data that could not be recorded is not served.
   */
  audit?: (
    input: RouteInput<Q, P, B>,
    result: NoInfer<R>,
  ) => { action: AuditAction; target?: string | null; caseId?: string | null; detail?: AuditDetail };
  /** Express path syntax (":id"); the OpenAPI document shows it as "{id}". */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  query?: Q;
  params?: P;
  /** Checked before the handler runs (400 REQUEST.INVALID naming each field). */
  body?: B;
  /**
   * A body the handler checks itself, reading req.body, against this schema but with an answer of its
   * own: a batch is refused 422 with every bad record named, an empty report request means the
   * defaults. Described in the OpenAPI document as body is; the handler's input has no body.
   */
  ownBody?: z.ZodType;
  /** Status code to response schema; errors are added from the shared error shape. */
  responses: Record<number, RouteResponse>;
  errors?: number[];
  handler: (input: RouteInput<Q, P, B>, req: Request, res: Response) => Promise<R>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any, any>;

/**
 * Declares a route with its input typed from its own schemas and its audit given the handler's answer,
 * so neither needs a cast.
 */
export function route<
  R,
  Q extends z.ZodType = z.ZodUndefined,
  P extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
>(spec: RouteSpec<Q, P, B, R>): AnyRoute {
  return spec;
}

function issuesOf(error: z.ZodError, section: Issue['section']): Issue[] {
  return issuesFromZod(error.issues, () => section);
}

export function parse<S extends z.ZodType>(
  schema: S | undefined,
  value: unknown,
  section: Issue['section'],
): z.output<S> {
  if (!schema) return undefined as z.output<S>;
  const r = schema.safeParse(value);
  if (r.success) return r.data as z.output<S>;
  throw new CaseGraphError(
    'REQUEST.INVALID',
    `the request's ${section} is invalid`,
    issuesOf(r.error, section),
  );
}

/** Refuses a request its caller may not make: 401 without a session, 403 for a missing CSRF token or permission. */
function authorise(route: AnyRoute, req: Request, res: Response): void {
  if (route.access === 'public') return;
  const active = sessionOf(res);
  if (!active)
    throw new CaseGraphError('AUTH.REQUIRED', 'sign in first; there is no session, or it has ended');
  // A page of another site cannot read the token, so it cannot make a signed-in user's browser change anything.
  if (req.method !== 'GET' && req.method !== 'HEAD' && !csrfMatches(active.session, req.get(CSRF_HEADER)))
    throw new CaseGraphError('AUTH.CSRF', `a change needs the session's token in the ${CSRF_HEADER} header`);
  if (active.user.mustChangePassword && !route.beforePasswordChange)
    throw new CaseGraphError('AUTH.PASSWORD_CHANGE', 'change the one-time password before anything else');
  if (route.access !== 'signed-in' && !can(active.user.role, route.access))
    throw new CaseGraphError('AUTH.FORBIDDEN', `a ${active.user.role} may not do this`);
}

export function mount(router: Router, routes: AnyRoute[], recorder: AuditRecorder, masking: Masking): void {
  for (const route of routes) {
    const handle: RequestHandler = async (req, res) => {
      authorise(route, req, res);
      const input = {
        query: parse(route.query, req.query, 'query'),
        params: parse(route.params, req.params, 'params'),
        body: parse(route.body, req.body, 'body'),
      };
      const result = await route.handler(input, req, res);
      const active = sessionOf(res);
      if (route.audit && active)
        await recorder.record({
          actor: active.user.username,
          role: active.user.role,
          ip: req.ip ?? null,
          ...route.audit(input, result),
        });
      if (res.headersSent) return;
      // Victims and minors are masked in every answer, in the server, whoever asks (see masking.ts).
      const shown = route.unmasked ? result : mask(result, await masking.current());
      res.status(Number(Object.keys(route.responses)[0])).json(shown);
    };
    router[route.method](route.path, handle);
  }
  // A known path asked with another method is the client's mistake of method, not of address: 405, with
  // the methods it does take, as HTTP asks (RFC 9110 §15.5.6).
  const methods = new Map<string, Set<string>>();
  for (const r of routes) {
    const m = methods.get(r.path) ?? new Set<string>();
    m.add(r.method.toUpperCase());
    if (r.method === 'get') m.add('HEAD');
    methods.set(r.path, m);
  }
  for (const [path, allowed] of methods) {
    const allow = [...allowed].sort().join(', ');
    router.all(path, (req, res, next) => {
      res.setHeader('Allow', allow);
      next(new CaseGraphError('ROUTE.METHOD_NOT_ALLOWED', `${req.path} takes ${allow}, not ${req.method}`));
    });
  }
}
