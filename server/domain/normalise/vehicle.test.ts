import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseVehicle } from './vehicle.js';
import { STATE_CODES } from './states.js';

describe('normaliseVehicle', () => {
  it.each([
    ['MH 12 AB 1234', 'MH12AB1234', 'MH 12 AB 1234', 'MH'],
    ['MH12AB1234', 'MH12AB1234', 'MH 12 AB 1234', 'MH'],
    ['mh-12-ab-1234', 'MH12AB1234', 'MH 12 AB 1234', 'MH'],
    ['MH.12.AB.1234', 'MH12AB1234', 'MH 12 AB 1234', 'MH'],
    ['DL 2C AB 1234', 'DL02CAB1234', 'DL 02 CAB 1234', 'DL'],
    ['DL2CAB1234', 'DL02CAB1234', 'DL 02 CAB 1234', 'DL'],
    ['DL 02 CAB 1234', 'DL02CAB1234', 'DL 02 CAB 1234', 'DL'],
    ['DL 11 CAA 1111', 'DL11CAA1111', 'DL 11 CAA 1111', 'DL'],
    ['GJ 5 C 123', 'GJ05C0123', 'GJ 05 C 0123', 'GJ'],
    ['KA 01 MAA 1234', 'KA01MAA1234', 'KA 01 MAA 1234', 'KA'],
    ['TS 09 1234', 'TS091234', 'TS 09 1234', 'TS'],
    ['TS091234', 'TS091234', 'TS 09 1234', 'TS'],
  ])('reads %j as %s', (raw, key, display, state) => {
    expect(normaliseVehicle(raw)).toEqual({ ok: true, key, display, props: { state } });
  });

  it.each([
    ['22 BH 1234 AA', '22BH1234AA', '22 BH 1234 AA'],
    ['22BH1234AA', '22BH1234AA', '22 BH 1234 AA'],
    ['23 bh 0001 c', '23BH0001C', '23 BH 0001 C'],
  ])('reads the Bharat series %j as %s', (raw, key, display) => {
    expect(normaliseVehicle(raw)).toEqual({ ok: true, key, display, props: { series: 'BH' } });
  });

  it.each([
    ['ZZ 12 AB 1234', 'ZZ is not an Indian state or union territory code'],
    ['BH 12 AB 1234', 'BH is not an Indian state'],
    ['MH 00 AB 1234', 'zero'],
    ['MH 12 AB 0000', 'zero'],
    ['MH 123 AB 1234', 'not an Indian registration number'],
    ['MH 12 ABCDE 1234', 'not an Indian registration number'],
    ['MH 12 AB 12345', 'not an Indian registration number'],
    ['MH51234', 'not an Indian registration number'],
    ['22 BH 123 AA', 'not an Indian registration number'],
    ['', 'empty'],
  ])('rejects %j: %s', (raw, reason) => {
    const result = normaliseVehicle(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  const plate = fc.record({
    state: fc.constantFrom(...Object.keys(STATE_CODES)),
    rto: fc.integer({ min: 1, max: 99 }),
    series: fc.stringMatching(/^[A-Z]{1,3}$/),
    serial: fc.integer({ min: 1, max: 9999 }),
  });

  it('gives one key for the spaced, compact, dashed and unpadded spellings of a plate', () => {
    fc.assert(
      fc.property(plate, ({ state, rto, series, serial }) => {
        const key = `${state}${String(rto).padStart(2, '0')}${series}${String(serial).padStart(4, '0')}`;
        for (const raw of [
          `${state} ${rto} ${series} ${serial}`,
          `${state}${rto}${series}${serial}`.toLowerCase(),
          `${state}-${String(rto).padStart(2, '0')}-${series}-${String(serial).padStart(4, '0')}`,
          key,
        ]) {
          expect(normaliseVehicle(raw)).toMatchObject({ ok: true, key });
        }
        const first = normaliseVehicle(key);
        if (first.ok) expect(normaliseVehicle(first.display)).toEqual(first);
      }),
    );
  });
});
