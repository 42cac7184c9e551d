import { ingestBatchSchema } from '../../domain/batch.js';
import { ingestBatch } from '../../ingest/ingest-batch.js';
import { CaseGraphError } from '../../domain/errors.js';
import type { AppContext } from '../context.js';
import type { AnyRoute } from '../define-route.js';
import type { IngestCounts } from '../../domain/views.js';
import { sessionOf } from '../session.js';
import { ingestResultSchema } from '../schemas.js';

export function ingestRoutes(ctx: AppContext): AnyRoute[] {
  return [
    {
      method: 'post',
      access: 'ingest',
      path: '/api/ingest',
      audit: (_input, result) => {
        const c = result as IngestCounts;
        return {
          action: 'ingest',
          detail: {
            entities: c.entities.created + c.entities.updated,
            links: c.links.created + c.links.updated,
            occurrences: c.occurrences.created,
          },
        };
      },
      tags: ['ingest'],
      summary: 'Ingest a batch of entities, links and occurrences with their provenance',
      description:
        'All-or-nothing: a batch with any bad record is rejected with every bad record named, and nothing is written. Re-sending the same batch changes nothing.',
      body: ingestBatchSchema,
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
        // Provenance names the officer who brought the evidence in.
        return ingestBatch(req.body, sessionOf(res)!.user.username, { store: ctx.store, keys: ctx.keys });
      },
    },
  ];
}
