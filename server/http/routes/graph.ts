import { z } from 'zod';
import { CaseGraphError } from '../../domain/errors.js';
import { BIN_LIMITS } from '../../domain/occurrence-bins.js';
import type { UserView } from '../../domain/access.js';
import type { Subgraph } from '../../domain/views.js';
import type { AppContext } from '../context.js';
import { allowedCases, requireOneOf, scopeCases } from '../case-scope.js';
import { sessionOf } from '../session.js';
import { route, type AnyRoute } from '../define-route.js';
import { graphQuerySchema, serialisedGraphSchema } from '../schemas.js';
import { resolveCase } from '../query-helpers.js';
import { toSerialisedGraph } from '../serialise-graph.js';

type GraphQuery = z.output<typeof graphQuerySchema>;

export const histogramQuerySchema = graphQuerySchema.safeExtend({
  bins: z.coerce
    .number()
    .int()
    .min(1)
    .max(BIN_LIMITS.max)
    .default(BIN_LIMITS.default)
    .meta({ description: `How many bins of equal width, 1 to ${BIN_LIMITS.max}.` }),
});

const counts = z.array(z.number().int().nonnegative());

export const occurrenceHistogramSchema = z
  .object({
    version: z.number().int().meta({ description: 'The graph version the view was read at.' }),
    case: z.string().optional(),
    truncated: z.boolean().meta({ description: 'The view was cut to its limit, as GET /api/graph cuts it.' }),
    links: z.number().int().meta({ description: "The view's links, whose occurrences are counted." }),
    occurrences: z.number().int().meta({ description: 'How many were counted: the sum of `bins`.' }),
    from: z.iso
      .datetime()
      .nullable()
      .meta({ description: 'The earliest occurrence; null when there is none.' }),
    to: z.iso.datetime().nullable().meta({ description: 'The latest occurrence; null when there is none.' }),
    bins: counts.meta({
      description:
        'Occurrences per bin, every link kind together. Bin i holds the occurrences at t with ' +
        'floor((t − from) · n / (to − from)) = i, the last one also t = to; empty when there is none.',
    }),
    byKind: z
      .record(z.string(), counts)
      .meta({ description: 'The same per link kind, for the kinds that have occurrences.' }),
  })
  .meta({ id: 'OccurrenceHistogram' });

/**
 * The subgraph a graph question is about, with the access rules of every graph read: a case the
 * caller may read, an entity's neighbourhood (past one hop only for whoever may see every case), or
 * without either the caller's whole scope (every case for an admin, their own cases taken together).
 */
async function scopedSubgraph(
  ctx: AppContext,
  user: UserView,
  query: GraphQuery,
): Promise<{ sub: Subgraph; caseId: string | undefined }> {
  if (query.around) {
    const centre = await ctx.store.getEntity(query.around);
    if (!centre) throw new CaseGraphError('ENTITY.NOT_FOUND', `no entity ${query.around}`);
    await requireOneOf(ctx, user, centre.caseIds);
    // One hop past what a case holds is where its links to other cases show; further is theirs.
    if (query.hops > 1 && (await allowedCases(ctx, user)) !== 'all')
      throw new CaseGraphError('CASE.NOT_ASSIGNED', 'beyond one hop the graph is other cases: ask an admin');
    const sub = await ctx.store.neighbourhood(query.around, {
      hops: query.hops,
      limit: query.limit,
      linkKinds: query.linkKinds,
    });
    return { sub, caseId: undefined };
  }
  const caseId = query.case === undefined ? undefined : await resolveCase(ctx, query.case);
  const caseIds = await scopeCases(ctx, user, caseId);
  const sub = await ctx.store.subgraph({
    kinds: query.kinds,
    linkKinds: query.linkKinds,
    from: query.from,
    to: query.to,
    limit: query.limit,
    ...(caseIds ? { caseIds } : {}),
  });
  return { sub, caseId };
}

export function graphRoutes(ctx: AppContext): AnyRoute[] {
  return [
    route({
      method: 'get',
      access: 'graph.read',
      path: '/api/graph',
      tags: ['graph'],
      summary:
        "A subgraph in graphology's format: a case, an entity's neighbourhood, or the whole graph, filtered",
      query: graphQuerySchema,
      responses: { 200: { description: 'The subgraph.', schema: serialisedGraphSchema } },
      errors: [400, 404],
      handler: async ({ query }, _req, res) => {
        const { user } = sessionOf(res)!;
        const { sub, caseId } = await scopedSubgraph(ctx, user, query);
        return toSerialisedGraph(sub, await ctx.store.version(), ctx.demo, caseId);
      },
      audit: (_input, g) => {
        return {
          action: 'read.graph',
          caseId: g.attributes.case ?? null,
          detail: { entities: g.nodes.length, links: g.edges.length },
        };
      },
    }),
    route({
      method: 'get',
      access: 'graph.read',
      path: '/api/graph/histogram',
      tags: ['graph'],
      summary: "The occurrences of a view's links over time, counted in bins: the time filter's histogram",
      description:
        'The view is the one GET /api/graph answers for the same parameters, with the same access ' +
        'rules: its links, and every call, payment, stay and sighting of them between the earliest ' +
        'and the latest, counted in `bins` equal bins, together and per link kind.',
      query: histogramQuerySchema,
      responses: { 200: { description: 'The counts.', schema: occurrenceHistogramSchema } },
      errors: [400, 403, 404],
      handler: async ({ query }, _req, res) => {
        const { user } = sessionOf(res)!;
        const { sub, caseId } = await scopedSubgraph(ctx, user, query);
        const counted = await ctx.store.occurrenceBins({
          linkIds: sub.links.map((l) => l.id),
          bins: query.bins,
          from: query.from,
          to: query.to,
        });
        return {
          version: await ctx.store.version(),
          ...(caseId ? { case: caseId } : {}),
          truncated: sub.truncated,
          links: sub.links.length,
          ...counted,
        };
      },
      audit: (_input, h) => {
        return {
          action: 'read.graph',
          caseId: h.case ?? null,
          detail: { links: h.links, occurrences: h.occurrences },
        };
      },
    }),
  ];
}
