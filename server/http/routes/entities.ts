import { z } from 'zod';
import { CaseGraphError } from '../../domain/errors.js';
import { searchIds } from '../../domain/search-terms.js';
import type { AppContext } from '../context.js';
import { route, type AnyRoute } from '../define-route.js';
import { sessionOf } from '../session.js';
import { allowedCases, mayRead, requireEntity, requireOneOf, unitsOf } from '../case-scope.js';
import {
  entityDetailSchema,
  idParamsSchema,
  linkDetailSchema,
  linkQuerySchema,
  searchQuerySchema,
  searchResultSchema,
} from '../schemas.js';

const revealSchema = z
  .object({
    reason: z
      .string()
      .trim()
      .min(10, 'say why, in a sentence: the reason is kept on the audit trail')
      .max(500),
  })
  .strict()
  .meta({ id: 'RevealRequest' });

export function entityRoutes(ctx: AppContext): AnyRoute[] {
  return [
    route({
      method: 'get',
      access: 'graph.read',
      path: '/api/entities/:id',
      audit: ({ params }) => ({ action: 'read.entity', target: params.id }),
      tags: ['entities'],
      summary: 'An entity with every provenance record and the cases it is part of',
      params: idParamsSchema,
      responses: { 200: { description: 'The entity.', schema: entityDetailSchema } },
      errors: [404],
      handler: async ({ params }, _req, res) => {
        const entity = await ctx.store.getEntity(params.id);
        if (!entity) throw new CaseGraphError('ENTITY.NOT_FOUND', `no entity ${params.id}`);
        await requireOneOf(ctx, sessionOf(res)!.user, entity.caseIds);
        return entity;
      },
    }),
    route({
      method: 'get',
      access: 'graph.read',
      path: '/api/links/:id',
      audit: ({ params }) => ({ action: 'read.link', target: params.id }),
      tags: ['entities'],
      summary: 'A link with its evidence and its occurrences (calls, payments, stays), oldest first',
      params: idParamsSchema,
      query: linkQuerySchema,
      responses: { 200: { description: 'The link.', schema: linkDetailSchema } },
      errors: [400, 404],
      handler: async (
        {
          params,
          query,
        }: {
          params: { id: string };
          query: z.output<typeof linkQuerySchema>;
        },
        _req,
        res,
      ) => {
        const link = await ctx.store.getLink(params.id, query.occurrences);
        if (!link) throw new CaseGraphError('ENTITY.NOT_FOUND', `no link ${params.id}`);
        // A link may be read from either end the caller may read.
        const user = sessionOf(res)!.user;
        await requireEntity(ctx, user, link.from).catch(() => requireEntity(ctx, user, link.to));
        return link;
      },
    }),
    route({
      method: 'get',
      access: 'graph.read',
      path: '/api/search',
      // By what it found, not by its text: a search for a name would put the name on the trail.
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
      handler: async ({ query }, _req, res) => {
        const results = await ctx.store.search({
          ids: searchIds(query.q, ctx.keys),
          text: query.q,
          kinds: query.kinds,
          limit: query.limit,
        });
        // A protected person is never found by what names them: even masked, the hit would tie the
        // name typed to a victim. They are reached through their case, or revealed with a reason.
        const { byId } = await ctx.masking.current();
        const found = results.filter((r) => !byId.has(r.id));
        // What only other cases hold is a hit, not a result: which units to contact, nothing more.
        const allowed = await allowedCases(ctx, sessionOf(res)!.user);
        if (allowed === 'all') return { results: found };
        const shown = [];
        const elsewhere: string[] = [];
        for (const r of found) {
          const caseIds = (await ctx.store.getEntity(r.id))?.caseIds ?? [];
          if (mayRead(allowed, caseIds)) shown.push(r);
          else elsewhere.push(...caseIds);
        }
        const units = await unitsOf(ctx, [...new Set(elsewhere)]);
        return { results: shown, ...(units.length ? { elsewhere: { units } } : {}) };
      },
      audit: (_input, result) => {
        const ids = result.results.map((r) => r.id);
        return { action: 'search', detail: { ids: ids.slice(0, 200), results: ids.length } };
      },
    }),
    route({
      method: 'post',
      access: 'victims.reveal',
      unmasked: true,
      path: '/api/entities/:id/reveal',
      tags: ['entities'],
      summary:
        "A protected person's (or their identifier's) real details, for a stated reason, on the audit trail",
      description:
        'Only roles allowed to see victims may ask, and each reveal is recorded with who, when, from where and why. Reports and exports never carry what a reveal shows.',
      params: idParamsSchema,
      body: revealSchema,
      responses: { 200: { description: 'The entity, unmasked.', schema: entityDetailSchema } },
      errors: [400, 404],
      handler: async ({ params, body: { reason } }, req, res) => {
        const entity = await ctx.store.getEntity(params.id);
        if (!entity) throw new CaseGraphError('ENTITY.NOT_FOUND', `no entity ${params.id}`);
        const { user } = sessionOf(res)!;
        await requireOneOf(ctx, user, entity.caseIds);
        await ctx.audit.record({
          actor: user.username,
          role: user.role,
          action: 'reveal',
          target: params.id,
          ip: req.ip ?? null,
          detail: { reason },
        });
        return entity;
      },
    }),
  ];
}
