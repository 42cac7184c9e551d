/**
 * Aadhaar numbers. The Aadhaar Act (s.29) forbids publishing or displaying them, so the number never
 * leaves this function: the key is a keyed hash (HMAC-SHA-256 under a secret held apart from the data,
 * because 10^11 valid numbers are too few for a plain hash to hide anything), and only the last four
 * digits — which UIDAI's own masked form shows — are kept for display. No reason echoes the input either.
 */
import { createHmac } from 'node:crypto';
import type { KeyResult } from './result.js';
import { aadhaarValidator, failure } from './stdnum-in.js';

export function normaliseAadhaar(raw: string, hmacKey: string): KeyResult {
  if (hmacKey === '')
    return { ok: false, reason: 'Aadhaar numbers cannot be recorded: the server has no hashing key' };
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'an Aadhaar number is empty' };
  // e-Aadhaar and KYC copies print XXXX-XXXX-1234; four digits match about a hundred million people.
  if (/[xX*•]/.test(text)) return { ok: false, reason: 'a masked Aadhaar number cannot identify a person' };
  if (!/^[\d\s-]+$/.test(text)) return { ok: false, reason: 'an Aadhaar number has only digits' };
  const digits = text.replace(/\D/g, '');
  if (digits.length !== 12)
    return { ok: false, reason: `an Aadhaar number has 12 digits; this has ${digits.length}` };
  if (digits[0] === '0' || digits[0] === '1')
    return { ok: false, reason: 'an Aadhaar number never starts with 0 or 1' };
  const why = failure(aadhaarValidator.validate(digits));
  if (why === 'InvalidChecksum')
    return { ok: false, reason: 'Aadhaar check digit does not match (Verhoeff)' };
  if (why !== undefined) return { ok: false, reason: 'not a valid Aadhaar number' };
  const last4 = digits.slice(8);
  return {
    ok: true,
    key: createHmac('sha256', hmacKey).update(digits).digest('hex'),
    display: `XXXX-XXXX-${last4}`,
    props: { last4 },
  };
}
