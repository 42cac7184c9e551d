/**
 * Options over a module's DEFAULTS, as graphology-utils/defaults resolves them: a key given as
 * `undefined` (an optional query parameter left out) keeps its default instead of erasing it.
 */
export function withDefaults<T extends object>(defaults: T, options: Partial<T> | undefined): T {
  const out = { ...defaults };
  if (!options) return out;
  for (const key of Object.keys(options) as (keyof T)[]) {
    const value = options[key];
    if (value !== undefined) out[key] = value as T[keyof T];
  }
  return out;
}
