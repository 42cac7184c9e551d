/**
 * From a validated batch to what a store writes: every key normalised, every id derived, every time and
 * amount in one unit. Problems are collected, not thrown one at a time, so that a rejected batch comes
 * back with every bad record named at once.
 */
import type { BatchLink, BatchOccurrence, EntityRef, IngestBatch } from './batch.js';
import type { Grading } from './grading.js';
import { UNGRADED } from './grading.js';
import { entityId, linkId } from './ids.js';
import type { KeyContext } from './keys.js';
import { normaliseKey, resolveScheme } from './keys.js';
import type { EntityKind, LinkKind, Scheme } from './kinds.js';
import { linkRule } from './kinds.js';
import type { Issue } from './errors.js';
import { memoByContext } from './memo.js';
import type { Props } from './props.js';
import { checkKnownProps } from './props.js';

export interface NormalisedDocument {
  id: string;
  sha256: string;
  name: string;
  type: string;
  grading: Grading;
  caseId?: string;
  receivedFrom?: string;
}

export interface NormalisedEntity {
  id: string;
  kind: EntityKind;
  scheme: Scheme;
  key: string;
  display: string;
  props: Props;
  ref?: string;
}

export interface NormalisedOccurrence {
  at: number;
  endAt?: number;
  durationS?: number;
  amountPaise?: number;
  txnRef?: string;
  props: Props;
  ref?: string;
}

export interface NormalisedLink {
  id: string;
  kind: LinkKind;
  /** As the source wrote them; an undirected link's id does not depend on this order. */
  fromId: string;
  toId: string;
  qualifier: string;
  props: Props;
  ref?: string;
  occurrences: NormalisedOccurrence[];
  /** Position in the batch and how each end was written, so a store can name an unknown end. */
  index: number;
  fromDesc: string;
  toDesc: string;
}

export interface NormalisedBatch {
  document: NormalisedDocument;
  importedBy: string;
  entities: NormalisedEntity[];
  links: NormalisedLink[];
}

export type NormaliseResult = { ok: true; batch: NormalisedBatch } | { ok: false; issues: Issue[] };

interface ResolvedRef {
  id: string;
  kind: EntityKind;
  scheme: Scheme;
  key: string;
  display: string;
  props?: Props;
}

type Resolution = ResolvedRef | { reason: string; field: 'scheme' | 'key' };

/** A batch names the same phone in thousands of links: each spelling is resolved (and hashed) once. */
const resolveMemo = memoByContext(250_000, (k: string, ctx: KeyContext) => {
  // Split at the first two separators only: a key may itself hold any character.
  const a = k.indexOf('\u0000');
  const b = k.indexOf('\u0000', a + 1);
  const scheme = k.slice(a + 1, b);
  return resolveUncached(
    { kind: k.slice(0, a) as EntityKind, scheme: scheme || undefined, key: k.slice(b + 1) },
    ctx,
  );
});

function resolveRef(ref: EntityRef, ctx: KeyContext): Resolution {
  return resolveMemo(`${ref.kind}\u0000${ref.scheme ?? ''}\u0000${ref.key}`, ctx);
}

function resolveUncached(ref: EntityRef, ctx: KeyContext): Resolution {
  const scheme = resolveScheme(ref.kind, ref.scheme);
  if ('reason' in scheme) return { reason: scheme.reason, field: 'scheme' };
  const result = normaliseKey(scheme.scheme, ref.key, ctx);
  if (!result.ok) return { reason: result.reason, field: 'key' };
  return {
    id: entityId(ref.kind, scheme.scheme, result.key),
    kind: ref.kind,
    scheme: scheme.scheme,
    key: result.key,
    display: result.display,
    props: result.props,
  };
}

/** An occurrence's id (ids.ts occurrenceId) follows from its link, time and measure; stores derive it when read. */
function normaliseOccurrence(o: BatchOccurrence): NormalisedOccurrence {
  const at = Date.parse(o.at);
  const amountPaise = o.amount === undefined ? undefined : Math.round(o.amount * 100);
  return {
    at,
    endAt: o.endAt === undefined ? undefined : Date.parse(o.endAt),
    durationS: o.durationS,
    amountPaise,
    txnRef: o.txnRef,
    props: o.props ?? {},
    ref: o.ref,
  };
}

function checkLinkShape(link: BatchLink, i: number, from: ResolvedRef, to: ResolvedRef): Issue[] {
  const kind = link.kind as LinkKind;
  const rule = linkRule(kind);
  const issues: Issue[] = [];
  const at = (field: string) => `links[${i}].${field}`;
  if (!(rule.from as readonly string[]).includes(from.kind))
    issues.push({
      section: 'links',
      index: i,
      path: at('from.kind'),
      message: `a ${kind} link goes from ${rule.from.join(' or ')}, not from a ${from.kind}`,
    });
  if (!(rule.to as readonly string[]).includes(to.kind))
    issues.push({
      section: 'links',
      index: i,
      path: at('to.kind'),
      message: `a ${kind} link goes to ${rule.to.join(' or ')}, not to a ${to.kind}`,
    });
  if (kind === 'involves' && !link.role)
    issues.push({
      section: 'links',
      index: i,
      path: at('role'),
      message: "an involves link needs the entity's role in the case",
    });
  if (kind !== 'involves' && link.role)
    issues.push({
      section: 'links',
      index: i,
      path: at('role'),
      message: 'only an involves link has a role',
    });
  if (rule.occurrences === 'none' && link.occurrences?.length)
    issues.push({
      section: 'links',
      index: i,
      path: at('occurrences'),
      message: `a ${kind} link has no occurrences`,
    });
  if (from.id === to.id)
    issues.push({
      section: 'links',
      index: i,
      path: at('to'),
      message: 'a link must join two different entities',
    });
  return issues;
}

export function normaliseBatch(batch: IngestBatch, ctx: KeyContext, importedBy: string): NormaliseResult {
  const issues: Issue[] = [];
  const documentId = entityId('document', 'sha256', batch.document.sha256);

  let caseId: string | undefined;
  if (batch.document.case !== undefined) {
    const c = resolveRef({ kind: 'case', key: batch.document.case }, ctx);
    if ('reason' in c) issues.push({ section: 'document', path: 'document.case', message: c.reason });
    else caseId = c.id;
  }

  const entities: NormalisedEntity[] = [];
  batch.entities.forEach((e, i) => {
    if (e.kind === 'document') {
      issues.push({
        section: 'entities',
        index: i,
        path: `entities[${i}].kind`,
        message: "a document enters as a batch's document, not as an entity",
      });
      return;
    }
    const r = resolveRef(e, ctx);
    if ('reason' in r) {
      issues.push({ section: 'entities', index: i, path: `entities[${i}].${r.field}`, message: r.reason });
      return;
    }
    const props = { ...(r.props ?? {}), ...(e.props ?? {}) };
    for (const p of checkKnownProps(e.kind, props))
      issues.push({
        section: 'entities',
        index: i,
        path: `entities[${i}].props.${p.prop}`,
        message: p.reason,
      });
    entities.push({
      id: r.id,
      kind: r.kind,
      scheme: r.scheme,
      key: r.key,
      display: r.display,
      props,
      ref: e.ref,
    });
  });

  const links: NormalisedLink[] = [];
  batch.links.forEach((l, i) => {
    const from = resolveRef(l.from, ctx);
    const to = resolveRef(l.to, ctx);
    if ('reason' in from)
      issues.push({
        section: 'links',
        index: i,
        path: `links[${i}].from.${from.field}`,
        message: from.reason,
      });
    if ('reason' in to)
      issues.push({ section: 'links', index: i, path: `links[${i}].to.${to.field}`, message: to.reason });
    if ('reason' in from || 'reason' in to) return;
    const shape = checkLinkShape(l, i, from, to);
    if (shape.length) {
      issues.push(...shape);
      return;
    }
    const kind = l.kind as LinkKind;
    const qualifier = l.role ?? '';
    const id = linkId(kind, from.id, to.id, qualifier);
    const props: Props = { ...(l.props ?? {}) };
    if (l.role) props.role = l.role;
    links.push({
      id,
      kind,
      fromId: from.id,
      toId: to.id,
      qualifier,
      props,
      ref: l.ref,
      occurrences: (l.occurrences ?? []).map(normaliseOccurrence),
      index: i,
      fromDesc: `${from.kind} ${from.display}`,
      toDesc: `${to.kind} ${to.display}`,
    });
  });

  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    batch: {
      document: {
        id: documentId,
        sha256: batch.document.sha256,
        name: batch.document.name,
        type: batch.document.type,
        grading: batch.document.grading ?? UNGRADED,
        caseId,
        receivedFrom: batch.document.receivedFrom,
      },
      importedBy,
      entities,
      links,
    },
  };
}
