/**
 * Cross-case hits (issue 9): every identifier of a case that another case holds too, with how strong the
 * tie is. What the caller may read of the other case is named (its FIR, its unit); a case they may not
 * read is only "another case at unit X holds this identifier — contact it" (issue 5's hit / no hit).
 */
import type { UserView } from '../domain/access.js';
import type { EntityKind } from '../domain/kinds.js';
import type { EntityView } from '../domain/views.js';
import { isIdentifier } from '../ingest/case-alerts.js';
import { allowedCases, mayRead, unitsOf, type Allowed } from './case-scope.js';
import type { AppContext } from './context.js';

/** Kinds that name one holder (a number, a handset, an account) tie two cases closer than a place does. */
const ONE_HOLDER: ReadonlySet<EntityKind> = new Set([
  'person',
  'phone',
  'device',
  'account',
  'id-document',
  'vehicle',
]);

export type Strength = 'strong' | 'moderate' | 'weak';

/**
 * How strong the tie is: what the identifier is (one holder or a place many pass through) and how much
 * of this case's evidence it carries (its links in the case's graph).
 */
export function tieStrength(kind: EntityKind, linksHere: number): Strength {
  if (ONE_HOLDER.has(kind)) return linksHere >= 2 ? 'strong' : 'moderate';
  return linksHere >= 3 ? 'moderate' : 'weak';
}

export type OtherCase =
  | { visible: true; caseId: string; fir: string; unit: string }
  | { visible: false; unit: string; message: string };

/** Another case as the caller may see it: named when theirs, else only the unit to contact. */
export async function otherCases(
  ctx: AppContext,
  allowed: Allowed,
  caseIds: readonly string[],
): Promise<OtherCase[]> {
  const seen: OtherCase[] = [];
  const hidden = new Set<string>();
  for (const id of caseIds) {
    const [unit] = await unitsOf(ctx, [id]);
    if (mayRead(allowed, [id])) {
      const c = await ctx.store.getEntity(id);
      seen.push({ visible: true, caseId: id, fir: c?.key ?? id, unit: unit! });
    } else hidden.add(unit!);
  }
  for (const unit of [...hidden].sort())
    seen.push({
      visible: false,
      unit,
      message: `another case at ${unit} holds this identifier — contact it`,
    });
  return seen;
}

export interface Hit {
  entity: Pick<EntityView, 'id' | 'kind' | 'key' | 'label'>;
  strength: Strength;
  /** The identifier's links in this case's graph. */
  linksHere: number;
  others: OtherCase[];
}

const STRENGTH_ORDER: Record<Strength, number> = { strong: 0, moderate: 1, weak: 2 };

export async function caseHits(ctx: AppContext, user: UserView, caseId: string): Promise<Hit[]> {
  const sub = await ctx.store.subgraph({ caseId, limit: 1_000_000 });
  const ids: string[] = [];
  for (const n of sub.nodes) if (await isIdentifier(ctx.store, n.id, n.scheme)) ids.push(n.id);
  const cases = await ctx.store.casesOfEntities(ids);
  const degree = new Map<string, number>();
  for (const l of sub.links)
    if (l.kind !== 'involves') for (const end of [l.from, l.to]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const allowed = await allowedCases(ctx, user);
  const nodes = new Map(sub.nodes.map((n) => [n.id, n]));
  const hits: Hit[] = [];
  for (const [id, all] of cases) {
    const elsewhere = all.filter((c) => c !== caseId);
    if (!elsewhere.length) continue;
    const n = nodes.get(id)!;
    const linksHere = degree.get(id) ?? 0;
    hits.push({
      entity: { id, kind: n.kind, key: n.key, label: n.label },
      strength: tieStrength(n.kind, linksHere),
      linksHere,
      others: await otherCases(ctx, allowed, elsewhere),
    });
  }
  return hits.sort(
    (a, b) =>
      STRENGTH_ORDER[a.strength] - STRENGTH_ORDER[b.strength] ||
      b.linksHere - a.linksHere ||
      a.entity.id.localeCompare(b.entity.id),
  );
}
