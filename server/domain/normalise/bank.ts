/**
 * Bank accounts keyed by IFSC and account number. An account number alone is not unique across banks,
 * so the branch's IFSC is part of the key; statements and narrations write the pair in several ways.
 */
import type { KeyResult } from './result.js';

const IFSC = /^[A-Z]{4}0[A-Z0-9]{6}$/;

export function normaliseIfsc(raw: string): KeyResult {
  const ifsc = raw.trim().replace(/\s+/g, '').toUpperCase();
  if (ifsc === '') return { ok: false, reason: 'an IFSC is empty' };
  if (ifsc.length !== 11)
    return { ok: false, reason: `an IFSC has 11 characters (e.g. SBIN0001234); this has ${ifsc.length}` };
  if (/^[A-Z]{4}[A-Z0-9]{6}$/.test(ifsc.slice(0, 4) + ifsc.slice(5)) && ifsc[4] !== '0') {
    return { ok: false, reason: 'the fifth character of an IFSC is always 0' };
  }
  if (!IFSC.test(ifsc))
    return { ok: false, reason: 'an IFSC is 4 letters, a 0, then 6 letters or digits (e.g. SBIN0001234)' };
  return { ok: true, key: ifsc, display: ifsc, props: { bankCode: ifsc.slice(0, 4) } };
}

/** Only the account part; leading zeros are kept because banks print them and they are part of the number. */
function normaliseAccountNumber(raw: string): { ok: true; account: string } | { ok: false; reason: string } {
  const account = raw.replace(/[\s-]+/g, '').toUpperCase();
  // Statements and narrations mask all but the last digits; a masked number matches many accounts.
  if (/[*•]|X{4,}/.test(account)) {
    return { ok: false, reason: 'a masked account number cannot identify an account' };
  }
  if (!/^[A-Z0-9]+$/.test(account))
    return { ok: false, reason: 'an account number has only letters and digits' };
  if (account.length < 6 || account.length > 20) {
    return { ok: false, reason: `an account number has 6 to 20 characters; this has ${account.length}` };
  }
  return { ok: true, account };
}

export function normaliseBankAccount(raw: string): KeyResult {
  // The IFSC has a fixed length, so whatever separator follows it (":", "/", " - ", a space) is unambiguous.
  const match = /^\s*([A-Za-z0-9]{11})\s*(?:[:/-]|\s)\s*(.+?)\s*$/.exec(raw);
  if (!match)
    return { ok: false, reason: "write a bank account as 'IFSC:ACCOUNT' (e.g. SBIN0001234:00001234567890)" };
  const ifsc = normaliseIfsc(match[1] ?? '');
  if (!ifsc.ok) return ifsc;
  const account = normaliseAccountNumber(match[2] ?? '');
  if (!account.ok) return account;
  return {
    ok: true,
    key: `${ifsc.key}:${account.account}`,
    display: `${ifsc.key} / ${account.account}`,
    props: { bankCode: ifsc.key.slice(0, 4) },
  };
}
