import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseAdKey, normaliseCaseKey, normalisePersonKey, normaliseSha256 } from './text-keys.js';

function rejects(result: ReturnType<typeof normaliseSha256>, reason: string): void {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.reason).toContain(reason);
}

describe('normalisePersonKey', () => {
  it.each([
    ['FIR-0123-2026-A1', 'FIR-0123-2026-A1'],
    ['  fir-0123-2026-a1 ', 'FIR-0123-2026-A1'],
    ['Register  Row\t12', 'REGISTER ROW 12'],
  ])('reads %j as %s', (raw, key) => {
    expect(normalisePersonKey(raw)).toMatchObject({ ok: true, key });
  });

  it('rejects an empty key', () => rejects(normalisePersonKey('   '), 'empty'));

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (raw) => {
        const first = normalisePersonKey(raw);
        fc.pre(first.ok);
        if (!first.ok) return;
        expect(normalisePersonKey(first.key)).toMatchObject({ key: first.key });
        expect(normalisePersonKey(first.display)).toMatchObject({ key: first.key });
      }),
    );
  });
});

describe('normaliseCaseKey', () => {
  const KEY = 'MH/MUMBAI CITY/KAMATHIPURA PS/0123/2026';
  it.each([
    ['MH/Mumbai City/Kamathipura PS/0123/2026', KEY],
    ['MH / Mumbai  City / Kamathipura PS / 0123 / 2026', KEY],
    ['  mh/mumbai city/kamathipura ps/0123/2026/ ', KEY],
    ['MH\\Mumbai City\\Kamathipura PS\\0123\\2026', KEY],
  ])('reads %j as %s', (raw, key) => {
    expect(normaliseCaseKey(raw)).toMatchObject({ ok: true, key });
  });

  it('keeps the serial as written', () => {
    expect(normaliseCaseKey('MH/Mumbai City/Kamathipura PS/123/2026')).toMatchObject({
      key: 'MH/MUMBAI CITY/KAMATHIPURA PS/123/2026',
    });
  });

  it('shows the key as written, spacing tidied', () => {
    expect(normaliseCaseKey(' MH / Mumbai City/Kamathipura PS /0123/2026')).toMatchObject({
      display: 'MH/Mumbai City/Kamathipura PS/0123/2026',
    });
  });

  it.each(['', ' / '])('rejects %j', (raw) => rejects(normaliseCaseKey(raw), 'empty'));

  it('is idempotent', () => {
    const part = fc.stringMatching(/^[A-Za-z0-9 ]{1,12}$/);
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 5 }), (parts) => {
        const first = normaliseCaseKey(parts.join(' / '));
        fc.pre(first.ok);
        if (!first.ok) return;
        expect(normaliseCaseKey(first.key)).toMatchObject({ key: first.key });
        expect(normaliseCaseKey(first.display)).toMatchObject({ key: first.key });
      }),
    );
  });
});

describe('normaliseAdKey', () => {
  it.each([
    ['https://Example.IN/ads/12345/', 'https://example.in/ads/12345'],
    ['HTTPS://EXAMPLE.IN/Ads/AbC', 'https://example.in/Ads/AbC'],
    ['https://example.in/ads/12345?utm_source=wa&utm_medium=share#photos', 'https://example.in/ads/12345'],
    ['https://example.in/ad?id=42&utm_campaign=x&fbclid=abc', 'https://example.in/ad?id=42'],
    ['https://example.in/ad?q=a%20b&utm_source=x', 'https://example.in/ad?q=a+b'],
    ['https://example.in/ad?q=a%20b', 'https://example.in/ad?q=a+b'],
    ['https://example.in:443/', 'https://example.in'],
    ['http://example.in:8080/x/', 'http://example.in:8080/x'],
    ['www.example.in/ads/1', 'https://www.example.in/ads/1'],
    ['Locanto:123456', 'locanto:123456'],
    ['instagram:CxYz123AbC', 'instagram:CxYz123AbC'],
  ])('reads %j as %s', (raw, key) => {
    expect(normaliseAdKey(raw)).toMatchObject({ ok: true, key });
  });

  it.each([
    ['', 'empty'],
    ['ftp://example.in/ad', 'http or https'],
    ['https://', 'not a valid web address'],
    ['just some words', "'platform:id'"],
  ])('rejects %j: %s', (raw, reason) => rejects(normaliseAdKey(raw), reason));

  it('is idempotent', () => {
    const url = fc.webUrl({ withQueryParameters: true, withFragments: true });
    fc.assert(
      fc.property(url, (raw) => {
        const first = normaliseAdKey(raw);
        fc.pre(first.ok);
        if (!first.ok) return;
        expect(normaliseAdKey(first.key)).toMatchObject({ key: first.key });
      }),
    );
  });
});

describe('normaliseSha256', () => {
  const HASH = 'a'.repeat(32) + '0123456789abcdef'.repeat(2);
  it.each([
    [HASH, HASH],
    [HASH.toUpperCase(), HASH],
    [`SHA256: ${HASH}`, HASH],
    [`sha-256=${HASH.slice(0, 32)} ${HASH.slice(32)}`, HASH],
  ])('reads %j', (raw, key) => {
    expect(normaliseSha256(raw)).toEqual({ ok: true, key, display: key });
  });

  it.each([
    ['d41d8cd98f00b204e9800998ecf8427e', 'an MD5 hash'],
    ['da39a3ee5e6b4b0d3255bfef95601890afd80709', 'a SHA-1 hash'],
    [HASH.slice(1), 'this has 63'],
    [`${HASH.slice(1)}g`, 'only hex digits'],
    ['', 'only hex digits'],
  ])('rejects %j: %s', (raw, reason) => rejects(normaliseSha256(raw), reason));

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-fA-F]{64}$/), (raw) => {
        const first = normaliseSha256(raw);
        expect(first).toMatchObject({ ok: true, key: raw.toLowerCase() });
        if (first.ok) expect(normaliseSha256(first.key)).toEqual(first);
      }),
    );
  });
});

describe('composed and decomposed letters', () => {
  it('give one person key and one FIR key', () => {
    const composed = 'FIR-0001-JOSÉ';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(normalisePersonKey(decomposed)).toEqual(normalisePersonKey(composed));
    expect(normaliseCaseKey(`MH/Pune/${decomposed}/1/2026`)).toEqual(
      normaliseCaseKey(`MH/Pune/${composed}/1/2026`),
    );
  });
});
