/**
 * Records of the Neo4j driver mapped to the domain's read shapes. Neo4j's integers are 64-bit and the
 * driver hands them over as its own Integer class; a JavaScript number holds only 53 bits exactly, so
 * every integer (sequence numbers, counts, times in epoch milliseconds, amounts in paise) is converted
 * here, and one beyond 2^53 is refused by name instead of being silently rounded. Properties stored as
 * JSON are parsed with zod at this edge, so a corrupted value is reported where it is read.
 */
import neo4j, { isInt, type Integer, type Node, type Path, type Relationship } from 'neo4j-driver';
import { z } from 'zod';
import type { Grading } from '../../domain/grading.js';
import { occurrenceId } from '../../domain/ids.js';
import { linkRule, type EntityKind, type LinkKind, type Scheme } from '../../domain/kinds.js';
import { scalarSchema, type Props } from '../../domain/props.js';
import type {
  DocumentView,
  EntityView,
  LinkView,
  OccurrenceView,
  ProvenanceView,
} from '../../domain/views.js';

/** A value read from Neo4j that CaseGraph cannot take as it is; names what was read. */
export class Neo4jValueError extends RangeError {
  override readonly name = 'Neo4jValueError';
}

/** An integer as a JavaScript number, exactly, or an error naming the field: never a rounded value. */
export function safeInt(value: unknown, what: string): number {
  if (isInt(value)) {
    const i = value as Integer;
    if (!i.inSafeRange())
      throw new Neo4jValueError(`${what} is ${i.toString()}, beyond the 2^53 a number holds exactly`);
    return i.toNumber();
  }
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER))
      throw new Neo4jValueError(`${what} is ${value}, beyond the 2^53 a number holds exactly`);
    return Number(value);
  }
  // Written by another client as a float: taken only when it is a whole number held exactly.
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  throw new Neo4jValueError(`${what} should be an integer, not ${describe(value)}`);
}

/**
 * The way back: a number as one of Neo4j's 64-bit integers, refused unless it is a whole number held
 * exactly. neo4j.int would store NaN as 0 and cut a fraction without a word.
 */
export function toNeo4jInt(n: number, what = 'a number sent to Neo4j'): Integer {
  if (!Number.isSafeInteger(n))
    throw new Neo4jValueError(`${what} should be a whole number within 2^53, not ${describe(n)}`);
  return neo4j.int(n);
}

export function safeIntOrNull(value: unknown, what: string): number | null {
  return value === null || value === undefined ? null : safeInt(value, what);
}

export function text(value: unknown, what: string): string {
  if (typeof value === 'string') return value;
  throw new Neo4jValueError(`${what} should be a string, not ${describe(value)}`);
}

export function textOrNull(value: unknown, what: string): string | null {
  return value === null || value === undefined ? null : text(value, what);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'missing';
  if (isInt(value)) return `the integer ${String(value)}`;
  return typeof value === 'number' ? `the number ${value}` : `a ${typeof value}`;
}

const propsJson = z.record(z.string(), scalarSchema);
export function props(value: unknown, what: string): Props {
  if (value === null || value === undefined) return {};
  const parsed = propsJson.safeParse(JSON.parse(text(value, what)));
  if (!parsed.success) throw new Neo4jValueError(`${what} is not a map of scalar properties`);
  return parsed.data;
}

/** Properties as CaseGraph writes them: a JSON object, since Neo4j properties cannot hold maps. */
export function propsText(p: Props): string {
  return JSON.stringify(p);
}

export const iso = (ms: number): string => new Date(ms).toISOString();

function requireLabel(node: Node, label: string): Node {
  if (!node || !Array.isArray(node.labels) || !node.labels.includes(label))
    throw new Neo4jValueError(`expected a node labelled ${label}`);
  return node;
}

export function toEntityView(node: Node): EntityView {
  const p = requireLabel(node, 'Entity').properties as Record<string, unknown>;
  const id = text(p.id, 'entity id');
  return {
    id,
    kind: text(p.kind, `kind of ${id}`) as EntityKind,
    scheme: text(p.scheme, `scheme of ${id}`) as Scheme,
    key: text(p.display, `key of ${id}`),
    label: text(p.label, `label of ${id}`),
    props: props(p.props, `properties of ${id}`),
  };
}

/** An entity's order of arrival, for answers that must come in the same order every time. */
export const entitySeq = (node: Node): number =>
  safeInt((node.properties as Record<string, unknown>).seq, 'entity sequence number');

export function toLinkView(rel: Relationship, from: string, to: string): LinkView {
  const p = rel.properties as Record<string, unknown>;
  const id = text(p.id, 'link id');
  const kind = text(p.kind, `kind of ${id}`) as LinkKind;
  const first = safeIntOrNull(p.firstAt, `first time of ${id}`);
  const last = safeIntOrNull(p.lastAt, `last time of ${id}`);
  return {
    id,
    kind,
    from,
    to,
    directed: linkRule(kind).directed,
    props: props(p.props, `properties of ${id}`),
    count: safeInt(p.count, `occurrence count of ${id}`),
    durationS: safeInt(p.durationS, `duration of ${id}`),
    amount: safeInt(p.amountPaise, `amount of ${id}`) / 100,
    firstAt: first === null ? null : iso(first),
    lastAt: last === null ? null : iso(last),
  };
}

export function toDocumentView(node: Node): DocumentView {
  const p = requireLabel(node, 'Document').properties as Record<string, unknown>;
  const id = text(p.id, 'document id');
  return {
    id,
    sha256: text(p.sha256, `sha256 of ${id}`),
    name: text(p.name, `name of ${id}`),
    type: text(p.type, `type of ${id}`),
    grading: {
      source: text(p.sourceGrade, `grading of ${id}`),
      information: text(p.infoGrade, `grading of ${id}`),
    } as Grading,
    caseId: textOrNull(p.caseId, `case of ${id}`),
  };
}

/** One record of provenance: the fields a fact query returns beside its document. */
export interface FactFields {
  ref: unknown;
  props?: unknown;
  importedBy: unknown;
  importedAt: unknown;
  document: Node;
}

export function toProvenance(f: FactFields): ProvenanceView {
  const document = toDocumentView(f.document);
  const ref = text(f.ref, `row of a record of ${document.id}`);
  return {
    document,
    ref: ref === '' ? null : ref,
    importedBy: text(f.importedBy, `importer of ${document.id}`),
    importedAt: iso(safeInt(f.importedAt, `import time of ${document.id}`)),
    props: props(f.props, `properties recorded by ${document.id}`),
  };
}

export function toOccurrenceView(linkId: string, node: Node, provenance: ProvenanceView[]): OccurrenceView {
  const p = requireLabel(node, 'Occurrence').properties as Record<string, unknown>;
  const at = safeInt(p.at, `time of an occurrence of ${linkId}`);
  const endAt = safeIntOrNull(p.endAt, `end of an occurrence of ${linkId}`);
  const durationS = safeIntOrNull(p.durationS, `duration of an occurrence of ${linkId}`);
  const amountPaise = safeIntOrNull(p.amountPaise, `amount of an occurrence of ${linkId}`);
  const txnRef = textOrNull(p.txnRef, `transaction reference of an occurrence of ${linkId}`);
  return {
    id: occurrenceId(linkId, at, durationS ?? undefined, amountPaise ?? undefined, txnRef ?? undefined),
    linkId,
    at: iso(at),
    endAt: endAt === null ? null : iso(endAt),
    durationS,
    amount: amountPaise === null ? null : amountPaise / 100,
    txnRef,
    props: props(p.props, `properties of an occurrence of ${linkId}`),
    provenance,
  };
}

/** One step of a traversal: from an entity along a link to another, whichever way the link points. */
export interface Step {
  from: string;
  link: string;
  other: string;
}

/** The steps of a path, in its order; a path of one segment is one hop out of its start. */
export function stepsOf(path: Path): Step[] {
  return path.segments.map((s) => ({
    from: text((s.start.properties as Record<string, unknown>).id, 'entity id'),
    link: text((s.relationship.properties as Record<string, unknown>).id, 'link id'),
    other: text((s.end.properties as Record<string, unknown>).id, 'entity id'),
  }));
}
