/** Admins assign cases to users (and take them back); each change goes on the audit trail. */
import { z } from 'zod';
import { USERNAME } from '../../domain/access.js';
import { CaseGraphError } from '../../domain/errors.js';
import type { AppContext } from '../context.js';
import { route, type AnyRoute } from '../define-route.js';
import { resolveCase } from '../query-helpers.js';
import { sessionOf } from '../session.js';

const paramsSchema = z.object({ id: z.string().min(1).max(200) });
const bodySchema = z.object({ username: USERNAME }).strict().meta({ id: 'CaseAssignment' });

function change(ctx: AppContext, path: string, action: 'case.grant' | 'case.revoke'): AnyRoute {
  return route({
    method: 'post',
    access: 'users.manage',
    path,
    tags: ['access'],
    summary: action === 'case.grant' ? 'Assign a case to a user' : 'Take a case back from a user',
    params: paramsSchema,
    body: bodySchema,
    responses: {
      200: {
        description: 'The cases the user is now assigned.',
        schema: z.object({ cases: z.array(z.string()) }),
      },
    },
    errors: [400, 404],
    handler: async ({ params, body: { username } }, req, res) => {
      const caseId = await resolveCase(ctx, params.id);
      const found = await ctx.access.userForLogin(username);
      if (!found) throw new CaseGraphError('USER.NOT_FOUND', `no user named ${username}`);
      const admin = sessionOf(res)!.user;
      if (action === 'case.grant') await ctx.access.grantCase(caseId, found.user.id, admin.id, Date.now());
      else await ctx.access.revokeCase(caseId, found.user.id);
      await ctx.audit.record({
        actor: admin.username,
        role: admin.role,
        action,
        caseId,
        target: found.user.username,
        ip: req.ip ?? null,
      });
      return { cases: await ctx.access.casesOf(found.user.id) };
    },
  });
}

export function caseAccessRoutes(ctx: AppContext): AnyRoute[] {
  return [
    change(ctx, '/api/cases/:id/grants', 'case.grant'),
    change(ctx, '/api/cases/:id/revocations', 'case.revoke'),
  ];
}
