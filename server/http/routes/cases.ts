/**
 * The cases a user may open, for the client's picker: an admin's are every case, anyone else's the
 * ones assigned to them. Read as the case entities of the user's scope, so it can never list more
 * than /api/graph would show the same user.
 */
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { route, type AnyRoute } from '../define-route.js';
import { allowedCases } from '../case-scope.js';
import { sessionOf } from '../session.js';

const MAX_CASES = 5000;

export const caseListSchema = z
  .object({
    cases: z.array(
      z.object({
        id: z.string(),
        label: z.string().meta({ description: 'The FIR key: state/district/police station/number/year.' }),
        unit: z.string().nullable(),
        firDate: z.string().nullable(),
        status: z.enum(['open', 'closed']),
      }),
    ),
  })
  .meta({ id: 'CaseList' });

const text = (v: unknown) => (typeof v === 'string' ? v : null);

export function caseRoutes(ctx: AppContext): AnyRoute[] {
  return [
    route({
      method: 'get',
      access: 'graph.read',
      path: '/api/cases',
      // Which FIRs a user was shown is a read of case data like any other.
      tags: ['graph'],
      summary: 'The cases the caller may open: every case for an admin, the assigned ones for others',
      responses: { 200: { description: 'The cases, by FIR key.', schema: caseListSchema } },
      handler: async (_input, _req, res) => {
        const allowed = await allowedCases(ctx, sessionOf(res)!.user);
        if (allowed !== 'all' && allowed.size === 0) return { cases: [] };
        const sub = await ctx.store.subgraph({
          kinds: ['case'],
          limit: MAX_CASES,
          ...(allowed === 'all' ? {} : { caseIds: [...allowed].sort() }),
        });
        const cases = sub.nodes
          .filter((e) => e.kind === 'case' && (allowed === 'all' || allowed.has(e.id)))
          .map((e) => ({
            id: e.id,
            label: e.label,
            unit: text(e.props.unit) ?? text(e.props.policeStation),
            firDate: text(e.props.firDate),
            status: e.props.status === 'closed' ? ('closed' as const) : ('open' as const),
          }))
          .sort((a, b) => a.label.localeCompare(b.label));
        return { cases };
      },
      audit: (_input, result) => ({
        action: 'read.graph',
        detail: { entities: result.cases.length },
      }),
    }),
  ];
}
