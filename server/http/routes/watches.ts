/**
 * The watchlist (issue 9): an investigator watches an entity for one of their cases; later ingests that
 * name it, or tie it within two steps of the case, raise alerts on the case (ingest/case-alerts.ts).
 */
import { z } from 'zod';
import { CaseGraphError } from '../../domain/errors.js';
import { alertSchema, alertViews, entityRefSchema } from '../alert-views.js';
import { allowedCases, mayRead, requireCase, requireOneOf } from '../case-scope.js';
import type { AppContext } from '../context.js';
import { route, type AnyRoute } from '../define-route.js';
import { resolveCase } from '../query-helpers.js';
import { sessionOf } from '../session.js';

const watchSchema = z
  .object({
    entity: z.string().min(1).max(200).meta({ description: 'The entity id to watch.' }),
    case: z.string().min(1).max(200).meta({ description: 'The case (id or FIR key) alerts are raised on.' }),
  })
  .strict()
  .meta({ id: 'WatchRequest' });

const unwatchSchema = z
  .object({ entity: z.string().min(1).max(200) })
  .strict()
  .meta({ id: 'UnwatchRequest' });

const watchItemSchema = z.object({
  entity: entityRefSchema,
  caseId: z.string(),
  fir: z.string(),
  since: z.string(),
});

const watchListSchema = z.object({ watches: z.array(watchItemSchema) }).meta({ id: 'WatchList' });

const watchAlertsQuerySchema = z
  .object({
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(200)
      .default(20)
      .meta({ description: 'At most this many alerts per watch, newest first.' }),
  })
  .strict();

const watchAlertsSchema = z
  .object({
    watches: z.array(
      watchItemSchema.extend({
        alerts: z.array(alertSchema).nullable().meta({
          description:
            'What the watch raised on its case, newest first; null when the case is no longer assigned to the caller (its alerts are not shown).',
        }),
      }),
    ),
  })
  .meta({ id: 'WatchAlerts' });

export function watchRoutes(ctx: AppContext): AnyRoute[] {
  const list = async (userId: string) => {
    const out = [];
    for (const w of await ctx.store.watchesOf(userId)) {
      const e = await ctx.store.getEntity(w.entityId);
      const c = await ctx.store.getEntity(w.caseId);
      if (!e || !c) continue;
      out.push({
        entity: { id: e.id, kind: e.kind, key: e.key, label: e.label },
        caseId: w.caseId,
        fir: c.key,
        since: new Date(w.createdAt).toISOString(),
      });
    }
    return { watches: out };
  };
  return [
    route({
      method: 'get',
      access: 'ingest',
      path: '/api/watches',
      tags: ['cases'],
      summary: 'The entities the caller watches, each for a case',
      responses: { 200: { description: 'The watches, oldest first.', schema: watchListSchema } },
      handler: async (_i, _req, res) => list(sessionOf(res)!.user.id),
      audit: (_i, result) => ({
        action: 'read.graph',
        detail: { entities: result.watches.length },
      }),
    }),
    route({
      method: 'get',
      access: 'ingest',
      path: '/api/watches/alerts',
      tags: ['cases'],
      summary: 'The caller’s watches, each with the alerts it raised: the batch’s document and why',
      description:
        'For each watch (as GET /api/watches), the watch alerts raised on its case about its entity for the caller, newest first; each names the document of the batch that raised it when the caller may read its case. A watch whose case is no longer assigned to the caller has `alerts: null`.',
      query: watchAlertsQuerySchema,
      responses: { 200: { description: 'The watches, oldest first.', schema: watchAlertsSchema } },
      errors: [400],
      handler: async (input, _req, res) => {
        const { user } = sessionOf(res)!;
        const { limit } = input.query;
        const allowed = await allowedCases(ctx, user);
        const { watches } = await list(user.id);
        const out = [];
        for (const w of watches) {
          const mine = mayRead(allowed, [w.caseId]);
          const alerts = mine
            ? await ctx.store.alertsOfWatch(
                { userId: user.id, entityId: w.entity.id, caseId: w.caseId },
                limit,
              )
            : [];
          out.push({ ...w, alerts: mine ? await alertViews(ctx, allowed, alerts) : null });
        }
        return { watches: out };
      },
      audit: (_i, result) => {
        const { watches } = result;
        return {
          action: 'read.graph',
          detail: {
            entities: watches.length,
            alerts: watches.reduce((n, w) => n + (w.alerts?.length ?? 0), 0),
          },
        };
      },
    }),
    route({
      method: 'post',
      access: 'ingest',
      path: '/api/watches',
      tags: ['cases'],
      summary:
        'Watch an entity for a case: later ingests that touch it, or bring it near the case, raise alerts',
      description:
        'Watching an entity already watched moves the watch to the case given. The entity must be one the caller may read, and the case one of theirs.',
      body: watchSchema,
      responses: { 200: { description: 'The caller’s watches.', schema: watchListSchema } },
      errors: [400, 403, 404],
      handler: async (input, req, res) => {
        const { body } = input;
        const { user } = sessionOf(res)!;
        const caseId = await resolveCase(ctx, body.case);
        await requireCase(ctx, user, caseId);
        const entity = await ctx.store.getEntity(body.entity);
        if (!entity)
          throw new CaseGraphError('ENTITY.NOT_FOUND', `no entity ${body.entity}`, [
            { section: 'body', path: 'entity', message: 'no entity has this id' },
          ]);
        if (entity.kind === 'case' || entity.kind === 'document')
          throw new CaseGraphError('REQUEST.INVALID', `a ${entity.kind} is not watched`, [
            { section: 'body', path: 'entity', message: 'watch a person, phone, account, place …' },
          ]);
        await requireOneOf(ctx, user, entity.caseIds);
        await ctx.store.addWatch({ userId: user.id, entityId: entity.id, caseId, createdAt: Date.now() });
        await ctx.audit.record({
          actor: user.username,
          role: user.role,
          action: 'watch.add',
          target: entity.id,
          caseId,
          ip: req.ip ?? null,
        });
        return list(user.id);
      },
    }),
    route({
      method: 'post',
      access: 'ingest',
      path: '/api/watches/remove',
      audit: (input) => ({
        action: 'watch.remove',
        target: input.body.entity,
      }),
      tags: ['cases'],
      summary: 'Stop watching an entity',
      body: unwatchSchema,
      responses: { 200: { description: 'The caller’s watches.', schema: watchListSchema } },
      errors: [400, 404],
      handler: async (input, req, res) => {
        const { body } = input;
        const { user } = sessionOf(res)!;
        if (!(await ctx.store.removeWatch(user.id, body.entity)))
          throw new CaseGraphError('ENTITY.NOT_FOUND', 'you do not watch this entity', [
            { section: 'body', path: 'entity', message: 'not on your watchlist' },
          ]);
        return list(user.id);
      },
    }),
  ];
}
