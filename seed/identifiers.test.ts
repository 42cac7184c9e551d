import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accountNumber,
  adUrl,
  bankKey,
  BANK_CODES,
  BANKS,
  cellId,
  drivingLicence,
  email,
  epic,
  firKey,
  handle,
  idKeys,
  ifsc,
  imei,
  ipv6,
  luhnCheckDigit,
  pan,
  passportNumber,
  personKey,
  phoneE164,
  SPACE,
  upiId,
  vehicleReg,
} from './identifiers.js';
import { isSyntheticName, personName } from './names.js';
import { OPERATORS, PLACES } from './places.js';
import { rngFor } from './rng.js';
import { canonicalKey, PHONE_FORMS, writeImei, writePhone, writeVehicle } from './spelling.js';

const keys = idKeys(rngFor('identifiers-test'));
const place = PLACES[0]!;

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

describe('phones', () => {
  it('are Indian mobiles in the 7 and 9 series, distinct for distinct indices', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const p = phoneE164(i, keys);
      expect(p).toMatch(/^\+91[79]\d{9}$/);
      seen.add(p);
    }
    expect(seen.size).toBe(20_000);
  });

  it('read back to E.164 from every form CDRs, registers and extractions use', () => {
    const e = '+919820123456';
    expect(PHONE_FORMS.map((f) => writePhone(e, f))).toEqual([
      '+919820123456',
      '9820123456',
      '919820123456',
      '09820123456',
      "'9820123456",
      '+91 98201 23456',
    ]);
    fc.assert(
      fc.property(fc.nat(SPACE.phone.domain - 1), fc.constantFrom(...PHONE_FORMS), (i, form) => {
        const p = phoneE164(i, keys);
        return canonicalKey('phone', 'phone', writePhone(p, form)) === p;
      }),
    );
  });
});

describe('IMEIs', () => {
  it('carry a correct Luhn check digit', () => {
    expect(luhnCheckDigit('49015420323751')).toBe(8); // the textbook IMEI 490154203237518
    for (let i = 0; i < 2000; i++) {
      const x = imei(i, keys);
      expect(x).toMatch(/^\d{15}$/);
      expect(luhnValid(x)).toBe(true);
    }
  });

  it('are written as the 14-digit base + 0 the way CDRs print them, and read back', () => {
    fc.assert(
      fc.property(fc.nat(15_999_999), (i) => {
        const x = imei(i, keys);
        const cdr = writeImei(x, 'zero-check');
        return cdr.length === 15 && cdr.endsWith('0') && canonicalKey('device', 'imei', cdr) === x;
      }),
    );
  });
});

describe('bank accounts and UPI', () => {
  it('use IFSCs of SBIN/HDFC/ICIC/UTIB with the fixed 0, and numbers of each bank’s length', () => {
    for (const bank of BANK_CODES) {
      const code = ifsc(bank, place, 2);
      expect(code).toMatch(new RegExp(`^${bank}0\\d{6}$`));
      const n = accountNumber(bank, 12345, keys);
      expect(n).toHaveLength(BANKS[bank].digits);
      expect(bankKey(code, n)).toBe(`${code}:${n}`);
    }
  });

  it('make UPI ids of the name.number@handle form', () => {
    expect(upiId('zorix', 42, keys, 'okhdfcbank')).toMatch(/^zorix\.\d+@okhdfcbank$/);
    expect(new Set(Array.from({ length: 1000 }, (_, i) => upiId('a', i, keys, 'ybl'))).size).toBe(1000);
  });
});

describe('documents, plates, cells and keys', () => {
  it('make PANs of an individual with the surname initial in fifth place', () => {
    for (let i = 0; i < 500; i++) {
      const p = pan(i, keys, 'Q');
      expect(p).toMatch(/^[A-Z]{3}PQ\d{4}[A-Z]$/);
      expect(p.slice(5, 9)).not.toBe('0000');
    }
  });

  it('make the documents lodge guests show: voter ids with their Luhn digit, licences, passports', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const v = epic(i, keys);
      expect(v).toMatch(/^[A-Z]{3}\d{7}$/);
      expect(luhnValid(v.slice(3)), v).toBe(true);
      const d = drivingLicence(place, i, keys, 2015);
      expect(d).toMatch(new RegExp(`^${place.stateCode}(${place.rtos.join('|')})2015\\d{7}$`));
      const p = passportNumber(i, keys);
      expect(p).toMatch(/^[A-Z]\d{7}$/);
      for (const x of [v, d, p]) seen.add(x);
    }
    expect(seen.size).toBe(6000);
  });

  it('make plates of SS NN XX NNNN that read back from spaced and dashed forms', () => {
    for (const pl of PLACES) {
      const v = vehicleReg(pl, 7, keys);
      expect(v).toMatch(new RegExp(`^${pl.stateCode}\\d{2}[A-Z]{2}\\d{4}$`));
      expect(writeVehicle(v, 'spaced')).toMatch(/^[A-Z]{2} \d{2} [A-Z]{2} \d{4}$/);
      for (const form of ['spaced', 'dashed', 'compact'] as const)
        expect(canonicalKey('vehicle', 'vehicle', writeVehicle(v, form))).toBe(v);
    }
  });

  it('make dashed cell ids, FIR keys, documentation IPs, example.in emails, handles and ads', () => {
    for (const op of OPERATORS) expect(cellId(op, place, 3, keys)).toMatch(/^40[45]-\d{2,3}-\d{4}-\d{9}$/);
    expect(firKey(place, 'Kamathipura PS', 123, 2026)).toBe('MH/Mumbai City/Kamathipura PS/0123/2026');
    expect(canonicalKey('case', 'fir', 'MH / Mumbai City/Kamathipura PS/0123/2026')).toBe(
      'MH/MUMBAI CITY/KAMATHIPURA PS/0123/2026',
    );
    const ip = ipv6(5, keys);
    expect(ip).toMatch(/^2001:db8(:[1-9a-f][0-9a-f]{0,3}){6}$/);
    expect(email(142, keys)).toMatch(/^user\d{7}@example\.in$/);
    expect(canonicalKey('account', 'handle', handle('telegram', 'zorix', 1, keys).replace(':', ':@'))).toBe(
      handle('telegram', 'zorix', 1, keys),
    );
    expect(adUrl('mumbai', 1, keys)).toMatch(/^https:\/\/classifieds\.example\/mumbai\/ad-\d{8}$/);
    expect(personKey(1, keys)).toMatch(/^SYN-P-\d{7}$/);
    expect(canonicalKey('hotel', 'hotel', 'Hotel Zorane Lodge, Mumbai')).toBe('hotel zorane lodge|mumbai');
  });
});

describe('names', () => {
  it('are invented, never drawn from a list of real names', () => {
    const rng = rngFor('names');
    for (let i = 0; i < 500; i++) expect(isSyntheticName(personName(rng).full)).toBe(true);
    for (const real of ['Priya Sharma', 'Rahul Kumar', 'Anita Das', 'Mohammed Khan'])
      expect(isSyntheticName(real)).toBe(false);
  });
});
