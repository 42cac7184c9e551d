/**
 * The Express application: JSON API under /api, the built client at /. The only module that knows
 * HTTP; everything it serves comes through the GraphStore port.
 */
import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import type { AppContext } from './context.js';
import { mount, type AnyRoute } from './define-route.js';
import { errorHandler, notFound } from './errors.js';
import { buildOpenApi } from './openapi.js';
import { entityRoutes } from './routes/entities.js';
import { mergeRoutes } from './routes/merges.js';
import { graphRoutes } from './routes/graph.js';
import { healthRoutes } from './routes/health.js';
import { ingestRoutes } from './routes/ingest.js';
import { importRoutes } from './routes/imports.js';
import { analyticsRoutes } from './routes/analytics.js';
import { authRoutes } from './routes/auth.js';
import { auditRoutes } from './routes/audit.js';
import { caseAccessRoutes } from './routes/case-access.js';
import { caseRoutes } from './routes/cases.js';
import { caseRecordRoutes } from './routes/case-records.js';
import { caseLinkRoutes } from './routes/case-links.js';
import { watchRoutes } from './routes/watches.js';
import { timelineRoutes } from './routes/timeline.js';
import { userRoutes } from './routes/users.js';
import { reportRoutes } from './routes/reports.js';
import { resolveSession } from './session.js';
import helmet from 'helmet';

export function allRoutes(ctx: AppContext): AnyRoute[] {
  return [
    ...healthRoutes(ctx),
    ...authRoutes(ctx),
    ...auditRoutes(ctx),
    ...caseAccessRoutes(ctx),
    ...userRoutes(ctx),
    ...ingestRoutes(ctx),
    ...importRoutes(ctx),
    ...entityRoutes(ctx),
    ...mergeRoutes(ctx),
    ...graphRoutes(ctx),
    ...caseRoutes(ctx),
    ...caseRecordRoutes(ctx),
    ...caseLinkRoutes(ctx),
    ...watchRoutes(ctx),
    ...timelineRoutes(ctx),
    ...analyticsRoutes(ctx),
    ...reportRoutes(ctx),
  ];
}

export interface AppOptions {
  logger: Logger;
  /** Folder of the built client (vite build); not served when absent. */
  clientDir?: string;
  trustProxy?: boolean;
}

export function createApp(ctx: AppContext, options: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Behind a TLS-terminating proxy, the client's address and scheme come from its headers.
  if (options.trustProxy) app.set('trust proxy', 1);
  // The client is built to need nothing from elsewhere: every source is this origin, nothing inline.
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          workerSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  app.set('query parser', 'extended');
  app.use(
    pinoHttp({
      logger: options.logger,
      genReqId: (req, res) => {
        const id = randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // Query strings carry phone numbers and names: log the path only.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
      },
    }),
  );
  app.use('/api', express.json({ limit: ctx.bodyLimit, strict: true }));
  app.use('/api', resolveSession(ctx.sessions));

  const routes = allRoutes(ctx);
  const openapi = buildOpenApi(routes, ctx.version);
  const api = Router();
  api.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  mount(api, routes, ctx.audit, ctx.masking);
  app.use(api);
  app.use('/api', notFound);

  if (options.clientDir && existsSync(options.clientDir))
    app.use(express.static(options.clientDir, { index: 'index.html' }));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
