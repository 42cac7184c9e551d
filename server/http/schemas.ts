/**
 * The API's request parameters and response bodies as zod schemas: they validate what comes in and
 * describe, through the OpenAPI document, what goes out. test/api checks real responses against them.
 */
import { z } from 'zod';
import { ENTITY_KINDS, LINK_KINDS, SCHEMES } from '../domain/kinds.js';
import { gradingSchema } from '../domain/grading.js';
import { propsSchema } from '../domain/props.js';
import '../domain/zod-messages.js';
import { csvOf } from './query-helpers.js';

const ALL_SCHEMES = [...new Set(Object.values(SCHEMES).flat())] as [string, ...string[]];

const when = (name: string) =>
  z.iso
    .datetime({ offset: true, message: `${name} must be an ISO 8601 date-time with an offset` })
    .transform((s) => Date.parse(s))
    .optional();

export const graphQuerySchema = z
  .object({
    case: z.string().min(1).max(200).optional().meta({ description: 'Case id (case:…) or FIR key.' }),
    around: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: 'Entity id: its neighbourhood instead.' }),
    hops: z.coerce.number().int().min(1).max(4).default(2),
    kinds: csvOf(ENTITY_KINDS, 'kind'),
    linkKinds: csvOf(LINK_KINDS, 'link kind'),
    from: when('from'),
    to: when('to'),
    limit: z.coerce.number().int().min(1).max(50_000).default(5000),
  })
  .strict()
  .refine((q) => !(q.case && q.around), { message: 'give case or around, not both', path: ['around'] })
  .refine((q) => !(q.around && (q.kinds || q.from !== undefined || q.to !== undefined)), {
    message: 'a neighbourhood (around) is filtered by linkKinds only',
    path: ['around'],
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['to'],
  });

export const searchQuerySchema = z
  .object({
    q: z.string().trim().min(1, 'q must not be empty').max(200),
    kinds: csvOf(ENTITY_KINDS, 'kind'),
    limit: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict();

export const idParamsSchema = z.object({ id: z.string().min(1).max(200) });
export const linkQuerySchema = z
  .object({ occurrences: z.coerce.number().int().min(0).max(10_000).default(200) })
  .strict();

export const entityViewSchema = z
  .object({
    id: z.string(),
    kind: z.enum(ENTITY_KINDS),
    scheme: z.enum(ALL_SCHEMES),
    key: z
      .string()
      .meta({ description: 'The key as people write it; an Aadhaar shows its last four digits only.' }),
    label: z.string(),
    props: propsSchema,
  })
  .meta({ id: 'Entity' });

const documentSchema = z
  .object({
    id: z.string(),
    sha256: z.string(),
    name: z.string(),
    type: z.string(),
    grading: gradingSchema,
    caseId: z.string().nullable(),
  })
  .meta({ id: 'Document' });

const provenanceSchema = z
  .object({
    document: documentSchema,
    ref: z.string().nullable(),
    importedBy: z.string(),
    importedAt: z.string(),
    props: propsSchema,
  })
  .meta({ id: 'Provenance', description: 'One statement of a fact by one document, row or page.' });

export const entityDetailSchema = entityViewSchema
  .extend({ provenance: z.array(provenanceSchema), caseIds: z.array(z.string()), degree: z.number().int() })
  .meta({ id: 'EntityDetail' });

const linkViewSchema = z
  .object({
    id: z.string(),
    kind: z.enum(LINK_KINDS as [string, ...string[]]),
    from: z.string(),
    to: z.string(),
    directed: z.boolean(),
    props: propsSchema,
    count: z.number().int(),
    durationS: z.number(),
    amount: z.number(),
    firstAt: z.string().nullable(),
    lastAt: z.string().nullable(),
  })
  .meta({ id: 'Link' });

const occurrenceViewSchema = z
  .object({
    id: z.string(),
    linkId: z.string(),
    at: z.string(),
    endAt: z.string().nullable(),
    durationS: z.number().nullable(),
    amount: z.number().nullable(),
    txnRef: z.string().nullable(),
    props: propsSchema,
    provenance: z.array(provenanceSchema),
  })
  .meta({ id: 'OccurrenceDetail' });

export const linkDetailSchema = linkViewSchema
  .extend({
    provenance: z.array(provenanceSchema),
    occurrences: z.array(occurrenceViewSchema),
    occurrencesTruncated: z.boolean(),
  })
  .meta({ id: 'LinkDetail' });

export const searchResultSchema = z
  .object({
    results: z.array(entityViewSchema),
    elsewhere: z
      .object({ units: z.array(z.string()) })
      .optional()
      .meta({ description: 'Matches held only in cases not assigned to the caller: the units to contact.' }),
  })
  .meta({ id: 'SearchResult' });

const countsSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export const ingestResultSchema = z
  .object({
    entities: countsSchema,
    links: countsSchema,
    occurrences: z.object({ created: z.number().int(), unchanged: z.number().int() }),
    version: z.number().int(),
  })
  .meta({ id: 'IngestResult' });

export const serialisedGraphSchema = z
  .object({
    attributes: z.object({
      version: z.number().int(),
      truncated: z.boolean(),
      demo: z.boolean().meta({ description: 'The store holds the synthetic demo scenario.' }),
      case: z.string().optional(),
    }),
    options: z.object({ type: z.literal('mixed'), multi: z.literal(true), allowSelfLoops: z.literal(false) }),
    nodes: z.array(
      z.object({
        key: z.string(),
        attributes: z.object({
          kind: z.enum(ENTITY_KINDS),
          label: z.string(),
          key: z.string(),
          scheme: z.string(),
          props: propsSchema,
        }),
      }),
    ),
    edges: z.array(
      z.object({
        key: z.string(),
        source: z.string(),
        target: z.string(),
        undirected: z.boolean(),
        attributes: linkViewSchema.omit({ id: true, from: true, to: true, directed: true }).extend({
          weight: z.number().meta({ description: 'Occurrences recorded, at least 1.' }),
        }),
      }),
    ),
  })
  .meta({ id: 'Graph', description: "A subgraph in graphology's serialisation format (Graph.import)." });

export const healthSchema = z
  .object({
    status: z.literal('ok'),
    version: z.string(),
    store: z.string(),
    graphVersion: z.number().int(),
    uptimeS: z.number(),
  })
  .meta({ id: 'Health' });
