/**
 * Imports of the files officers receive (CDRs, tower dumps, statements, registers): the upload is kept
 * with its SHA-256, its layout recognised, its rows previewed, and the import run with progress. See
 * server/ingest/import for how a file becomes ingest batches.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DOCUMENT_TYPES } from '../../domain/batch.js';
import { CaseGraphError } from '../../domain/errors.js';
import { entityId } from '../../domain/ids.js';
import { normaliseKey } from '../../domain/keys.js';
import { ImportJobs, type ImportJob } from '../../ingest/import/jobs.js';
import { inspectFile, type ImportSettings } from '../../ingest/import/inspect.js';
import { previewFile } from '../../ingest/import/preview.js';
import { spareImportWorker, WORKER_BYTES } from '../../ingest/import/spare-worker.js';
import { storeUpload } from '../../ingest/import/store-upload.js';
import {
  listMappings,
  saveMapping,
  savedMappingSchema,
  type SavedMapping,
} from '../../ingest/import/mappings.js';
import { TEMPLATES } from '../../ingest/import/templates/index.js';
import { allowedCases, requireCase } from '../case-scope.js';
import type { AppContext } from '../context.js';
import { route, type AnyRoute } from '../define-route.js';
import { sessionOf } from '../session.js';
import { issueSchema } from '../errors.js';

const settingsQuery = {
  template: z
    .string()
    .max(60)
    .optional()
    .meta({ description: 'A template id (GET /api/imports/templates); absent: recognised from the header.' }),
  delimiter: z
    .enum([',', ';', '|', 'tab'])
    .optional()
    .meta({ description: 'The column delimiter; absent: sniffed from the file.' }),
  columns: z.string().max(4000).optional().meta({
    description: 'JSON object of field → header, correcting the recognised mapping: {"bParty":"Other No"}.',
  }),
  dateOrder: z.enum(['dmy', 'mdy', 'ymd']).optional().meta({
    description: "How numeric dates are written; absent: the layout's own, or read from the values.",
  }),
};

const previewQuery = z
  .object({
    ...settingsQuery,
    mapping: z.string().max(80).optional().meta({
      description:
        'A mapping the unit saved (GET /api/imports/mappings): its settings, under any given here.',
    }),
    hotel: z
      .string()
      .max(300)
      .optional()
      .meta({ description: 'A register\'s hotel ("Name, City"), when its banner does not say it.' }),
    account: z.string().max(120).optional().meta({
      description: "A statement's own account (IFSC:ACCOUNT or a UPI id), when its banner does not say it.",
    }),
  })
  .strict();

const importQuery = z
  .object({
    ...previewQuery.shape,
    name: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .meta({ description: 'The file name as the officer received it.' }),
    mode: z.enum(['all-or-nothing', 'good-rows']).default('all-or-nothing').meta({
      description:
        'all-or-nothing: any bad row and nothing is written. good-rows: write the good rows, keep the bad ones as a CSV with a reason column.',
    }),
    case: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: 'Key of the case (FIR) this evidence belongs to.' }),
    type: z
      .enum(DOCUMENT_TYPES)
      .optional()
      .meta({ description: "The document's type; absent: the template's." }),
    grading: z
      .string()
      .regex(/^[A-F][1-6]$/, 'must be a source letter A-F and a credibility digit 1-6, e.g. B2')
      .optional(),
    receivedFrom: z.string().max(200).optional(),
    wait: z
      .enum(['true', 'false'])
      .default('false')
      .meta({ description: 'Answer when the import has finished, not when it has started.' }),
  })
  .strict();

const progressSchema = z.object({
  phase: z.enum(['checking', 'writing']),
  rowsRead: z.number().int(),
  rowsAccepted: z.number().int(),
  rowsRejected: z.number().int(),
  bytesRead: z.number().int(),
  bytesTotal: z.number().int(),
});

const countsSchema = z.object({
  entities: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }),
  links: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }),
  occurrences: z.object({ created: z.number(), unchanged: z.number() }),
  version: z.number(),
});

const jobSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    sha256: z.string(),
    documentId: z.string(),
    state: z.enum(['queued', 'running', 'done', 'failed']),
    progress: progressSchema,
    result: z
      .object({
        template: z.string(),
        documentType: z.string(),
        delimiter: z.string(),
        encoding: z.string(),
        headerRow: z.number(),
        rowsRead: z.number(),
        rowsAccepted: z.number(),
        rowsRejected: z.number(),
        batches: z.number(),
        counts: countsSchema,
        warnings: z.array(issueSchema),
        issues: z.array(issueSchema),
      })
      .optional(),
    error: z.object({ code: z.string(), message: z.string(), issues: z.array(issueSchema) }).optional(),
    rejectedUrl: z.string().optional(),
  })
  .meta({ id: 'ImportJob' });

const previewSchema = z
  .object({
    template: z.object({ id: z.string(), label: z.string(), documentType: z.string() }),
    delimiter: z.string(),
    encoding: z.string(),
    headerRow: z.number(),
    banner: z.array(z.string()),
    columns: z.array(
      z.object({ header: z.string(), field: z.string().optional(), required: z.boolean().optional() }),
    ),
    unmatched: z.array(z.object({ field: z.string(), required: z.boolean(), synonyms: z.array(z.string()) })),
    warnings: z.array(issueSchema),
    rows: z.array(
      z.object({
        row: z.number(),
        fields: z.array(z.string()),
        ok: z.boolean(),
        issue: issueSchema.optional(),
      }),
    ),
    records: z.object({ entities: z.array(z.unknown()), links: z.array(z.unknown()) }),
  })
  .meta({ id: 'ImportPreview' });

const templatesSchema = z.array(
  z.object({
    id: z.string(),
    label: z.string(),
    documentType: z.string(),
    fields: z.array(z.object({ field: z.string(), required: z.boolean(), synonyms: z.array(z.string()) })),
  }),
);

function settingsOf(q: z.output<typeof previewQuery>, saved?: SavedMapping): ImportSettings {
  let columns: Record<string, string> | undefined;
  if (q.columns !== undefined) {
    const parsed = z.record(z.string(), z.string()).safeParse(
      (() => {
        try {
          return JSON.parse(q.columns) as unknown;
        } catch {
          return undefined;
        }
      })(),
    );
    if (!parsed.success)
      throw new CaseGraphError('REQUEST.INVALID', 'columns must be a JSON object of field → header', [
        { section: 'query', path: 'columns', message: 'must be a JSON object of field → header' },
      ]);
    columns = parsed.data;
  }
  if (saved) {
    columns = { ...saved.columns, ...columns };
    q = {
      ...q,
      template: q.template ?? saved.template,
      ...((q.delimiter ?? saved.delimiter) ? { delimiter: q.delimiter ?? saved.delimiter } : {}),
      ...((q.dateOrder ?? saved.dateOrder) ? { dateOrder: q.dateOrder ?? saved.dateOrder } : {}),
    };
  }
  return {
    ...(q.template ? { template: q.template } : {}),
    ...(q.delimiter ? { delimiter: q.delimiter === 'tab' ? '\t' : q.delimiter } : {}),
    ...(columns ? { columns } : {}),
    ...(q.dateOrder ? { dateOrder: q.dateOrder } : {}),
    ...(q.account ? { account: q.account } : {}),
    ...(q.hotel ? { hotel: q.hotel } : {}),
  };
}

function refuseJson(req: { is(t: string): string | false | null }): void {
  // express.json has already consumed a JSON body: the file is not there to be kept as it was sent.
  if (req.is('application/json'))
    throw new CaseGraphError(
      'REQUEST.UNSUPPORTED_MEDIA_TYPE',
      'send the file itself as the body, as application/octet-stream (or text/csv); a JSON batch goes to POST /api/ingest',
    );
}

function view(job: ImportJob) {
  return {
    id: job.id,
    name: job.name,
    sha256: job.sha256,
    documentId: entityId('document', 'sha256', job.sha256),
    state: job.state,
    progress: job.progress,
    ...(job.result ? { result: job.result } : {}),
    ...(job.error ? { error: job.error } : {}),
    ...(job.rejectPath && job.state === 'done' && job.result?.rowsRejected
      ? { rejectedUrl: `/api/imports/${job.id}/rejected` }
      : {}),
  };
}

export function importRoutes(ctx: AppContext): AnyRoute[] {
  const roles = new Map<string, string>();
  const jobs = new ImportJobs({ store: ctx.store, keys: ctx.keys }, async (job) => {
    // The trail records what an import wrote when it has written it; its start is recorded by the route.
    if (job.state !== 'done' || !job.result) return;
    const c = job.result.counts;
    await ctx.audit.record({
      actor: job.owner,
      role: (roles.get(job.id) ?? null) as never,
      action: 'ingest',
      detail: {
        entities: c.entities.created + c.entities.updated,
        links: c.links.created + c.links.updated,
        occurrences: c.occurrences.created,
        document: job.sha256,
      },
    });
  });
  const { dir, limitBytes } = ctx.imports;
  const savedFor = async (
    name: string | undefined,
    unit: string | null,
  ): Promise<SavedMapping | undefined> => {
    if (name === undefined) return undefined;
    const found = (await listMappings(dir, unit)).find((m) => m.name === name);
    if (!found)
      throw new CaseGraphError('REQUEST.INVALID', `your unit has no saved mapping "${name}"`, [
        {
          section: 'query',
          path: 'mapping',
          message: 'no saved mapping of that name (GET /api/imports/mappings)',
        },
      ]);
    return found;
  };

  const jobOf = (id: string, res: Parameters<AnyRoute['handler']>[2]): ImportJob => {
    const job = jobs.get(id);
    const { user } = sessionOf(res)!;
    // Someone else's import is nobody's business but an admin's: the same answer as no import at all.
    if (!job || (job.owner !== user.username && user.role !== 'admin'))
      throw new CaseGraphError('IMPORT.NOT_FOUND', `no import ${id} of yours`);
    return job;
  };

  return [
    route({
      method: 'get',
      access: 'ingest',
      path: '/api/imports/templates',
      tags: ['imports'],
      summary: 'The layouts an import recognises, each field with the headers it goes by',
      responses: { 200: { description: 'Every template.', schema: templatesSchema } },
      handler: async () =>
        TEMPLATES.map((t) => ({
          id: t.id,
          label: t.label,
          documentType: t.documentType,
          fields: Object.entries(t.fields).map(([field, s]) => ({
            field,
            required: !!s.required,
            synonyms: [...s.synonyms],
          })),
        })),
    }),
    route({
      method: 'get',
      access: 'ingest',
      path: '/api/imports/mappings',
      tags: ['imports'],
      summary: "The column mappings the caller's unit saved for re-use",
      responses: {
        200: { description: 'Every saved mapping of the unit.', schema: z.array(savedMappingSchema) },
      },
      handler: async (_input, _req, res) => listMappings(dir, sessionOf(res)!.user.unit),
    }),
    route({
      method: 'post',
      access: 'ingest',
      path: '/api/imports/mappings',
      tags: ['imports'],
      summary: "Save a column mapping for the caller's unit (a mapping of the same name is replaced)",
      ownBody: savedMappingSchema,
      responses: { 200: { description: "The unit's saved mappings.", schema: z.array(savedMappingSchema) } },
      errors: [400],
      handler: async (_input, req, res) => {
        const { user } = sessionOf(res)!;
        const mapping = savedMappingSchema.safeParse(req.body);
        if (!mapping.success)
          throw new CaseGraphError(
            'REQUEST.INVALID',
            'the mapping is invalid',
            mapping.error.issues.map((i) => ({
              section: 'body' as const,
              path: i.path.join('.') || 'body',
              message: i.message,
            })),
          );
        if (!TEMPLATES.some((t) => t.id === mapping.data.template))
          throw new CaseGraphError('REQUEST.INVALID', `there is no template "${mapping.data.template}"`, [
            { section: 'body', path: 'template', message: 'not a template id (GET /api/imports/templates)' },
          ]);
        return saveMapping(dir, user.unit, {
          ...mapping.data,
          savedBy: user.username,
          savedAt: new Date().toISOString(),
        });
      },
    }),
    route({
      method: 'post',
      access: 'ingest',
      path: '/api/imports/preview',
      tags: ['imports'],
      summary: 'The first rows of a file as the import would read them; nothing is written or kept',
      description:
        'The body is the file (application/octet-stream or text/csv). The answer names the layout and header row found, the field of each column, the entities and links the first rows make, and every one of them that would be rejected.',
      query: previewQuery,
      responses: { 200: { description: 'The preview.', schema: previewSchema } },
      errors: [400, 413, 415, 422],
      handler: async ({ query }, req, res) => {
        refuseJson(req);
        const saved = await savedFor(query.mapping, sessionOf(res)!.user.unit);
        const upload = await storeUpload(req, join(dir, 'previews'), limitBytes);
        try {
          return await previewFile(upload.path, settingsOf(query, saved), ctx.keys);
        } finally {
          await rm(upload.path, { force: true });
        }
      },
    }),
    route({
      method: 'post',
      access: 'ingest',
      path: '/api/imports',
      tags: ['imports'],
      summary:
        'Import a file (CSV, any delimiter and common encoding): kept with its SHA-256, read as a stream',
      description:
        'The body is the file. The answer comes once the file is stored and its header recognised (bad files are refused here, naming row and column); the import then runs, and GET /api/imports/{id} reports its progress and result. With wait=true the answer comes at the end. Re-importing the same file changes nothing.',
      query: importQuery,
      responses: {
        202: { description: 'The import, started (or finished, with wait=true).', schema: jobSchema },
      },
      errors: [400, 403, 409, 413, 415, 422],
      handler: async ({ query: q }, req, res) => {
        refuseJson(req);
        const { user } = sessionOf(res)!;
        const allowed = await allowedCases(ctx, user);
        if (q.case !== undefined) {
          const key = normaliseKey('fir', q.case, ctx.keys);
          if (!key.ok)
            throw new CaseGraphError('REQUEST.INVALID', `case: ${key.reason}`, [
              { section: 'query', path: 'case', message: key.reason },
            ]);
          if (allowed !== 'all') await requireCase(ctx, user, entityId('case', 'fir', key.key));
        } else if (allowed !== 'all')
          throw new CaseGraphError('CASE.NOT_ASSIGNED', 'name the case this evidence belongs to (case=)');
        const settings = settingsOf(q, await savedFor(q.mapping, user.unit));
        // A file read in a worker has it load its modules while the upload arrives.
        if (Number(req.headers['content-length']) > WORKER_BYTES) spareImportWorker();
        const upload = await storeUpload(req, dir, limitBytes);
        // The header is found now, so that a file that cannot be read is refused in this answer.
        await inspectFile(upload.path, settings);
        const keepGoodRows = q.mode === 'good-rows';
        if (keepGoodRows) await mkdir(join(dir, 'rejected'), { recursive: true });
        const job = jobs.start({
          path: upload.path,
          document: {
            name: q.name,
            sha256: upload.sha256,
            ...(q.type ? { type: q.type } : {}),
            ...(q.case ? { case: q.case } : {}),
            ...(q.grading ? { grading: { source: q.grading[0], information: q.grading[1] } as never } : {}),
            ...(q.receivedFrom ? { receivedFrom: q.receivedFrom } : {}),
          },
          importedBy: user.username,
          settings,
          keepGoodRows,
          ...(keepGoodRows
            ? { rejectPath: join(dir, 'rejected', `${upload.sha256}-${Date.now()}.csv`) }
            : {}),
        });
        roles.set(job.id, user.role);
        if (q.wait === 'true') {
          await job.done.catch(() => {});
          if (job.error)
            throw new CaseGraphError(job.error.code as never, job.error.message, job.error.issues);
        }
        return view(job);
      },
      audit: (_input, result) => ({
        action: 'ingest',
        detail: { document: result.sha256 },
      }),
    }),
    route({
      method: 'get',
      access: 'ingest',
      path: '/api/imports/:id',
      tags: ['imports'],
      summary: "An import's progress (rows read, accepted, rejected) and, when finished, its result",
      params: z.object({ id: z.string().max(64) }),
      responses: { 200: { description: 'The import.', schema: jobSchema } },
      errors: [404],
      handler: async ({ params }, _req, res) => view(jobOf(params.id, res)),
    }),
    route({
      method: 'get',
      access: 'ingest',
      path: '/api/imports/:id/rejected',
      tags: ['imports'],
      summary: 'The rows an import rejected, as CSV: row, column and reason, then the row as it was',
      params: z.object({ id: z.string().max(64) }),
      responses: { 200: { description: 'text/csv' } },
      errors: [404],
      handler: async ({ params }, req, res) => {
        const job = jobOf(params.id, res);
        if (!job.rejectPath || !job.result?.rowsRejected)
          throw new CaseGraphError('IMPORT.NOT_FOUND', `import ${params.id} rejected no rows`);
        const { user } = sessionOf(res)!;
        // Rows of evidence leave the service: on the trail before they are sent.
        await ctx.audit.record({
          actor: user.username,
          role: user.role,
          ip: req.ip ?? null,
          action: 'export',
          detail: { format: 'csv', document: job.sha256 },
        });
        await new Promise<void>((ok, fail) =>
          res.download(job.rejectPath!, `${job.name.replace(/\.[^.]*$/, '')}-rejected.csv`, (e) =>
            e ? fail(e) : ok(),
          ),
        );
      },
    }),
  ];
}
