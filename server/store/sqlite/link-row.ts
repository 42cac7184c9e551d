import type { NormalisedLink } from '../../domain/normalise-batch.js';
import type { KnownLink } from './ingest-statements.js';
import { EMPTY_PROPS, type SourceStatements } from './source-statements.js';

export type { KnownLink };

/** A source of a link as a batch states it. */
export interface LinkSource {
  documentRid: number;
  ref: string;
  propsJson: string;
  at: number;
}

/**
 * Writes a new link's row, as both write paths do, its values in the order of source-statements' columns; `rid` is the row id the bulk load chose, absent when
 * SQLite picks it (then the answer holds it, or nothing when the link is already on record).
 */
export function insertLinkRow(
  sst: SourceStatements,
  rid: number | undefined,
  link: NormalisedLink,
  fromRid: number,
  toRid: number,
  source: LinkSource,
  version: number,
): { rid: number } | undefined {
  const agg = link.totals;
  const at = source.at;
  const head = rid === undefined ? [link.id] : [rid, link.id];
  if (source.propsJson === EMPTY_PROPS) {
    const values = [
      ...head,
      link.kind,
      fromRid,
      toRid,
      link.qualifier,
      agg.count,
      agg.durationS,
      agg.amountPaise,
      agg.first,
      agg.last,
      at,
      at,
      version,
      source.documentRid,
      source.ref,
      at,
    ];
    return rid === undefined
      ? sst.insertLinkNoProps.get(...values)
      : (sst.insertLinkNoProps.run(...values), { rid });
  }
  const values = [
    ...head,
    link.kind,
    fromRid,
    toRid,
    link.qualifier,
    source.propsJson,
    agg.count,
    agg.durationS,
    agg.amountPaise,
    agg.first,
    agg.last,
    at,
    at,
    version,
    source.documentRid,
    source.ref,
    source.propsJson,
    at,
  ];
  return rid === undefined ? sst.insertLink.get(...values) : (sst.insertLink.run(...values), { rid });
}

/** Records a further source of a known link; false when it is already on record (in the row or beside it). */
export function addLinkSource(sst: SourceStatements, link: KnownLink, s: LinkSource): boolean {
  if (link.fact_document_rid === s.documentRid && link.fact_ref === s.ref) return false;
  return sst.insertLinkFact.run(link.rid, s.documentRid, s.ref, s.propsJson, s.at).changes > 0;
}
