/**
 * Analytics over HTTP: each question goes to the analytics worker, which answers on its projection
 * (the whole graph) or on the subgraph of a case or of filters, off the service's thread.
 */
import type { Response } from 'express';
import { createReadStream, rm } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { CaseGraphError } from '../../domain/errors.js';
import { ENTITY_KINDS, LINK_KINDS } from '../../domain/kinds.js';
import { AnalyticsFailure, type AnalyticsAnswer } from '../../workers/analytics-client.js';
import type { AnalyticsScope } from '../../workers/analytics-protocol.js';
import type { AppContext } from '../context.js';
import { sessionOf } from '../session.js';
import { allowedCases, requireEntity, scopeCases, type Allowed } from '../case-scope.js';
import { route, type AnyRoute } from '../define-route.js';
import { csvOf, resolveCase } from '../query-helpers.js';

const scopeShape = {
  case: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Case id (case:…) or FIR key; the whole graph when absent.' }),
  reach: z.coerce.number().int().min(0).max(1).default(0).meta({
    description:
      "With case: 1 adds the entities one hop beyond the case that the caller may read — the graph /api/cases/{id}/links shows with its default limits; 0, the case's own graph. Not with kinds, linkKinds, since or until.",
  }),
  kinds: csvOf(ENTITY_KINDS, 'kind'),
  linkKinds: csvOf(LINK_KINDS, 'link kind'),
  since: z.iso
    .datetime({ offset: true, message: 'since must be an ISO 8601 date-time with an offset' })
    .optional(),
  until: z.iso
    .datetime({ offset: true, message: 'until must be an ISO 8601 date-time with an offset' })
    .optional(),
};

export const communitiesQuerySchema = z
  .object({
    ...scopeShape,
    resolution: z.coerce.number().min(0.05).max(20).default(1),
    seed: z.string().min(1).max(64).default('casegraph'),
  })
  .strict();

export const centralityQuerySchema = z
  .object({
    ...scopeShape,
    metric: z.enum(['degree', 'weighted-degree', 'pagerank', 'betweenness', 'closeness']),
    limit: z.coerce.number().int().min(1).max(1000).default(20),
  })
  .strict();

export const pathsQuerySchema = z
  .object({
    ...scopeShape,
    from: z.string().min(1).max(200).meta({ description: 'Entity id where the paths start.' }),
    to: z.string().min(1).max(200).meta({ description: 'Entity id where the paths end.' }),
    max: z.coerce.number().int().min(1).max(8).default(4).meta({ description: 'Hop limit.' }),
    k: z.coerce.number().int().min(1).max(50).default(5),
    minWeight: z.coerce
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .default(1)
      .meta({ description: 'Strong links only: at least this many occurrences.' }),
  })
  .strict();

export const sharedQuerySchema = z
  .object({
    ...scopeShape,
    entity: z.string().min(1).max(200).meta({ description: 'A person id.' }),
    limit: z.coerce.number().int().min(1).max(500).default(20),
  })
  .strict();

export const componentsQuerySchema = z
  .object({
    ...scopeShape,
    minSize: z.coerce.number().int().min(1).max(1_000_000).default(1),
    members: z.coerce
      .number()
      .int()
      .min(0)
      .max(10_000)
      .default(50)
      .meta({ description: 'Member ids listed per component.' }),
  })
  .strict();

export const kcoreQuerySchema = z
  .object({ ...scopeShape, k: z.coerce.number().int().min(1).max(10_000) })
  .strict();

export const brokersQuerySchema = z
  .object({ ...scopeShape, limit: z.coerce.number().int().min(1).max(500).default(20) })
  .strict();

const answerSchema = z
  .object({
    version: z.number().int().meta({ description: 'Graph version the answer was computed on.' }),
    cached: z.boolean(),
    ms: z.number(),
    result: z.unknown(),
  })
  .meta({ id: 'AnalyticsAnswer' });

type ScopeQuery = {
  case?: string;
  reach: number;
  kinds?: AnalyticsScope['kinds'];
  linkKinds?: AnalyticsScope['linkKinds'];
  since?: string;
  until?: string;
};

async function scopeOf(ctx: AppContext, q: ScopeQuery): Promise<AnalyticsScope> {
  return {
    ...(q.case ? { caseId: await resolveCase(ctx, q.case) } : {}),
    ...(q.kinds ? { kinds: q.kinds } : {}),
    ...(q.linkKinds ? { linkKinds: q.linkKinds } : {}),
    ...(q.since ? { from: Date.parse(q.since) } : {}),
    ...(q.until ? { to: Date.parse(q.until) } : {}),
  };
}

const invalid = (path: string, message: string) =>
  new CaseGraphError('REQUEST.INVALID', message, [{ section: 'query', path, message }]);

/** The case plus one hop is the graph the links of a case show, which no filter narrows. */
function reachOf(q: ScopeQuery): 0 | 1 {
  if (!q.reach) return 0;
  if (q.case === undefined) throw invalid('reach', 'reach needs a case: it is the case plus one hop');
  for (const f of ['kinds', 'linkKinds', 'since', 'until'] as const)
    if (q[f] !== undefined)
      throw invalid(f, `${f} cannot narrow reach=1: the links of a case are not filtered`);
  return 1;
}

/** Sorted, so two callers with the same cases share a cached answer. */
const readableOf = (allowed: Allowed): 'all' | string[] => (allowed === 'all' ? 'all' : [...allowed].sort());

/**
 * The answer is JSON text already, made in the worker: it is sent as it is, and a large one is streamed
 * from its spool file in chunks so that no single step holds the service's thread.
 */
async function send(res: Response, answer: AnalyticsAnswer): Promise<void> {
  res.status(200).type('application/json');
  if ('body' in answer) {
    res.send(answer.body);
    return;
  }
  // Awaited to the end: the route is done (and nothing else may answer) only once the file is sent.
  try {
    await pipeline(createReadStream(answer.file), res);
  } finally {
    discard(answer);
  }
}

/** A spooled answer that will not be sent (its audit failed, the caller left) is removed all the same. */
function discard(answer: AnalyticsAnswer): void {
  if ('file' in answer) rm(answer.file, { force: true }, () => {});
}

/** The worker's refusals of input (an unknown entity, a person id that is not a person) are 400s. */
async function ask(
  run: () => Promise<AnalyticsAnswer>,
  parameterOf: Record<string, string> = {},
): Promise<AnalyticsAnswer> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AnalyticsFailure && err.detail.name === 'AnalyticsInputError') {
      // The algorithm names its own argument; the caller knows the query parameter.
      const field = err.detail.field ?? 'query';
      const path = parameterOf[field] ?? field;
      throw invalid(path, err.message);
    }
    throw err;
  }
}

function analyticsRoute(
  ctx: AppContext,
  path: string,
  op: string,
  summary: string,
  query: z.ZodObject,
  paramsOf: (q: Record<string, unknown>) => Record<string, unknown>,
  parameterOf: Record<string, string> = {},
): AnyRoute {
  return route({
    method: 'get',
    access: 'analytics',
    path,
    tags: ['analytics'],
    summary,
    query,
    responses: {
      200: { description: 'The answer, with the graph version it holds for.', schema: answerSchema },
    },
    errors: [400, 404],
    handler: async ({ query: q }, req, res) => {
      const reach = reachOf(q as ScopeQuery);
      const asked = await scopeOf(ctx, q as ScopeQuery);
      const caseIds = await scopeCases(ctx, sessionOf(res)!.user, asked.caseId);
      // An end of a path (or the person of shared identifiers) only another case holds is a hit: the
      // unit to contact, as for a read of it, rather than "not in this graph".
      for (const field of ['from', 'to', 'entity'] as const)
        if (typeof q[field] === 'string') await requireEntity(ctx, sessionOf(res)!.user, q[field]);
      const { caseId: _one, ...rest } = asked;
      const scope: AnalyticsScope = reach
        ? { ...asked, reach, readable: readableOf(await allowedCases(ctx, sessionOf(res)!.user)) }
        : caseIds
          ? { ...rest, caseIds }
          : asked;
      const answer = await ask(() => ctx.analytics.run(op, scope, paramsOf(q)), parameterOf);
      // Recorded before it is sent: an answer about case data that cannot be audited is not served.
      const { user } = sessionOf(res)!;
      try {
        await ctx.audit.record({
          actor: user.username,
          role: user.role,
          ip: req.ip ?? null,
          action: 'read.graph',
          caseId: asked.caseId ?? null,
          ...(typeof q.entity === 'string' ? { target: q.entity } : {}),
          ...(reach ? { detail: { hops: reach } } : {}),
        });
      } catch (err) {
        discard(answer);
        throw err;
      }
      // Masked in the worker, where the answer is made: parsing a large answer here would stall the service.
      await send(res, answer);
    },
  });
}

export function analyticsRoutes(ctx: AppContext): AnyRoute[] {
  return [
    route({
      method: 'get',
      access: 'analytics',
      path: '/api/analytics/projection',
      tags: ['analytics'],
      summary: 'The in-memory projection: graph version, size and memory',
      responses: { 200: { description: 'The projection, caught up to the store.', schema: answerSchema } },
      handler: async (_input, _req, res) => await send(res, await ctx.analytics.run('projection', {})),
    }),
    analyticsRoute(
      ctx,
      '/api/analytics/communities',
      'communities',
      'Communities (Louvain, seeded), each connected, with summaries',
      communitiesQuerySchema,
      (q) => ({
        resolution: q.resolution,
        seed: q.seed,
      }),
    ),
    analyticsRoute(
      ctx,
      '/api/analytics/centrality',
      'centrality',
      'Key players by a centrality metric',
      centralityQuerySchema,
      (q) => ({
        metric: q.metric,
        limit: q.limit,
      }),
    ),
    analyticsRoute(
      ctx,
      '/api/analytics/paths',
      'paths',
      'How two entities are tied: shortest and k shortest paths, with their links',
      pathsQuerySchema,
      (q) => ({
        from: q.from,
        to: q.to,
        maxHops: q.max,
        k: q.k,
        minWeight: q.minWeight,
      }),
      { maxHops: 'max' },
    ),
    analyticsRoute(
      ctx,
      '/api/analytics/shared',
      'shared',
      'People tied to a person through a shared phone, device, account, hotel or address',
      sharedQuerySchema,
      (q) => ({
        entity: q.entity,
        limit: q.limit,
      }),
      { person: 'entity' },
    ),
    analyticsRoute(
      ctx,
      '/api/analytics/components',
      'components',
      'Connected components, largest first',
      componentsQuerySchema,
      (q) => ({
        minSize: q.minSize,
        members: q.members,
      }),
    ),
    analyticsRoute(
      ctx,
      '/api/analytics/kcore',
      'kcore',
      'The k-core: entities with at least k neighbours inside it',
      kcoreQuerySchema,
      (q) => ({
        k: q.k,
      }),
    ),
    analyticsRoute(
      ctx,
      '/api/analytics/brokers',
      'brokers',
      'Articulation points, bridges, and the people whose ties span the most communities',
      brokersQuerySchema,
      (q) => ({
        limit: q.limit,
      }),
    ),
  ];
}
