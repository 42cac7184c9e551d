/**
 * Errors the analytics throw, typed by name (as graphology's own errors are): callers and tests rely on
 * the name and the field, never on the wording. server/http maps an AnalyticsInputError to a 400 that
 * names the field.
 */

/** A parameter of an analytics call is out of range or names nothing in the graph. */
export class AnalyticsInputError extends Error {
  override readonly name = 'AnalyticsInputError';
  constructor(
    /** The parameter at fault, as the caller named it: "from", "maxHops", "person", … */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Throws an AnalyticsInputError naming `field` unless `value` is an integer in min..max. */
export function checkInteger(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new AnalyticsInputError(field, `\`${field}\` must be an integer from ${min} to ${max}`);
  return value;
}
