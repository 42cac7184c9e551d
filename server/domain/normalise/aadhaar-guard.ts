/**
 * An Aadhaar number must never be stored whole (Aadhaar Act s.29; DESIGN.md): it enters only as an
 * id-document of scheme aadhaar, which keeps a keyed hash and the last four digits. These checks catch
 * one arriving by another door — as a person's key, or in a free-text property — so the batch is refused
 * instead of the number being written. They look only where a false alarm is unlikely: a person key made
 * of twelve digits, a property named for Aadhaar, or twelve digits grouped four by four as UIDAI prints
 * them. A bare twelve-digit run inside a property is not flagged: UPI reference numbers and many account
 * numbers have twelve digits too.
 */
import { aadhaarValidator } from './stdnum-in.js';

const isAadhaar = (digits: string): boolean =>
  digits.length === 12 && digits[0] !== '0' && digits[0] !== '1' && aadhaarValidator.validate(digits).isValid;

/** Twelve digits in all, in groups of four ("2345 6789 0124"), not three groups of a longer number. */
const GROUPED = /(?<!\d[ \-.]?)(\d{4})[ \-.](\d{4})[ \-.](\d{4})(?![ \-.]?\d)/g;
const NAMED = /aadh?aa?r|\buid\b/i;

export const AADHAAR_ELSEWHERE =
  'this looks like an Aadhaar number, which CaseGraph never stores whole (Aadhaar Act s.29): give it as an id-document of scheme aadhaar, which keeps only a keyed hash and the last four digits';

/** A key written as nothing but an Aadhaar number (spaces and hyphens allowed). */
export function keyIsAadhaar(raw: string): boolean {
  if (!/^[\d\s-]+$/.test(raw)) return false;
  return isAadhaar(raw.replace(/\D/g, ''));
}

/** Whether a property (by its name or its text) carries an Aadhaar number. */
export function propHoldsAadhaar(name: string, value: unknown): boolean {
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  const text = String(value);
  if (NAMED.test(name) && /\d{4}/.test(text)) {
    const digits = text.replace(/\D/g, '');
    // A masked copy (XXXX-XXXX-1234) or the last four alone are what CaseGraph itself keeps.
    if (digits.length > 4) return true;
  }
  if (text.length < 14) return false;
  for (const m of text.matchAll(GROUPED)) if (isAadhaar(m[1]! + m[2]! + m[3]!)) return true;
  return false;
}
