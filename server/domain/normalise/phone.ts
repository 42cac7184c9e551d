/**
 * Phone numbers to E.164, as they appear in CDRs, registers and seized phones. Operators write the same
 * subscriber bare (Airtel), with a 91 prefix (Jio) or a leading 0 (Vi); all must become one node.
 */
import type { CountryCode, NumberType } from 'libphonenumber-js';
// The max metadata knows the per-range validity and type (mobile or fixed line); the default one does not.
import {
  PhoneNumber,
  getCountryCallingCode,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';
import type { E164Number } from 'libphonenumber-js';
import type { KeyResult } from './result.js';
import { CompiledPlan } from './phone-plan.js';

// Separators seen in CDR exports and typed registers. Anything else (letters above all) is not a number,
// and must not be fed to the parser, which would happily extract a number from surrounding text.
const PHONE_CHARS = /^\+?[\d\s\-.()/]+$/;

const TYPE_NAMES: Record<NonNullable<NumberType>, string> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'fixed-line',
  FIXED_LINE_OR_MOBILE: 'fixed-line-or-mobile',
  TOLL_FREE: 'toll-free',
  PREMIUM_RATE: 'premium-rate',
  SHARED_COST: 'shared-cost',
  VOIP: 'voip',
  PERSONAL_NUMBER: 'personal',
  PAGER: 'pager',
  UAN: 'uan',
  VOICEMAIL: 'voicemail',
};

/**
 * Registers and forms fill a required phone column with 9999999999, 1234567890 or 9876543210 when none was given;
 * some are valid in the numbering plan, and keeping them would join every such guest into one ring.
 */
function isPlaceholder(nationalNumber: string): boolean {
  return (
    /^(\d)\1+$/.test(nationalNumber) ||
    '01234567890'.includes(nationalNumber) ||
    '9876543210'.includes(nationalNumber)
  );
}

const PLACEHOLDER = 'looks like a placeholder (repeated or counting digits), not a real number';

function notAPhone(region: CountryCode): string {
  return region === 'IN'
    ? 'not a mobile or landline number of India'
    : `not a valid phone number of ${region}`;
}

export function normalisePhone(raw: string, region: CountryCode): KeyResult {
  // CSV exports prefix a ' so spreadsheets keep the number as text.
  const text = raw.trim().replace(/^'+/, '').trim();
  if (text === '') return { ok: false, reason: 'a phone number is empty' };
  if (/\p{L}/u.test(text)) {
    // B-party columns carry headers such as AD-Airtel-S: letters with few or no digits.
    if ((text.match(/\d/g) ?? []).length < 7) {
      return { ok: false, reason: `looks like an SMS sender id (${text.slice(0, 20)}), not a phone number` };
    }
    return { ok: false, reason: 'a phone number has no letters (write an extension or note elsewhere)' };
  }
  if (!PHONE_CHARS.test(text))
    return { ok: false, reason: 'a phone number has only digits, spaces, - . ( ) and a leading +' };
  if (region === 'IN' && CANONICAL_IN_MOBILE.test(text)) return canonicalIndian(text);
  return parsedPhone(text, region);
}

/** The parser's whole judgement of text that has only a phone number's characters. */
export function parsedPhone(text: string, region: CountryCode): KeyResult {
  const length = validatePhoneNumberLength(text, region);
  if (length === 'TOO_SHORT') return { ok: false, reason: 'too short to be a phone number' };
  if (length === 'TOO_LONG') return { ok: false, reason: 'too long to be a phone number' };
  const parsed = parsePhoneNumberFromString(text, region);
  if (!parsed) return { ok: false, reason: notAPhone(region) };
  if (!parsed.isValid()) {
    const inRegion = parsed.countryCallingCode === getCountryCallingCode(region);
    return {
      ok: false,
      reason: inRegion ? notAPhone(region) : `not a valid phone number (+${parsed.countryCallingCode})`,
    };
  }
  if (isPlaceholder(parsed.nationalNumber)) {
    return { ok: false, reason: PLACEHOLDER };
  }
  const type = parsed.getType();
  return {
    ok: true,
    key: parsed.number,
    display: parsed.formatInternational(),
    ...(type ? { props: { type: TYPE_NAMES[type] } } : {}),
  };
}

/** The one spelling phoneSpelling gives every form of an Indian mobile. */
const CANONICAL_IN_MOBILE = /^\+91[6-9]\d{9}$/;

/** India's plan, compiled when the first Indian mobile is met. */
let indianPlan: CompiledPlan | undefined;

/**
 * An Indian mobile as phoneSpelling writes it, judged without the parser: it is already in E.164, so
 * its national number is the ten digits after +91, always a possible length; with the max metadata a
 * number is valid exactly when it has a type; and its type and display come from the plan compiled once
 * (phone-plan.ts). A bulk import meets tens of thousands of distinct numbers; phone.test.ts checks that
 * the answers equal parsedPhone's.
 */
function canonicalIndian(text: string): KeyResult {
  const plan = (indianPlan ??= new CompiledPlan('IN'));
  const national = text.slice(3);
  const type = plan.typeOf(national);
  if (!type) return { ok: false, reason: notAPhone('IN') };
  if (isPlaceholder(national)) return { ok: false, reason: PLACEHOLDER };
  return {
    ok: true,
    key: text,
    display: plan.formatInternational(national) ?? new PhoneNumber(text as E164Number).formatInternational(),
    props: { type: TYPE_NAMES[type] },
  };
}

/**
 * The forms in which CDRs write one Indian mobile ('9820123456, 919820123456, 09820123456,
 * +91 98201 23456) reduced to one spelling before the parser sees them, so that a number is parsed once
 * however many ways it is written. Anything else is left as it is for the parser to judge.
 */
export function phoneSpelling(raw: string, region: CountryCode): string {
  if (region !== 'IN') return raw;
  const compact = raw.replace(/^[\s']+/, '').replace(/[\s\-.()]/g, '');
  const m = /^(?:\+91|0091|91|0)?([6-9]\d{9})$/.exec(compact);
  return m ? `+91${m[1]}` : raw;
}
