/**
 * Per-case access (issue 5): an admin sees every case; every other role sees the cases it is assigned.
 * Something held only in cases the caller may not see is answered "hit / no hit": that another case
 * holds it and which unit to contact — never its details, never the case's number.
 */
import { can, type UserView } from '../domain/access.js';
import { CaseGraphError } from '../domain/errors.js';
import { mayRead } from '../store/case-reach.js';
import type { AppContext } from './context.js';

export type Allowed = 'all' | Set<string>;

export async function allowedCases(ctx: AppContext, user: UserView): Promise<Allowed> {
  return can(user.role, 'cases.all') ? 'all' : new Set(await ctx.access.casesOf(user.id));
}

export { mayRead } from '../store/case-reach.js';

/** The units that hold these cases, for the "contact" line of a hit. */
export async function unitsOf(ctx: AppContext, caseIds: readonly string[]): Promise<string[]> {
  const units = new Set<string>();
  for (const id of caseIds) {
    const c = await ctx.store.getEntity(id);
    const unit = c?.props.unit ?? c?.props.policeStation;
    units.add(typeof unit === 'string' ? unit : 'the unit that registered the case');
  }
  return [...units].sort();
}

async function hit(ctx: AppContext, caseIds: readonly string[]): Promise<CaseGraphError> {
  if (!caseIds.length) return new CaseGraphError('CASE.NOT_ASSIGNED', 'this is in no case assigned to you');
  const units = await unitsOf(ctx, caseIds);
  return new CaseGraphError(
    'CASE.NOT_ASSIGNED',
    `another case holds this; it is not assigned to you — contact ${units.join(' or ')}`,
  );
}

export async function requireCase(ctx: AppContext, user: UserView, caseId: string): Promise<void> {
  const allowed = await allowedCases(ctx, user);
  if (!mayRead(allowed, [caseId])) throw await hit(ctx, [caseId]);
}

/** An entity may be read when one of its cases may: through its evidence or an involves link. */
export async function requireEntity(ctx: AppContext, user: UserView, entityId: string): Promise<void> {
  const allowed = await allowedCases(ctx, user);
  if (allowed === 'all') return;
  const entity = await ctx.store.getEntity(entityId);
  if (!entity) throw new CaseGraphError('ENTITY.NOT_FOUND', `no entity ${entityId}`);
  await requireOneOf(ctx, user, entity.caseIds);
}

/** As requireEntity, for an entity already read: by the cases it is part of. */
export async function requireOneOf(
  ctx: AppContext,
  user: UserView,
  caseIds: readonly string[],
): Promise<void> {
  const allowed = await allowedCases(ctx, user);
  if (!mayRead(allowed, caseIds)) throw await hit(ctx, caseIds);
}

/**
 * What a question without a case is about: the whole graph for an admin, and for everyone else the
 * cases assigned to them taken together — cross-case, but only across their own. Undefined: the whole graph.
 */
export async function scopeCases(
  ctx: AppContext,
  user: UserView,
  caseId: string | undefined,
): Promise<string[] | undefined> {
  if (caseId !== undefined) {
    await requireCase(ctx, user, caseId);
    return [caseId];
  }
  const allowed = await allowedCases(ctx, user);
  if (allowed === 'all') return undefined;
  if (!allowed.size)
    throw new CaseGraphError('CASE.NOT_ASSIGNED', 'no case is assigned to you yet: ask an admin');
  return [...allowed].sort();
}
