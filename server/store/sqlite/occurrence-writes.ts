/**
 * Occurrences of a link and their sources, written the same way by both write paths. One call, payment
 * or stay is one row however many documents record it; each document that records it adds a source.
 */
import type { NormalisedLink, NormalisedOccurrence } from '../../domain/normalise-batch.js';
import type { IngestCounts } from '../../domain/views.js';
import type { IngestStatements } from './ingest-statements.js';
import { EMPTY_PROPS, boundProps, type SourceStatements } from './source-statements.js';

export interface OccurrenceWrite {
  link: NormalisedLink;
  linkRid: number;
  documentRid: number;
  at: number;
  /** The graph version being written. */
  version: number;
  /** A new link was written with its aggregates already; a known one has them added to. */
  addToAggregates: boolean;
}

export const propsJson = (props: object): string => {
  for (const _ in props) return JSON.stringify(props);
  return EMPTY_PROPS;
};

/** An occurrence's row with its first source, in the order of the occurrence statement's values. */
export const occurrenceValues = (
  linkRid: number,
  o: NormalisedOccurrence,
  documentRid: number,
  at: number,
): unknown[] => [
  linkRid,
  o.at,
  o.endAt ?? null,
  o.durationS ?? null,
  o.amountPaise ?? null,
  o.txnRef ?? null,
  boundProps(propsJson(o.props)),
  documentRid,
  o.ref ?? '',
  at,
];

/** Returns whether anything new was recorded (a new occurrence or a new source for a known one). */
export function writeOccurrences(
  st: IngestStatements,
  sst: SourceStatements,
  w: OccurrenceWrite,
  counts: IngestCounts,
): boolean {
  let added = 0;
  let newSource = false;
  let duration = 0;
  let amount = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const o of w.link.occurrences) {
    const ref = o.ref ?? '';
    const info = sst.insertOccurrence.run(...occurrenceValues(w.linkRid, o, w.documentRid, w.at));
    if (info.changes > 0) {
      added++;
      duration += o.durationS ?? 0;
      amount += o.amountPaise ?? 0;
      first = Math.min(first, o.at);
      last = Math.max(last, o.endAt ?? o.at);
      counts.occurrences.created++;
      continue;
    }
    counts.occurrences.unchanged++;
    const key = [w.linkRid, o.at, o.durationS ?? -1, o.amountPaise ?? -1, o.txnRef ?? ''] as const;
    const recorded = st.occurrenceSource.get(...key)!;
    if (recorded.document_rid === w.documentRid && recorded.ref === ref) continue;
    if (sst.insertOccurrenceFact.run(...key, w.documentRid, ref, w.at).changes > 0) newSource = true;
  }
  if (added && w.addToAggregates)
    st.addToLink.run(added, duration, amount, first, first, last, last, w.at, w.version, w.linkRid);
  return added > 0 || newSource;
}
