/**
 * The timeline (issue 9): the occurrences — calls, payments, stays, sightings — of the entities an
 * investigator selects, on one time axis, each with the documents and rows that record it. Only what the
 * caller's cases record is shown: an occurrence known only from another case's evidence is left out.
 */
import { z } from 'zod';
import { CaseGraphError } from '../../domain/errors.js';
import { linkRule, type LinkKind } from '../../domain/kinds.js';
import type { EntityView, LinkView } from '../../domain/views.js';
import { allowedCases, mayRead, requireOneOf } from '../case-scope.js';
import type { AppContext } from '../context.js';
import { route, type AnyRoute } from '../define-route.js';
import { csvOf } from '../query-helpers.js';
import { sessionOf } from '../session.js';

const OCCURRENCE_KINDS = ['calls', 'payments', 'stays', 'sightings'] as const;
type OccurrenceKind = (typeof OCCURRENCE_KINDS)[number];

const when = (name: string) =>
  z.iso
    .datetime({ offset: true, message: `${name} must be an ISO 8601 date-time with an offset` })
    .transform((s) => Date.parse(s))
    .optional();

export const timelineQuerySchema = z
  .object({
    entities: z
      .union([z.string(), z.array(z.string())])
      .transform((v) => [
        ...new Set((Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean)),
      ])
      .pipe(z.array(z.string().max(200)).min(1, 'select at least one entity').max(20, 'at most 20 entities'))
      .meta({ description: 'Entity ids, comma-separated or repeated (1 to 20).' }),
    kinds: csvOf(OCCURRENCE_KINDS, 'occurrence kind'),
    from: when('from'),
    to: when('to'),
    limit: z.coerce.number().int().min(1).max(10_000).default(2_000),
  })
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['to'],
  });

const refSchema = z.object({ id: z.string(), kind: z.string(), key: z.string(), label: z.string() });

export const timelineSchema = z
  .object({
    entities: z
      .array(refSchema)
      .meta({ description: 'The entities selected and the other ends of their occurrences.' }),
    occurrences: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(OCCURRENCE_KINDS),
        linkKind: z.string(),
        link: z.string(),
        from: z.string(),
        to: z.string(),
        at: z.string(),
        endAt: z.string().nullable(),
        durationS: z.number().nullable(),
        amount: z.number().nullable(),
        evidence: z.array(z.object({ document: z.string(), name: z.string(), ref: z.string().nullable() })),
      }),
    ),
    truncated: z.boolean(),
  })
  .meta({ id: 'Timeline' });

/** Occurrences read per link: a CDR's busiest pair has thousands; the window and limit cut the rest. */
const PER_LINK = 10_000;

const refOf = (e: EntityView) => ({ id: e.id, kind: e.kind, key: e.key, label: e.label });

const overlaps = (l: LinkView, from?: number, to?: number) =>
  l.firstAt !== null &&
  (to === undefined || Date.parse(l.firstAt) <= to) &&
  (from === undefined || Date.parse(l.lastAt ?? l.firstAt) >= from);

export function timelineRoutes(ctx: AppContext): AnyRoute[] {
  return [
    route({
      method: 'get',
      access: 'graph.read',
      path: '/api/timeline',
      tags: ['entities'],
      summary:
        'The calls, payments, stays and sightings of selected entities on one time axis, with their evidence',
      query: timelineQuerySchema,
      responses: { 200: { description: 'Occurrences, oldest first.', schema: timelineSchema } },
      errors: [400, 403, 404],
      handler: async ({ query: q }, _req, res) => {
        const { user } = sessionOf(res)!;
        const allowed = await allowedCases(ctx, user);
        const kinds = new Set<OccurrenceKind>(q.kinds ?? OCCURRENCE_KINDS);
        const ends = new Map<string, EntityView>();
        const links = new Map<string, LinkView>();
        for (const [i, id] of q.entities.entries()) {
          const entity = await ctx.store.getEntity(id);
          if (!entity)
            throw new CaseGraphError('ENTITY.NOT_FOUND', `no entity ${id}`, [
              { section: 'query', path: `entities[${i}]`, message: 'no entity has this id' },
            ]);
          await requireOneOf(ctx, user, entity.caseIds);
          ends.set(id, entity);
          const around = await ctx.store.neighbourhood(id, { hops: 1, limit: 100_000 });
          for (const n of around.nodes) if (!ends.has(n.id)) ends.set(n.id, n);
          for (const l of around.links) {
            const kind = linkRule(l.kind as LinkKind).occurrences;
            if (
              (l.from === id || l.to === id) &&
              kind !== 'none' &&
              kinds.has(kind) &&
              overlaps(l, q.from, q.to)
            )
              links.set(l.id, l);
          }
        }
        const occurrences = [];
        for (const l of links.values()) {
          const detail = await ctx.store.getLink(l.id, PER_LINK);
          if (!detail) continue;
          for (const o of detail.occurrences) {
            const at = Date.parse(o.at);
            if ((q.from !== undefined && at < q.from) || (q.to !== undefined && at > q.to)) continue;
            // What the caller's cases record of it; an occurrence no case of theirs records is not theirs.
            const evidence = o.provenance
              .filter(
                (p) =>
                  allowed === 'all' || (p.document.caseId !== null && mayRead(allowed, [p.document.caseId])),
              )
              .map((p) => ({ document: p.document.id, name: p.document.name, ref: p.ref }));
            if (!evidence.length) continue;
            occurrences.push({
              id: o.id,
              kind: linkRule(l.kind as LinkKind).occurrences as OccurrenceKind,
              linkKind: l.kind,
              link: l.id,
              from: l.from,
              to: l.to,
              at: o.at,
              endAt: o.endAt,
              durationS: o.durationS,
              amount: o.amount,
              evidence,
            });
          }
        }
        occurrences.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
        const shown = occurrences.slice(0, q.limit);
        const named = new Set([...q.entities, ...shown.flatMap((o) => [o.from, o.to])]);
        return {
          entities: [...named].map((id) => refOf(ends.get(id)!)),
          occurrences: shown,
          truncated: occurrences.length > q.limit,
        };
      },
      audit: ({ query }, result) => ({
        action: 'read.graph',
        detail: {
          ids: query.entities,
          occurrences: result.occurrences.length,
        },
      }),
    }),
  ];
}
