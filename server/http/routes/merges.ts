/**
 * Merge candidates and merges of persons (issue 8): the pairs of person records that are probably one
 * person, with the evidence for each; a user's decision (merge, or not the same); the undo of a merge.
 * Nothing is merged without a decision, each decision and undo is on the audit trail by ids, and a
 * candidate is shown only to someone who may read both persons.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { UserView } from '../../domain/access.js';
import { CaseGraphError } from '../../domain/errors.js';
import { maskedLabel, type ProtectedEntity } from '../../domain/protection.js';
import type { EntityDetail, EntityView } from '../../domain/views.js';
import { CandidateList } from '../../ingest/resolve/candidate-list.js';
import type { Evidence, MergeCandidate } from '../../ingest/resolve/merge-candidates.js';
import { allowedCases, mayRead, requireCase, requireOneOf } from '../case-scope.js';
import type { AppContext } from '../context.js';
import { resultOf } from '../../workers/analytics-client.js';
import { route, type AnyRoute } from '../define-route.js';
import { resolveCase } from '../query-helpers.js';
import { entityViewSchema } from '../schemas.js';
import { sessionOf } from '../session.js';

const candidateParams = z.object({
  id: z.string().regex(/^candidate:[0-9a-f]{24}$/, 'a candidate id is "candidate:" and 24 hex digits'),
});
const mergeParams = z.object({
  id: z.string().regex(/^merge:[0-9a-f]{24}$/, 'a merge id is "merge:" and 24 hex digits'),
});
const listQuery = z
  .object({
    case: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: 'Only pairs with a person in this case (FIR key or id).' }),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
const decisionBody = z
  .object({
    decision: z.enum(['merge', 'not-the-same']),
    keep: z.string().optional().meta({
      description: "For a merge: which of the two persons stays (its id); the candidate's first by default.",
    }),
  })
  .strict()
  .meta({ id: 'MergeDecision' });

const evidenceSchema = z
  .object({
    kind: z.enum(['name', 'identifier', 'dob', 'address']),
    detail: z.string(),
    entityId: z.string().optional(),
  })
  .meta({ id: 'MergeEvidence' });
const candidateSchema = z
  .object({
    id: z.string(),
    score: z.number().meta({ description: "0–1: half the names' likeness, half what the two share." }),
    a: entityViewSchema,
    b: entityViewSchema,
    evidence: z.array(evidenceSchema),
  })
  .meta({ id: 'MergeCandidate' });
const mergeSchema = z
  .object({
    id: z.string(),
    survivorId: z.string(),
    absorbedId: z.string(),
    decidedBy: z.string(),
    decidedAt: z.string(),
    undoneBy: z.string().nullable(),
    undoneAt: z.string().nullable(),
  })
  .meta({ id: 'Merge' });
const decisionResult = z
  .object({
    candidate: z.string(),
    decision: z.enum(['merge', 'not-the-same']),
    merge: mergeSchema.nullable(),
    persons: z.array(z.string()).meta({ description: 'The two persons of the candidate, by id.' }),
  })
  .meta({ id: 'MergeDecisionResult' });

const view = ({ id, kind, scheme, key, label, props }: EntityDetail): EntityView => ({
  id,
  kind,
  scheme,
  key,
  label,
  props,
});

/**
 * The other record of a pair with a protected person: it is not protected itself, but shown beside the
 * pseudonym as "alike" it would spell out the victim's name. Opened on its own, it shows as any record.
 */
const withheld = (v: EntityView, beside: ProtectedEntity): EntityView => ({
  ...v,
  key: 'withheld',
  label: `A record like ${maskedLabel(beside)}`,
  props: { withheld: true },
});

/** A protected person's name is not shown, so neither are the parts of it that made the match. */
function shownEvidence(evidence: Evidence[], masked: boolean): Evidence[] {
  if (!masked) return evidence;
  const rest = evidence.filter((e) => e.kind !== 'name');
  return [{ kind: 'name', detail: 'names alike' }, ...rest];
}

export function mergeRoutes(ctx: AppContext): AnyRoute[] {
  const list = new CandidateList(ctx.store, async () =>
    resultOf<MergeCandidate[]>(await ctx.analytics.run('merge-candidates', {})),
  );

  /** Both persons of a candidate, each readable by the user, or the "hit" error of the first that is not. */
  async function readablePair(user: UserView, c: MergeCandidate): Promise<[EntityDetail, EntityDetail]> {
    const [a, b] = await Promise.all([ctx.store.getEntity(c.a), ctx.store.getEntity(c.b)]);
    if (!a || !b) throw new CaseGraphError('CANDIDATE.NOT_FOUND', `candidate ${c.id} is no longer offered`);
    await requireOneOf(ctx, user, a.caseIds);
    await requireOneOf(ctx, user, b.caseIds);
    return [a, b];
  }

  async function candidate(id: string): Promise<MergeCandidate> {
    const found = (await list.current()).candidates.find((c) => c.id === id);
    if (!found)
      throw new CaseGraphError(
        'CANDIDATE.NOT_FOUND',
        `no candidate ${id}: it was never offered, or it was decided, or the graph has changed since`,
      );
    return found;
  }

  return [
    route({
      method: 'get',
      access: 'graph.read',
      path: '/api/merge-candidates',
      tags: ['merges'],
      summary: 'Persons who are probably the same, best first, with the evidence for each',
      description:
        'Pairs of person records whose names match (transliterations, initials, order) and who share a phone, handset, account, ID document, address or date of birth. Only pairs whose both persons the caller may read. Nothing is merged until a user decides.',
      query: listQuery,
      responses: {
        200: {
          description: 'The candidates.',
          schema: z.object({ version: z.number().int(), candidates: z.array(candidateSchema) }),
        },
      },
      errors: [400, 403, 404],
      handler: async ({ query }, _req, res) => {
        const user = sessionOf(res)!.user;
        const caseId = query.case === undefined ? undefined : await resolveCase(ctx, query.case);
        if (caseId) await requireCase(ctx, user, caseId);
        const allowed = await allowedCases(ctx, user);
        const { byId } = await ctx.masking.current();
        const { version, candidates } = await list.current();
        const out: z.input<typeof candidateSchema>[] = [];
        for (const c of candidates) {
          if (out.length >= query.limit) break;
          const [a, b] = await Promise.all([ctx.store.getEntity(c.a), ctx.store.getEntity(c.b)]);
          if (!a || !b || !mayRead(allowed, a.caseIds) || !mayRead(allowed, b.caseIds)) continue;
          if (caseId && !a.caseIds.includes(caseId) && !b.caseIds.includes(caseId)) continue;
          const [pa, pb] = [byId.get(c.a), byId.get(c.b)];
          out.push({
            id: c.id,
            score: c.score,
            a: pb && !pa ? withheld(view(a), pb) : view(a),
            b: pa && !pb ? withheld(view(b), pa) : view(b),
            evidence: shownEvidence(c.evidence, Boolean(pa ?? pb)),
          });
        }
        return { version, candidates: out };
      },
      audit: (_input, result) => {
        const shown = result.candidates;
        return {
          action: 'read.candidates',
          detail: { ids: shown.flatMap((c) => [c.a.id, c.b.id]).slice(0, 200), results: shown.length },
        };
      },
    }),
    route({
      method: 'post',
      access: 'ingest',
      path: '/api/merge-candidates/:id/decision',
      tags: ['merges'],
      summary: 'Decide a candidate: merge the two persons, or record that they are not the same',
      description:
        'A merge moves the absorbed person\'s provenance records and links to the person kept; it can be undone. "Not the same" stops the pair being offered.',
      params: candidateParams,
      body: decisionBody,
      responses: { 200: { description: 'The decision, and the merge it made.', schema: decisionResult } },
      errors: [400, 403, 404, 409],
      handler: async ({ params, body }, req, res) => {
        const user = sessionOf(res)!.user;
        const c = await candidate(params.id);
        if (body.keep !== undefined && body.keep !== c.a && body.keep !== c.b)
          throw new CaseGraphError(
            'REQUEST.INVALID',
            'the person kept must be one of the two of the candidate',
            [{ section: 'body', path: 'keep', message: `must be ${c.a} or ${c.b}` }],
          );
        await readablePair(user, c);
        const persons = [c.a, c.b];
        if (body.decision === 'not-the-same') {
          await ctx.store.markNotSame({ a: c.a, b: c.b, decidedBy: user.username, at: new Date() });
          return { candidate: c.id, decision: body.decision, merge: null, persons };
        }
        const keep = body.keep ?? c.a;
        const merge = await ctx.store.mergePersons({
          id: `merge:${randomBytes(12).toString('hex')}`,
          survivorId: keep,
          absorbedId: keep === c.a ? c.b : c.a,
          decidedBy: user.username,
          at: new Date(),
        });
        return { candidate: c.id, decision: body.decision, merge, persons };
      },
      audit: ({ params }, r) => {
        return {
          action: r.decision === 'merge' ? 'merge' : 'merge.reject',
          target: r.merge?.id ?? params.id,
          detail: { ids: r.persons },
        };
      },
    }),
    route({
      method: 'get',
      access: 'graph.read',
      path: '/api/merges/:id',
      audit: ({ params }) => ({ action: 'read.merge', target: params.id }),
      tags: ['merges'],
      summary: 'A merge: who decided it, which person stayed, and whether it was undone',
      params: mergeParams,
      responses: { 200: { description: 'The merge.', schema: mergeSchema } },
      errors: [400, 403, 404],
      handler: async ({ params }, _req, res) => {
        const merge = await ctx.store.getMerge(params.id);
        if (!merge) throw new CaseGraphError('MERGE.NOT_FOUND', `no merge ${params.id}`);
        await requireMergeAccess(ctx, sessionOf(res)!.user, merge.survivorId, merge.absorbedId);
        return merge;
      },
    }),
    route({
      method: 'post',
      access: 'ingest',
      path: '/api/merges/:id/undo',
      tags: ['merges'],
      summary: 'Undo a merge: the two persons are as they were before it',
      description:
        'Refused (409) when it is undone already, when the person kept has been merged on since (undo that first), or when new evidence has stated the merged person again.',
      params: mergeParams,
      responses: { 200: { description: 'The merge, undone.', schema: mergeSchema } },
      errors: [400, 403, 404, 409],
      handler: async ({ params }, _req, res) => {
        const user = sessionOf(res)!.user;
        const merge = await ctx.store.getMerge(params.id);
        if (!merge) throw new CaseGraphError('MERGE.NOT_FOUND', `no merge ${params.id}`);
        await requireMergeAccess(ctx, user, merge.survivorId, merge.absorbedId);
        return ctx.store.undoMerge(params.id, { undoneBy: user.username, at: new Date() });
      },
      audit: (_input, m) => {
        return { action: 'merge.undo', target: m.id, detail: { ids: [m.survivorId, m.absorbedId] } };
      },
    }),
  ];
}

/** A merge is the business of whoever may read the person it kept (or, once undone, either person). */
async function requireMergeAccess(ctx: AppContext, user: UserView, ...ids: string[]): Promise<void> {
  for (const id of ids) {
    const e = await ctx.store.getEntity(id);
    if (e) return requireOneOf(ctx, user, e.caseIds);
  }
  // Neither exists (merged on since): only someone who may read everything may look.
  await requireOneOf(ctx, user, []);
}
