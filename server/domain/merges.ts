/**
 * Merging two records of one person (issue 8): what a store keeps of a user's decision, and what entity
 * resolution reads of the persons. Two persons become one only by a user's decision (DESIGN.md), and a
 * merge is kept as a record that undoes it exactly.
 */
import type { EntityKind, Scheme } from './kinds.js';
import type { Props } from './props.js';

/** A person as entity resolution weighs it: its properties and the identifiers it uses, holds or was seen at. */
export interface ResolutionPerson {
  id: string;
  props: Props;
  identifiers: { id: string; kind: EntityKind; scheme: Scheme }[];
}

export interface MergeView {
  id: string;
  /** The person that stays: it takes the other's provenance records and links. */
  survivorId: string;
  /** The person merged into it, gone from the graph until the merge is undone. */
  absorbedId: string;
  decidedBy: string;
  decidedAt: string;
  undoneBy: string | null;
  undoneAt: string | null;
}

export interface MergeRequest {
  id: string;
  survivorId: string;
  absorbedId: string;
  decidedBy: string;
  at: Date;
}

/** "Not the same person": a pair no longer offered as a candidate. */
export interface NotSameDecision {
  a: string;
  b: string;
  decidedBy: string;
  at: Date;
}

/** The pair in one order whichever way it was named, so a decision is found from either side. */
export const pairKey = (a: string, b: string): string => (a < b ? `${a} ${b}` : `${b} ${a}`);
