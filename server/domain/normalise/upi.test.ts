import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseUpi } from './upi.js';

describe('normaliseUpi', () => {
  it.each([
    ['someone.synthetic@okhdfcbank', 'someone.synthetic@okhdfcbank', 'okhdfcbank'],
    ['  Some.One-99@YBL ', 'some.one-99@ybl', 'ybl'],
    ['9820123456@paytm', '9820123456@paytm', 'paytm'],
    ['00001234567890@SBIN0001234.ifsc.npci', '00001234567890@sbin0001234.ifsc.npci', 'sbin0001234.ifsc.npci'],
    ['4000123412341234@rupay.npci', '4000123412341234@rupay.npci', 'rupay.npci'],
    ['upi://pay?pa=test.merchant@oksbi&pn=Test%20Shop&am=100', 'test.merchant@oksbi', 'oksbi'],
  ])('reads %j as %s', (raw, key, handle) => {
    expect(normaliseUpi(raw)).toEqual({ ok: true, key, display: key, props: { handle } });
  });

  it.each([
    ['**06653@OKBIZAXIS', 'masked UPI id cannot identify an account'],
    ['abc****@ybl', 'masked'],
    ['someone', 'exactly one @'],
    ['a@b@ybl', 'exactly one @'],
    ['a@ybl', 'at least 2 characters'],
    ['some one@ybl', 'only letters, digits, . _ and -'],
    ['someone@ok_hdfc', 'bank handle'],
    ['someone@ybl.', 'bank handle'],
    ['someone@', 'bank handle'],
    ['', 'empty'],
    ['upi://pay?pn=NoAddress', 'empty'],
  ])('rejects %j: %s', (raw, reason) => {
    const result = normaliseUpi(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('is idempotent and case-blind', () => {
    const upi = fc
      .tuple(
        fc.stringMatching(/^[a-zA-Z0-9._-]{2,30}$/),
        fc.constantFrom('ybl', 'okaxis', 'paytm', 'SBIN0001234.ifsc.npci'),
      )
      .map(([user, handle]) => `${user}@${handle}`);
    fc.assert(
      fc.property(upi, (raw) => {
        const first = normaliseUpi(raw);
        if (!first.ok) throw new Error(first.reason);
        expect(normaliseUpi(first.key)).toMatchObject({ key: first.key });
        expect(normaliseUpi(raw.toUpperCase())).toMatchObject({ key: first.key });
      }),
    );
  });
});
