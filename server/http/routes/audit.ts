/** The audit trail for auditors: reading it page by page, and verifying its chain. */
import { z } from 'zod';
import { verifyChain } from '../../audit/verify.js';
import type { AppContext } from '../context.js';
import { route, type AnyRoute } from '../define-route.js';
import { sessionOf } from '../session.js';

const pageQuery = z
  .object({
    afterSeq: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    case: z.string().min(1).max(200).optional(),
    actor: z.string().min(1).max(64).optional(),
    action: z.string().min(1).max(40).optional(),
  })
  .strict();

const entrySchema = z
  .object({
    seq: z.number(),
    at: z.number(),
    actor: z.string().nullable(),
    role: z.string().nullable(),
    action: z.string(),
    caseId: z.string().nullable(),
    target: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });

const verifySchema = z
  .object({
    ok: z.boolean(),
    entries: z.number(),
    head: z.object({ seq: z.number(), hash: z.string() }),
    problems: z.array(z.object({ seq: z.number(), kind: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'AuditVerification' });

export function auditRoutes(ctx: AppContext): AnyRoute[] {
  return [
    route({
      method: 'get',
      access: 'audit.read',
      path: '/api/audit',
      tags: ['audit'],
      summary: 'The audit trail, oldest first, a page after a sequence number',
      query: pageQuery,
      responses: {
        200: { description: 'A page of entries.', schema: z.object({ entries: z.array(entrySchema) }) },
      },
      errors: [400],
      audit: ({ query: q }) => ({ action: 'audit.read', detail: { afterSeq: q.afterSeq, limit: q.limit } }),
      handler: async ({ query }) => ({
        entries: await ctx.auditStore.read({
          afterSeq: query.afterSeq,
          limit: query.limit,
          caseId: query.case,
          actor: query.actor,
          action: query.action,
        }),
      }),
    }),
    route({
      method: 'get',
      access: 'audit.read',
      path: '/api/audit/verify',
      tags: ['audit'],
      summary: 'Recompute the hash chain and name any entry changed, missing or out of order',
      responses: { 200: { description: 'What the verification found.', schema: verifySchema } },
      handler: async (_input, req, res) => {
        const result = await verifyChain(ctx.auditStore.entries());
        const { user } = sessionOf(res)!;
        await ctx.audit.record({
          actor: user.username,
          role: user.role,
          action: 'audit.verify',
          ip: req.ip ?? null,
          detail: { ok: result.ok, problems: result.ok ? 0 : result.problems.length },
        });
        return result;
      },
    }),
  ];
}
