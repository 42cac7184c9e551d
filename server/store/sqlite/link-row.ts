import type { NormalisedLink } from '../../domain/normalise-batch.js';
import type { IngestStatements, KnownLink } from './ingest-statements.js';

export type { KnownLink };

/** A source of a link as a batch states it. */
export interface LinkSource {
  documentRid: number;
  ref: string;
  propsJson: string;
  importedBy: string;
  at: number;
}

/** The values of a new link's row after its rid and id, as both write paths insert it. */
export function linkRowValues(
  link: NormalisedLink,
  fromRid: number,
  toRid: number,
  source: LinkSource,
  version: number,
): unknown[] {
  const agg = link.totals;
  const at = source.at;
  return [
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
    source.importedBy,
    at,
  ];
}

/** Records a further source of a known link; false when it is already on record (in the row or beside it). */
export function addLinkSource(st: IngestStatements, link: KnownLink, s: LinkSource): boolean {
  if (link.fact_document_rid === s.documentRid && link.fact_ref === s.ref) return false;
  return st.insertLinkFact.run(link.rid, s.documentRid, s.ref, s.propsJson, s.importedBy, s.at).changes > 0;
}
