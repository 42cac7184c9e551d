import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseHandle, normaliseWallet } from './handle.js';

describe('normaliseHandle', () => {
  it.each([
    ['instagram:@Some.User', 'instagram:some.user'],
    ['IG: some.user', 'instagram:some.user'],
    ['Insta:@some.user', 'instagram:some.user'],
    ['fb:synthetic.profile.1', 'facebook:synthetic.profile.1'],
    ['tg:@Test_Channel', 'telegram:test_channel'],
    ['twitter:@TestAccount', 'x:testaccount'],
    ['X:TestAccount', 'x:testaccount'],
    ['locanto:test-user-42', 'locanto:test-user-42'],
    ['wa:98201 23456', 'whatsapp:+919820123456'],
    ['WhatsApp:+91-98201-23456', 'whatsapp:+919820123456'],
  ])('reads %j as %s', (raw, key) => {
    expect(normaliseHandle(raw)).toMatchObject({ ok: true, key });
  });

  it('shows the handle with its @ and names the platform', () => {
    expect(normaliseHandle('ig:Some.User')).toEqual({
      ok: true,
      key: 'instagram:some.user',
      display: 'instagram:@some.user',
      props: { platform: 'instagram' },
    });
  });

  it.each([
    ['@some.user', "'platform:handle'"],
    [':some.user', "'platform:handle'"],
    ['instagram:', 'empty'],
    ['instagram:@', 'empty'],
    ['instagram:Some User', 'no spaces'],
    ['instagram:some/user', 'only letters'],
    ['my platform!:user', 'one word'],
    ['wa:12345', 'too short'],
  ])('rejects %j: %s', (raw, reason) => {
    const result = normaliseHandle(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('is idempotent: key and display read back as the key', () => {
    const handle = fc
      .tuple(
        fc.constantFrom('ig', 'fb', 'tg', 'x', 'twitter', 'skokka'),
        fc.stringMatching(/^@?[A-Za-z0-9._-]{1,30}$/),
      )
      .map(([p, h]) => `${p}:${h}`);
    fc.assert(
      fc.property(handle, (raw) => {
        const first = normaliseHandle(raw);
        fc.pre(first.ok);
        if (!first.ok) return;
        expect(normaliseHandle(first.key)).toMatchObject({ key: first.key });
        expect(normaliseHandle(first.display)).toMatchObject({ key: first.key });
      }),
    );
  });
});

describe('normaliseWallet', () => {
  it.each([
    ['paytm:9820123456', 'paytm:+919820123456'],
    ['Paytm : 09820123456', 'paytm:+919820123456'],
    ['PhonePe:+91 98201 23456', 'phonepe:+919820123456'],
    ['Amazon Pay:919820123456', 'amazonpay:+919820123456'],
    ['mobikwik:9820123456', 'mobikwik:+919820123456'],
    ['freecharge:fc-00123-abc', 'freecharge:FC00123ABC'],
    ['other:123456789012', 'other:123456789012'],
  ])('reads %j as %s', (raw, key) => {
    expect(normaliseWallet(raw, 'IN')).toMatchObject({ ok: true, key });
  });

  it('shows a phone wallet in international format', () => {
    expect(normaliseWallet('paytm:9820123456', 'IN')).toEqual({
      ok: true,
      key: 'paytm:+919820123456',
      display: 'paytm:+91 98201 23456',
      props: { provider: 'paytm' },
    });
  });

  it.each([
    ['9820123456', "'provider:number'"],
    ['paytm:', 'empty'],
    ['paytm:12', '4 to 40'],
    ['paytm:XXXXXX3456', 'masked'],
    ['pay tm!:9820123456', 'one word'],
  ])('rejects %j: %s', (raw, reason) => {
    const result = normaliseWallet(raw, 'IN');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('is idempotent', () => {
    const wallet = fc
      .tuple(
        fc.constantFrom('paytm', 'PhonePe', 'amazon pay'),
        fc.stringMatching(/^[6-9]\d{9}$|^[A-Za-z0-9-]{4,20}$/),
      )
      .map(([p, n]) => `${p}:${n}`);
    fc.assert(
      fc.property(wallet, (raw) => {
        const first = normaliseWallet(raw, 'IN');
        fc.pre(first.ok);
        if (!first.ok) return;
        expect(normaliseWallet(first.key, 'IN')).toMatchObject({ key: first.key });
        expect(normaliseWallet(first.display, 'IN')).toMatchObject({ key: first.key });
      }),
    );
  });
});
