/**
 * The client's one door to the API. A failure becomes an ApiError carrying what the server said — its
 * stable code, its sentence, and the request id an officer quotes to the administrator — so the page can
 * show it. Nothing here logs: responses hold case data, and the console is no place for it.
 */
import type { Issue } from '../../server/domain/errors.js';
import type { SerialisedGraph } from './graph-data.js';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    /** The API's error code ("CASE.NOT_FOUND"), or NETWORK / BAD_RESPONSE for failures on the way. */
    readonly code: string,
    readonly status: number | undefined,
    readonly requestId: string | undefined,
    /** For bad input, every record or row and column at fault, as the API listed them. */
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

interface ErrorBody {
  error: { code: string; message: string; requestId?: string; issues?: Issue[] };
}

function isErrorBody(body: unknown): body is ErrorBody {
  const error = (body as { error?: unknown } | null)?.error as Partial<ErrorBody['error']> | undefined;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

function isSerialisedGraph(body: unknown): body is SerialisedGraph {
  const b = body as Partial<SerialisedGraph> | null;
  return !!b && Array.isArray(b.nodes) && Array.isArray(b.edges) && typeof b.attributes === 'object';
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

export async function getJson(path: string): Promise<unknown> {
  return send(path, { headers: { Accept: 'application/json' } });
}

/** A change: JSON in, and the session's CSRF token, without which the server refuses it. */
export async function postJson(path: string, body: unknown, csrfToken?: string): Promise<unknown> {
  return send(path, {
    method: 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
    },
    body: JSON.stringify(body),
  });
}

export async function send(path: string, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, credentials: 'same-origin' });
  } catch {
    throw new ApiError(
      'The CaseGraph server could not be reached. Check the connection and reload the page.',
      'NETWORK',
      undefined,
      undefined,
    );
  }
  const body = await readJson(response);
  const headerId = response.headers.get('X-Request-Id') ?? undefined;
  if (!response.ok) {
    if (isErrorBody(body))
      throw new ApiError(
        body.error.message,
        body.error.code,
        response.status,
        body.error.requestId || headerId,
        Array.isArray(body.error.issues) ? body.error.issues : [],
      );
    throw new ApiError(
      `The server answered ${response.status} ${response.statusText}`.trim() + '.',
      'BAD_RESPONSE',
      response.status,
      headerId,
    );
  }
  if (response.status === 204) return null;
  if (body === undefined)
    throw new ApiError(
      'The server sent a response that is not JSON.',
      'BAD_RESPONSE',
      response.status,
      headerId,
    );
  return body;
}

/** A subgraph: a case (`case=`), an entity's neighbourhood (`around=`), or the caller's whole scope. */
export async function fetchGraph(params: Record<string, string> = {}): Promise<SerialisedGraph> {
  const query = new URLSearchParams(params).toString();
  const body = await getJson(query ? `/api/graph?${query}` : '/api/graph');
  if (!isSerialisedGraph(body))
    throw new ApiError('The server sent a graph this page cannot read.', 'BAD_RESPONSE', 200, undefined);
  return body;
}

export interface Session {
  user: { username: string; displayName: string; role: string; mustChangePassword: boolean };
  csrfToken: string;
}

function isSession(body: unknown): body is Session {
  const b = body as Partial<Session> | null;
  return !!b && typeof b.csrfToken === 'string' && typeof b.user?.username === 'string';
}

function asSession(body: unknown): Session {
  if (!isSession(body))
    throw new ApiError('The server sent a session this page cannot read.', 'BAD_RESPONSE', 200, undefined);
  return body;
}

/** The signed-in session, or null when there is none (the sign-in form is then shown). */
export async function currentSession(): Promise<Session | null> {
  try {
    return asSession(await getJson('/api/auth/session'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function signIn(username: string, password: string): Promise<Session> {
  return asSession(await postJson('/api/auth/login', { username, password }));
}

export async function changePassword(current: string, next: string, csrfToken: string): Promise<Session> {
  return asSession(await postJson('/api/auth/password', { current, next }, csrfToken));
}

export async function signOut(csrfToken: string): Promise<void> {
  await postJson('/api/auth/logout', {}, csrfToken);
}
