/**
 * Cases as records (issue 9): open an FIR, edit and close it, attach entities with the role the evidence
 * gives them and detach them. The record is the case entity; every change is written as an ingest batch
 * — the record's own document for the FIR's fields, the supporting document for a role — so each change
 * keeps who made it and when, as every other fact does, and raises the alerts any ingest raises.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { UserView } from '../../domain/access.js';
import {
  attachSchema,
  caseCloseSchema,
  caseEditSchema,
  caseProps,
  caseRecordOf,
  detachSchema,
  firKeyOf,
  newCaseSchema,
  type CaseRecord,
} from '../../domain/case-record.js';
import { CaseGraphError } from '../../domain/errors.js';
import { entityId, linkId } from '../../domain/ids.js';
import { CASE_ROLES, type CaseRole } from '../../domain/kinds.js';
import { normaliseKey } from '../../domain/keys.js';
import {
  occurrenceTotals,
  type NormalisedBatch,
  type NormalisedDocument,
} from '../../domain/normalise-batch.js';
import type { Props } from '../../domain/props.js';
import type { EntityView } from '../../domain/views.js';
import { raiseAlerts } from '../../ingest/case-alerts.js';
import { prepareBatch } from '../../ingest/ingest-batch.js';
import { allowedCases, mayRead, requireCase, requireOneOf } from '../case-scope.js';
import type { AppContext } from '../context.js';
import { route, type AnyRoute } from '../define-route.js';
import { resolveCase } from '../query-helpers.js';
import { entityViewSchema, idParamsSchema } from '../schemas.js';
import { sessionOf } from '../session.js';

const roleSchema = z
  .object({
    entity: entityViewSchema,
    role: z.enum(CASE_ROLES),
    link: z.string(),
    detached: z.boolean(),
    evidence: z.array(
      z.object({ document: z.string(), name: z.string(), type: z.string(), ref: z.string().nullable() }),
    ),
  })
  .meta({ id: 'CaseRole' });

export const caseRecordSchema = z
  .object({
    id: z.string(),
    fir: z.string().meta({ description: 'The FIR key: state/district/police station/serial/year.' }),
    firNumber: z.string().nullable(),
    state: z.string().nullable(),
    district: z.string().nullable(),
    policeStation: z.string().nullable(),
    registeredOn: z.string().nullable(),
    occurredFrom: z.string().nullable(),
    occurredTo: z.string().nullable(),
    sections: z.array(z.string()),
    status: z.enum(['open', 'closed']),
    closeReason: z.string().nullable(),
    closeNote: z.string().nullable(),
    closedOn: z.string().nullable(),
    officer: z.string().nullable(),
    unit: z.string().nullable(),
    roles: z.array(roleSchema),
  })
  .meta({ id: 'CaseRecord' });

const RECORD_GRADING = { source: 'A', information: '1' } as const;
const MAX_ROLES = 5000;

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** The record and the roles it gives, each with the documents that support it. */
async function readRecord(ctx: AppContext, caseId: string): Promise<CaseRecord & { roles: unknown[] }> {
  const entity = await ctx.store.getEntity(caseId);
  if (!entity || entity.kind !== 'case') throw new CaseGraphError('CASE.NOT_FOUND', `no case ${caseId}`);
  const sub = await ctx.store.subgraph({ caseId, linkKinds: ['involves'], limit: MAX_ROLES });
  const nodes = new Map(sub.nodes.map((n) => [n.id, n]));
  const roles = [];
  for (const l of sub.links) {
    if (l.kind !== 'involves' || l.from !== caseId) continue;
    const detail = await ctx.store.getLink(l.id, 0);
    const to = nodes.get(l.to);
    if (!detail || !to) continue;
    roles.push({
      entity: view(to),
      role: l.props.role as CaseRole,
      link: l.id,
      detached: l.props.detached === true,
      evidence: detail.provenance.map((p) => ({
        document: p.document.id,
        name: p.document.name,
        type: p.document.type,
        ref: p.ref,
      })),
    });
  }
  roles.sort((a, b) => a.role.localeCompare(b.role) || a.entity.label.localeCompare(b.entity.label));
  return { ...caseRecordOf(entity), roles };
}

const view = (e: EntityView): EntityView => ({
  id: e.id,
  kind: e.kind,
  scheme: e.scheme,
  key: e.key,
  label: e.label,
  props: e.props,
});

/** The record's own document for a change: who made it, and when. */
function recordDocument(user: UserView, fir: string, what: string, change: unknown, at: Date) {
  return {
    name: `case record ${what}: ${fir}`,
    sha256: sha256({ fir, change, what, by: user.username, at: at.toISOString() }),
    type: 'fir' as const,
    grading: RECORD_GRADING,
    case: fir,
  };
}

/** Writes the case entity's new properties as the record's own document. */
async function writeRecord(
  ctx: AppContext,
  user: UserView,
  fir: string,
  props: Props,
  what: 'opened' | 'changed' | 'closed',
): Promise<void> {
  const at = new Date();
  const batch = prepareBatch(
    {
      document: recordDocument(user, fir, what, props, at),
      entities: [{ kind: 'case', key: fir, props, ref: `case record, ${what}` }],
      links: [],
    },
    user.username,
    ctx.keys,
  );
  await ctx.store.ingest(batch, { importedAt: at });
  await raiseAlerts(ctx.store, batch, at.getTime());
}

/** A case the caller may change: theirs (or any, for an admin) and still open. */
async function openCase(ctx: AppContext, user: UserView, ref: string) {
  const caseId = await resolveCase(ctx, ref);
  await requireCase(ctx, user, caseId);
  const entity = (await ctx.store.getEntity(caseId))!;
  if (entity.props.status === 'closed')
    throw new CaseGraphError('CASE.CLOSED', `case ${entity.key} is closed: it takes no more changes`);
  return { caseId, entity };
}

/** The document that supports a role: one of the case's own. */
async function supportingDocument(ctx: AppContext, caseId: string, id: string): Promise<NormalisedDocument> {
  const doc = await ctx.store.getDocument(id);
  if (!doc)
    throw new CaseGraphError('DOCUMENT.NOT_FOUND', `no document ${id}`, [
      { section: 'body', path: 'document', message: 'no document has this id' },
    ]);
  if (doc.caseId !== caseId)
    throw new CaseGraphError('REQUEST.INVALID', 'the supporting document is not evidence of this case', [
      { section: 'body', path: 'document', message: 'a role is supported by a document of its own case' },
    ]);
  return { id: doc.id, sha256: doc.sha256, name: doc.name, type: doc.type, grading: doc.grading, caseId };
}

/** The role's involves link, written in one batch with its document as its source. */
function roleBatch(
  user: UserView,
  document: NormalisedDocument,
  caseKey: string,
  input: { entity: string; role: CaseRole; ref?: string },
  props: Props,
): NormalisedBatch {
  const caseId = document.caseId!;
  return {
    document,
    importedBy: user.username,
    entities: [],
    links: [
      {
        id: linkId('involves', caseId, input.entity, input.role),
        kind: 'involves',
        fromId: caseId,
        toId: input.entity,
        qualifier: input.role,
        props: { role: input.role, ...props },
        ref: input.ref,
        occurrences: [],
        totals: occurrenceTotals([]),
        index: 0,
        fromDesc: `case ${caseKey}`,
        toDesc: input.entity,
      },
    ],
    distinctIds: true,
  };
}

/** An entity a role may be given to: one that exists, is neither a case nor a document, and is the caller's to see. */
async function roleEntity(ctx: AppContext, user: UserView, id: string) {
  const entity = await ctx.store.getEntity(id);
  if (!entity)
    throw new CaseGraphError('ENTITY.NOT_FOUND', `no entity ${id}`, [
      { section: 'body', path: 'entity', message: 'no entity has this id' },
    ]);
  if (entity.kind === 'case' || entity.kind === 'document')
    throw new CaseGraphError('REQUEST.INVALID', `a ${entity.kind} has no role in a case`, [
      {
        section: 'body',
        path: 'entity',
        message: `a role is given to a person, phone, place …, not a ${entity.kind}`,
      },
    ]);
  // What only another case holds is not the caller's to take into theirs: that is a hit, contact the unit.
  if (entity.caseIds.length) await requireOneOf(ctx, user, entity.caseIds);
  return entity;
}

export function caseRecordRoutes(ctx: AppContext): AnyRoute[] {
  return [
    route({
      method: 'post',
      access: 'ingest',
      path: '/api/cases',
      tags: ['cases'],
      summary: 'Open a case: the FIR and what the unit keeps about it',
      description:
        'The FIR key is state/district/police station/FIR number; a second FIR with the same number at the same station is refused (409 CASE.EXISTS). The case is assigned to whoever opens it.',
      body: newCaseSchema,
      responses: { 201: { description: 'The case record.', schema: caseRecordSchema } },
      errors: [400, 409],
      handler: async (input, req, res) => {
        const { body } = input;
        const { user } = sessionOf(res)!;
        const fir = firKeyOf(body);
        const key = normaliseKey('fir', fir, ctx.keys);
        if (!key.ok)
          throw new CaseGraphError('REQUEST.INVALID', key.reason, [
            { section: 'body', path: 'firNumber', message: key.reason },
          ]);
        const caseId = entityId('case', 'fir', key.key);
        if (await ctx.store.getEntity(caseId))
          throw new CaseGraphError('CASE.EXISTS', `${body.policeStation} already has FIR ${body.firNumber}`, [
            {
              section: 'body',
              path: 'firNumber',
              message: 'this station already registered this FIR number',
            },
          ]);
        const props = {
          ...caseProps({ ...body, unit: body.unit ?? user.unit ?? undefined }),
          status: 'open',
        };
        await writeRecord(ctx, user, fir, props, 'opened');
        const allowed = await allowedCases(ctx, user);
        if (!mayRead(allowed, [caseId])) await ctx.access.grantCase(caseId, user.id, user.id, Date.now());
        return readRecord(ctx, caseId);
      },
      audit: (_i, result) => ({ action: 'case.create', caseId: result.id }),
    }),
    route({
      method: 'get',
      access: 'graph.read',
      path: '/api/cases/:id',
      tags: ['cases'],
      summary: 'A case record (by id or FIR key) with the roles it gives and the documents behind each',
      params: idParamsSchema,
      responses: { 200: { description: 'The case record.', schema: caseRecordSchema } },
      errors: [403, 404],
      handler: async (input, _req, res) => {
        const caseId = await resolveCase(ctx, input.params.id);
        await requireCase(ctx, sessionOf(res)!.user, caseId);
        return readRecord(ctx, caseId);
      },
      audit: (_i, result) => ({
        action: 'read.entity',
        caseId: result.id,
        target: result.id,
      }),
    }),
    route({
      method: 'post',
      access: 'ingest',
      path: '/api/cases/:id/edits',
      tags: ['cases'],
      summary: 'Change a case record: sections, dates of the offence, investigating officer, unit',
      description:
        'Only the fields sent change; a field cannot be emptied (a later statement overrides, a blank says nothing). A closed case takes no changes (409 CASE.CLOSED).',
      params: idParamsSchema,
      body: caseEditSchema,
      responses: { 200: { description: 'The case record.', schema: caseRecordSchema } },
      errors: [400, 403, 404, 409],
      handler: async (input, req, res) => {
        const { user } = sessionOf(res)!;
        const { caseId, entity } = await openCase(ctx, user, input.params.id);
        const edit = input.body;
        const from = edit.occurredFrom ?? (entity.props.occurredFrom as string | undefined);
        const to = edit.occurredTo ?? (entity.props.occurredTo as string | undefined);
        if (from && to && to < from)
          throw new CaseGraphError('REQUEST.INVALID', "the request's body is invalid", [
            { section: 'body', path: 'occurredTo', message: 'must not be before occurredFrom' },
          ]);
        await writeRecord(ctx, user, entity.key, caseProps(edit), 'changed');
        return readRecord(ctx, caseId);
      },
      audit: (_i, result) => ({ action: 'case.edit', caseId: result.id }),
    }),
    route({
      method: 'post',
      access: 'ingest',
      path: '/api/cases/:id/close',
      tags: ['cases'],
      summary: 'Close a case, with the reason (chargesheeted, final report …)',
      params: idParamsSchema,
      body: caseCloseSchema,
      responses: { 200: { description: 'The case record.', schema: caseRecordSchema } },
      errors: [400, 403, 404, 409],
      handler: async (input, req, res) => {
        const { user } = sessionOf(res)!;
        const { caseId, entity } = await openCase(ctx, user, input.params.id);
        const close = input.body;
        const registered = entity.props.firDate;
        if (typeof registered === 'string' && close.closedOn < registered)
          throw new CaseGraphError('REQUEST.INVALID', "the request's body is invalid", [
            { section: 'body', path: 'closedOn', message: 'a case closes after it is registered' },
          ]);
        const props: Props = { status: 'closed', closeReason: close.reason, closedOn: close.closedOn };
        if (close.note) props.closeNote = close.note;
        await writeRecord(ctx, user, entity.key, props, 'closed');
        return readRecord(ctx, caseId);
      },
      audit: (_i, result) => ({ action: 'case.close', caseId: result.id }),
    }),
    route({
      method: 'post',
      access: 'ingest',
      path: '/api/cases/:id/roles',
      tags: ['cases'],
      summary: 'Attach an entity to the case with a role, supported by a document of the case',
      params: idParamsSchema,
      body: attachSchema,
      responses: { 200: { description: 'The case record.', schema: caseRecordSchema } },
      errors: [400, 403, 404, 409],
      handler: async (input, req, res) => {
        const { user } = sessionOf(res)!;
        const { caseId, entity: c } = await openCase(ctx, user, input.params.id);
        const { body } = input;
        await roleEntity(ctx, user, body.entity);
        const document = await supportingDocument(ctx, caseId, body.document);
        const batch = roleBatch(user, document, c.key, body, { detached: false });
        await ctx.store.ingest(batch, { importedAt: new Date() });
        await raiseAlerts(ctx.store, batch, Date.now());
        return readRecord(ctx, caseId);
      },
      audit: (input, result) => ({
        action: 'case.attach',
        caseId: result.id,
        target: input.body.entity,
      }),
    }),
    route({
      method: 'post',
      access: 'ingest',
      path: '/api/cases/:id/roles/detach',
      tags: ['cases'],
      summary: 'Withdraw a role: the entity no longer stands in the case in that role',
      description:
        "The role is kept as withdrawn (detached: true, with the reason, on the record's own document), never erased: who was named when stays on record, and the evidence naming the entity is untouched.",
      params: idParamsSchema,
      body: detachSchema,
      responses: { 200: { description: 'The case record.', schema: caseRecordSchema } },
      errors: [400, 403, 404, 409],
      handler: async (input, req, res) => {
        const { user } = sessionOf(res)!;
        const { caseId, entity: c } = await openCase(ctx, user, input.params.id);
        const { body } = input;
        await roleEntity(ctx, user, body.entity);
        const role = await ctx.store.getLink(linkId('involves', caseId, body.entity, body.role), 0);
        if (!role || role.props.detached === true)
          throw new CaseGraphError('ENTITY.NOT_FOUND', `the case gives this entity no ${body.role} role`, [
            { section: 'body', path: 'role', message: `no ${body.role} role of this entity in the case` },
          ]);
        const at = new Date();
        const doc = recordDocument(user, c.key, 'role withdrawn', body, at);
        const document: NormalisedDocument = {
          id: entityId('document', 'sha256', doc.sha256),
          sha256: doc.sha256,
          name: doc.name,
          type: doc.type,
          grading: doc.grading,
          caseId,
        };
        const batch = roleBatch(
          user,
          document,
          c.key,
          { ...body, ref: 'role withdrawn' },
          {
            detached: true,
            detachReason: body.reason,
          },
        );
        await ctx.store.ingest(batch, { importedAt: at });
        return readRecord(ctx, caseId);
      },
      audit: (input, result) => ({
        action: 'case.detach',
        caseId: result.id,
        target: input.body.entity,
      }),
    }),
  ];
}
