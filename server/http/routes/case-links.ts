/**
 * The links of one case (issue 9): its graph and what lies one hop beyond it, the identifiers other cases
 * share with it (hits), and the alerts ingests raised on it. What the caller may not read of another
 * case is a hit — the unit to contact — never its details.
 */
import { z } from 'zod';
import { alertSchema, alertViews, entityRefSchema, otherCaseSchema } from '../alert-views.js';
import { caseHits } from '../case-hits.js';
import { caseReach, REACH_DEFAULTS } from '../../store/case-reach.js';
import { allowedCases, requireCase, unitsOf } from '../case-scope.js';
import type { AppContext } from '../context.js';
import { route, type AnyRoute } from '../define-route.js';
import { resolveCase } from '../query-helpers.js';
import { idParamsSchema, serialisedGraphSchema } from '../schemas.js';
import { toSerialisedGraph } from '../serialise-graph.js';
import { sessionOf } from '../session.js';

export const hitsSchema = z
  .object({
    caseId: z.string(),
    hits: z.array(
      z.object({
        entity: entityRefSchema,
        strength: z.enum(['strong', 'moderate', 'weak']).meta({
          description:
            'strong: a phone, handset, account, ID, vehicle or person with two or more links in this case; moderate: one link, or a place with three or more; weak: a hotel or address with fewer.',
        }),
        linksHere: z.number().int(),
        others: z.array(otherCaseSchema),
      }),
    ),
  })
  .meta({ id: 'CaseHits' });

export const alertsSchema = z
  .object({ caseId: z.string(), alerts: z.array(alertSchema) })
  .meta({ id: 'CaseAlerts' });

const linksQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(20_000).default(REACH_DEFAULTS.limit),
    beyond: z.coerce
      .number()
      .int()
      .min(0)
      .max(200)
      .default(REACH_DEFAULTS.beyond)
      .meta({ description: 'At most this many entities one hop beyond each entity of the case.' }),
  })
  .strict();

const alertsQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }).strict();

type Input = { params: z.output<typeof idParamsSchema> };

async function caseOf(ctx: AppContext, input: Input, res: Parameters<AnyRoute['handler']>[2]) {
  const caseId = await resolveCase(ctx, input.params.id);
  const { user } = sessionOf(res)!;
  await requireCase(ctx, user, caseId);
  return { caseId, user };
}

async function linksOfCase(
  ctx: AppContext,
  caseId: string,
  allowed: Awaited<ReturnType<typeof allowedCases>>,
  q: z.output<typeof linksQuerySchema>,
) {
  const r = await caseReach(ctx.store, caseId, allowed, q);
  return {
    graph: r.graph,
    beyond: r.beyond,
    withheld: r.withheld.entities
      ? { entities: r.withheld.entities, units: await unitsOf(ctx, r.withheld.cases) }
      : null,
  };
}

export function caseLinkRoutes(ctx: AppContext): AnyRoute[] {
  return [
    route({
      method: 'get',
      access: 'graph.read',
      path: '/api/cases/:id/links',
      tags: ['cases'],
      summary: 'The links of this case: its graph and what the caller may read one hop beyond it',
      description:
        "The case's graph (as /api/graph?case=) plus, for each of its entities, the neighbours its evidence does not hold, where another case the caller may read holds them; `beyond` lists those. Neighbours only other cases hold are withheld, counted with the units to contact. Communities, key players and brokers of the same graph, with the defaults' limits: /api/analytics/*?case=…&reach=1.",
      params: idParamsSchema,
      query: linksQuerySchema,
      responses: {
        200: {
          description: 'The graph, in graphology format, and what lies beyond the case.',
          schema: z
            .object({
              graph: serialisedGraphSchema,
              beyond: z.array(z.string()),
              withheld: z.object({ entities: z.number().int(), units: z.array(z.string()) }).nullable(),
            })
            .meta({ id: 'CaseLinks' }),
        },
      },
      errors: [400, 403, 404],
      handler: async (input, _req, res) => {
        const { caseId, user } = await caseOf(ctx, input, res);
        const r = await linksOfCase(ctx, caseId, await allowedCases(ctx, user), input.query);
        return {
          graph: toSerialisedGraph(r.graph, await ctx.store.version(), ctx.demo, caseId),
          beyond: r.beyond,
          withheld: r.withheld,
        };
      },
      audit: (_i, r) => {
        return {
          action: 'read.graph',
          caseId: r.graph.attributes.case,
          detail: { entities: r.graph.nodes.length, links: r.graph.edges.length, hops: 1 },
        };
      },
    }),
    route({
      method: 'get',
      access: 'graph.read',
      path: '/api/cases/:id/hits',
      tags: ['cases'],
      summary:
        "Cross-case hits: this case's identifiers that other cases hold too, and how strong each tie is",
      description:
        'Identifiers are persons, phones, devices, accounts, ID documents, hotels, addresses and vehicles. A case the caller may read is named (id, FIR, unit); any other is only "another case at unit X holds this identifier — contact it".',
      params: idParamsSchema,
      responses: { 200: { description: 'The hits, strongest first.', schema: hitsSchema } },
      errors: [403, 404],
      handler: async (input, _req, res) => {
        const { caseId, user } = await caseOf(ctx, input, res);
        return { caseId, hits: await caseHits(ctx, user, caseId) };
      },
      audit: (_i, r) => {
        return { action: 'read.graph', caseId: r.caseId, detail: { hits: r.hits.length } };
      },
    }),
    route({
      method: 'get',
      access: 'graph.read',
      path: '/api/cases/:id/alerts',
      tags: ['cases'],
      summary:
        'What ingests raised on this case: identifiers found in other cases, watched entities touched or brought near',
      description:
        "Raised when the evidence is ingested, once each: the same batch ingested again raises nothing new. The batch's document is named when the caller may read its case; another case is shown as hits are.",
      params: idParamsSchema,
      query: alertsQuerySchema,
      responses: { 200: { description: 'The alerts, newest first.', schema: alertsSchema } },
      errors: [400, 403, 404],
      handler: async (input, _req, res) => {
        const { caseId, user } = await caseOf(ctx, input, res);
        const allowed = await allowedCases(ctx, user);
        const alerts = await ctx.store.alertsOf(caseId, input.query.limit);
        return { caseId, alerts: await alertViews(ctx, allowed, alerts) };
      },
      audit: (_i, r) => {
        return { action: 'read.graph', caseId: r.caseId, detail: { alerts: r.alerts.length } };
      },
    }),
  ];
}
