import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseEmail } from './email.js';

describe('normaliseEmail', () => {
  it.each([
    ['Synthetic.User@Example.IN', 'synthetic.user@example.in'],
    ['  test+ads@example.co.in ', 'test+ads@example.co.in'],
    ['mailto:Someone@Example.org', 'someone@example.org'],
    ['<someone@example.org>', 'someone@example.org'],
    ['user@bücher.example', 'user@xn--bcher-kva.example'],
    ['user@xn--bcher-kva.example', 'user@xn--bcher-kva.example'],
  ])('reads %j as %s', (raw, key) => {
    expect(normaliseEmail(raw)).toEqual({ ok: true, key, display: key });
  });

  it('keeps the dots of a Gmail address: two spellings are two statements', () => {
    const dotted = normaliseEmail('some.user@gmail.com');
    const plain = normaliseEmail('someuser@gmail.com');
    expect(dotted.ok && plain.ok && dotted.key !== plain.key).toBe(true);
  });

  it.each([
    ['someone', 'exactly one @'],
    ['a@b@example.com', 'exactly one @'],
    ['@example.com', 'before @'],
    ['some..one@example.com', 'before @'],
    ['.someone@example.com', 'before @'],
    ['someone@localhost', 'needs a dot'],
    ['someone@example.c', 'needs a dot'],
    ['someone@-example.com', 'needs a dot'],
    ['someone@exa mple.com', 'domain'],
    ['someone@example.com:25', 'domain'],
    ['so****@gmail.com', 'masked'],
    ['', 'empty'],
  ])('rejects %j: %s', (raw, reason) => {
    const result = normaliseEmail(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('is idempotent and case-blind', () => {
    const email = fc
      .tuple(
        fc.stringMatching(/^[a-zA-Z0-9_+-]{1,20}$/),
        fc.stringMatching(/^[a-zA-Z0-9]{1,20}$/),
        fc.constantFrom('in', 'com', 'co.in'),
      )
      .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);
    fc.assert(
      fc.property(email, (raw) => {
        const first = normaliseEmail(raw);
        if (!first.ok) throw new Error(first.reason);
        expect(normaliseEmail(first.key)).toMatchObject({ key: first.key });
        expect(normaliseEmail(raw.toUpperCase())).toMatchObject({ key: first.key });
      }),
    );
  });
});
