/**
 * The ingest batch: the one public shape through which data enters CaseGraph (DESIGN.md). Every way in —
 * the HTTP API, the command line, the importers — produces this, and it is validated here with zod.
 */
import { z } from 'zod';
import './zod-messages.js';
import { CASE_ROLES, ENTITY_KINDS, LINK_KINDS, SCHEMES } from './kinds.js';
import { gradingSchema } from './grading.js';
import { propsSchema } from './props.js';

export const DOCUMENT_TYPES = [
  'cdr',
  'ipdr',
  'tower-dump',
  'bank-statement',
  'upi-statement',
  'hotel-register',
  'phone-extraction',
  'ad-capture',
  'statement',
  'fir',
  'other',
] as const;

const ALL_SCHEMES = [...new Set(Object.values(SCHEMES).flat())] as [string, ...string[]];

/** A reference to an entity by what identifies it in the world, before normalisation. */
export const entityRefSchema = z
  .object({
    kind: z.enum(ENTITY_KINDS),
    scheme: z.enum(ALL_SCHEMES).optional(),
    key: z.string().trim().min(1, 'must not be empty').max(500),
  })
  .strict()
  .meta({
    id: 'EntityRef',
    description:
      'An entity named by kind and key, as the source writes it ("+91 98201 23456", "09820123456"). Kinds with several ways of naming (account, id-document, location) need a scheme.',
  });

const sourceRef = z
  .string()
  .max(200)
  .optional()
  .meta({ description: 'Where in the document: "row 12", "page 3".' });

export const batchEntitySchema = entityRefSchema
  .extend({ props: propsSchema.optional(), ref: sourceRef })
  .strict()
  .meta({ id: 'BatchEntity' });

export const occurrenceSchema = z
  .object({
    at: z.iso.datetime({
      offset: true,
      message: 'must be an ISO 8601 date-time with an offset, e.g. 2026-04-15T10:12:00+05:30',
    }),
    endAt: z.iso
      .datetime({ offset: true, message: 'must be an ISO 8601 date-time with an offset' })
      .optional(),
    durationS: z
      .number()
      .int()
      .min(0)
      .max(31 * 86400)
      .optional(),
    amount: z
      .number()
      .min(0)
      .max(1e12)
      .refine(
        (n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6,
        'must have at most two decimals (rupees.paise)',
      )
      .optional(),
    txnRef: z.string().max(64).optional().meta({ description: 'UPI RRN, UTR or cheque number.' }),
    props: propsSchema.optional(),
    ref: sourceRef,
  })
  .strict()
  .refine((o) => !o.endAt || Date.parse(o.endAt) >= Date.parse(o.at), {
    message: 'must not be before at',
    path: ['endAt'],
  })
  .meta({
    id: 'Occurrence',
    description: 'One time-stamped event of a link: a call, a payment, a stay, a sighting.',
  });

export const batchLinkSchema = z
  .object({
    kind: z.enum(LINK_KINDS as [string, ...string[]]),
    from: entityRefSchema,
    to: entityRefSchema,
    role: z
      .enum(CASE_ROLES)
      .optional()
      .meta({ description: 'The role of the entity in the case (involves links only).' }),
    props: propsSchema.optional(),
    ref: sourceRef,
    occurrences: z.array(occurrenceSchema).max(100_000).optional(),
  })
  .strict()
  .meta({ id: 'BatchLink' });

export const batchDocumentSchema = z
  .object({
    name: z.string().trim().min(1).max(300),
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be the 64 hex digits of the SHA-256 of the document')
      .transform((s) => s.toLowerCase()),
    type: z.enum(DOCUMENT_TYPES),
    grading: gradingSchema.optional(),
    case: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: 'Key of the case (FIR) this evidence belongs to.' }),
    receivedFrom: z.string().max(200).optional(),
  })
  .strict()
  .meta({ id: 'BatchDocument', description: 'The evidence every fact of the batch comes from.' });

export const ingestBatchSchema = z
  .object({
    document: batchDocumentSchema,
    entities: z.array(batchEntitySchema).max(1_000_000).default([]),
    links: z.array(batchLinkSchema).max(2_000_000).default([]),
  })
  .strict()
  .meta({ id: 'IngestBatch' });

export type EntityRef = z.infer<typeof entityRefSchema>;
export type BatchEntity = z.infer<typeof batchEntitySchema>;
export type BatchLink = z.infer<typeof batchLinkSchema>;
export type BatchOccurrence = z.infer<typeof occurrenceSchema>;
export type IngestBatch = z.infer<typeof ingestBatchSchema>;
export type IngestBatchInput = z.input<typeof ingestBatchSchema>;
