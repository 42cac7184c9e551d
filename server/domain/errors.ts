/**
 * Errors with stable codes. Adapters throw these; server/http maps each code to a status in one place.
 * Clients and tests rely on the code, never on the wording.
 */

export const ERROR_CODES = [
  'BATCH.INVALID',
  'BATCH.UNKNOWN_ENTITY',
  'REQUEST.MALFORMED_JSON',
  'REQUEST.TOO_LARGE',
  'REQUEST.INVALID',
  'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  'ENTITY.NOT_FOUND',
  'CASE.NOT_FOUND',
  'ROUTE.NOT_FOUND',
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
  section?: 'document' | 'entities' | 'links' | 'query' | 'params' | 'body';
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
