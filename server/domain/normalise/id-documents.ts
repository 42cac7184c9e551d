/** Passports, voter ids (EPIC) and driving licences: the document ids hotel registers and KYC copies carry. */
import type { KeyResult } from './result.js';
import { isStateCode } from './states.js';
import { epicValidator, failure } from './stdnum-in.js';

function compact(raw: string): string {
  return raw
    .trim()
    .replace(/[\s\-./]+/g, '')
    .toUpperCase();
}

function masked(text: string): boolean {
  return /[*•]/.test(text) || /X{4,}/i.test(text);
}

/** An Indian passport number. Foreign passports (Form C) follow other formats and are not read here. */
export function normalisePassport(raw: string): KeyResult {
  const text = compact(raw);
  if (text === '') return { ok: false, reason: 'a passport number is empty' };
  if (masked(text)) return { ok: false, reason: 'a masked passport number cannot identify a holder' };
  if (!/^[A-Z]\d{7}$/.test(text)) {
    return { ok: false, reason: 'an Indian passport number is a letter and 7 digits (e.g. Z1234567)' };
  }
  return { ok: true, key: text, display: text };
}

export function normaliseEpic(raw: string): KeyResult {
  const text = compact(raw);
  if (text === '') return { ok: false, reason: 'a voter id (EPIC) is empty' };
  if (masked(text)) return { ok: false, reason: 'a masked voter id cannot identify a holder' };
  const why = failure(epicValidator.validate(text));
  if (why === 'InvalidChecksum')
    return { ok: false, reason: 'voter id (EPIC) check digit does not match (Luhn)' };
  if (why !== undefined) {
    return { ok: false, reason: 'a voter id (EPIC) is 3 letters and 7 digits (e.g. ABC1234566)' };
  }
  return { ok: true, key: text, display: text };
}

/**
 * Driving licences follow SS RR YYYY NNNNNNN (state, RTO, year of issue, serial) since Sarathi, but
 * older ones are shorter and states pad differently, so only the state code and the length are checked.
 */
export function normaliseDrivingLicence(raw: string): KeyResult {
  const text = compact(raw);
  if (text === '') return { ok: false, reason: 'a driving licence number is empty' };
  if (masked(text)) return { ok: false, reason: 'a masked driving licence number cannot identify a holder' };
  if (!/^[A-Z0-9]+$/.test(text))
    return { ok: false, reason: 'a driving licence number has only letters and digits' };
  const state = text.slice(0, 2);
  if (!/^[A-Z]{2}$/.test(state))
    return { ok: false, reason: 'a driving licence number starts with its state code (e.g. MH)' };
  if (!isStateCode(state))
    return { ok: false, reason: `${state} is not an Indian state or union territory code` };
  if (text.length < 13 || text.length > 16) {
    return {
      ok: false,
      reason: `a driving licence number has 13 to 16 letters and digits; this has ${text.length}`,
    };
  }
  const display = /^[A-Z]{2}\d{13}$/.test(text) ? `${text.slice(0, 4)} ${text.slice(4)}` : text;
  return { ok: true, key: text, display, props: { state } };
}
