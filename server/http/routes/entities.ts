import type { z } from 'zod';
import { CaseGraphError } from '../../domain/errors.js';
import { searchIds } from '../../domain/search-terms.js';
import type { AppContext } from '../context.js';
import type { AnyRoute } from '../define-route.js';
import {
  entityDetailSchema,
  idParamsSchema,
  linkDetailSchema,
  linkQuerySchema,
  searchQuerySchema,
  searchResultSchema,
} from '../schemas.js';

export function entityRoutes(ctx: AppContext): AnyRoute[] {
  return [
    {
      method: 'get',
      access: 'graph.read',
      path: '/api/entities/:id',
      audit: ({ params }) => ({ action: 'read.entity', target: (params as { id: string }).id }),
      tags: ['entities'],
      summary: 'An entity with every provenance record and the cases it is part of',
      params: idParamsSchema,
      responses: { 200: { description: 'The entity.', schema: entityDetailSchema } },
      errors: [404],
      handler: async ({ params }: { params: z.output<typeof idParamsSchema> }) => {
        const entity = await ctx.store.getEntity(params.id);
        if (!entity) throw new CaseGraphError('ENTITY.NOT_FOUND', `no entity ${params.id}`);
        return entity;
      },
    },
    {
      method: 'get',
      access: 'graph.read',
      path: '/api/links/:id',
      audit: ({ params }) => ({ action: 'read.link', target: (params as { id: string }).id }),
      tags: ['entities'],
      summary: 'A link with its evidence and its occurrences (calls, payments, stays), oldest first',
      params: idParamsSchema,
      query: linkQuerySchema,
      responses: { 200: { description: 'The link.', schema: linkDetailSchema } },
      errors: [400, 404],
      handler: async ({
        params,
        query,
      }: {
        params: { id: string };
        query: z.output<typeof linkQuerySchema>;
      }) => {
        const link = await ctx.store.getLink(params.id, query.occurrences);
        if (!link) throw new CaseGraphError('ENTITY.NOT_FOUND', `no link ${params.id}`);
        return link;
      },
    },
    {
      method: 'get',
      access: 'graph.read',
      path: '/api/search',
      // By what it found, not by its text: a search for a name would put the name on the trail.
      audit: (_input, result) => {
        const ids = (result as { results: { id: string }[] }).results.map((r) => r.id);
        return { action: 'search', detail: { ids: ids.slice(0, 200), results: ids.length } };
      },
      tags: ['entities'],
      summary: 'Find entities by identifier as people type it, or by name',
      description:
        '"98201 23456", "+91-98201-23456" and "9820123456" find the same phone; names match as word prefixes, case and accents ignored.',
      query: searchQuerySchema,
      responses: {
        200: {
          description: 'Exact identifier matches first, then name matches.',
          schema: searchResultSchema,
        },
      },
      errors: [400],
      handler: async ({ query }: { query: z.output<typeof searchQuerySchema> }) => ({
        results: await ctx.store.search({
          ids: searchIds(query.q, ctx.keys),
          text: query.q,
          kinds: query.kinds,
          limit: query.limit,
        }),
      }),
    },
  ];
}
