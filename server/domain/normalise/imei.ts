/**
 * IMEIs to their 15-digit form. One handset reaches us as a 14-digit base, a 15-digit IMEI, the base + "0"
 * that several operators print in CDRs, or a 16-digit IMEISV from IPDRs; the 14-digit base (TAC + serial)
 * is what identifies the device, so every form keys on base + computed Luhn digit.
 */
import type { KeyResult } from './result.js';
import { luhnCheckDigit, luhnValid } from './luhn.js';

function keyed(base: string): KeyResult {
  const key = base + luhnCheckDigit(base);
  return {
    ok: true,
    key,
    display: `${key.slice(0, 2)}-${key.slice(2, 8)}-${key.slice(8, 14)}-${key.slice(14)}`,
    props: { tac: key.slice(0, 8) },
  };
}

export function normaliseImei(raw: string): KeyResult {
  const text = raw
    .trim()
    .replace(/^'+/, '')
    .replace(/^IMEI(SV)?\s*:?\s*/i, '');
  if (text === '') return { ok: false, reason: 'an IMEI is empty' };
  if (!/^[\d\s\-./]+$/.test(text)) return { ok: false, reason: 'an IMEI has only digits' };
  const digits = text.replace(/\D/g, '');
  const base = digits.slice(0, 14);
  // A missing IMEI is often written as zeros; keeping it would make every such phone share one "device".
  if (/^0+$/.test(base)) return { ok: false, reason: 'an IMEI of zeros is a placeholder, not a device' };
  switch (digits.length) {
    case 14:
    case 16:
      return keyed(base);
    case 15:
      if (luhnValid(digits) || digits.endsWith('0')) return keyed(base);
      return { ok: false, reason: 'IMEI check digit does not match (Luhn)' };
    default:
      return { ok: false, reason: `an IMEI has 14, 15 or 16 digits; this has ${digits.length}` };
  }
}
