import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalisePan } from './pan.js';

describe('normalisePan', () => {
  it.each([
    ['ABCPE1234F', 'individual'],
    ['ABCPD1234E', 'individual'], // stdnum 1.12 calls this one a company
    ['ABCCD1234E', 'company'],
    ['ABCHD1234E', 'huf'],
    ['ABCFD1234E', 'firm'],
    ['ABCAD1234E', 'aop'],
    ['ABCTD1234E', 'trust'],
    ['ABCBD1234E', 'boi'],
    ['ABCLD1234E', 'local-authority'],
    ['ABCJD1234E', 'artificial-juridical-person'],
    ['ABCGD1234E', 'government'],
  ])('reads %s as a PAN of holder type %s', (pan, holderType) => {
    expect(normalisePan(pan)).toEqual({ ok: true, key: pan, display: pan, props: { holderType } });
  });

  it.each([' abcpe1234f ', 'ABCPE 1234 F', 'abcpe-1234-f'])('cleans %j', (raw) => {
    expect(normalisePan(raw)).toMatchObject({ ok: true, key: 'ABCPE1234F' });
  });

  it.each([
    ['ABCPE1234', '10 characters'],
    ['ABCPE12345', '5 letters, 4 digits and a letter'],
    ['ABCXE1234F', 'X is not one'],
    ['ABCKE1234F', 'K is not one'],
    ['ABCPE0000F', '0000'],
    ['XXXXX1234X', 'masked'],
    ['ABCPE****F', 'masked'],
    ['', 'empty'],
  ])('rejects %j: %s', (raw, reason) => {
    const result = normalisePan(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('is idempotent and reads the holder type from the fourth letter only', () => {
    const pan = fc
      .tuple(
        fc.stringMatching(/^[A-Z]{3}$/),
        fc.constantFrom(...'PCHFATBLJG'),
        fc.stringMatching(/^[A-Z]$/),
        fc.stringMatching(/^\d{4}$/).filter((d) => d !== '0000'),
        fc.stringMatching(/^[A-Z]$/),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(pan, (p) => {
        const first = normalisePan(p.toLowerCase());
        if (!first.ok) throw new Error(first.reason);
        expect(first.key).toBe(p);
        expect(normalisePan(first.key)).toEqual(first);
        const others = normalisePan(`${p.slice(0, 3)}${p[3]}${p[4] === 'P' ? 'C' : 'P'}${p.slice(5)}`);
        expect(others).toMatchObject({ props: first.props });
      }),
    );
  });
});
