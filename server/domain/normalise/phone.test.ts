import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalisePhone, parsedPhone, phoneSpelling } from './phone.js';

describe('normalisePhone', () => {
  it.each([
    ['9820123456', '+919820123456'],
    ['919820123456', '+919820123456'],
    ['09820123456', '+919820123456'],
    ["'9820123456", '+919820123456'],
    ["'919820123456", '+919820123456'],
    ['98201 23456', '+919820123456'],
    ['98201-23456', '+919820123456'],
    ['98201.23456', '+919820123456'],
    ['(98201) 23456', '+919820123456'],
    ['+91-98201-23456', '+919820123456'],
    ['+91 (0) 98201 23456', '+919820123456'],
    ['0091 98201 23456', '+919820123456'],
    ['  +919820123456  ', '+919820123456'],
    ['022 2654 3210', '+912226543210'],
    ['+44 20 7946 0018', '+442079460018'],
  ])('reads %j as %s', (raw, key) => {
    expect(normalisePhone(raw, 'IN')).toMatchObject({ ok: true, key });
  });

  it('shows the international format and the number type', () => {
    expect(normalisePhone('09820123456', 'IN')).toEqual({
      ok: true,
      key: '+919820123456',
      display: '+91 98201 23456',
      props: { type: 'mobile' },
    });
    expect(normalisePhone('02226543210', 'IN')).toMatchObject({ props: { type: 'fixed-line' } });
  });

  it('reads a bare number in the region it is given', () => {
    expect(normalisePhone('020 7946 0018', 'GB')).toMatchObject({ ok: true, key: '+442079460018' });
  });

  it.each([
    ['AD-Airtel-S', 'SMS sender id (AD-Airtel-S)'],
    ['JP-JioPay-S', 'SMS sender id'],
    ['VM-HDFCBK', 'SMS sender id'],
    ['+91 98201 23456 ext 2', 'no letters'],
    ['', 'empty'],
    ["'", 'empty'],
    ['12345', 'too short'],
    ['98201 2345#', 'only digits'],
    ['98201234567', 'not a mobile or landline number of India'],
    ['98201234567890123', 'too long'],
    ['+44 7700 900123', 'not a valid phone number (+44)'],
    ['9999999999', 'placeholder'],
    ['9876543210', 'placeholder'],
    ['1234567890', 'placeholder'],
  ])('rejects %j: %s', (raw, reason) => {
    const result = normalisePhone(raw, 'IN');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  const mobile = fc
    .tuple(fc.constantFrom('6', '7', '8', '9'), fc.stringMatching(/^\d{9}$/))
    .map(([first, rest]) => first + rest);

  const cdrForms = (n: string): string[] => [
    n,
    `91${n}`,
    `0${n}`,
    `'${n}`,
    `+91${n}`,
    `+91-${n.slice(0, 5)}-${n.slice(5)}`,
    `+91 ${n.slice(0, 5)} ${n.slice(5)}`,
    `0091${n}`,
    `0091 ${n.slice(0, 5)} ${n.slice(5)}`,
    `(${n.slice(0, 5)}) ${n.slice(5)}`,
    `${n.slice(0, 3)}.${n.slice(3, 6)}.${n.slice(6)}`,
  ];

  it('reads every CDR form of a valid Indian mobile as one E.164 key', () => {
    fc.assert(
      fc.property(mobile, (n) => {
        const first = normalisePhone(n, 'IN');
        fc.pre(first.ok);
        for (const form of cdrForms(n))
          expect(normalisePhone(form, 'IN')).toMatchObject({ ok: true, key: `+91${n}` });
      }),
    );
  });

  it('is idempotent: the key and the display read back as the same key', () => {
    fc.assert(
      fc.property(mobile, (n) => {
        const first = normalisePhone(n, 'IN');
        fc.pre(first.ok);
        if (!first.ok) return;
        expect(normalisePhone(first.key, 'IN')).toMatchObject({ key: first.key });
        expect(normalisePhone(first.display, 'IN')).toMatchObject({ key: first.key });
        expect(normalisePhone(first.key, 'US')).toMatchObject({ key: first.key });
      }),
    );
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(typeof normalisePhone(s, 'IN').ok).toBe('boolean');
      }),
    );
  });
});

describe('phoneSpelling', () => {
  it.each([
    ["'9820123456", '+919820123456'],
    ['919820123456', '+919820123456'],
    ['09820123456', '+919820123456'],
    ['+91 98201 23456', '+919820123456'],
    ['0091-98201-23456', '+919820123456'],
    ['022 2345 6789', '022 2345 6789'],
    ['AD-Airtel-S', 'AD-Airtel-S'],
  ])('writes %s as %s', (raw, spelling) => {
    expect(phoneSpelling(raw, 'IN')).toBe(spelling);
  });

  it('never changes what a number normalises to', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('6', '7', '8', '9'),
        fc.stringMatching(/^\d{9}$/),
        fc.constantFrom('', '0', '91', '+91 ', '0091', "'"),
        (first, rest, prefix) => {
          const raw = `${prefix}${first}${rest}`;
          expect(normalisePhone(phoneSpelling(raw, 'IN'), 'IN')).toEqual(normalisePhone(raw, 'IN'));
        },
      ),
    );
  });
});

describe('an Indian mobile in its one spelling', () => {
  // The short cut skips the parser's length check and isValid; every answer must still be the parser's.
  const same = (national: string): void => {
    expect(normalisePhone(`+91${national}`, 'IN')).toEqual(parsedPhone(`+91${national}`, 'IN'));
  };

  it('is judged as the parser judges it, in every four-digit series', () => {
    // Validity and type are decided by leading-digit ranges: one number in each series reaches each range.
    for (let series = 6000; series <= 9999; series++)
      same(`${series}${String((series * 7919) % 1e6).padStart(6, '0')}`);
  });

  it('is typed and shown as the parser does it, in every five-digit series', () => {
    // The plan's patterns are compiled once (phone-plan.ts): each range of the metadata must still answer alike.
    for (let series = 60000; series <= 99999; series++)
      same(`${series}${String((series * 7919) % 1e5).padStart(5, '0')}`);
  });

  it('is judged as the parser judges it, for any ten digits', () => {
    fc.assert(
      fc.property(fc.constantFrom('6', '7', '8', '9'), fc.stringMatching(/^\d{9}$/), (first, rest) =>
        same(first + rest),
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps refusing placeholders and numbers outside the plan', () => {
    expect(normalisePhone('+919999999999', 'IN')).toEqual({
      ok: false,
      reason: expect.stringMatching(/placeholder/),
    });
    expect(normalisePhone('+919876543210', 'IN')).toEqual({
      ok: false,
      reason: expect.stringMatching(/placeholder/),
    });
    same('9999999999');
    same('6000000001');
  });
});
