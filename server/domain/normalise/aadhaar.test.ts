import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseAadhaar } from './aadhaar.js';
import { aadhaarValidator } from './stdnum-in.js';

// Synthetic numbers, valid in format only (Verhoeff check digit computed for the made-up first eleven).
const NUMBER = '234567890124';
const SECRET = 'test-secret-not-a-real-key';

/** Completes eleven digits with the one check digit stdnum accepts. */
function withCheckDigit(eleven: string): string | undefined {
  for (let d = 0; d < 10; d++) if (aadhaarValidator.validate(eleven + d).isValid) return eleven + d;
  return undefined;
}

describe('normaliseAadhaar', () => {
  it.each([NUMBER, '2345 6789 0124', '2345-6789-0124', ' 234567890124 '])('reads %j', (raw) => {
    const result = normaliseAadhaar(raw, SECRET);
    expect(result).toMatchObject({ ok: true, display: 'XXXX-XXXX-0124', props: { last4: '0124' } });
    if (result.ok) expect(result.key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keys every spelling of one number alike', () => {
    const keys = new Set(
      [NUMBER, '2345 6789 0124', '2345-6789-0124'].map((raw) => {
        const result = normaliseAadhaar(raw, SECRET);
        return result.ok ? result.key : result.reason;
      }),
    );
    expect(keys.size).toBe(1);
  });

  it.each([
    ['XXXX-XXXX-0124', 'a masked Aadhaar number cannot identify a person'],
    ['xxxx xxxx 0124', 'masked'],
    ['********0124', 'masked'],
    ['234567890125', 'check digit does not match (Verhoeff)'],
    ['134567890124', 'never starts with 0 or 1'],
    ['034567890124', 'never starts with 0 or 1'],
    ['23456789012', 'this has 11'],
    ['2345.6789.0124', 'only digits'],
    ['', 'empty'],
  ])('rejects %j: %s', (raw, reason) => {
    const result = normaliseAadhaar(raw, SECRET);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('refuses to work without a hashing key rather than store a guessable hash', () => {
    expect(normaliseAadhaar(NUMBER, '')).toMatchObject({ ok: false });
  });

  const aadhaar = fc
    .tuple(fc.integer({ min: 2, max: 9 }), fc.stringMatching(/^\d{10}$/))
    .map(([first, rest]) => withCheckDigit(`${first}${rest}`))
    .filter((n): n is string => n !== undefined && aadhaarValidator.validate(n).isValid);

  it('never lets the number, or its first eight digits, appear in the result', () => {
    fc.assert(
      fc.property(aadhaar, fc.constantFrom('', ' ', '-'), (n, sep) => {
        const written = [n.slice(0, 4), n.slice(4, 8), n.slice(8)].join(sep);
        const result = normaliseAadhaar(written, SECRET);
        expect(result.ok).toBe(true);
        const json = JSON.stringify(result);
        expect(json).not.toContain(n);
        expect(json).not.toContain(n.slice(0, 8));
        expect(json).not.toContain(written);
      }),
    );
  });

  it('never echoes the number in a reason either', () => {
    fc.assert(
      fc.property(aadhaar, (n) => {
        const wrong = n.slice(0, 11) + String((Number(n[11]) + 1) % 10);
        expect(JSON.stringify(normaliseAadhaar(wrong, SECRET))).not.toContain(wrong.slice(0, 8));
      }),
    );
  });

  it('gives different hashes under two keys, and the same hash under one', () => {
    fc.assert(
      fc.property(aadhaar, (n) => {
        const a = normaliseAadhaar(n, SECRET);
        const b = normaliseAadhaar(n, `${SECRET}-other`);
        const again = normaliseAadhaar(n, SECRET);
        if (!a.ok || !b.ok || !again.ok) throw new Error('expected a valid number');
        expect(a.key).not.toBe(b.key);
        expect(again.key).toBe(a.key);
      }),
    );
  });
});
