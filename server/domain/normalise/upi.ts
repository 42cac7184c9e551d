/**
 * UPI ids (VPAs). NPCI has not published the allowed characters or length (INDIA.md §2), so the rule
 * here is the observed one: user [a-z0-9._-] of 2–256 characters, handle of letters, digits and dots,
 * which also covers the special forms acct@IFSC.ifsc.npci and card@rupay.npci.
 */
import type { KeyResult } from './result.js';

const USER = /^[a-z0-9._-]{2,256}$/;
const HANDLE = /^[a-z0-9]+(?:\.[a-z0-9]+)*$/;

/** A UPI QR code carries the id as the pa parameter of a upi://pay link; seized phones yield those. */
function fromPayLink(text: string): string | undefined {
  if (!/^upi:\/\//i.test(text)) return undefined;
  const query = text.slice(text.indexOf('?') + 1);
  return new URLSearchParams(query).get('pa') ?? '';
}

export function normaliseUpi(raw: string): KeyResult {
  const trimmed = raw.trim();
  const text = (fromPayLink(trimmed) ?? trimmed).trim().toLowerCase();
  if (text === '') return { ok: false, reason: 'a UPI id is empty' };
  // Newer SBI statements print **06653@okbizaxis: the stars hide digits, so many accounts fit it.
  if (/[*•]/.test(text)) return { ok: false, reason: 'masked UPI id cannot identify an account' };
  const parts = text.split('@');
  if (parts.length !== 2) return { ok: false, reason: "a UPI id has exactly one @, as in 'name@bank'" };
  const [user = '', handle = ''] = parts;
  if (user.length < 2)
    return { ok: false, reason: 'the part of a UPI id before @ has at least 2 characters' };
  if (!USER.test(user))
    return { ok: false, reason: 'the part of a UPI id before @ has only letters, digits, . _ and -' };
  if (!HANDLE.test(handle))
    return { ok: false, reason: 'the bank handle of a UPI id (after @) has only letters, digits and dots' };
  return { ok: true, key: text, display: text, props: { handle } };
}
