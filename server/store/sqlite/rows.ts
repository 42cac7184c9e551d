/**
 * Rows of the embedded store mapped to the domain's read shapes. The JSON columns are parsed with zod at
 * this edge, so a corrupted row is reported where it is read instead of travelling on as a bad value.
 */
import { z } from 'zod';
import { occurrenceId } from '../../domain/ids.js';
import type { EntityKind, LinkKind, Scheme } from '../../domain/kinds.js';
import { linkRule } from '../../domain/kinds.js';
import { scalarSchema, type Props } from '../../domain/props.js';
import type {
  DocumentView,
  EntityView,
  LinkView,
  OccurrenceView,
  ProvenanceView,
} from '../../domain/views.js';
import type { Grading } from '../../domain/grading.js';

const propsColumn = z.record(z.string(), scalarSchema);
export function parseProps(json: string): Props {
  return propsColumn.parse(JSON.parse(json));
}

export const iso = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

export const ENTITY_COLUMNS = 'e.rid, e.id, e.kind, e.scheme, e.display, e.label, e.props';
export interface EntityRow {
  rid: number;
  id: string;
  kind: string;
  scheme: string;
  display: string;
  label: string;
  props: string;
}
export function toEntityView(r: EntityRow): EntityView {
  return {
    id: r.id,
    kind: r.kind as EntityKind,
    scheme: r.scheme as Scheme,
    key: r.display,
    label: r.label,
    props: parseProps(r.props),
  };
}

export const LINK_COLUMNS = `l.rid, l.id, l.kind, l.from_rid, l.to_rid, l.props, l.occ_count, l.duration_s, l.amount_paise,
  l.first_at, l.last_at, (SELECT id FROM entity WHERE rid = l.from_rid) AS from_id,
  (SELECT id FROM entity WHERE rid = l.to_rid) AS to_id`;
export interface LinkRow {
  rid: number;
  id: string;
  kind: string;
  from_rid: number;
  to_rid: number;
  from_id: string;
  to_id: string;
  props: string;
  occ_count: number;
  duration_s: number;
  amount_paise: number;
  first_at: number | null;
  last_at: number | null;
}
export function toLinkView(r: LinkRow): LinkView {
  const kind = r.kind as LinkKind;
  return {
    id: r.id,
    kind,
    from: r.from_id,
    to: r.to_id,
    directed: linkRule(kind).directed,
    props: parseProps(r.props),
    count: r.occ_count,
    durationS: r.duration_s,
    amount: r.amount_paise / 100,
    firstAt: isoOrNull(r.first_at),
    lastAt: isoOrNull(r.last_at),
  };
}

export const DOCUMENT_COLUMNS =
  'd.id AS d_id, d.sha256, d.name, d.type, d.source_grade, d.info_grade, d.case_id';
export interface DocumentRow {
  d_id: string;
  sha256: string;
  name: string;
  type: string;
  source_grade: string;
  info_grade: string;
  case_id: string | null;
}
export function toDocumentView(r: DocumentRow): DocumentView {
  return {
    id: r.d_id,
    sha256: r.sha256,
    name: r.name,
    type: r.type,
    grading: { source: r.source_grade, information: r.info_grade } as Grading,
    caseId: r.case_id,
  };
}

export interface FactRow extends DocumentRow {
  ref: string;
  props?: string;
  imported_by: string;
  imported_at: number;
}
export function toProvenance(r: FactRow): ProvenanceView {
  return {
    document: toDocumentView(r),
    ref: r.ref === '' ? null : r.ref,
    importedBy: r.imported_by,
    importedAt: iso(r.imported_at),
    props: r.props ? parseProps(r.props) : {},
  };
}

/** A row of the occurrence table: a measure not taken is -1 and a missing reference '' (schema 7). */
export interface OccurrenceRow {
  link_rid: number;
  at: number;
  end_at: number | null;
  duration_key: number;
  amount_key: number;
  txn_key: string;
  props: string;
}
export function toOccurrenceView(
  linkId: string,
  r: OccurrenceRow,
  provenance: ProvenanceView[],
): OccurrenceView {
  const durationS = r.duration_key < 0 ? null : r.duration_key;
  const amountPaise = r.amount_key < 0 ? null : r.amount_key;
  const txnRef = r.txn_key === '' ? null : r.txn_key;
  return {
    id: occurrenceId(linkId, r.at, durationS ?? undefined, amountPaise ?? undefined, txnRef ?? undefined),
    linkId,
    at: iso(r.at),
    endAt: isoOrNull(r.end_at),
    durationS,
    amount: amountPaise === null ? null : amountPaise / 100,
    txnRef,
    props: parseProps(r.props),
    provenance,
  };
}
