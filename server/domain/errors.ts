/**
 * Errors with stable codes. Adapters throw these; server/http maps each code to a status in one place.
 * Clients and tests rely on the code, never on the wording.
 */

export const ERROR_CODES = [
  'BATCH.INVALID',
  'BATCH.UNKNOWN_ENTITY',
  'DOCUMENT.CONFLICT',
  'IMPORT.UNREADABLE',
  'IMPORT.MISSING_COLUMN',
  'IMPORT.ROWS_INVALID',
  'IMPORT.NOT_FOUND',
  'MERGE.NOT_PERSON',
  'MERGE.CONFLICT',
  'MERGE.NOT_FOUND',
  'CANDIDATE.NOT_FOUND',
  'REQUEST.MALFORMED_JSON',
  'REQUEST.TOO_LARGE',
  'REQUEST.INVALID',
  'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  'ENTITY.NOT_FOUND',
  'CASE.NOT_FOUND',
  'CASE.NOT_ASSIGNED',
  'CASE.EXISTS',
  'CASE.CLOSED',
  'DOCUMENT.NOT_FOUND',
  'ROUTE.NOT_FOUND',
  'ROUTE.METHOD_NOT_ALLOWED',
  'USER.EXISTS',
  'USER.NOT_FOUND',
  'REPORT.JOB_GONE',
  'AUTH.REQUIRED',
  'AUTH.FAILED',
  'AUTH.RATE_LIMITED',
  'AUTH.CSRF',
  'AUTH.FORBIDDEN',
  'AUTH.PASSWORD_CHANGE',
  'STORE.UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one record of a request: which record, which field, why. */
export interface Issue {
  /** JSON path of the field, e.g. "links[3].occurrences[0].at". */
  path: string;
  /** Index of the record in its list (entities or links), when the problem is in one. */
  index?: number;
  section?: 'document' | 'entities' | 'links' | 'query' | 'params' | 'body' | 'file' | 'rows';
  /** For an imported file: the row as a spreadsheet numbers it (1 is the first line) and the column's header. */
  row?: number;
  column?: string;
  message: string;
}

export class CaseGraphError extends Error {
  override readonly name = 'CaseGraphError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

/** Writes a zod-style path as the JSON path people read: links[3].occurrences[0].at */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

interface ZodLikeIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
}

/**
 * zod's issues as the API reports them: one per field, named by its JSON path. An unknown field is
 * reported at its own path ("entities[2].colour: unknown field"), not at its parent.
 */
export function issuesFromZod(
  issues: readonly ZodLikeIssue[],
  sectionOf: (path: PropertyKey[]) => Issue['section'],
): Issue[] {
  return issues.flatMap((i) => {
    const paths =
      i.code === 'unrecognized_keys' && i.keys?.length ? i.keys.map((k) => [...i.path, k]) : [i.path];
    return paths.map((path) => {
      const section = sectionOf(path);
      const index =
        (section === 'entities' || section === 'links') && typeof path[1] === 'number' ? path[1] : undefined;
      return {
        section,
        path: formatPath(path) || section || 'body',
        ...(index !== undefined ? { index } : {}),
        message: i.code === 'unrecognized_keys' ? 'unknown field' : i.message,
      };
    });
  });
}
