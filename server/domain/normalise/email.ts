/** Email addresses used as accounts (ad postings, wallet and social-media log-ins). */
import type { KeyResult } from './result.js';

const LOCAL = /^[a-z0-9!#$%&'+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'+/=?^_`{|}~-]+)*$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Gmail ignores dots and "+tags" in the local part, but other providers do not, and even for Gmail two
 * spellings are two statements: we do not merge what the source did not say is one. So the local part is
 * kept as written, only lowercased (no provider treats case as significant in practice).
 */
export function normaliseEmail(raw: string): KeyResult {
  const text = raw
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^<(.*)>$/, '$1')
    .toLowerCase();
  if (text === '') return { ok: false, reason: 'an email address is empty' };
  // '*' is legal in RFC 5322 but in statements and platform replies it is always masking.
  if (text.includes('*')) return { ok: false, reason: 'a masked email address cannot identify an account' };
  const parts = text.split('@');
  if (parts.length !== 2) return { ok: false, reason: 'an email address has exactly one @' };
  const [local = '', domain = ''] = parts;
  if (local.length === 0 || local.length > 64 || !LOCAL.test(local)) {
    return { ok: false, reason: 'the part of an email address before @ is not valid' };
  }
  if (!/^[\p{L}\p{N}.-]+$/u.test(domain))
    return { ok: false, reason: 'the domain of an email address is not valid' };
  let ascii: string;
  try {
    // The URL parser turns an internationalised domain into its punycode form, so both spellings match.
    ascii = new URL(`http://${domain}`).hostname;
  } catch {
    return { ok: false, reason: 'the domain of an email address is not valid' };
  }
  const labels = ascii.split('.');
  if (
    labels.length < 2 ||
    !labels.every((l) => LABEL.test(l)) ||
    !/^(?:[a-z]{2,63}|xn--[a-z0-9-]+)$/.test(labels.at(-1) ?? '')
  ) {
    return {
      ok: false,
      reason: 'the domain of an email address needs a dot and a top-level domain, as in example.in',
    };
  }
  const key = `${local}@${ascii}`;
  return { ok: true, key, display: key };
}
