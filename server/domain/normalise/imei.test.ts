import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseImei } from './imei.js';
import { luhnValid } from './luhn.js';

// Synthetic: TAC 35123456 is a made-up type allocation code.
const IMEI = '351234567890124';

describe('normaliseImei', () => {
  it.each([
    [IMEI, IMEI],
    ['35123456789012', IMEI],
    ['351234567890120', IMEI],
    ['3512345678901201', IMEI],
    ['35-123456-789012-4', IMEI],
    ['35 123456 789012 4', IMEI],
    ["'351234567890124", IMEI],
    ['IMEI: 351234567890124', IMEI],
    ['86000012345678', '860000123456781'],
  ])('reads %j as %s', (raw, key) => {
    expect(normaliseImei(raw)).toMatchObject({ ok: true, key });
  });

  it('shows the grouped form and the TAC', () => {
    expect(normaliseImei(IMEI)).toEqual({
      ok: true,
      key: IMEI,
      display: '35-123456-789012-4',
      props: { tac: '35123456' },
    });
  });

  it.each([
    ['351234567890125', 'IMEI check digit does not match (Luhn)'],
    ['3512345678901', 'has 14, 15 or 16 digits; this has 13'],
    ['35123456789012345', 'this has 17'],
    ['35123456789O124', 'only digits'],
    ['000000000000000', 'placeholder'],
    ['00000000000000', 'placeholder'],
    ['', 'empty'],
  ])('rejects %j: %s', (raw, reason) => {
    const result = normaliseImei(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  const base = fc.stringMatching(/^\d{14}$/).filter((b) => !/^0+$/.test(b));

  it('gives one key for the 14-digit base, base + 0, the IMEI and any IMEISV of one device', () => {
    fc.assert(
      fc.property(base, fc.stringMatching(/^\d{2}$/), (b, svn) => {
        const key = normaliseImei(b);
        if (!key.ok) throw new Error(key.reason);
        expect(key.key.startsWith(b)).toBe(true);
        expect(luhnValid(key.key)).toBe(true);
        for (const form of [key.key, `${b}0`, `${b}${svn}`, key.display]) {
          expect(normaliseImei(form)).toMatchObject({ ok: true, key: key.key });
        }
      }),
    );
  });

  it('rejects every single-digit change of the check digit unless it is the 0 of "base + 0"', () => {
    fc.assert(
      fc.property(base, fc.integer({ min: 1, max: 9 }), (b, shift) => {
        const good = normaliseImei(b);
        if (!good.ok) throw new Error(good.reason);
        const wrong = String((Number(good.key[14]) + shift) % 10);
        const result = normaliseImei(b + wrong);
        expect(result.ok).toBe(wrong === '0');
      }),
    );
  });
});
