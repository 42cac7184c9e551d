import type { NormalisedLink } from '../../domain/normalise-batch.js';
import { aggregate } from './occurrence-writes.js';

/** The values of a new link's row after its rid and id, as both write paths insert it. */
export function linkRowValues(
  link: NormalisedLink,
  fromRid: number,
  toRid: number,
  propsJson: string,
  at: number,
  version: number,
): unknown[] {
  const agg = aggregate(link.occurrences);
  return [
    link.kind,
    fromRid,
    toRid,
    link.qualifier,
    propsJson,
    agg.count,
    agg.duration,
    agg.amount,
    agg.first,
    agg.last,
    at,
    at,
    version,
  ];
}
