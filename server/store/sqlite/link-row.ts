import type { NormalisedLink } from '../../domain/normalise-batch.js';
import type { KnownLink } from './ingest-statements.js';
import { boundProps, type SourceStatements } from './source-statements.js';

export type { KnownLink };

/** A source of a link as a batch states it. */
export interface LinkSource {
  documentRid: number;
  ref: string;
  propsJson: string;
  at: number;
}

/** A new link's row after its rid and id, in the order of source-statements' columns. */
export function linkRowValues(
  link: NormalisedLink,
  fromRid: number,
  toRid: number,
  source: LinkSource,
  version: number,
): unknown[] {
  const agg = link.totals;
  const at = source.at;
  const props = boundProps(source.propsJson);
  return [
    link.kind,
    fromRid,
    toRid,
    link.qualifier,
    props,
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
    props,
    at,
  ];
}

/**
 * Writes a new link's row as both write paths do. `rid` is the row id the bulk load chose; without it
 * SQLite picks one, and the answer holds it, or nothing when the link is already on record.
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
  const values = linkRowValues(link, fromRid, toRid, source, version);
  if (rid === undefined) return sst.insertLink.get(link.id, ...values);
  sst.insertLink.run(rid, link.id, ...values);
  return { rid };
}

/** Records a further source of a known link; false when it is already on record (in the row or beside it). */
export function addLinkSource(sst: SourceStatements, link: KnownLink, s: LinkSource): boolean {
  if (link.fact_document_rid === s.documentRid && link.fact_ref === s.ref) return false;
  return sst.insertLinkFact.run(link.rid, s.documentRid, s.ref, boundProps(s.propsJson), s.at).changes > 0;
}
