/** Keys that are source identifiers rather than world identifiers: persons, FIRs, ads, documents. */
import { AADHAAR_ELSEWHERE, keyIsAadhaar } from './aadhaar-guard.js';
import type { KeyResult } from './result.js';
import { collapseSpace } from './fold.js';

/**
 * A person's key is what the source calls them (an FIR's accused number, a register row id), never a
 * name: two people share names, and two persons become one only by an officer's decision (DESIGN.md).
 */
// NFC first: the same letters typed on two systems may be composed (é) or decomposed (e + ´).
export function normalisePersonKey(raw: string): KeyResult {
  const display = collapseSpace(raw.normalize('NFC'));
  if (display === '') return { ok: false, reason: 'a person key is empty' };
  if (keyIsAadhaar(display)) return { ok: false, reason: AADHAAR_ELSEWHERE };
  return { ok: true, key: display.toUpperCase(), display };
}

/**
 * An FIR key such as "MH/Mumbai City/Kamathipura PS/0123/2026". No national format exists (INDIA.md §4),
 * so only spacing, case and the spaces around "/" are normalised; the serial's leading zeros are kept
 * because we cannot tell whether a source's "123" and another's "0123" are the same station's register.
 */
export function normaliseCaseKey(raw: string): KeyResult {
  const display = collapseSpace(raw.normalize('NFC'))
    .replace(/\s*[/\\]\s*/g, '/')
    .replace(/^\/+|\/+$/g, '');
  if (display === '') return { ok: false, reason: 'an FIR key is empty' };
  return { ok: true, key: display.toUpperCase(), display };
}

// Tracking parameters differ each time the same ad is shared; they never name a different ad.
const TRACKING = /^(utm_.*|fbclid|gclid|igshid|igsh)$/i;

/**
 * An ad is a URL or a platform's own id (platform:id). Only the platform is lowercased in the second form:
 * post ids such as Instagram shortcodes are case-sensitive, and two ids differing in case are two posts.
 */
export function normaliseAdKey(raw: string): KeyResult {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'an ad key is empty' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^www\./i.test(text)) {
    let url: URL;
    try {
      url = new URL(/^www\./i.test(text) ? `https://${text}` : text);
    } catch {
      return { ok: false, reason: 'not a valid web address' };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return { ok: false, reason: 'an ad address starts with http or https' };
    // The query is always re-serialised, so "a%20b" with or without a dropped utm_ parameter reads the same.
    const query = new URLSearchParams(
      [...url.searchParams].filter(([name]) => !TRACKING.test(name)),
    ).toString();
    const key = `${url.origin}${url.pathname.replace(/\/+$/, '')}${query ? `?${query}` : ''}`;
    return { ok: true, key, display: key };
  }
  const match = /^([a-z][a-z0-9]*)\s*:\s*(\S+)$/i.exec(text);
  if (!match)
    return { ok: false, reason: "an ad key is a web address or 'platform:id' (e.g. locanto:123456)" };
  const key = `${(match[1] ?? '').toLowerCase()}:${match[2] ?? ''}`;
  return { ok: true, key, display: key };
}

const HASH_NAMES: Readonly<Record<number, string>> = { 32: 'an MD5', 40: 'a SHA-1', 128: 'a SHA-512' };

export function normaliseSha256(raw: string): KeyResult {
  const text = raw
    .trim()
    .replace(/^sha-?256\s*[:=]\s*/i, '')
    .replace(/\s+/g, '')
    .toLowerCase();
  if (!/^[0-9a-f]*$/.test(text) || text === '')
    return { ok: false, reason: 'a SHA-256 hash has only hex digits (0-9, a-f)' };
  if (text.length !== 64) {
    const named = HASH_NAMES[text.length];
    return {
      ok: false,
      reason: named
        ? `this is ${named} hash; a document needs its SHA-256 (64 hex digits)`
        : `a SHA-256 hash has 64 hex digits; this has ${text.length}`,
    };
  }
  return { ok: true, key: text, display: text };
}
