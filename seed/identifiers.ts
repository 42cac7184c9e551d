/**
 * Synthetic identifiers that are valid in format by construction (INDIA.md §4): mobiles in the 7 and 9
 * series, IMEIs with their Luhn digit, IFSC + account number, UPI ids, PANs with the individual's P,
 * registration plates, dashed cell global ids and FIR keys. Each is a keyed bijection of an index
 * (permute.ts), so two indices never give one identifier and no identifier has to be remembered.
 *
 * The functions here return the canonical form (the key CaseGraph derives ids from); spelling.ts writes
 * the same identifier the way each kind of source does.
 */
import { permute } from './permute.js';
import type { Operator, Place } from './places.js';
import { NETWORK_CODES, PLACES } from './places.js';
import { mix32, type Rng } from './rng.js';

/** One key per identifier family, so two seeds give unrelated numbers. */
export interface IdKeys {
  phone: number;
  imei: number;
  person: number;
  account: number;
  upi: number;
  pan: number;
  vehicle: number;
  cell: number;
  ad: number;
  ip: number;
  email: number;
  handle: number;
  epic: number;
  licence: number;
  passport: number;
}

export function idKeys(rng: Rng): IdKeys {
  const k = (name: string) => rng.fork('id-key', name).uint32();
  return {
    phone: k('phone'),
    imei: k('imei'),
    person: k('person'),
    account: k('account'),
    upi: k('upi'),
    pan: k('pan'),
    vehicle: k('vehicle'),
    cell: k('cell'),
    ad: k('ad'),
    ip: k('ip'),
    email: k('email'),
    handle: k('handle'),
    epic: k('epic'),
    licence: k('licence'),
    passport: k('passport'),
  };
}

/**
 * Index spaces. Background people take indices from 0 up; the rings take theirs from RING_BASE up, so the
 * two never meet, while the permutation hides which is which from anyone reading the keys.
 */
export const SPACE = {
  person: { domain: 10_000_000, ringBase: 8_000_000 },
  // Two series of 10^9 numbers, less the few skipped as placeholder-like.
  phone: { domain: 1_999_999_990, ringBase: 1_500_000_000 },
  device: { domain: 16_000_000, ringBase: 12_000_000 },
  account: { domain: 10_000_000_000, ringBase: 9_000_000_000 },
  upi: { domain: 10_000_000, ringBase: 8_000_000 },
  cell: { domain: 900_000_000, ringBase: 800_000_000 },
} as const;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

// ---------------------------------------------------------------- persons

/** A person key as a source that numbers people would give it; "SYN" says it is synthetic. */
export function personKey(index: number, keys: IdKeys): string {
  return `SYN-P-${pad(permute(index, SPACE.person.domain, keys.person), 7)}`;
}

// ---------------------------------------------------------------- phones

/**
 * National numbers a naive check or libphonenumber-based normaliser treats as placeholders (9876543210,
 * 7777777777, 9999999999); they are skipped so that no synthetic subscriber looks like a blank cell.
 */
const SKIPPED: Readonly<Record<7 | 9, readonly number[]>> = {
  7: [777_777_777],
  9: [876_543_210, 999_999_999],
};

/** The E.164 mobile number of a phone index: even indices in the 7 series, odd in the 9 series. */
export function phoneE164(index: number, keys: IdKeys): string {
  const series = index % 2 === 0 ? 7 : 9;
  const skipped = SKIPPED[series];
  let n = permute(Math.floor(index / 2), 1_000_000_000 - skipped.length, keys.phone ^ series);
  for (const s of skipped) if (n >= s) n++;
  return `+91${series}${pad(n, 9)}`;
}

// ---------------------------------------------------------------- devices

/** Type allocation codes (8 digits) for the synthetic handsets; invented, in the 35/86 ranges GSMA allocates. */
const TACS = [
  '35391810',
  '35467209',
  '35884611',
  '35209477',
  '86412305',
  '86077114',
  '86891203',
  '35702952',
  '35118843',
  '86530027',
  '35966140',
  '86244518',
  '35650381',
  '86903366',
  '35427705',
  '86158890',
];

export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Doubling starts from the digit next to the check digit, i.e. the last one here.
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A 15-digit IMEI: TAC + 6-digit serial + Luhn check digit. */
export function imei(index: number, keys: IdKeys): string {
  const tac = TACS[index % TACS.length] as string;
  const serial = permute(Math.floor(index / TACS.length), 1_000_000, keys.imei ^ (index % TACS.length));
  const base = tac + pad(serial, 6);
  return base + luhnCheckDigit(base);
}

// ---------------------------------------------------------------- bank accounts, UPI

export type BankCode = 'SBIN' | 'HDFC' | 'ICIC' | 'UTIB';

export const BANKS: Readonly<Record<BankCode, { name: string; digits: number }>> = {
  SBIN: { name: 'State Bank of India', digits: 11 },
  HDFC: { name: 'HDFC Bank', digits: 14 },
  ICIC: { name: 'ICICI Bank', digits: 12 },
  UTIB: { name: 'Axis Bank', digits: 15 },
};
export const BANK_CODES = Object.keys(BANKS) as BankCode[];

/** An IFSC: bank code, the fixed 0, and a six-digit branch code from a small pool per city. */
export function ifsc(bank: BankCode, place: Place, branch: number): string {
  const placeIndex = PLACES.indexOf(place);
  const code = 100_000 + (mix32(placeIndex, branch, bank.charCodeAt(0) * 31 + bank.charCodeAt(1)) % 900_000);
  return `${bank}0${pad(code, 6)}`;
}

export function accountNumber(bank: BankCode, index: number, keys: IdKeys): string {
  const n = permute(index, SPACE.account.domain, keys.account);
  // Leading digits vary by bank and are never all zeros, as printed numbers are.
  const lead = { SBIN: '3', HDFC: '50', ICIC: '0', UTIB: '91' }[bank];
  return (lead + pad(n, 10)).padStart(BANKS[bank].digits, '0').slice(-BANKS[bank].digits);
}

/** The canonical key of a bank account: "IFSC:ACCOUNT" (the form server/domain reads). */
export function bankKey(ifscCode: string, account: string): string {
  return `${ifscCode}:${account}`;
}

export const UPI_HANDLES = ['okhdfcbank', 'ybl', 'paytm', 'oksbi', 'okaxis', 'okicici'] as const;

export function upiId(nameSlug: string, index: number, keys: IdKeys, handle: string): string {
  return `${nameSlug}.${permute(index, SPACE.upi.domain, keys.upi)}@${handle}`;
}

/** UPI reference numbers (RRN) are 12 digits (INDIA.md §2). */
export function rrn(rng: Rng): string {
  return String(rng.int(1, 9)) + pad(rng.int(0, 99_999), 5) + pad(rng.int(0, 999_999), 6);
}

// ---------------------------------------------------------------- PAN, vehicles

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const PAN_DOMAIN = 26 * 26 * 26 * 9999;

/**
 * A PAN of an individual: three letters, P, the surname's initial, a serial 0001–9999 and a final letter.
 * The real check letter's algorithm is undocumented (INDIA.md §4), so it is a keyed hash here.
 */
export function pan(index: number, keys: IdKeys, surnameInitial: string): string {
  const n = permute(index, PAN_DOMAIN, keys.pan);
  const serial = (n % 9999) + 1;
  const l = Math.floor(n / 9999);
  const head = LETTERS[Math.floor(l / 676)]! + LETTERS[Math.floor(l / 26) % 26]! + LETTERS[l % 26]!;
  const initial = surnameInitial.toUpperCase();
  return `${head}P${initial}${pad(serial, 4)}${LETTERS[mix32(n, keys.pan) % 26]}`;
}

/** A voter id (EPIC, INDIA.md §4): three letters and six digits with their Luhn check digit, e.g. WKH1186253. */
export function epic(index: number, keys: IdKeys): string {
  const n = permute(index, 26 * 26 * 26 * 1_000_000, keys.epic);
  const l = Math.floor(n / 1_000_000);
  const digits = pad(n % 1_000_000, 6);
  return (
    LETTERS[Math.floor(l / 676)]! +
    LETTERS[Math.floor(l / 26) % 26]! +
    LETTERS[l % 26]! +
    digits +
    luhnCheckDigit(digits)
  );
}

/** A driving licence as Sarathi numbers it: state, RTO, year of issue and a seven-digit serial (15 characters). */
export function drivingLicence(place: Place, index: number, keys: IdKeys, year: number): string {
  const rto = place.rtos[index % place.rtos.length] as string;
  return `${place.stateCode}${rto}${year}${pad(permute(index, 10_000_000, keys.licence), 7)}`;
}

/**
 * A passport number: a letter and seven digits, the form INDIA.md §4 gives for Indian passports. Foreign
 * guests' passports (Form C) are written in the same form, the only one the importer reads.
 */
export function passportNumber(index: number, keys: IdKeys): string {
  const n = permute(index, 26 * 10_000_000, keys.passport);
  return LETTERS[Math.floor(n / 10_000_000)]! + pad(n % 10_000_000, 7);
}

/** A registration plate, compact (the key): state, RTO, two series letters, four-digit serial. */
export function vehicleReg(place: Place, index: number, keys: IdKeys): string {
  const n = permute(index, 676 * 9999, keys.vehicle);
  const rto = place.rtos[index % place.rtos.length] as string;
  const series = LETTERS[Math.floor(n / 9999 / 26) % 26]! + LETTERS[Math.floor(n / 9999) % 26]!;
  return `${place.stateCode}${rto}${series}${pad((n % 9999) + 1, 4)}`;
}

// ---------------------------------------------------------------- cells, IPs

/** A cell global id in the dashed MCC-MNC-LAC-CI form Airtel and BSNL print. */
export function cellId(operator: Operator, place: Place, index: number, keys: IdKeys): string {
  const codes = NETWORK_CODES[operator];
  const placeIndex = PLACES.indexOf(place);
  const network = codes[placeIndex % codes.length] as string;
  const lac = 1000 + (mix32(placeIndex, operator.length, keys.cell) % 9000);
  const ci = 100_000_000 + permute(index, SPACE.cell.domain, keys.cell);
  return `${network}-${lac}-${ci}`;
}

/**
 * An IPv6 address in the documentation prefix 2001:db8::/32 (RFC 3849): public-looking, yet owned by no
 * one. Every group is non-zero, so the canonical text (RFC 5952) is simply the eight groups.
 */
export function ipv6(index: number, keys: IdKeys): string {
  const n = permute(index, 0xffff * 0xffff, keys.ip);
  const groups = [0x2001, 0xdb8, 1 + Math.floor(n / 0xffff), 1 + (n % 0xffff)];
  for (let g = 0; g < 4; g++) groups.push(1 + (mix32(n, keys.ip, g) % 0xffff));
  return groups.map((g) => g.toString(16)).join(':');
}

// ---------------------------------------------------------------- online accounts, ads

/** Emails in the reserved example.in domain (`user0142@example.in`). */
export function email(index: number, keys: IdKeys): string {
  return `user${pad(permute(index, 10_000_000, keys.email), 7)}@example.in`;
}

export const HANDLE_PLATFORMS = ['telegram', 'instagram', 'classifieds'] as const;

/** A platform handle, canonical "platform:handle". */
export function handle(platform: string, nameSlug: string, index: number, keys: IdKeys): string {
  return `${platform}:${nameSlug}_${pad(permute(index, 1_000_000, keys.handle), 6)}`;
}

/** An ad's address on an invented classifieds site under the reserved .example domain. */
export function adUrl(citySlug: string, index: number, keys: IdKeys): string {
  return `https://classifieds.example/${citySlug}/ad-${pad(permute(index, 100_000_000, keys.ad), 8)}`;
}

// ---------------------------------------------------------------- hotels, cases

/** How a hotel is written: "Name, City" (the domain folds it to "name|city"). */
export function hotelText(name: string, city: string): string {
  return `${name}, ${city}`;
}

/** An FIR key: state / district / police station / serial / year. */
export function firKey(place: Place, station: string, serial: number, year: number): string {
  return `${place.stateCode}/${place.district}/${station}/${pad(serial, 4)}/${year}`;
}
