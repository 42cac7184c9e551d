import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { isoDateTimeMs } from './iso-time.js';

const pad = (n: number, w: number) => String(n).padStart(w, '0');
// Strings of the schema's shape, calendar-valid or not, with fractions of any length and any offset.
const isoLike = fc
  .record({
    y: fc.integer({ min: 0, max: 9999 }),
    mo: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
    frac: fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
    zone: fc.oneof(
      fc.constant('Z'),
      fc
        .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([sign, h, m]) => `${sign}${pad(h, 2)}:${pad(m, 2)}`),
    ),
  })
  .map(
    (t) =>
      `${pad(t.y, 4)}-${pad(t.mo, 2)}-${pad(t.d, 2)}T${pad(t.h, 2)}:${pad(t.mi, 2)}:${pad(t.s, 2)}` +
      `${t.frac === undefined ? '' : `.${t.frac}`}${t.zone}`,
  );
const admitted = z.iso.datetime({ offset: true });

describe('isoDateTimeMs', () => {
  it('gives what Date.parse gives for every date-time the batch schema admits', () => {
    let checked = 0;
    fc.assert(
      fc.property(isoLike, (s) => {
        if (!admitted.safeParse(s).success) return;
        checked++;
        expect(isoDateTimeMs(s)).toBe(Date.parse(s));
      }),
      { numRuns: 20_000 },
    );
    expect(checked).toBeGreaterThan(10_000);
  });

  it('reads the edges: leap days, year 0, offsets across midnight, long fractions', () => {
    for (const s of [
      '2024-02-29T23:59:59.999+05:30',
      '2000-02-29T00:00:00Z',
      '0000-01-01T00:00:00Z',
      '0099-12-31T12:00:00-11:00',
      '1969-12-31T23:59:59.9999999Z',
      '2026-04-15T00:10:00+14:00',
      '9999-12-31T23:59:59.5-23:59',
    ])
      expect(isoDateTimeMs(s), s).toBe(Date.parse(s));
  });

  it('leaves any other shape to Date.parse', () => {
    expect(isoDateTimeMs('2026-04-15')).toBe(Date.parse('2026-04-15'));
    expect(isoDateTimeMs('not a date')).toBeNaN();
  });
});
