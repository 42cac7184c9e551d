import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { occurrenceTotals, type NormalisedOccurrence } from './normalise-batch.js';

/** The definition: each distinct (time, duration, amount, reference) counted once. */
function reference(os: NormalisedOccurrence[]) {
  const byIdentity = new Map<string, NormalisedOccurrence>();
  for (const o of os) {
    const id = JSON.stringify([o.at, o.durationS ?? -1, o.amountPaise ?? -1, o.txnRef ?? '']);
    if (!byIdentity.has(id)) byIdentity.set(id, o);
  }
  const kept = [...byIdentity.values()];
  return {
    count: kept.length,
    durationS: kept.reduce((n, o) => n + (o.durationS ?? 0), 0),
    amountPaise: kept.reduce((n, o) => n + (o.amountPaise ?? 0), 0),
    first: kept.length ? Math.min(...kept.map((o) => o.at)) : null,
    last: kept.length ? Math.max(...kept.map((o) => o.endAt ?? o.at)) : null,
  };
}

// Few distinct values, so that lists repeat calls often, short lists and long ones alike.
const occurrence = fc.record(
  {
    at: fc.constantFrom(1_700_000_000_000, 1_700_000_060_000, 1_700_000_120_000),
    endAt: fc.constantFrom(1_700_000_200_000, 1_700_000_300_000),
    durationS: fc.constantFrom(0, 15, 62),
    amountPaise: fc.constantFrom(0, 50_000),
    txnRef: fc.constantFrom('612345678901', 'UTR1'),
    props: fc.constant({}),
  },
  { requiredKeys: ['at', 'props'] },
) as fc.Arbitrary<NormalisedOccurrence>;

describe("a link's occurrence totals", () => {
  it('count each distinct call once, in short lists and long ones', () => {
    fc.assert(
      fc.property(fc.array(occurrence, { maxLength: 40 }), (os) => {
        expect(occurrenceTotals(os)).toEqual(reference(os));
      }),
      { numRuns: 3000 },
    );
  });

  it('count each distinct call once in long lists in time order, as a CDR gives them', () => {
    fc.assert(
      fc.property(fc.array(occurrence, { minLength: 17, maxLength: 60 }), (os) => {
        const ordered = [...os].sort((a, b) => a.at - b.at);
        expect(occurrenceTotals(ordered)).toEqual(reference(ordered));
      }),
      { numRuns: 2000 },
    );
  });

  it('are empty for a link without occurrences', () => {
    expect(occurrenceTotals([])).toEqual({ count: 0, durationS: 0, amountPaise: 0, first: null, last: null });
  });
});
