/**
 * An alert as the caller sees it (issue 9), for a case's alerts and a watchlist's alike: the entity it is
 * about, another case shown as hits are (named when the caller may read it, else its unit to contact),
 * and the batch's document named only when the caller may read the case it is evidence of.
 */
import { z } from 'zod';
import type { CaseAlert, EntityView } from '../domain/views.js';
import { otherCases } from './case-hits.js';
import { mayRead, type Allowed } from './case-scope.js';
import type { AppContext } from './context.js';

export const otherCaseSchema = z.union([
  z.object({ visible: z.literal(true), caseId: z.string(), fir: z.string(), unit: z.string() }),
  z.object({ visible: z.literal(false), unit: z.string(), message: z.string() }),
]);

export const entityRefSchema = z.object({
  id: z.string(),
  kind: z.string(),
  key: z.string(),
  label: z.string(),
});

export const refOf = (e: EntityView) => ({ id: e.id, kind: e.kind, key: e.key, label: e.label });

export const alertSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['cross-case', 'watch']),
    raisedAt: z.string(),
    entity: entityRefSchema.nullable(),
    other: otherCaseSchema.nullable(),
    document: z
      .object({ id: z.string(), name: z.string().nullable() })
      .meta({ description: "The batch's document; its name only when the caller may read its case." }),
    watcher: z.string().nullable(),
    reason: z.enum(['touched', 'near']).nullable(),
    link: z.string().nullable(),
  })
  .meta({ id: 'CaseAlert' });

export async function alertViews(
  ctx: AppContext,
  allowed: Allowed,
  alerts: readonly CaseAlert[],
): Promise<z.output<typeof alertSchema>[]> {
  const out = [];
  for (const a of alerts) {
    const entity = await ctx.store.getEntity(a.entityId);
    const doc = await ctx.store.getDocument(a.documentId);
    const watcher = a.userId ? await ctx.access.getUser(a.userId) : null;
    out.push({
      id: a.id,
      kind: a.kind,
      raisedAt: new Date(a.raisedAt).toISOString(),
      entity: entity ? refOf(entity) : null,
      other: a.otherCaseId ? ((await otherCases(ctx, allowed, [a.otherCaseId]))[0] ?? null) : null,
      document: {
        id: a.documentId,
        name:
          doc && (allowed === 'all' || (doc.caseId !== null && mayRead(allowed, [doc.caseId])))
            ? doc.name
            : null,
      },
      watcher: watcher?.username ?? null,
      reason: a.reason as 'touched' | 'near' | null,
      link: a.linkId,
    });
  }
  return out;
}
