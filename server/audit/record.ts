/**
 * What the HTTP layer calls to put an event on the audit trail: `auditRecorder(store.audit).record(…)`.
 *
 * The trail is read by auditors and kept for years, so it must not become a second copy of what the
 * masking protects. Rule: an entry never carries a victim's (or anyone's) identifying value — no name,
 * phone, Aadhaar, account, address or search text. It names things by opaque ids instead (entity and link
 * ids are hashes, see server/domain/ids.ts), which an auditor with access can resolve. To hold that rule in
 * code rather than in reviewers' memory:
 * - `target` must be an opaque id (`kind:hex`) or a username (officers, not victims);
 * - `detail` accepts only the keys in DETAIL_SCHEMA, each typed so that it cannot carry such a value
 *   (counts, ids, a document's SHA-256, fixed words); a search is recorded by its result ids, not its text;
 * - the one free text, a reveal's or refusal's `reason`, has digit runs (phones, Aadhaar, accounts) and
 *   handles (email, UPI) cut out before it is stored; officers are told to give a reason, not a name.
 * A call that breaks the rule throws INTERNAL: the caller's bug must fail the request, not leak, and an
 * event that cannot be recorded must not be served (every read of case data is audited, DESIGN.md).
 */
import { z } from 'zod';
import type { AuditEntry } from '../domain/audit-chain.js';
import { ROLES, USERNAME, type Role } from '../domain/access.js';
import { CaseGraphError } from '../domain/errors.js';
import { CASE_ROLES, ENTITY_KINDS } from '../domain/kinds.js';
import type { AuditStore } from '../store/audit-store.js';

export const AUDIT_ACTIONS = [
  'login',
  'login.failed',
  'logout',
  'read.entity',
  'read.link',
  'read.graph',
  'search',
  'ingest',
  'export',
  'reveal',
  'report',
  'report.verify',
  'user.add',
  'user.reset',
  'user.disable',
  'case.grant',
  'case.revoke',
  'case.create',
  'case.edit',
  'case.close',
  'case.attach',
  'case.detach',
  'watch.add',
  'watch.remove',
  'audit.read',
  'audit.verify',
  'read.candidates',
  'read.merge',
  'merge',
  'merge.reject',
  'merge.undo',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Runs of 7+ digits (with spaces or hyphens between) and anything@anything: phones, Aadhaar, accounts, email, UPI. */
const IDENTIFYING = /\+?\d[\d\s-]{5,}\d|[^\s@]+@[^\s@]+/g;
export const redactIdentifiers = (text: string) => text.replace(IDENTIFYING, '[removed]');

const OPAQUE_ID = /^[a-z][a-z-]*:[0-9a-f]{24}$/;
const count = z.number().int().nonnegative();

export const DETAIL_SCHEMA = z.strictObject({
  /** Why a reveal was asked for, why a sign-in failed, why an access was granted. */
  reason: z.string().max(500).transform(redactIdentifiers).optional(),
  /** Entities, links or paths returned; what a search found, by id (a search's text may be a name). */
  ids: z.array(z.string().regex(OPAQUE_ID)).max(200).optional(),
  results: count.optional(),
  entities: count.optional(),
  links: count.optional(),
  occurrences: count.optional(),
  hops: count.optional(),
  kinds: z.array(z.enum(ENTITY_KINDS)).optional(),
  /** The evidence file of an ingest, by its SHA-256 (a file name may spell out a person). */
  document: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  format: z.enum(['pdf', 'gexf', 'graphml', 'csv', 'json', 'anx']).optional(),
  /** A report or export CaseGraph produced, by the SHA-256 of its bytes (what verification answers by). */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  /** Which file of a report: the report itself or its draft certificate (BSA s.63). */
  file: z.enum(['report', 'certificate', 'export']).optional(),
  /** The graph version the file was made from. */
  version: count.optional(),
  role: z.enum(ROLES).optional(),
  /** Whether the response was masked for the viewer (victim protection applied). */
  masked: z.boolean().optional(),
  /** audit.read and audit.verify: which page was read, what the verification found. */
  afterSeq: count.optional(),
  limit: count.optional(),
  ok: z.boolean().optional(),
  problems: count.optional(),
  /** case.attach, case.detach: the role in the case (a fixed word). */
  caseRole: z.enum(CASE_ROLES).optional(),
  /** Alerts an ingest raised on cases, and hits served. */
  alerts: count.optional(),
  hits: count.optional(),
});
export type AuditDetail = z.input<typeof DETAIL_SCHEMA>;

export interface AuditEvent {
  /** Username of who acted; for login.failed, the name that was tried. Null for the system itself. */
  actor: string | null;
  role: Role | null;
  action: AuditAction;
  caseId?: string | null;
  /** What was acted on, by opaque id (entity, link) or username (user.*, case.grant). */
  target?: string | null;
  detail?: AuditDetail;
  ip?: string | null;
}

const EVENT_SCHEMA = z.strictObject({
  actor: z.string().max(256).nullable(),
  role: z.enum(ROLES).nullable(),
  action: z.enum(AUDIT_ACTIONS),
  caseId: z.string().max(200).nullish(),
  target: z.union([z.string().regex(OPAQUE_ID), USERNAME]).nullish(),
  detail: DETAIL_SCHEMA.optional(),
  ip: z.string().max(64).nullish(),
});

export interface AuditRecorder {
  record(event: AuditEvent): Promise<AuditEntry>;
}

export function auditRecorder(store: AuditStore, now: () => number = Date.now): AuditRecorder {
  return {
    async record(event) {
      const parsed = EVENT_SCHEMA.safeParse(event);
      if (!parsed.success) {
        const why = parsed.error.issues.map((i) => `${i.path.join('.') || 'event'}: ${i.message}`);
        throw new CaseGraphError('INTERNAL', `refused to audit ${String(event.action)}: ${why.join('; ')}`);
      }
      const e = parsed.data;
      return store.append({
        at: now(),
        actor: e.actor,
        role: e.role,
        action: e.action,
        caseId: e.caseId ?? null,
        target: e.target ?? null,
        detail: e.detail ?? {},
        ip: e.ip ?? null,
      });
    },
  };
}
