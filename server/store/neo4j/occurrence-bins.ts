/**
 * A view's occurrences counted over time on Neo4j, in one read transaction: the span first
 * (occurrence-span), then the counts per link kind and bin within it (occurrence-bins), each sent for
 * the link ids in chunks as other reads are, so the number of queries grows with chunks, not links.
 */
import neo4j from 'neo4j-driver';
import type { LinkKind } from '../../domain/kinds.js';
import {
  assembleBins,
  type BinRow,
  type OccurrenceBins,
  type OccurrenceBinsQuery,
} from '../../domain/occurrence-bins.js';
import type { Executor } from './executor.js';
import { safeInt, safeIntOrNull, text } from './map-records.js';
import { IDS_PER_QUERY } from './reads.js';

export function occurrenceBins(executor: Executor, query: OccurrenceBinsQuery): Promise<OccurrenceBins> {
  // A link named twice would be counted twice, and two chunks could each hold it.
  const ids = [...new Set(query.linkIds)];
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) chunks.push(ids.slice(i, i + IDS_PER_QUERY));
  return executor.read(async (q) => {
    let span: { lo: number; hi: number } | null = null;
    for (const chunk of chunks) {
      const [r] = await q.all('occurrence-span', {
        ids: chunk,
        from: query.from === undefined ? null : neo4j.int(query.from),
        to: query.to === undefined ? null : neo4j.int(query.to),
      });
      if (!r) continue;
      const lo = safeIntOrNull(r.get('lo'), 'earliest occurrence');
      const hi = safeIntOrNull(r.get('hi'), 'latest occurrence');
      if (lo === null || hi === null) continue;
      span = span ? { lo: Math.min(span.lo, lo), hi: Math.max(span.hi, hi) } : { lo, hi };
    }
    const rows: BinRow[] = [];
    if (span)
      for (const chunk of chunks)
        await q.each(
          'occurrence-bins',
          { ids: chunk, lo: neo4j.int(span.lo), hi: neo4j.int(span.hi), bins: neo4j.int(query.bins) },
          (r) =>
            rows.push({
              kind: text(r.get('kind'), 'link kind') as LinkKind,
              bin: safeInt(r.get('bin'), 'occurrence bin'),
              n: safeInt(r.get('n'), 'occurrences in a bin'),
            }),
        );
    return assembleBins(span, query.bins, rows);
  });
}
