/**
 * How sources write an identifier, and back. The generator keeps every identifier in canonical form and
 * writes it the way the document it lands in would: Airtel CDRs put a ' before numbers, Jio a 91 prefix,
 * Vi a leading 0; typed registers space the number out; CDRs print a 14-digit IMEI + "0" (INDIA.md §1.1).
 * That variety is what exercises the ingest's normalisation.
 *
 * `canonicalKey` is the inverse for the forms written here, matching what server/domain's normalisers
 * make of them. It is deliberately independent of server/domain/normalise, so tests can compare the two.
 */
import type { EntityKind } from '../server/domain/kinds.js';
import { luhnCheckDigit } from './identifiers.js';

export type PhoneForm = 'e164' | 'bare' | 'cc' | 'trunk' | 'apostrophe' | 'spaced';
export type ImeiForm = 'full' | 'zero-check';
export type VehicleForm = 'spaced' | 'compact' | 'dashed';

export const PHONE_FORMS: readonly PhoneForm[] = ['e164', 'bare', 'cc', 'trunk', 'apostrophe', 'spaced'];

/** +919820123456 → '9820123456, 919820123456, 09820123456, +91 98201 23456 … */
export function writePhone(e164: string, form: PhoneForm): string {
  const national = e164.slice(3);
  switch (form) {
    case 'e164':
      return e164;
    case 'bare':
      return national;
    case 'cc':
      return `91${national}`;
    case 'trunk':
      return `0${national}`;
    case 'apostrophe':
      return `'${national}`;
    case 'spaced':
      return `+91 ${national.slice(0, 5)} ${national.slice(5)}`;
  }
}

/** A 15-digit IMEI as is, or as CDRs print it: the 14-digit base followed by 0 instead of the check digit. */
export function writeImei(imei: string, form: ImeiForm): string {
  return form === 'full' ? imei : `${imei.slice(0, 14)}0`;
}

/** MH12AB1234 → MH 12 AB 1234, MH-12-AB-1234. */
export function writeVehicle(compact: string, form: VehicleForm): string {
  if (form === 'compact') return compact;
  const m = /^([A-Z]{2})(\d{2})([A-Z]{1,3})(\d{4})$/.exec(compact);
  if (!m) return compact;
  return m.slice(1).join(form === 'spaced' ? ' ' : '-');
}

/** Turns punctuation and symbols into spaces, lowercases and collapses spaces (as server/domain folds text). */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The canonical key of an identifier written in any of the forms above. Keys are what ids derive from,
 * so the ground truth and the tests speak of entities by (kind, scheme, canonicalKey).
 */
export function canonicalKey(kind: EntityKind, scheme: string, written: string): string {
  const text = written.trim();
  switch (scheme) {
    case 'phone': {
      const digits = text.replace(/\D/g, '');
      const national =
        digits.length === 12 && digits.startsWith('91')
          ? digits.slice(2)
          : digits.length === 11 && digits.startsWith('0')
            ? digits.slice(1)
            : digits;
      return `+91${national}`;
    }
    case 'imei': {
      const base = text.replace(/\D/g, '').slice(0, 14);
      return base + luhnCheckDigit(base);
    }
    case 'upi':
    case 'email':
      return text.toLowerCase();
    case 'handle': {
      const colon = text.indexOf(':');
      return `${text.slice(0, colon).toLowerCase()}:${text
        .slice(colon + 1)
        .replace(/^@/, '')
        .toLowerCase()}`;
    }
    case 'vehicle':
      return text.replace(/[\s-]+/g, '').toUpperCase();
    case 'address':
      return foldText(text);
    case 'hotel': {
      const comma = text.lastIndexOf(',');
      return `${foldText(text.slice(0, comma))}|${foldText(text.slice(comma + 1))}`;
    }
    case 'fir':
      return text
        .replace(/\s+/g, ' ')
        .replace(/\s*\/\s*/g, '/')
        .toUpperCase();
    case 'person':
      // A register's guest key ("hotel|city / epic ABC1234566") keeps its spaced slashes.
      return text.replace(/\s+/g, ' ').toUpperCase();
    case 'bank':
    case 'pan':
      return text.toUpperCase();
    default:
      // Cell ids, IPs, ad addresses and hashes are generated in canonical form and written as is.
      return text;
  }
}
