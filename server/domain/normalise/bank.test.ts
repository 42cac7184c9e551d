import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseBankAccount, normaliseIfsc } from './bank.js';

const KEY = 'SBIN0001234:00001234567890';

describe('normaliseBankAccount', () => {
  it.each([
    ['SBIN0001234:00001234567890', KEY],
    ['sbin0001234:00001234567890', KEY],
    ['SBIN0001234/00001234567890', KEY],
    ['SBIN0001234 / 00001234567890', KEY],
    ['SBIN0001234 - 00001234567890', KEY],
    ['SBIN0001234 00001234567890', KEY],
    ['  SBIN0001234 : 0000 1234 5678 90 ', KEY],
    ['SBIN0001234:0000-1234-5678-90', KEY],
    ['HDFC0AB1234:50100123456789', 'HDFC0AB1234:50100123456789'],
    ['UTIB0000001:cc123456', 'UTIB0000001:CC123456'],
  ])('reads %j as %s', (raw, key) => {
    expect(normaliseBankAccount(raw)).toMatchObject({ ok: true, key });
  });

  it('shows IFSC and account apart and names the bank code', () => {
    expect(normaliseBankAccount('SBIN0001234:00001234567890')).toEqual({
      ok: true,
      key: KEY,
      display: 'SBIN0001234 / 00001234567890',
      props: { bankCode: 'SBIN' },
    });
  });

  it.each([
    ['00001234567890', 'IFSC:ACCOUNT'],
    ['SBIN1001234:00001234567890', 'fifth character of an IFSC is always 0'],
    ['SB1N0001234:00001234567890', '4 letters, a 0'],
    ['SBIN0001234:12345', '6 to 20 characters; this has 5'],
    ['SBIN0001234:123456789012345678901', 'this has 21'],
    ['SBIN0001234:XXXXXXXX7890', 'masked account number'],
    ['SBIN0001234:****7890', 'masked account number'],
    ['SBIN0001234:1234_5678', 'only letters and digits'],
  ])('rejects %j: %s', (raw, reason) => {
    const result = normaliseBankAccount(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  const ifsc = fc
    .tuple(fc.stringMatching(/^[A-Z]{4}$/), fc.stringMatching(/^[A-Z0-9]{6}$/))
    .map(([bank, branch]) => `${bank}0${branch}`);
  const account = fc.stringMatching(/^\d{6,20}$/);

  it('is idempotent and keeps the leading zeros of the account', () => {
    fc.assert(
      fc.property(ifsc, account, fc.constantFrom(':', '/', ' - ', ' '), (i, a, sep) => {
        const first = normaliseBankAccount(`${i.toLowerCase()}${sep}${a}`);
        expect(first).toMatchObject({ ok: true, key: `${i}:${a}` });
        if (!first.ok) return;
        expect(normaliseBankAccount(first.key)).toMatchObject({ key: first.key });
        expect(normaliseBankAccount(first.display)).toMatchObject({ key: first.key });
      }),
    );
  });
});

describe('normaliseIfsc', () => {
  it('reads an IFSC alone', () => {
    expect(normaliseIfsc(' icic0dc0099 ')).toEqual({
      ok: true,
      key: 'ICIC0DC0099',
      display: 'ICIC0DC0099',
      props: { bankCode: 'ICIC' },
    });
  });

  it('ignores spaces inside an IFSC', () => {
    expect(normaliseIfsc('SBIN 0001 234')).toMatchObject({ ok: true, key: 'SBIN0001234' });
  });

  it.each([
    ['SBIN000123', '11 characters'],
    ['', 'empty'],
    ['SBIN0_01234', '4 letters, a 0'],
    ['SBIN-001234', 'fifth character'],
  ])('rejects %j: %s', (raw, reason) => {
    const result = normaliseIfsc(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});
