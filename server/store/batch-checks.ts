/**
 * What makes a batch unacceptable to a store, checked before anything is written so that a refused
 * batch never needs rolling back. Every adapter (sqlite/, neo4j/) and write path asks the same questions;
 * they differ only in how they know what the store already holds.
 */
import { CaseGraphError, type Issue } from '../domain/errors.js';
import type { NormalisedBatch } from '../domain/normalise-batch.js';

/** A document as the store has it on record. */
export interface KnownDocument {
  type: string;
  source_grade: string;
  info_grade: string;
  case_id: string | null;
}

/**
 * A document is known by its SHA-256. The same file sent again with another case, type or grading
 * would silently keep the first; it is refused instead, so nobody believes a file was filed where it
 * was not.
 */
export function checkDocument(known: KnownDocument | undefined, batch: NormalisedBatch): void {
  if (!known) return;
  const d = batch.document;
  const issues: Issue[] = [];
  if ((known.case_id ?? undefined) !== d.caseId)
    issues.push({
      section: 'document',
      path: 'document.case',
      message:
        'this file is already on record under another case (or under none); a file belongs to one case',
    });
  if (known.type !== d.type)
    issues.push({
      section: 'document',
      path: 'document.type',
      message: `this file is already on record as ${known.type}`,
    });
  if (known.source_grade !== d.grading.source || known.info_grade !== d.grading.information)
    issues.push({
      section: 'document',
      path: 'document.grading',
      message: `this file is already on record graded ${known.source_grade}${known.info_grade}`,
    });
  if (issues.length)
    throw new CaseGraphError(
      'DOCUMENT.CONFLICT',
      'this document is already on record with other details',
      issues,
    );
}

/** Every entity a batch names (its case, its links' ends) must be in the batch or in the store. */
export function checkEnds(batch: NormalisedBatch, inStore: (id: string) => boolean): void {
  let declared: Set<string> | undefined;
  const exists = (id: string) =>
    (declared ??= new Set(batch.entities.map((e) => e.id))).has(id) || inStore(id);
  const caseId = batch.document.caseId;
  if (caseId && !exists(caseId)) {
    throw new CaseGraphError('BATCH.UNKNOWN_ENTITY', 'the case named by the document exists nowhere', [
      {
        section: 'document',
        path: 'document.case',
        message: 'this case is neither in this batch nor in the store',
      },
    ]);
  }
  const unknown: Issue[] = [];
  for (const link of batch.links) {
    // An end placed among the batch's entities is declared; only the others are asked after.
    if (link.fromEntity !== undefined && link.toEntity !== undefined) continue;
    for (const end of ['from', 'to'] as const) {
      if ((end === 'from' ? link.fromEntity : link.toEntity) !== undefined) continue;
      if (exists(end === 'from' ? link.fromId : link.toId)) continue;
      unknown.push({
        section: 'links',
        index: link.index,
        path: `links[${link.index}].${end}`,
        message: `${(end === 'from' ? link.fromDesc : link.toDesc) ?? 'an entity'} is neither in this batch nor in the store`,
      });
    }
  }
  if (unknown.length) {
    throw new CaseGraphError(
      'BATCH.UNKNOWN_ENTITY',
      `${unknown.length} link end(s) name an entity that exists nowhere`,
      unknown,
    );
  }
}

type Outcome = 'created' | 'updated' | 'unchanged';

/** A fact named twice in one batch is counted once, by what happened to it overall. */
export function tally<T extends { id: string }>(
  items: T[],
  upsert: (item: T) => Outcome,
): Map<string, Outcome> {
  const outcome = new Map<string, Outcome>();
  for (const item of items) {
    const prior = outcome.get(item.id);
    const now = upsert(item);
    outcome.set(item.id, prior === 'created' || (prior === 'updated' && now === 'unchanged') ? prior : now);
  }
  return outcome;
}

/**
 * Writes each record and counts it by what happened to it, as tally counts. When the batch's ids are
 * known to be distinct (normaliseBatch checks, on the preparing worker), each record is simply counted:
 * the writing thread keeps no map of a batch's ids.
 */
export function countOutcomes<T extends { id: string }>(
  items: T[],
  upsert: (item: T) => Outcome,
  into: Record<Outcome, number>,
  distinctIds: boolean,
): void {
  if (distinctIds) {
    for (const item of items) into[upsert(item)]++;
    return;
  }
  for (const [, o] of tally(items, upsert)) into[o]++;
}
