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
import { isoDateTimeMs } from './iso-time.js';
import { memoByContext } from './memo.js';
import type { Props } from './props.js';
import { checkKnownProps } from './props.js';
import { AADHAAR_ELSEWHERE, propHoldsAadhaar } from './normalise/aadhaar-guard.js';

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
  /** props as JSON text, when it arrives as text (from the preparing worker): stores write it as it is. */
  propsText?: string;
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
  /** As NormalisedEntity.propsText. */
  propsText?: string;
  ref?: string;
  occurrences: NormalisedOccurrence[];
  /** What a store keeps on a new link's row: its occurrences summed, each distinct one counted once. */
  totals: OccurrenceTotals;
  /**
   * Where in the batch's entities each end is declared, when it is: a store then finds the end among
   * what it wrote for this batch instead of looking the id up among everything it holds.
   */
  fromEntity?: number;
  toEntity?: number;
  /** Position in the batch, so a store can point at a link whose end it does not know. */
  index: number;
  /**
   * How an end not declared among the batch's entities is named in a message ("phone +91 98201 23456"):
   * only such an end can be unknown to the store. A declared end has none, which keeps them out of the
   * trip from the preparing worker to the writing thread (two texts a link).
   */
  fromDesc?: string;
  toDesc?: string;
}

export interface OccurrenceTotals {
  count: number;
  durationS: number;
  amountPaise: number;
  first: number | null;
  last: number | null;
}

/**
 * Count, total duration and amount, first and last time of a link's occurrences, each counted once (a
 * source may list one call twice). Worked out here, where a bulk import prepares batches on a thread
 * of its own, rather than on the thread that writes them.
 */
export function occurrenceTotals(occurrences: NormalisedOccurrence[]): OccurrenceTotals {
  const t: OccurrenceTotals = { count: 0, durationS: 0, amountPaise: 0, first: null, last: null };
  // Most links carry a few occurrences, compared pairwise. A CDR's thousands come in time order, where a
  // repeat sits among those of its own time; only a long list out of order needs a set of identities.
  const ordered = occurrences.length <= 16 || inTimeOrder(occurrences);
  const seen = ordered ? undefined : new Set<string>();
  for (let i = 0; i < occurrences.length; i++) {
    const o = occurrences[i]!;
    if (seen) {
      const identity = `${o.at}|${o.durationS ?? -1}|${o.amountPaise ?? -1}|${o.txnRef ?? ''}`;
      if (seen.has(identity)) continue;
      seen.add(identity);
    } else if (repeatsEarlier(occurrences, i, occurrences.length > 16)) continue;
    t.count++;
    t.durationS += o.durationS ?? 0;
    t.amountPaise += o.amountPaise ?? 0;
    t.first = Math.min(t.first ?? o.at, o.at);
    t.last = Math.max(t.last ?? o.at, o.endAt ?? o.at);
  }
  return t;
}

function inTimeOrder(occurrences: NormalisedOccurrence[]): boolean {
  for (let i = 1; i < occurrences.length; i++) if (occurrences[i]!.at < occurrences[i - 1]!.at) return false;
  return true;
}

const sameOccurrence = (p: NormalisedOccurrence, o: NormalisedOccurrence) =>
  p.at === o.at &&
  (p.durationS ?? -1) === (o.durationS ?? -1) &&
  (p.amountPaise ?? -1) === (o.amountPaise ?? -1) &&
  (p.txnRef ?? '') === (o.txnRef ?? '');

/**
 * The same call as one listed before it: what a store keys an occurrence by. In a list in time order
 * (`ordered`), only the run of the same time just before it can hold it.
 */
function repeatsEarlier(occurrences: NormalisedOccurrence[], i: number, ordered: boolean): boolean {
  const o = occurrences[i]!;
  if (ordered) {
    for (let j = i - 1; j >= 0 && occurrences[j]!.at === o.at; j--)
      if (sameOccurrence(occurrences[j]!, o)) return true;
    return false;
  }
  for (let j = 0; j < i; j++) if (sameOccurrence(occurrences[j]!, o)) return true;
  return false;
}

export interface NormalisedBatch {
  document: NormalisedDocument;
  importedBy: string;
  entities: NormalisedEntity[];
  links: NormalisedLink[];
  /** No entity id and no link id is named twice in the batch: a store may count records as they come. */
  distinctIds: boolean;
}

export type NormaliseResult = { ok: true; batch: NormalisedBatch } | { ok: false; issues: Issue[] };

interface ResolvedRef {
  id: string;
  kind: EntityKind;
  scheme: Scheme;
  key: string;
  display: string;
  props?: Props;
  /** How a message names it: "phone +91 98201 23456". */
  desc: string;
}

type Resolution = ResolvedRef | { reason: string; field: 'scheme' | 'key' };

/**
 * A batch names the same phone in thousands of links: each spelling is resolved (and hashed) once, per
 * kind and scheme as the source wrote them.
 */
const resolveMemo = memoByContext(250_000, (group: string, key: string, ctx: KeyContext) => {
  const cut = group.indexOf('/');
  const kind = (cut < 0 ? group : group.slice(0, cut)) as EntityKind;
  return resolveUncached({ kind, scheme: cut < 0 ? undefined : group.slice(cut + 1), key }, ctx);
});

/** A memo group: the kind, and the scheme when the source named one. */
const groupOf = (ref: EntityRef): string =>
  ref.scheme === undefined ? ref.kind : `${ref.kind}/${ref.scheme}`;

function resolveRef(ref: EntityRef, ctx: KeyContext): Resolution {
  return resolveMemo(groupOf(ref), ref.key, ctx);
}

/**
 * The batch's own entities as written (kind, scheme, key), resolved. A link's ends are mostly among
 * them, spelt the same: a tower dump's thousand links name its few hundred entities twice each, and a
 * small map answers faster than the memo, which holds every spelling of the import (~0.08 µs against
 * ~0.26 µs a lookup at the bench scenario's 181,000 spellings).
 */
class DeclaredRefs {
  private readonly byGroup = new Map<string, Map<string, ResolvedRef>>();

  add(ref: EntityRef, r: ResolvedRef): void {
    const group = groupOf(ref);
    let byKey = this.byGroup.get(group);
    if (!byKey) this.byGroup.set(group, (byKey = new Map()));
    byKey.set(ref.key, r);
  }

  resolve(ref: EntityRef, ctx: KeyContext): Resolution {
    const group = groupOf(ref);
    return this.byGroup.get(group)?.get(ref.key) ?? resolveMemo(group, ref.key, ctx);
  }
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
    desc: `${ref.kind} ${result.display}`,
  };
}

/** An occurrence's id (ids.ts occurrenceId) follows from its link, time and measure; stores derive it when read. */
function normaliseOccurrence(o: BatchOccurrence): NormalisedOccurrence {
  const at = isoDateTimeMs(o.at);
  const amountPaise = o.amount === undefined ? undefined : Math.round(o.amount * 100);
  return {
    at,
    endAt: o.endAt === undefined ? undefined : isoDateTimeMs(o.endAt),
    durationS: o.durationS,
    amountPaise,
    // A blank reference is no reference: the store keys an occurrence by it (sqlite schema 7).
    txnRef: o.txnRef || undefined,
    props: o.props ?? {},
    ref: o.ref,
  };
}

const NO_ISSUES: Issue[] = [];

/** A whole Aadhaar number in a property would be stored as written: the batch is refused instead. */
function checkNoAadhaar(
  props: Props | undefined,
  section: 'entities' | 'links',
  index: number,
  occurrence: number | undefined,
  issues: Issue[],
): void {
  if (!props) return;
  for (const name in props)
    if (propHoldsAadhaar(name, props[name])) {
      // The path is spelt out only when there is something to say: a bulk import checks millions of props.
      const at = occurrence === undefined ? '' : `.occurrences[${occurrence}]`;
      issues.push({
        section,
        index,
        path: `${section}[${index}]${at}.props.${name}`,
        message: AADHAAR_ELSEWHERE,
      });
    }
}

function checkLinkShape(link: BatchLink, i: number, from: ResolvedRef, to: ResolvedRef): Issue[] {
  const kind = link.kind as LinkKind;
  const rule = linkRule(kind);
  const badFrom = !(rule.from as readonly string[]).includes(from.kind);
  const badTo = !(rule.to as readonly string[]).includes(to.kind);
  const badRole = kind === 'involves' ? !link.role : link.role !== undefined;
  const badOccurrences = rule.occurrences === 'none' && !!link.occurrences?.length;
  const loop = from.id === to.id;
  // Most links are well formed: only a bad one pays for building its messages.
  if (!badFrom && !badTo && !badRole && !badOccurrences && !loop) return NO_ISSUES;
  const issues: Issue[] = [];
  const issue = (field: string, message: string) =>
    issues.push({ section: 'links', index: i, path: `links[${i}].${field}`, message });
  if (badFrom)
    issue('from.kind', `a ${kind} link goes from ${rule.from.join(' or ')}, not from a ${from.kind}`);
  if (badTo) issue('to.kind', `a ${kind} link goes to ${rule.to.join(' or ')}, not to a ${to.kind}`);
  if (badRole)
    issue(
      'role',
      kind === 'involves'
        ? "an involves link needs the entity's role in the case"
        : 'only an involves link has a role',
    );
  if (badOccurrences) issue('occurrences', `a ${kind} link has no occurrences`);
  if (loop) issue('to', 'a link must join two different entities');
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
  const declared = new DeclaredRefs();
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
    declared.add(e, r);
    const props = { ...(r.props ?? {}), ...(e.props ?? {}) };
    for (const p of checkKnownProps(e.kind, props))
      issues.push({
        section: 'entities',
        index: i,
        path: `entities[${i}].props.${p.prop}`,
        message: p.reason,
      });
    checkNoAadhaar(e.props, 'entities', i, undefined, issues);
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

  // First place of each id among the entities: the link ends' positions, and whether any id is repeated.
  const position = new Map<string, number>();
  for (let e = 0; e < entities.length; e++)
    if (!position.has(entities[e]!.id)) position.set(entities[e]!.id, e);
  const links: NormalisedLink[] = [];
  batch.links.forEach((l, i) => {
    const from = declared.resolve(l.from, ctx);
    const to = declared.resolve(l.to, ctx);
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
    checkNoAadhaar(l.props, 'links', i, undefined, issues);
    l.occurrences?.forEach((o, j) => checkNoAadhaar(o.props, 'links', i, j, issues));
    const kind = l.kind as LinkKind;
    const qualifier = l.role ?? '';
    const id = linkId(kind, from.id, to.id, qualifier);
    const props: Props = { ...(l.props ?? {}) };
    if (l.role) props.role = l.role;
    const occurrences = (l.occurrences ?? []).map(normaliseOccurrence);
    const fromEntity = position.get(from.id);
    const toEntity = position.get(to.id);
    links.push({
      id,
      kind,
      fromId: from.id,
      toId: to.id,
      qualifier,
      props,
      ref: l.ref,
      occurrences,
      totals: occurrenceTotals(occurrences),
      fromEntity,
      toEntity,
      index: i,
      fromDesc: fromEntity === undefined ? from.desc : undefined,
      toDesc: toEntity === undefined ? to.desc : undefined,
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
      distinctIds: position.size === entities.length && allDistinct(links),
    },
  };
}

function allDistinct(records: { id: string }[]): boolean {
  const ids = new Set<string>();
  for (const r of records) {
    if (ids.has(r.id)) return false;
    ids.add(r.id);
  }
  return true;
}
