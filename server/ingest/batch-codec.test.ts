import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../seed/scenario.js';
import { airtelCdr, firBatch, otherCaseEvidence, TEST_KEYS } from '../../test/support/batches.js';
import { CHUNK_VALUES, decodeBatch, encodeBatch } from './batch-codec.js';
import type { NormalisedBatch } from '../domain/normalise-batch.js';
import { propsJson } from '../store/sqlite/occurrence-writes.js';

/** The decoded batch without the props texts the codec adds, each checked against what a store would write. */
function withoutTexts(b: NormalisedBatch): NormalisedBatch {
  for (const x of [...b.entities, ...b.links]) {
    expect(x.propsText).toBe(propsJson(x.props));
    delete x.propsText;
  }
  return b;
}
import { prepareBatch } from './ingest-batch.js';

/** A CDR of one phone's calls to `n` others, some declared in the batch and some not, two calls each. */
function bigCdr(n: number) {
  const b = (i: number) => `98${String(10_000_000 + i)}`;
  return {
    document: { name: 'big-cdr.csv', sha256: 'c'.repeat(64), type: 'cdr' },
    entities: [
      { kind: 'phone', key: '9820123456', ref: 'row 1' },
      ...Array.from({ length: n / 2 }, (_, i) => ({ kind: 'phone', key: b(i), ref: `row ${i + 2}` })),
    ],
    links: Array.from({ length: n }, (_, i) => ({
      kind: 'called',
      from: { kind: 'phone', key: '9820123456' },
      to: { kind: 'phone', key: b(i) },
      ref: `row ${i + 2}`,
      occurrences: [
        { at: '2026-04-15T10:12:00+05:30', durationS: 60 + (i % 50), ref: `row ${i + 2}` },
        { at: '2026-04-16T21:40:05+05:30', durationS: 15, ref: `row ${i + n + 2}` },
      ],
    })),
  };
}

describe('the flat form of a prepared batch', () => {
  it('gives back exactly the batch it was made from', () => {
    const raws = [
      firBatch(),
      airtelCdr(),
      otherCaseEvidence(),
      ...generateScenario({ entities: 400, seed: 'codec' }).batches,
    ];
    let occurrences = 0;
    for (const raw of raws) {
      const batch = prepareBatch(raw, 'codec-test', TEST_KEYS);
      occurrences += batch.links.reduce((n, l) => n + l.occurrences.length, 0);
      const encoded = encodeBatch(batch);
      expect(encoded.flat().every((v) => v === null || typeof v === 'string' || typeof v === 'number')).toBe(
        true,
      );
      expect(withoutTexts(decodeBatch(structuredClone(encoded)))).toStrictEqual(batch);
    }
    expect(occurrences).toBeGreaterThan(100);
  });

  it('splits a big batch into chunks that stay small, at record boundaries, and joins them again', () => {
    const cdr = prepareBatch(bigCdr(3_000), 'codec-test', TEST_KEYS);
    const encoded = encodeBatch(cdr);
    expect(encoded.length).toBeGreaterThan(2);
    // The largest record is a link's own values: a chunk ends within one record of the limit.
    expect(Math.max(...encoded.map((c) => c.length))).toBeLessThan(CHUNK_VALUES + 20);
    expect(withoutTexts(decodeBatch(structuredClone(encoded)))).toStrictEqual(cdr);
    // Chunks of a handful of values: every kind of record begins a chunk somewhere.
    for (const size of [1, 7, 11]) {
      const batch = prepareBatch(airtelCdr(), 'codec-test', TEST_KEYS);
      const small = encodeBatch(batch, size);
      expect(small.length).toBeGreaterThan(3);
      expect(withoutTexts(decodeBatch(structuredClone(small)))).toStrictEqual(batch);
    }
  });

  it('keeps every optional field of an occurrence and a document', () => {
    const batch = prepareBatch(
      {
        document: {
          name: 'upi.csv',
          sha256: 'a'.repeat(64),
          type: 'upi-statement',
          case: undefined,
          receivedFrom: 'SBI nodal officer',
        },
        entities: [
          {
            kind: 'account',
            scheme: 'upi',
            key: 'zorvan@oksbi',
            props: { holderName: 'Zorvan Quillet', note: null },
            ref: 'row 2',
          },
          { kind: 'account', scheme: 'upi', key: 'emira@okaxis' },
        ],
        links: [
          {
            kind: 'paid',
            from: { kind: 'account', scheme: 'upi', key: 'zorvan@oksbi' },
            to: { kind: 'account', scheme: 'upi', key: 'emira@okaxis' },
            props: { channel: 'UPI', flagged: true, score: 0.5 },
            occurrences: [
              {
                at: '2026-04-15T10:12:00+05:30',
                amount: 1234.5,
                txnRef: '612345678901',
                ref: 'row 7',
                props: { narration: 'rent' },
              },
              { at: '2026-04-16T10:12:00+05:30', endAt: '2026-04-16T11:12:00+05:30', durationS: 3600 },
            ],
          },
        ],
      },
      'codec-test',
      TEST_KEYS,
    );
    expect(withoutTexts(decodeBatch(encodeBatch(batch)))).toStrictEqual(batch);
  });

  it('carries an undeclared end with its id and description, a declared one as its place', () => {
    const batch = prepareBatch(
      {
        document: { name: 'cdr.csv', sha256: 'b'.repeat(64), type: 'cdr' },
        entities: [{ kind: 'phone', key: '9820123456' }],
        links: [
          {
            kind: 'called',
            from: { kind: 'phone', key: '9820123456' },
            to: { kind: 'phone', key: '9820199999' },
          },
        ],
      },
      'codec-test',
      TEST_KEYS,
    );
    const link = batch.links[0]!;
    expect([link.fromEntity, link.fromDesc]).toEqual([0, undefined]);
    expect([link.toEntity, link.toDesc]).toEqual([undefined, 'phone +91 98201 99999']);
    const encoded = encodeBatch(batch);
    // The declared end's id travels once, as its entity's; the undeclared one's with the link.
    expect(encoded.flat().filter((v) => v === link.fromId)).toHaveLength(1);
    expect(encoded.flat().filter((v) => v === link.toId)).toHaveLength(1);
    expect(withoutTexts(decodeBatch(encoded))).toStrictEqual(batch);
  });

  it('refuses a flat form with values past its end', () => {
    const encoded = encodeBatch(prepareBatch(firBatch(), 'codec-test', TEST_KEYS));
    const last = encoded.length - 1;
    const stray = encoded.map((c, i) => (i === last ? [...c, 'stray'] : c));
    expect(() => decodeBatch(stray)).toThrow(/past its end/);
    expect(() => decodeBatch([...encoded, ['stray']])).toThrow(/past its end/);
  });
});
