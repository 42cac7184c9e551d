/**
 * Social-media, messaging and classified-site accounts (platform:handle) and e-wallets (provider:number).
 * The platform is part of the key because the same handle on two platforms may be two people.
 */
import type { CountryCode } from 'libphonenumber-js';
import type { KeyResult } from './result.js';
import { normalisePhone } from './phone.js';

const PLATFORM_ALIASES: Readonly<Record<string, string>> = {
  ig: 'instagram',
  insta: 'instagram',
  fb: 'facebook',
  wa: 'whatsapp',
  tg: 'telegram',
  twitter: 'x',
};

// Platforms whose account is a phone number, so "wa:98201 23456" and "wa:+919820123456" are one account.
const PHONE_PLATFORMS = new Set(['whatsapp', 'signal']);

const WORD = /^[a-z][a-z0-9]*$/;
const HANDLE = /^[\p{L}\p{N}._-]{1,100}$/u;

function splitPrefix(raw: string): { prefix: string; rest: string } | undefined {
  const at = raw.indexOf(':');
  if (at <= 0) return undefined;
  return {
    prefix: raw
      .slice(0, at)
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, ''),
    rest: raw.slice(at + 1).trim(),
  };
}

export function normaliseHandle(raw: string, region: CountryCode = 'IN'): KeyResult {
  const parts = splitPrefix(raw.trim());
  if (!parts) return { ok: false, reason: "write a handle as 'platform:handle' (e.g. instagram:@some.user)" };
  const platform = PLATFORM_ALIASES[parts.prefix] ?? parts.prefix;
  if (!WORD.test(platform))
    return { ok: false, reason: 'the platform of a handle is one word of letters and digits' };
  if (PHONE_PLATFORMS.has(platform) && !/\p{L}/u.test(parts.rest)) {
    const phone = normalisePhone(parts.rest, region);
    if (!phone.ok) return phone;
    return {
      ok: true,
      key: `${platform}:${phone.key}`,
      display: `${platform}:${phone.display}`,
      props: { platform },
    };
  }
  const handle = parts.rest.replace(/^@/, '').normalize('NFC').toLowerCase();
  if (handle === '') return { ok: false, reason: 'the handle after the platform is empty' };
  if (/\s/.test(handle))
    return {
      ok: false,
      reason: "a handle has no spaces: write the account's username, not its display name",
    };
  if (!HANDLE.test(handle))
    return { ok: false, reason: 'a handle has only letters, digits, . _ and - (at most 100)' };
  return { ok: true, key: `${platform}:${handle}`, display: `${platform}:@${handle}`, props: { platform } };
}

const WALLET_ALIASES: Readonly<Record<string, string>> = {
  ptm: 'paytm',
  amazon: 'amazonpay',
  apay: 'amazonpay',
  gpay: 'googlepay',
};

/** A wallet is usually opened on a mobile number; where it is one, it keys like the phone it is. */
export function normaliseWallet(raw: string, region: CountryCode): KeyResult {
  const parts = splitPrefix(raw.trim());
  if (!parts) return { ok: false, reason: "write a wallet as 'provider:number' (e.g. paytm:9820123456)" };
  const provider = WALLET_ALIASES[parts.prefix] ?? parts.prefix;
  if (!WORD.test(provider))
    return { ok: false, reason: 'the provider of a wallet is one word of letters and digits' };
  if (parts.rest === '') return { ok: false, reason: 'the wallet number after the provider is empty' };
  if (!/\p{L}/u.test(parts.rest)) {
    const phone = normalisePhone(parts.rest, region);
    if (phone.ok)
      return {
        ok: true,
        key: `${provider}:${phone.key}`,
        display: `${provider}:${phone.display}`,
        props: { provider },
      };
  }
  if (/[*•]|X{4,}/i.test(parts.rest))
    return { ok: false, reason: 'a masked wallet number cannot identify an account' };
  const id = parts.rest.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
  if (id.length < 4 || id.length > 40)
    return { ok: false, reason: 'a wallet number has 4 to 40 letters or digits' };
  return { ok: true, key: `${provider}:${id}`, display: `${provider}:${id}`, props: { provider } };
}
