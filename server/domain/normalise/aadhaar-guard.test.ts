import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyIsAadhaar, propHoldsAadhaar } from './aadhaar-guard.js';
import { aadhaarValidator } from './stdnum-in.js';

// Synthetic numbers with a valid Verhoeff check digit (not anyone's Aadhaar).
const VALID = '234567890124';
const ALSO_VALID = '987654321012';

describe('an Aadhaar number arriving by another door', () => {
  it.each([
    [VALID, true],
    ['2345 6789 0124', true],
    ['2345-6789-0124', true],
    ['234567890125', false], // check digit wrong
    ['134567890124', false], // never starts with 1
    ['SYN-P-7004854', false],
    ['FIR-0001-2026-A1', false],
    ['23456789012', false],
  ])('person key %s is an Aadhaar number: %s', (key, expected) => {
    expect(keyIsAadhaar(key)).toBe(expected);
  });

  it.each([
    [
      'note',
      `produced Aadhaar ${VALID.slice(0, 4)} ${VALID.slice(4, 8)} ${VALID.slice(8)} at the lodge`,
      true,
    ],
    ['remarks', `ID: ${ALSO_VALID.slice(0, 4)}-${ALSO_VALID.slice(4, 8)}-${ALSO_VALID.slice(8)}`, true],
    ['aadhaar', VALID, true],
    ['aadharNo', 234567890124, true],
    ['uid', '2345 6789 0124', true],
    // What CaseGraph itself keeps, or nothing that identifies: accepted.
    ['aadhaar', 'XXXX-XXXX-0124', false],
    ['aadhaarLast4', '0124', false],
    // Twelve-digit references that are not Aadhaar numbers.
    ['rrn', VALID, false],
    ['narration', `UPI/${VALID}/rent`, false],
    ['card', '5012 2345 6789 0124', false], // a 16-digit number whose last twelve would pass
    ['card', '2345 6789 0124 5012', false],
    ['note', 'called 2345 6789 0125 twice', false],
  ])('property %s = %s holds one: %s', (name, value, expected) => {
    expect(propHoldsAadhaar(name, value)).toBe(expected);
  });

  it('finds every valid number written four by four inside free text', () => {
    const valid = fc
      .stringMatching(/^[2-9]\d{10}$/)
      .map((eleven) =>
        [...'0123456789'].map((d) => eleven + d).find((n) => aadhaarValidator.validate(n).isValid),
      )
      .filter((n): n is string => n !== undefined);
    fc.assert(
      fc.property(valid, fc.string({ maxLength: 20 }), fc.constantFrom(' ', '-'), (n, before, sep) => {
        const text = `${before.replace(/\d/g, '')} ${n.slice(0, 4)}${sep}${n.slice(4, 8)}${sep}${n.slice(8)}`;
        return propHoldsAadhaar('remarks', text);
      }),
    );
  });
});
