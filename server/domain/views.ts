/**
 * What leaves a store: the read shapes every adapter returns and the HTTP layer serves. Times are ISO
 * 8601 strings in UTC; amounts are rupees. The client imports these as types only.
 */
import type { Grading } from './grading.js';
import type { EntityKind, LinkKind, Scheme } from './kinds.js';
import type { Props } from './props.js';

export interface EntityView {
  id: string;
  kind: EntityKind;
  scheme: Scheme;
  /** The key as shown to people ("+91 98201 23456"); an Aadhaar shows only its last four digits. */
  key: string;
  label: string;
  props: Props;
}

export interface LinkView {
  id: string;
  kind: LinkKind;
  from: string;
  to: string;
  directed: boolean;
  props: Props;
  /** Occurrences recorded (calls, payments, stays); 0 for a link without any. */
  count: number;
  durationS: number;
  amount: number;
  firstAt: string | null;
  lastAt: string | null;
}

export interface DocumentView {
  id: string;
  sha256: string;
  name: string;
  type: string;
  grading: Grading;
  caseId: string | null;
}

/** One statement of one fact by one document: what an analyst weighs and a court traces. */
export interface ProvenanceView {
  document: DocumentView;
  ref: string | null;
  importedBy: string;
  importedAt: string;
  /** What this record said (for an entity: the properties it gave). */
  props: Props;
}

export interface OccurrenceView {
  id: string;
  linkId: string;
  at: string;
  endAt: string | null;
  durationS: number | null;
  amount: number | null;
  txnRef: string | null;
  props: Props;
  provenance: ProvenanceView[];
}

export interface EntityDetail extends EntityView {
  provenance: ProvenanceView[];
  /** Cases this entity is part of, through their evidence or an involves link. */
  caseIds: string[];
  degree: number;
}

export interface LinkDetail extends LinkView {
  provenance: ProvenanceView[];
  occurrences: OccurrenceView[];
  occurrencesTruncated: boolean;
}

export interface Subgraph {
  nodes: EntityView[];
  links: LinkView[];
  /** True when a limit cut the result: more exists than is returned. */
  truncated: boolean;
}

export interface GraphPath {
  /** Entity ids from the start to the end. */
  nodes: string[];
  /** Link ids, one per hop. */
  links: string[];
}

export interface PathsResult extends Subgraph {
  paths: GraphPath[];
}

/** What changed in the graph after a version: entities and links as they are now, for projections. */
export interface GraphChanges {
  /** The version these changes bring a reader up to. */
  version: number;
  entities: EntityView[];
  links: LinkView[];
  /** Entities gone since that version (a person merged into another), by id. */
  removed: string[];
}

export interface IngestCounts {
  entities: { created: number; updated: number; unchanged: number };
  links: { created: number; updated: number; unchanged: number };
  occurrences: { created: number; unchanged: number };
  /** Graph version after the batch; unchanged when the batch changed nothing. */
  version: number;
}

/**
 * Something an ingest found that a case's investigators should know (issue 9): an identifier of the case
 * turning up in another case, or a watched entity touched or brought near the case. Ids only: an alert
 * is shown to whoever may read the case, and says nothing of the other case beyond its id.
 */
export interface CaseAlert {
  /** Derived from what it is about, so the same finding raised again is the same alert. */
  id: string;
  caseId: string;
  kind: 'cross-case' | 'watch';
  entityId: string;
  /** cross-case: the other case that holds the entity. */
  otherCaseId: string | null;
  /** The document of the batch whose ingest raised it. */
  documentId: string;
  /** watch: who watches the entity. */
  userId: string | null;
  /** watch: what happened ('touched' or 'near'), and the link that brought it near. */
  reason: string | null;
  linkId: string | null;
  /** Epoch ms. */
  raisedAt: number;
}

/** An investigator watches an entity for a case: later ingests that touch it raise alerts on the case. */
export interface Watch {
  userId: string;
  entityId: string;
  caseId: string;
  /** Epoch ms. */
  createdAt: number;
}

/** One watch, as its alerts are found: who watches what, for which case. */
export type WatchRef = Pick<Watch, 'userId' | 'entityId' | 'caseId'>;
