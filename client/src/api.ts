/**
 * The client's one door to the API. A failure becomes an ApiError carrying what the server said — its
 * stable code, its sentence, and the request id an officer quotes to the administrator — so the page can
 * show it. Nothing here logs: responses hold case data, and the console is no place for it.
 */
import type { SerialisedGraph } from './graph-data.js';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    /** The API's error code ("CASE.NOT_FOUND"), or NETWORK / BAD_RESPONSE for failures on the way. */
    readonly code: string,
    readonly status: number | undefined,
    readonly requestId: string | undefined,
  ) {
    super(message);
  }
}

interface ErrorBody {
  error: { code: string; message: string; requestId?: string };
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
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' } });
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
      );
    throw new ApiError(
      `The server answered ${response.status} ${response.statusText}`.trim() + '.',
      'BAD_RESPONSE',
      response.status,
      headerId,
    );
  }
  if (body === undefined)
    throw new ApiError(
      'The server sent a response that is not JSON.',
      'BAD_RESPONSE',
      response.status,
      headerId,
    );
  return body;
}

/** The whole graph the store holds, up to the server's default limit. */
export async function fetchGraph(): Promise<SerialisedGraph> {
  const body = await getJson('/api/graph');
  if (!isSerialisedGraph(body))
    throw new ApiError('The server sent a graph this page cannot read.', 'BAD_RESPONSE', 200, undefined);
  return body;
}
