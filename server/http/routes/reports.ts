/**
 * Reports for prosecutors and open exports of a case (issue 10). A report is a PDF (server/reports),
 * masked as every answer is, its SHA-256 written to the audit trail before the file is sent; with it goes
 * a draft BSA s.63 certificate naming the file and its hash. Anyone signed in may ask whether CaseGraph
 * produced a file (by its SHA-256 or the reference in its footer). Exports (GEXF, GraphML, i2 ANX, CSV,
 * graphology JSON) obey the same access and masking.
 */
import type { Request, Response } from 'express';
import { hostname } from 'node:os';
import { z } from 'zod';
import type { AuditEntry } from '../../domain/audit-chain.js';
import { CaseGraphError } from '../../domain/errors.js';
import { buildCertificate } from '../../reports/certificate.js';
import { toAnx } from '../../reports/exports/anx.js';
import { toCsv } from '../../reports/exports/csv.js';
import { toGexf } from '../../reports/exports/gexf.js';
import { toGraphml } from '../../reports/exports/graphml.js';
import { toGraphologyJson } from '../../reports/exports/json.js';
import { exportModel, type ExportModel } from '../../reports/exports/model.js';
import { viewModel } from '../../reports/exports/view-data.js';
import { ENTITY_KINDS, LINK_KINDS } from '../../domain/kinds.js';
import { JOB_DEFAULTS, ReportJobs } from '../../reports/jobs.js';
import { layout } from '../../reports/layout.js';
import { buildReport, type BuiltReport } from '../../reports/report.js';
import { gatherReportData } from '../../reports/report/data.js';
import type { ReportMeta } from '../../reports/report/context.js';
import { requireCase, scopeCases } from '../case-scope.js';
import type { AppContext } from '../context.js';
import { parse, route, type AnyRoute } from '../define-route.js';
import { csvOf, resolveCase } from '../query-helpers.js';
import { sessionOf } from '../session.js';
import { createHash } from 'node:crypto';

const caseParams = z.object({ id: z.string().min(1).max(200) }).strict();

export const reportRequestSchema = z
  .object({
    court: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .default('(court to be completed)')
      .meta({ description: 'The court the report is for, printed on its cover.' }),
    preparedBy: z
      .string()
      .trim()
      .min(1, 'prepared by is empty: leave it out to print the account asking')
      .max(200)
      .optional()
      .meta({
        description:
          "Who prepared the report (an officer's name and rank), printed on its cover beside the account asking for it.",
      }),
    async: z
      .boolean()
      .default(false)
      .meta({ description: 'Answer 202 with a job to follow (progress), instead of the PDF itself.' }),
  })
  .strict()
  .meta({ id: 'ReportRequest' });

const jobSchema = z
  .object({
    job: z.string(),
    state: z.enum(['running', 'done', 'failed']),
    stage: z.string(),
    progress: z.number().min(0).max(1),
    reference: z.string().optional(),
    sha256: z.string().optional(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  })
  .meta({ id: 'ReportJob' });

const verifyQuery = z
  .object({
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'sha256 is 64 hexadecimal digits')
      .transform((s) => s.toLowerCase())
      .optional(),
    reference: z
      .string()
      .regex(/^report:[0-9a-f]{24}$/, 'a reference reads report: and 24 hexadecimal digits')
      .optional(),
  })
  .strict()
  .refine((q) => q.sha256 !== undefined || q.reference !== undefined, {
    message: 'give sha256 (of the file) or reference (from its footer)',
  });

const producedSchema = z.object({
  file: z.enum(['report', 'certificate', 'export']),
  format: z.string(),
  sha256: z.string(),
  reference: z.string().nullable(),
  producedAt: z.string(),
  producedFor: z.string().nullable(),
  role: z.string().nullable(),
  caseId: z.string().nullable(),
  graphVersion: z.number().nullable(),
  auditSeq: z.number(),
});

const verifySchema = z
  .object({
    produced: z.boolean(),
    files: z.array(producedSchema),
  })
  .meta({ id: 'ReportVerification' });

export const EXPORT_FORMATS = ['gexf', 'graphml', 'anx', 'csv', 'json'] as const;
const exportQuery = z.object({ format: z.enum(EXPORT_FORMATS) }).strict();
const viewExportQuery = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    case: z.string().min(1).max(200).optional().meta({ description: 'Case id (case:…) or FIR key.' }),
    kinds: csvOf(ENTITY_KINDS, 'kind'),
    linkKinds: csvOf(LINK_KINDS, 'link kind'),
    from: z.coerce
      .date()
      .optional()
      .transform((d) => d?.getTime()),
    to: z.coerce
      .date()
      .optional()
      .transform((d) => d?.getTime()),
    limit: z.coerce.number().int().min(1).max(50_000).default(5000),
  })
  .strict();
const MEDIA: Record<(typeof EXPORT_FORMATS)[number], [string, string]> = {
  gexf: ['application/gexf+xml; charset=utf-8', 'gexf'],
  graphml: ['application/graphml+xml; charset=utf-8', 'graphml'],
  anx: ['application/xml; charset=utf-8', 'anx'],
  csv: ['text/csv; charset=utf-8', 'csv'],
  json: ['application/json; charset=utf-8', 'json'],
};

const PDF_HEADERS = {
  'Content-Disposition': 'attachment, with the file name to save it under.',
  'X-Report-Sha256': "The SHA-256 of the file's bytes, as the audit trail records it.",
  'X-Report-Reference': 'The verification reference printed in the footer of every page.',
};
const EXPORT_RESPONSE = {
  description: 'The file, masked as every answer is, by the format asked for.',
  files: [...new Set(Object.values(MEDIA).map(([type]) => type.split(';')[0]!))],
  headers: {
    'Content-Disposition': 'attachment, with the file name to save it under.',
    'X-Export-Sha256': "The SHA-256 of the file's bytes, as the audit trail records it.",
  },
};

const safeName = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

function sendFile(
  res: Response,
  bytes: Buffer | string,
  type: string,
  name: string,
  headers: Record<string, string>,
) {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.status(200).type(type).send(bytes);
}

export function reportRoutes(ctx: AppContext): AnyRoute[] {
  const jobs = new ReportJobs<BuiltReport & { caseLabel: string }>();

  /**
   * Jobs live in this process's memory: after a restart the person waiting is told so, in words, with a
   * code the client acts on (ask again), rather than a bare "not found".
   */
  const jobGone = (id: string) =>
    new CaseGraphError(
      'REPORT.JOB_GONE',
      jobs.missing(id) === 'other-run'
        ? `report job ${id} is gone: the service has restarted since it was started (or another instance made it), ` +
            'and jobs live only in the memory of the process that runs them; ask for the report again — a report ' +
            'already made is on the audit trail (GET /api/reports/verify)'
        : `report job ${id} is gone: no job of yours by that id in this run of the service (jobs are kept ` +
            `${JOB_DEFAULTS.ttlMs / 60_000} minutes); ask for the report again`,
    );

  const metaFor = (res: Response, court: string, statedAs?: string): ReportMeta => {
    const { user } = sessionOf(res)!;
    return {
      court,
      preparedBy: {
        name: user.displayName,
        username: user.username,
        role: user.role,
        unit: user.unit,
        ...(statedAs ? { statedAs } : {}),
      },
      // Whole seconds: the time printed is the time recorded.
      generatedAt: new Date(Math.floor(Date.now() / 1000) * 1000),
      version: ctx.version,
      host: hostname(),
      storeName: ctx.storeName,
      nodeVersion: process.version,
    };
  };

  /** On the audit trail before the file leaves: a report whose hash is not recorded is not served. */
  const recordReport = async (req: Request, res: Response, caseId: string, r: BuiltReport) => {
    const { user } = sessionOf(res)!;
    await ctx.audit.record({
      actor: user.username,
      role: user.role,
      ip: req.ip ?? null,
      action: 'report',
      caseId,
      target: r.reference,
      detail: {
        format: 'pdf',
        file: 'report',
        sha256: r.sha256,
        version: r.data.graphVersion,
        entities: r.data.entities.length,
        links: r.data.links.length,
        masked: true,
      },
    });
  };

  const reportName = (label: string, r: { reference: string }) =>
    `casegraph-report-${safeName(label)}-${r.reference.slice(7, 15)}.pdf`;

  /** Every file CaseGraph recorded producing (reports, certificates, exports) that matches, oldest first. */
  const lookup = async (match: (e: AuditEntry) => boolean, actions = ['report', 'export']) => {
    const found: AuditEntry[] = [];
    for (const action of actions) {
      let afterSeq = 0;
      for (;;) {
        const page = await ctx.auditStore.read({ afterSeq, limit: 1000, action });
        for (const e of page) if (match(e) && typeof e.detail.sha256 === 'string') found.push(e);
        if (page.length < 1000) break;
        afterSeq = page[page.length - 1]!.seq;
      }
    }
    return found.sort((a, b) => a.seq - b.seq);
  };

  /** Writes the file, puts its SHA-256 on the audit trail, then sends it. */
  const sendExport = async (
    req: Request,
    res: Response,
    model: ExportModel,
    format: (typeof EXPORT_FORMATS)[number],
    caseId: string | null,
    name: string,
  ) => {
    const { user } = sessionOf(res)!;
    let text: string;
    switch (format) {
      case 'gexf':
        text = toGexf(model);
        break;
      case 'graphml':
        text = toGraphml(model);
        break;
      case 'csv':
        text = toCsv(model);
        break;
      case 'json':
        text = toGraphologyJson(model);
        break;
      case 'anx': {
        const ids = model.nodes.map((n) => n.id);
        const pos = layout({ ids, edges: model.edges.map((e) => [e.source, e.target] as const) });
        const scaled = new Map([...pos].map(([id, p]) => [id, { x: p.x * 4, y: -p.y * 4 }]));
        text = toAnx(model, scaled);
        break;
      }
    }
    const hash = sha256(text);
    await ctx.audit.record({
      actor: user.username,
      role: user.role,
      ip: req.ip ?? null,
      action: 'export',
      caseId,
      detail: {
        format,
        file: 'export',
        sha256: hash,
        version: model.graphVersion,
        entities: model.nodes.length,
        links: model.edges.length,
        masked: true,
      },
    });
    const [type, ext] = MEDIA[format];
    sendFile(res, text, type, `${name}.${ext}`, { 'X-Export-Sha256': hash });
  };

  return [
    route({
      method: 'post',
      access: 'reports',
      path: '/api/cases/:id/report',
      tags: ['reports'],
      summary:
        "A prosecutor's report of a case as a PDF (or, with async, a job whose progress can be followed)",
      description:
        'Cover, summary in plain words, the network drawn, persons with roles and centralities, every link with its evidence, ' +
        'the timeline, the documents and an annex on method. Victims and minors appear by pseudonym only. The SHA-256 of the ' +
        'file is written to the audit trail before it is sent, and given in the X-Report-Sha256 header.',
      params: caseParams,
      ownBody: reportRequestSchema,
      responses: {
        200: { description: 'The report.', files: ['application/pdf'], headers: PDF_HEADERS },
        202: { description: 'The job making the report (with async: true).', schema: jobSchema },
      },
      errors: [400, 404],
      handler: async ({ params }, req, res) => {
        const body = parse(reportRequestSchema, req.body ?? {}, 'body');
        const { user } = sessionOf(res)!;
        const caseId = await resolveCase(ctx, params.id);
        await requireCase(ctx, user, caseId);
        const masks = await ctx.masking.current();
        const meta = metaFor(res, body.court, body.preparedBy);
        const caseLabel = (await ctx.store.getEntity(caseId))?.label ?? caseId;
        if (body.async) {
          const job = jobs.start(user.username, caseId, async (progress) => {
            const r = await buildReport(ctx.store, caseId, masks, meta, progress);
            await recordReport(req, res, caseId, r);
            return { ...r, caseLabel };
          });
          res.status(202).json({ job: job.id, state: job.state, stage: job.stage, progress: job.progress });
          return;
        }
        const r = await buildReport(ctx.store, caseId, masks, meta);
        await recordReport(req, res, caseId, r);
        sendFile(res, r.pdf, 'application/pdf', reportName(caseLabel, r), {
          'X-Report-Sha256': r.sha256,
          'X-Report-Reference': r.reference,
        });
      },
    }),
    route({
      method: 'get',
      access: 'reports',
      path: '/api/reports/jobs/:job',
      tags: ['reports'],
      summary: 'How far a report has got (for a progress bar); the caller must be who asked for it',
      params: z.object({ job: z.string().regex(/^job-[0-9a-f]{24}$/) }).strict(),
      responses: { 200: { description: 'The job.', schema: jobSchema } },
      errors: [400, 404],
      handler: async ({ params }, _req, res) => {
        const job = jobs.get(params.job);
        if (!job || job.owner !== sessionOf(res)!.user.username) throw jobGone(params.job);
        return {
          job: job.id,
          state: job.state,
          stage: job.stage,
          progress: job.progress,
          ...(job.result ? { reference: job.result.reference, sha256: job.result.sha256 } : {}),
          ...(job.error ? { error: job.error } : {}),
        };
      },
    }),
    route({
      method: 'get',
      access: 'reports',
      path: '/api/reports/jobs/:job/pdf',
      tags: ['reports'],
      summary: 'The finished report of a job (application/pdf)',
      params: z.object({ job: z.string().regex(/^job-[0-9a-f]{24}$/) }).strict(),
      responses: {
        200: { description: 'The report.', files: ['application/pdf'], headers: PDF_HEADERS },
      },
      errors: [400, 404],
      handler: async ({ params }, _req, res) => {
        const job = jobs.get(params.job);
        if (!job || job.owner !== sessionOf(res)!.user.username) throw jobGone(params.job);
        if (job.state !== 'done' || !job.result)
          throw new CaseGraphError(
            'ROUTE.NOT_FOUND',
            `report job ${job.id} has no file: it is ${job.state} (${job.stage})`,
          );
        const r = job.result;
        sendFile(res, r.pdf, 'application/pdf', reportName(r.caseLabel, r), {
          'X-Report-Sha256': r.sha256,
          'X-Report-Reference': r.reference,
        });
      },
    }),
    route({
      method: 'get',
      access: 'reports',
      path: '/api/reports/certificate',
      tags: ['reports'],
      summary:
        'The draft certificate (BSA s.63) for a report CaseGraph produced, to complete and sign (application/pdf)',
      query: z.object({ reference: z.string().regex(/^report:[0-9a-f]{24}$/) }).strict(),
      responses: {
        200: {
          description: 'The draft certificate.',
          files: ['application/pdf'],
          headers: {
            ...PDF_HEADERS,
            'X-Report-Sha256': "The SHA-256 of the certificate's bytes, as the audit trail records it.",
            'X-Report-Reference': 'The verification reference of the report the certificate is for.',
          },
        },
      },
      errors: [400, 404],
      handler: async ({ query }, req, res) => {
        const { user } = sessionOf(res)!;
        const [entry] = await lookup(
          (e) => e.target === query.reference && e.detail.file === 'report',
          ['report'],
        );
        if (!entry || !entry.caseId)
          throw new CaseGraphError('ROUTE.NOT_FOUND', `no report ${query.reference}`);
        await requireCase(ctx, user, entry.caseId);
        const caseLabel = (await ctx.store.getEntity(entry.caseId))?.label ?? entry.caseId;
        const cert = buildCertificate({
          reportFile: reportName(caseLabel, { reference: query.reference }),
          reportSha256: String(entry.detail.sha256),
          reference: query.reference,
          pages: null,
          generatedAt: new Date(entry.at),
          caseLabel,
          preparedBy: `${entry.actor ?? 'unknown'} (${entry.role ?? 'unknown role'})`,
          graphVersion: Number(entry.detail.version ?? 0),
          version: ctx.version,
          host: hostname(),
          storeName: ctx.storeName,
        });
        await ctx.audit.record({
          actor: user.username,
          role: user.role,
          ip: req.ip ?? null,
          action: 'report',
          caseId: entry.caseId,
          target: query.reference,
          detail: {
            format: 'pdf',
            file: 'certificate',
            sha256: cert.sha256,
            version: Number(entry.detail.version ?? 0),
          },
        });
        sendFile(res, cert.pdf, 'application/pdf', `certificate-bsa63-${query.reference.slice(7, 15)}.pdf`, {
          'X-Report-Sha256': cert.sha256,
          'X-Report-Reference': query.reference,
        });
      },
    }),
    route({
      method: 'get',
      access: 'signed-in',
      path: '/api/reports/verify',
      tags: ['reports'],
      summary:
        'Whether CaseGraph produced a file (by its SHA-256, or the reference in its footer): when, for whom, from which data',
      query: verifyQuery,
      responses: { 200: { description: 'What the audit trail holds of the file.', schema: verifySchema } },
      errors: [400],
      handler: async ({ query }) => {
        const found = await lookup(
          (e) =>
            (query.sha256 !== undefined && e.detail.sha256 === query.sha256) ||
            (query.sha256 === undefined && e.target === query.reference),
        );
        return {
          produced: found.length > 0,
          files: found.map((e) => ({
            file:
              (e.detail.file as 'report' | 'certificate' | 'export' | undefined) ??
              (e.action === 'export' ? 'export' : 'report'),
            format: String(e.detail.format ?? 'pdf'),
            sha256: String(e.detail.sha256),
            reference: e.target,
            producedAt: new Date(e.at).toISOString(),
            producedFor: e.actor,
            role: e.role,
            caseId: e.caseId,
            graphVersion: typeof e.detail.version === 'number' ? e.detail.version : null,
            auditSeq: e.seq,
          })),
        };
      },
      audit: (_input, result) => ({
        action: 'report.verify',
        detail: { results: result.files.length },
      }),
    }),
    route({
      method: 'get',
      access: 'reports',
      path: '/api/cases/:id/export',
      tags: ['reports'],
      summary:
        'A case as an open file: GEXF or GraphML (Gephi), i2 ANX, CSV of nodes and links with provenance, graphology JSON',
      params: caseParams,
      query: exportQuery,
      responses: { 200: EXPORT_RESPONSE },
      errors: [400, 404],
      handler: async ({ params, query }, req, res) => {
        const { user } = sessionOf(res)!;
        const caseId = await resolveCase(ctx, params.id);
        await requireCase(ctx, user, caseId);
        const data = await gatherReportData(ctx.store, caseId, await ctx.masking.current(), undefined, {
          occurrencesPerLink: 0,
        });
        const label = (await ctx.store.getEntity(caseId))?.label ?? caseId;
        await sendExport(req, res, exportModel(data), query.format, caseId, `casegraph-${safeName(label)}`);
      },
    }),
    route({
      method: 'get',
      access: 'reports',
      path: '/api/export',
      tags: ['reports'],
      summary:
        "A view as an open file: the subgraph /api/graph would give (a case or all of the caller's cases, kinds, link kinds, a time window)",
      query: viewExportQuery,
      responses: { 200: EXPORT_RESPONSE },
      errors: [400, 404],
      handler: async ({ query }, req, res) => {
        const { user } = sessionOf(res)!;
        const caseId = query.case === undefined ? undefined : await resolveCase(ctx, query.case);
        const caseIds = await scopeCases(ctx, user, caseId);
        const model = await viewModel(
          ctx.store,
          {
            limit: query.limit,
            ...(caseIds ? { caseIds } : {}),
            ...(query.kinds ? { kinds: query.kinds } : {}),
            ...(query.linkKinds ? { linkKinds: query.linkKinds } : {}),
            ...(query.from !== undefined ? { from: query.from } : {}),
            ...(query.to !== undefined ? { to: query.to } : {}),
          },
          await ctx.masking.current(),
          caseId ? `view of ${caseId}` : 'view',
        );
        await sendExport(req, res, model, query.format, caseId ?? null, 'casegraph-view');
      },
    }),
  ];
}
