import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseAddress, normaliseCellId, normaliseGeo } from './location.js';

function rejects(result: ReturnType<typeof normaliseGeo>, reason: string): void {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.reason).toContain(reason);
}

describe('normaliseAddress', () => {
  it.each([
    ['  Room 4,  Test Lane,\tKamathipura ', 'room 4 test lane kamathipura', 'Room 4, Test Lane, Kamathipura'],
    ['ROOM 4 / TEST LANE - KAMATHIPURA', 'room 4 test lane kamathipura', 'ROOM 4 / TEST LANE - KAMATHIPURA'],
    ['Café Lane, Bāndra (W)', 'cafe lane bandra w', 'Café Lane, Bāndra (W)'],
    ['परीक्षण मार्ग, मुंबई', 'परीक्षण मार्ग मुंबई', 'परीक्षण मार्ग, मुंबई'],
  ])('reads %j as %j', (raw, key, display) => {
    expect(normaliseAddress(raw)).toEqual({ ok: true, key, display });
  });

  it('keeps the vowel signs of Indian scripts, which are marks too', () => {
    const a = normaliseAddress('मुंबई');
    const b = normaliseAddress('मबई');
    expect(a.ok && b.ok && a.key !== b.key).toBe(true);
  });

  it.each(['', '  ', ', - /'])('rejects %j', (raw) => rejects(normaliseAddress(raw), 'empty'));

  it('is idempotent on key and display', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), (raw) => {
        const first = normaliseAddress(raw);
        fc.pre(first.ok);
        if (!first.ok) return;
        expect(normaliseAddress(first.key)).toMatchObject({ key: first.key });
        expect(normaliseAddress(first.display)).toMatchObject({ key: first.key });
      }),
    );
  });
});

describe('normaliseGeo', () => {
  it.each([
    ['21.29669/72.8915', '21.29669,72.89150'],
    ["'21.29669/72.8915", '21.29669,72.89150'],
    ['21.29669, 72.8915', '21.29669,72.89150'],
    ['21.296694,72.891504', '21.29669,72.89150'],
    ['21.296696 72.891506', '21.29670,72.89151'],
    ['Lat-22.39711; Long-88.43938', '22.39711,88.43938'],
    ['lat: 22.39711, lon: 88.43938', '22.39711,88.43938'],
    ['-33.86,151.2', '-33.86000,151.20000'],
    ['19,73', '19.00000,73.00000'],
  ])('reads %j as %s', (raw, key) => {
    expect(normaliseGeo(raw)).toMatchObject({ ok: true, key });
  });

  it('carries the point as numbers', () => {
    expect(normaliseGeo('21.29669/72.8915')).toEqual({
      ok: true,
      key: '21.29669,72.89150',
      display: '21.29669, 72.89150',
      props: { lat: 21.29669, lon: 72.8915 },
    });
  });

  it.each([
    ['91.0/72.0', 'latitude lies between -90 and 90'],
    ['21.0/181.0', 'longitude lies between -180 and 180'],
    ['0/0', 'placeholder'],
    ['0.000001,-0.000001', 'placeholder'],
    ['21.29669', 'latitude,longitude'],
    ['Kolkata', 'latitude,longitude'],
    ['', 'latitude,longitude'],
  ])('rejects %j: %s', (raw, reason) => rejects(normaliseGeo(raw), reason));

  it('is idempotent on key and display, and rounds to five decimals', () => {
    const lat = fc.double({ min: -90, max: 90, noNaN: true });
    const lon = fc.double({ min: -180, max: 180, noNaN: true });
    fc.assert(
      fc.property(lat, lon, fc.constantFrom(',', '/', ', '), (a, b, sep) => {
        const first = normaliseGeo(`${a.toFixed(7)}${sep}${b.toFixed(7)}`);
        fc.pre(first.ok);
        if (!first.ok) return;
        expect(first.key).toMatch(/^-?\d{1,2}\.\d{5},-?\d{1,3}\.\d{5}$/);
        expect(normaliseGeo(first.key)).toEqual(first);
        expect(normaliseGeo(first.display)).toEqual(first);
      }),
    );
  });
});

describe('normaliseCellId', () => {
  it.each([
    ['404-98-8331-230711555', '404-98-8331-230711555', { mcc: '404', mnc: '98' }],
    ["'405-52-8192-12769369399", '405-52-8192-12769369399', { mcc: '405', mnc: '52' }],
    ['404-098-0831-0230711555', '404-098-0831-0230711555', { mcc: '404', mnc: '098' }],
    ['404056205320221', '404056205320221', { mcc: '404', mnc: '05' }],
    ['405123456789012', '405123456789012', { mcc: '405' }],
    ['40585703AD319', '40585703AD319', { mcc: '405', mnc: '857' }],
    ['40585703ad319', '40585703AD319', { mcc: '405', mnc: '857' }],
  ])('reads %j as %s', (raw, key, props) => {
    expect(normaliseCellId(raw)).toEqual({ ok: true, key, display: key, props });
  });

  it('keeps the forms apart: matching across them needs a cell database', () => {
    const dashed = normaliseCellId('404-05-6205-320221');
    const run = normaliseCellId('404056205320221');
    expect(dashed.ok && run.ok && dashed.key !== run.key).toBe(true);
  });

  it.each([
    ['10.20.30.40:5060', 'IP address'],
    ['[2409:4040::1]:5060', 'IP address'],
    ['NA', 'empty'],
    ['0', 'empty'],
    ['-', 'empty'],
    ['', 'empty'],
    ['404-98-8331', 'not a cell global id'],
    ['Kolkata tower', 'not a cell global id'],
    ['12345', 'not a cell global id'],
  ])('rejects %j: %s', (raw, reason) => rejects(normaliseCellId(raw), reason));

  it('is idempotent for each form', () => {
    const cgi = fc.oneof(
      fc
        .tuple(fc.stringMatching(/^\d{2,3}$/), fc.stringMatching(/^\d{1,5}$/), fc.stringMatching(/^\d{1,9}$/))
        .map(([mnc, lac, ci]) => `404-${mnc}-${lac}-${ci}`),
      fc.stringMatching(/^40[45]\d{12}$/),
      fc.stringMatching(/^405\d{3}[0-9a-f]{6}[a-f]$/),
    );
    fc.assert(
      fc.property(cgi, (raw) => {
        const first = normaliseCellId(raw);
        if (!first.ok) throw new Error(first.reason);
        expect(normaliseCellId(first.key)).toEqual(first);
        expect(normaliseCellId(` ${raw.toUpperCase()} `)).toEqual(first);
      }),
    );
  });
});
