/**
 * The ingest batch schema (batch.ts) checked by hand for the common case: a well-formed batch. A bulk
 * import validates millions of records, and zod's general machinery cost a third of its preparing time.
 *
 * The rule that keeps this safe: it may refuse what zod accepts, never accept what zod refuses. Anything
 * unusual — a field it does not know, a value it is unsure of — returns undefined and the caller asks zod,
 * which also writes the messages a rejected batch needs. What it returns is what zod's parse returns for
 * the same input (keys trimmed, the hash lowercased, empty lists filled in); batch-fast-parse.test.ts
 * holds the two to that with generated batches, valid and broken.
 */
import { z } from 'zod';
import type { BatchEntity, BatchLink, BatchOccurrence, EntityRef, IngestBatch } from './batch.js';
import { DOCUMENT_TYPES } from './batch.js';
import { CASE_ROLES, ENTITY_KINDS, LINK_KINDS, SCHEMES } from './kinds.js';
import { INFORMATION_CREDIBILITY, SOURCE_RELIABILITY } from './grading.js';
import type { Props } from './props.js';
import { isoDateTimeMs } from './iso-time.js';

/** Thrown inside, caught at the top: "not sure, ask zod". Never leaves this module. */
const ASK_ZOD = Symbol('ask zod');
type Obj = Record<string, unknown>;

const set = (values: readonly string[]) => new Set<string>(values);
const ENTITY_KIND = set(ENTITY_KINDS);
const LINK_KIND = set(LINK_KINDS);
const ROLE = set(CASE_ROLES);
const SCHEME = set(Object.values(SCHEMES).flat());
const DOCUMENT_TYPE = set(DOCUMENT_TYPES);
const SOURCE = set(Object.keys(SOURCE_RELIABILITY));
const INFORMATION = set(Object.keys(INFORMATION_CREDIBILITY));
// zod's own pattern for the occurrence times, so that the two agree on every date-time string.
const DATETIME = z.iso.datetime({ offset: true })._zod.pattern;
const SHA256 = /^[0-9a-fA-F]{64}$/;
const TWO_DECIMALS = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;

function object(v: unknown, keys: Set<string>): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw ASK_ZOD;
  for (const k in v) if (!keys.has(k) || (v as Obj)[k] === undefined) throw ASK_ZOD;
  // Inherited enumerable keys or a null prototype: not what JSON.parse makes, so not this path's business.
  if (Object.getPrototypeOf(v) !== Object.prototype) throw ASK_ZOD;
  return v as Obj;
}

function string(v: unknown, max: number): string {
  if (typeof v !== 'string' || v.length > max) throw ASK_ZOD;
  return v;
}

/** zod's .trim().min(1).max(n): the length is the trimmed one. */
function trimmed(v: unknown, max: number): string {
  if (typeof v !== 'string') throw ASK_ZOD;
  const t = v.trim();
  if (t.length < 1 || t.length > max) throw ASK_ZOD;
  return t;
}

function member(v: unknown, values: Set<string>): string {
  if (typeof v !== 'string' || !values.has(v)) throw ASK_ZOD;
  return v;
}

function array(v: unknown, max: number): unknown[] {
  if (!Array.isArray(v) || v.length > max) throw ASK_ZOD;
  return v;
}

function props(v: unknown): Props {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw ASK_ZOD;
  if (Object.getPrototypeOf(v) !== Object.prototype) throw ASK_ZOD;
  const out: Props = {};
  let n = 0;
  for (const k in v) {
    // A "__proto__" key means something else to an object literal than to JSON: zod decides what it is.
    if (k.length < 1 || k.length > 80 || k === '__proto__') throw ASK_ZOD;
    const x = (v as Obj)[k];
    if (typeof x === 'string') {
      if (x.length > 4000) throw ASK_ZOD;
    } else if (typeof x === 'number') {
      if (!Number.isFinite(x)) throw ASK_ZOD;
    } else if (typeof x !== 'boolean' && x !== null) throw ASK_ZOD;
    out[k] = x;
    n++;
  }
  if (n > 100) throw ASK_ZOD;
  return out;
}

const REF_KEYS = set(['kind', 'scheme', 'key']);
function entityRef(v: unknown): EntityRef {
  const o = object(v, REF_KEYS);
  const ref: EntityRef = { kind: member(o.kind, ENTITY_KIND) as EntityRef['kind'], key: trimmed(o.key, 500) };
  if (o.scheme !== undefined) ref.scheme = member(o.scheme, SCHEME);
  return ref;
}

const ENTITY_KEYS = set(['kind', 'scheme', 'key', 'props', 'ref']);
function entity(v: unknown): BatchEntity {
  const o = object(v, ENTITY_KEYS);
  const e: BatchEntity = {
    kind: member(o.kind, ENTITY_KIND) as BatchEntity['kind'],
    key: trimmed(o.key, 500),
  };
  if (o.scheme !== undefined) e.scheme = member(o.scheme, SCHEME);
  if (o.props !== undefined) e.props = props(o.props);
  if (o.ref !== undefined) e.ref = string(o.ref, 200);
  return e;
}

function dateTime(v: unknown): string {
  if (typeof v !== 'string' || !DATETIME.test(v)) throw ASK_ZOD;
  return v;
}

const OCCURRENCE_KEYS = set(['at', 'endAt', 'durationS', 'amount', 'txnRef', 'props', 'ref']);
function occurrence(v: unknown): BatchOccurrence {
  const o = object(v, OCCURRENCE_KEYS);
  const occ: BatchOccurrence = { at: dateTime(o.at) };
  if (o.endAt !== undefined) {
    occ.endAt = dateTime(o.endAt);
    if (!(isoDateTimeMs(occ.endAt) >= isoDateTimeMs(occ.at))) throw ASK_ZOD;
  }
  if (o.durationS !== undefined) {
    const d = o.durationS;
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0 || d > 31 * 86400) throw ASK_ZOD;
    occ.durationS = d;
  }
  if (o.amount !== undefined) {
    const a = o.amount;
    if (typeof a !== 'number' || !Number.isFinite(a) || a < 0 || a > 1e12 || !TWO_DECIMALS(a)) throw ASK_ZOD;
    occ.amount = a;
  }
  if (o.txnRef !== undefined) occ.txnRef = string(o.txnRef, 64);
  if (o.props !== undefined) occ.props = props(o.props);
  if (o.ref !== undefined) occ.ref = string(o.ref, 200);
  return occ;
}

const LINK_KEYS = set(['kind', 'from', 'to', 'role', 'props', 'ref', 'occurrences']);
function link(v: unknown): BatchLink {
  const o = object(v, LINK_KEYS);
  const l: BatchLink = { kind: member(o.kind, LINK_KIND), from: entityRef(o.from), to: entityRef(o.to) };
  if (o.role !== undefined) l.role = member(o.role, ROLE) as BatchLink['role'];
  if (o.props !== undefined) l.props = props(o.props);
  if (o.ref !== undefined) l.ref = string(o.ref, 200);
  if (o.occurrences !== undefined) l.occurrences = array(o.occurrences, 100_000).map(occurrence);
  return l;
}

const GRADING_KEYS = set(['source', 'information']);
const DOCUMENT_KEYS = set(['name', 'sha256', 'type', 'grading', 'case', 'receivedFrom']);
function document(v: unknown): IngestBatch['document'] {
  const o = object(v, DOCUMENT_KEYS);
  if (typeof o.sha256 !== 'string' || !SHA256.test(o.sha256)) throw ASK_ZOD;
  const d: IngestBatch['document'] = {
    name: trimmed(o.name, 300),
    sha256: o.sha256.toLowerCase(),
    type: member(o.type, DOCUMENT_TYPE) as IngestBatch['document']['type'],
  };
  if (o.grading !== undefined) {
    const g = object(o.grading, GRADING_KEYS);
    d.grading = {
      source: member(g.source, SOURCE) as keyof typeof SOURCE_RELIABILITY,
      information: member(g.information, INFORMATION) as keyof typeof INFORMATION_CREDIBILITY,
    };
  }
  if (o.case !== undefined) d.case = trimmed(o.case, 200);
  if (o.receivedFrom !== undefined) d.receivedFrom = string(o.receivedFrom, 200);
  return d;
}

const BATCH_KEYS = set(['document', 'entities', 'links']);
/** The batch as ingestBatchSchema.parse would return it, or undefined when zod must decide. */
export function fastParseBatch(raw: unknown): IngestBatch | undefined {
  try {
    const o = object(raw, BATCH_KEYS);
    return {
      document: document(o.document),
      entities: o.entities === undefined ? [] : array(o.entities, 1_000_000).map(entity),
      links: o.links === undefined ? [] : array(o.links, 2_000_000).map(link),
    };
  } catch (error) {
    if (error === ASK_ZOD) return undefined;
    throw error;
  }
}
