import type { AppContext } from '../context.js';
import { route, type AnyRoute } from '../define-route.js';
import { healthSchema } from '../schemas.js';

export function healthRoutes(ctx: AppContext): AnyRoute[] {
  return [
    route({
      method: 'get',
      access: 'public',
      path: '/api/health',
      tags: ['service'],
      summary: 'Liveness and the graph version',
      responses: { 200: { description: 'The service is up.', schema: healthSchema } },
      handler: async () => ({
        status: 'ok' as const,
        version: ctx.version,
        store: ctx.storeName,
        graphVersion: await ctx.store.version(),
        uptimeS: Math.round((Date.now() - ctx.startedAt) / 1000),
      }),
    }),
  ];
}
