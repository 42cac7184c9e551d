import { ingestBatchSchema } from '../../domain/batch.js';
import { prepareBatch } from '../../ingest/ingest-batch.js';
import { raiseAlerts } from '../../ingest/case-alerts.js';
import { allowedCases, requireCase } from '../case-scope.js';
import { CaseGraphError } from '../../domain/errors.js';
import type { AppContext } from '../context.js';
import { route, type AnyRoute } from '../define-route.js';
import { sessionOf } from '../session.js';
import { ingestResultSchema } from '../schemas.js';

export function ingestRoutes(ctx: AppContext): AnyRoute[] {
  return [
    route({
      method: 'post',
      access: 'ingest',
      path: '/api/ingest',
      tags: ['ingest'],
      summary: 'Ingest a batch of entities, links and occurrences with their provenance',
      description:
        'All-or-nothing: a batch with any bad record is rejected with every bad record named, and nothing is written. Re-sending the same batch changes nothing.',
      ownBody: ingestBatchSchema,
      responses: {
        200: {
          description: 'What the batch created, updated or left unchanged.',
          schema: ingestResultSchema,
        },
      },
      errors: [400, 409, 413, 415, 422],
      handler: async (_input, req, res) => {
        if (!req.is('application/json'))
          throw new CaseGraphError('REQUEST.UNSUPPORTED_MEDIA_TYPE', 'send the batch as application/json');
        const { user } = sessionOf(res)!;
        // Provenance names the officer who brought the evidence in.
        const batch = prepareBatch(req.body, user.username, ctx.keys);
        const allowed = await allowedCases(ctx, user);
        // The cases a batch files evidence in: its document's, and any case (an FIR) it declares.
        const caseIds = new Set(batch.entities.filter((e) => e.kind === 'case').map((e) => e.id));
        if (batch.document.caseId) caseIds.add(batch.document.caseId);
        const opened: string[] = [];
        if (allowed !== 'all') {
          if (!caseIds.size)
            throw new CaseGraphError(
              'CASE.NOT_ASSIGNED',
              'name the case this evidence belongs to (document.case)',
            );
          for (const caseId of caseIds) {
            // A new FIR is opened by whoever files it, and is theirs to work from then on.
            if (!(await ctx.store.getEntity(caseId)) && batch.entities.some((e) => e.id === caseId))
              opened.push(caseId);
            else await requireCase(ctx, user, caseId);
          }
        }
        const counts = await ctx.store.ingest(batch, { importedAt: new Date() });
        await raiseAlerts(ctx.store, batch, Date.now());
        for (const caseId of opened) await ctx.access.grantCase(caseId, user.id, user.id, Date.now());
        return counts;
      },
      audit: (_input, c) => {
        return {
          action: 'ingest',
          detail: {
            entities: c.entities.created + c.entities.updated,
            links: c.links.created + c.links.updated,
            occurrences: c.occurrences.created,
          },
        };
      },
    }),
  ];
}
