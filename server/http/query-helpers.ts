/** Pieces of request parsing that several routes share. */
import { z } from 'zod';
import { CaseGraphError } from '../domain/errors.js';
import { entityId, isId } from '../domain/ids.js';
import { normaliseKey } from '../domain/keys.js';
import type { AppContext } from './context.js';

export /** "person,phone" or repeated ?kinds=person&kinds=phone, each checked against the list. */
function csvOf<T extends string>(values: readonly T[], what: string) {
  return (
    z
      .union([z.string(), z.array(z.string())])
      .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
      .pipe(
        z.array(
          z.enum(values as [T, ...T[]], { message: `each ${what} must be one of ${values.join(', ')}` }),
        ),
      )
      .optional()
      // The query string carries text, so the schema's input is a string: the values it may hold are said here.
      .meta({ description: `${what}s, comma-separated or repeated; each one of ${values.join(', ')}` })
  );
}

/** A case named by its id or by its FIR key, as investigators write it; 404 when there is none. */
export async function resolveCase(ctx: AppContext, ref: string): Promise<string> {
  let id = ref;
  if (!isId(ref)) {
    const key = normaliseKey('fir', ref, ctx.keys);
    if (!key.ok)
      throw new CaseGraphError('REQUEST.INVALID', key.reason, [
        { section: 'query', path: 'case', message: key.reason },
      ]);
    id = entityId('case', 'fir', key.key);
  }
  const entity = await ctx.store.getEntity(id);
  if (!entity || entity.kind !== 'case') throw new CaseGraphError('CASE.NOT_FOUND', `no case ${ref}`);
  return id;
}
