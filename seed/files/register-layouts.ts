/**
 * A lodge's guest register and the Form C returns for its foreign guests (INDIA.md §3), as files: the
 * hotel named above the table, then one row per stay. No national column list exists, so the register's
 * columns are the ones registers commonly keep, foreigners' register items among them; Form C's are the
 * fields INDIA.md lists. Every value comes from the caller; nothing here is real.
 */

export interface RegisterRow {
  name: string;
  age?: number;
  gender?: 'male' | 'female';
  /** YYYY-MM-DD. */
  dob?: string;
  nationality: string;
  idType?: string;
  /** As the guest's document writes it. */
  idNumber?: string;
  phone?: string;
  room?: string;
  /** Check-in and check-out, to the minute: "15/04/2026", "22:12". */
  checkIn: { date: string; time: string };
  checkOut?: { date: string; time: string };
  /** A foreigner's register items (and Form C's). */
  passport?: string;
  arrivedInIndia?: string;
}

export interface FormCRow extends RegisterRow {
  passport: string;
  passportIssued: string;
  passportPlace: string;
  addressInIndia: string;
}

const REGISTER: readonly string[] = [
  'Guest Name',
  'Age',
  'Gender',
  'Date of Birth',
  'Nationality',
  'Address',
  'ID Type',
  'ID Number',
  'Mobile',
  'Room',
  'Check-in Date',
  'Check-in Time',
  'Check-out Date',
  'Check-out Time',
  'Companions',
  'Passport No',
  'Visa No',
  'Date of Arrival in India',
];

const FORM_C: readonly string[] = [
  'Name',
  'Gender',
  'Nationality',
  'Passport No',
  'Passport Date of Issue',
  'Passport Place of Issue',
  'Visa No',
  'Date of Arrival in India',
  'Date of Arrival in Hotel',
  'Time of Arrival in Hotel',
  'Date of Departure',
  'Time of Departure',
  'Address in India',
];

/** "2026-04-15" → "15/04/2026", as registers write dates. */
export const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const gender = (g: RegisterRow['gender']) => (g === 'male' ? 'M' : g === 'female' ? 'F' : '');

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function text(banner: readonly string[], header: readonly string[], rows: string[][]): string {
  return (
    [...banner, header, ...rows]
      .map((r) => (typeof r === 'string' ? csvField(r) : r.map(csvField).join(',')))
      .join('\r\n') + '\r\n'
  );
}

/** "Hotel : Name, City" — the line the importer takes the hotel from. */
const hotelLine = (hotel: string) => `Hotel : ${hotel}`;

export function registerText(hotel: string, rows: readonly RegisterRow[]): string {
  return text(
    [hotelLine(hotel), 'Register of guests'],
    REGISTER,
    rows.map((r) => [
      r.name,
      r.age === undefined ? '' : String(r.age),
      gender(r.gender),
      r.dob ? dmy(r.dob) : '',
      r.nationality,
      '',
      r.idType ?? '',
      r.idNumber ?? '',
      r.phone ?? '',
      r.room ?? '',
      r.checkIn.date,
      r.checkIn.time,
      r.checkOut?.date ?? '',
      r.checkOut?.time ?? '',
      '',
      r.passport ?? '',
      '',
      r.arrivedInIndia ? dmy(r.arrivedInIndia) : '',
    ]),
  );
}

export function formCText(hotel: string, rows: readonly FormCRow[]): string {
  return text(
    [hotelLine(hotel), 'Form C: arrival of foreigners'],
    FORM_C,
    rows.map((r) => [
      r.name,
      gender(r.gender),
      r.nationality,
      r.passport,
      dmy(r.passportIssued),
      r.passportPlace,
      '',
      r.arrivedInIndia ? dmy(r.arrivedInIndia) : '',
      r.checkIn.date,
      r.checkIn.time,
      r.checkOut?.date ?? '',
      r.checkOut?.time ?? '',
      r.addressInIndia,
    ]),
  );
}
