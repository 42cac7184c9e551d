import type { z } from 'zod';
import { CaseGraphError } from '../../domain/errors.js';
import type { Subgraph } from '../../domain/views.js';
import type { AppContext } from '../context.js';
import { allowedCases, requireOneOf, scopeCases } from '../case-scope.js';
import { sessionOf } from '../session.js';
import type { AnyRoute } from '../define-route.js';
import { graphQuerySchema, serialisedGraphSchema } from '../schemas.js';
import { resolveCase } from '../query-helpers.js';
import { toSerialisedGraph } from '../serialise-graph.js';

type GraphQuery = z.output<typeof graphQuerySchema>;

export function graphRoutes(ctx: AppContext): AnyRoute[] {
  return [
    {
      method: 'get',
      access: 'graph.read',
      path: '/api/graph',
      audit: (_input, result) => {
        const g = result as { nodes: unknown[]; edges: unknown[]; attributes: { case?: string } };
        return {
          action: 'read.graph',
          caseId: g.attributes.case ?? null,
          detail: { entities: g.nodes.length, links: g.edges.length },
        };
      },
      tags: ['graph'],
      summary:
        "A subgraph in graphology's format: a case, an entity's neighbourhood, or the whole graph, filtered",
      query: graphQuerySchema,
      responses: { 200: { description: 'The subgraph.', schema: serialisedGraphSchema } },
      errors: [400, 404],
      handler: async ({ query }: { query: GraphQuery }, _req, res) => {
        const { user } = sessionOf(res)!;
        const filters = {
          kinds: query.kinds,
          linkKinds: query.linkKinds,
          from: query.from,
          to: query.to,
          limit: query.limit,
        };
        let sub: Subgraph;
        let caseId: string | undefined;
        if (query.around) {
          const centre = await ctx.store.getEntity(query.around);
          if (!centre) throw new CaseGraphError('ENTITY.NOT_FOUND', `no entity ${query.around}`);
          await requireOneOf(ctx, user, centre.caseIds);
          // One hop past what a case holds is where its links to other cases show; further is theirs.
          if (query.hops > 1 && (await allowedCases(ctx, user)) !== 'all')
            throw new CaseGraphError(
              'CASE.NOT_ASSIGNED',
              'beyond one hop the graph is other cases: ask an admin',
            );
          sub = await ctx.store.neighbourhood(query.around, {
            hops: query.hops,
            limit: query.limit,
            linkKinds: query.linkKinds,
          });
        } else {
          caseId = query.case === undefined ? undefined : await resolveCase(ctx, query.case);
          const caseIds = await scopeCases(ctx, user, caseId);
          sub = await ctx.store.subgraph({ ...filters, ...(caseIds ? { caseIds } : {}) });
        }
        return toSerialisedGraph(sub, await ctx.store.version(), ctx.demo, caseId);
      },
    },
  ];
}
