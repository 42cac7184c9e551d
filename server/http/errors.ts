/**
 * The one JSON error shape of the API, and the one place where an error code becomes an HTTP status.
 * A client sees a stable code, a sentence, the request id to quote, and for bad input every record and
 * field at fault. Stack traces stay in the log.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import { CaseGraphError, ERROR_CODES, type ErrorCode, type Issue } from '../domain/errors.js';

const STATUS: Record<ErrorCode, number> = {
  'BATCH.INVALID': 422,
  'BATCH.UNKNOWN_ENTITY': 422,
  'DOCUMENT.CONFLICT': 409,
  'IMPORT.UNREADABLE': 422,
  'IMPORT.MISSING_COLUMN': 422,
  'IMPORT.ROWS_INVALID': 422,
  'IMPORT.NOT_FOUND': 404,
  'MERGE.NOT_PERSON': 422,
  'MERGE.CONFLICT': 409,
  'MERGE.NOT_FOUND': 404,
  'CANDIDATE.NOT_FOUND': 404,
  'REQUEST.MALFORMED_JSON': 400,
  'REQUEST.TOO_LARGE': 413,
  'REQUEST.INVALID': 400,
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': 415,
  'ENTITY.NOT_FOUND': 404,
  'CASE.NOT_FOUND': 404,
  'CASE.NOT_ASSIGNED': 403,
  'CASE.EXISTS': 409,
  'CASE.CLOSED': 409,
  'DOCUMENT.NOT_FOUND': 404,
  'ROUTE.NOT_FOUND': 404,
  'ROUTE.METHOD_NOT_ALLOWED': 405,
  'USER.EXISTS': 409,
  'USER.NOT_FOUND': 404,
  'REPORT.JOB_GONE': 404,
  'AUTH.REQUIRED': 401,
  'AUTH.FAILED': 401,
  'AUTH.RATE_LIMITED': 429,
  'AUTH.CSRF': 403,
  'AUTH.FORBIDDEN': 403,
  'AUTH.PASSWORD_CHANGE': 403,
  'STORE.UNAVAILABLE': 503,
  INTERNAL: 500,
};

export const issueSchema = z
  .object({
    path: z
      .string()
      .meta({ description: 'JSON path of the field at fault, e.g. links[3].occurrences[0].at' }),
    index: z.number().int().optional().meta({ description: 'Index of the record in its list.' }),
    section: z.enum(['document', 'entities', 'links', 'query', 'params', 'body', 'file', 'rows']).optional(),
    row: z.number().int().optional().meta({ description: 'Row of an imported file (1 is its first line).' }),
    column: z.string().optional().meta({ description: "Header of the imported file's column at fault." }),
    message: z.string(),
  })
  .meta({ id: 'Issue' });

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      requestId: z.string(),
      issues: z.array(issueSchema).optional(),
    }),
  })
  .meta({
    id: 'Error',
    description: 'Every error of the API has this shape; code is stable, message is for people.',
  });

function body(code: ErrorCode, message: string, requestId: string, issues: Issue[] = []) {
  return { error: { code, message, requestId, ...(issues.length ? { issues } : {}) } };
}

/** Errors of express.json (body-parser), which carry a type but no code of ours. */
function fromBodyParser(err: { type?: string; status?: number }): CaseGraphError | undefined {
  switch (err.type) {
    case 'entity.parse.failed': {
      // V8's message quotes the body around the fault; a body may hold names and numbers: say where only.
      const at = /position (\d+)/.exec((err as Error).message)?.[1];
      return new CaseGraphError(
        'REQUEST.MALFORMED_JSON',
        `the body is not valid JSON${at ? ` (at character ${at})` : ''}`,
      );
    }
    case 'entity.too.large':
      return new CaseGraphError(
        'REQUEST.TOO_LARGE',
        'the body is larger than this server accepts (BODY_LIMIT)',
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new CaseGraphError('REQUEST.UNSUPPORTED_MEDIA_TYPE', (err as Error).message);
    default:
      // Other errors Express and body-parser mark as the client's (a bad %-escape in a path, a body
      // that does not decompress, an aborted upload) are the client's, whatever their kind.
      if (err.status !== undefined && err.status >= 400 && err.status < 500)
        return new CaseGraphError(
          'REQUEST.INVALID',
          'the request could not be read (its encoding or escaping is wrong)',
        );
      return undefined;
  }
}

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const requestId = String(req.id ?? '');
  const known = err instanceof CaseGraphError ? err : fromBodyParser(err as { type?: string });
  if (known) {
    const status = STATUS[known.code];
    if (status === 503) res.setHeader('Retry-After', '5');
    if (status >= 500) req.log?.error({ err }, known.message);
    res.status(status).json(body(known.code, known.message, requestId, known.issues));
    return;
  }
  req.log?.error({ err }, 'unhandled error');
  res
    .status(500)
    .json(
      body('INTERNAL', 'an internal error occurred; quote the request id to the administrator', requestId),
    );
};

export const notFound: RequestHandler = (req, _res, next) => {
  next(new CaseGraphError('ROUTE.NOT_FOUND', `no route ${req.method} ${req.path}`));
};
