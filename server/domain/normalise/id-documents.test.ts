import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseDrivingLicence, normaliseEpic, normalisePassport } from './id-documents.js';
import { epicValidator } from './stdnum-in.js';

function rejects(result: ReturnType<typeof normalisePassport>, reason: string): void {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.reason).toContain(reason);
}

describe('normalisePassport', () => {
  it.each([
    ['Z1234567', 'Z1234567'],
    [' z1234567 ', 'Z1234567'],
    ['Z 123 4567', 'Z1234567'],
  ])('reads %j as %s', (raw, key) => {
    expect(normalisePassport(raw)).toEqual({ ok: true, key, display: key });
  });

  it.each([
    ['Z123456', 'a letter and 7 digits'],
    ['ZZ1234567', 'a letter and 7 digits'],
    ['12345678', 'a letter and 7 digits'],
    ['Z****567', 'masked'],
    ['', 'empty'],
  ])('rejects %j: %s', (raw, reason) => rejects(normalisePassport(raw), reason));
});

describe('normaliseEpic', () => {
  it.each([
    ['ABC1234566', 'ABC1234566'],
    ['abc 123 4566', 'ABC1234566'],
    ['XYZ-0000018', 'XYZ0000018'],
  ])('reads %j as %s', (raw, key) => {
    expect(normaliseEpic(raw)).toEqual({ ok: true, key, display: key });
  });

  it.each([
    ['ABC1234567', 'check digit does not match (Luhn)'],
    ['AB12345678', '3 letters and 7 digits'],
    ['ABC123456', '3 letters and 7 digits'],
    ['ABC****566', 'masked'],
    ['', 'empty'],
  ])('rejects %j: %s', (raw, reason) => rejects(normaliseEpic(raw), reason));

  it('is idempotent for every valid EPIC', () => {
    const epic = fc
      .tuple(fc.stringMatching(/^[A-Z]{3}$/), fc.stringMatching(/^\d{6}$/))
      .map(([fusn, serial]) =>
        [...'0123456789'].map((d) => fusn + serial + d).find((e) => epicValidator.validate(e).isValid),
      )
      .filter((e): e is string => e !== undefined);
    fc.assert(
      fc.property(epic, (e) => {
        const first = normaliseEpic(e.toLowerCase());
        expect(first).toMatchObject({ ok: true, key: e });
        expect(normaliseEpic(e)).toEqual(first);
      }),
    );
  });
});

describe('normaliseDrivingLicence', () => {
  it.each([
    ['MH12 20110012345', 'MH1220110012345', 'MH12 20110012345'],
    ['mh-12-2011-0012345', 'MH1220110012345', 'MH12 20110012345'],
    ['DL-0420110149646', 'DL0420110149646', 'DL04 20110149646'],
    ['KA01 1995 000123', 'KA011995000123', 'KA011995000123'],
    ['TN/07/2009/0001234', 'TN0720090001234', 'TN07 20090001234'],
    ['UP14 R 2010 123456', 'UP14R2010123456', 'UP14R2010123456'],
  ])('reads %j as %s', (raw, key, display) => {
    expect(normaliseDrivingLicence(raw)).toEqual({
      ok: true,
      key,
      display,
      props: { state: key.slice(0, 2) },
    });
  });

  it.each([
    ['1220110012345', 'starts with its state code'],
    ['ZZ1220110012345', 'ZZ is not an Indian state'],
    ['MH12201100', '13 to 16'],
    ['MH122011001234567', 'this has 17'],
    ['MH12 2011 ****345', 'masked'],
    ['MH12#20110012345', 'only letters and digits'],
    ['', 'empty'],
  ])('rejects %j: %s', (raw, reason) => rejects(normaliseDrivingLicence(raw), reason));

  it('is idempotent', () => {
    const licence = fc
      .tuple(
        fc.constantFrom('MH', 'DL', 'KA', 'WB', 'TS', 'OD'),
        fc.stringMatching(/^\d{2}$/),
        fc.stringMatching(/^\d{11}$/),
      )
      .map(([state, rto, rest]) => `${state}-${rto} ${rest}`);
    fc.assert(
      fc.property(licence, (raw) => {
        const first = normaliseDrivingLicence(raw);
        if (!first.ok) throw new Error(first.reason);
        expect(normaliseDrivingLicence(first.key)).toEqual(first);
        expect(normaliseDrivingLicence(first.display)).toEqual(first);
      }),
    );
  });
});
