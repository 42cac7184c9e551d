/**
 * Hotel and lodge guest registers (INDIA.md §3): one row, one stay — the guest, age, gender, date of birth,
 * nationality, address, ID document, phone, room, check-in and check-out, companions — and for a foreigner
 * the Form C items (passport with its date and place of issue, visa, arrival in India, address in India).
 * A Form C file reads with the same template: its "arrival in hotel" is the check-in. No national column
 * list exists, so the headers are the ones registers commonly use.
 *
 * The guest is keyed by the register's own identifier of them: the ID document when given (the same
 * document in the same hotel is the same guest), otherwise their name and check-in — one entry of the
 * hotel's register, whichever copy or volume of it the file is. Two guests become one person only by a
 * user's decision. The hotel comes from the lines above the table or the import's `hotel` setting.
 */
import type { Scheme } from '../../../domain/kinds.js';
import { isoIst, parseDateTime } from '../dates.js';
import { props, RowProblem, type Ref, type RowEmitter, type RowView } from '../row-view.js';
import { fields, type MapContext, type Template } from './types.js';

const ID_SCHEMES: [RegExp, Scheme][] = [
  [/pan/i, 'pan'],
  [/passport/i, 'passport'],
  [/voter|epic/i, 'epic'],
  [/driving|licen[cs]e|\bdl\b/i, 'driving-licence'],
  [/aadh?aar|uid/i, 'aadhaar'],
];

function when(row: RowView, ctx: MapContext, date: string, time: string): number | undefined {
  const text = row.text(date);
  if (text === '') return undefined;
  const at = parseDateTime(text, row.text(time), ctx.dateOrder[date] ?? 'dmy');
  if (at === undefined)
    throw new RowProblem(date, `${JSON.stringify(text)} is not a date (DD/MM/YYYY, DD-MM-YY, DD-Mon-YYYY)`);
  return at;
}

/** A calendar date (a birth, an arrival in India, a passport's issue) as YYYY-MM-DD. */
function day(row: RowView, ctx: MapContext, field: string): string | undefined {
  const at = when(row, ctx, field, '');
  return at === undefined ? undefined : isoIst(at).slice(0, 10);
}

function mapGuestRow(row: RowView, emit: RowEmitter, ctx: MapContext): void {
  const hotel = emit.key('hotel', 'hotel', ctx.meta.hotel ?? '', 'guest')!;
  const name = row.required('guest', 'the guest name');
  const checkIn = when(row, ctx, 'checkIn', 'checkInTime');
  if (checkIn === undefined) throw new RowProblem('checkIn', 'the check-in date is empty');
  const checkOut = when(row, ctx, 'checkOut', 'checkOutTime');
  if (checkOut !== undefined && checkOut < checkIn)
    throw new RowProblem('checkOut', 'check-out is before check-in');
  const stay = { at: isoIst(checkIn), ...(checkOut !== undefined ? { endAt: isoIst(checkOut) } : {}) };
  // An entry without a document is the guest of that name who checked in then: a row number would name
  // another guest in another copy or volume of the same hotel's register.
  const entry = (who: string) => `${hotel.key} / ${who} / in ${stay.at}`;
  const idType = row.text('idType');
  const idNumber = row.text('idNumber') || row.text('passport');
  let document: Ref | undefined;
  if (idNumber) {
    const scheme =
      row.text('passport') && !row.text('idNumber')
        ? 'passport'
        : ID_SCHEMES.find(([re]) => re.test(idType))?.[1];
    if (!scheme)
      throw new RowProblem(
        'idType',
        `${JSON.stringify(idType)} is not an ID document type (PAN, passport, voter ID, driving licence, Aadhaar)`,
      );
    document = emit.key('id-document', scheme, idNumber, row.text('idNumber') ? 'idNumber' : 'passport');
  }
  const guestKey = document ? `${hotel.key} / ${document.scheme} ${document.key.slice(0, 24)}` : entry(name);
  const ageText = row.text('age');
  const age = ageText === '' ? undefined : Number(ageText);
  if (age !== undefined && !(Number.isInteger(age) && age >= 0 && age <= 120))
    throw new RowProblem('age', `${JSON.stringify(ageText)} is not an age`);
  const gender = row.text('gender').toLowerCase();
  const guest = emit.key('person', 'person', guestKey, 'guest')!;
  emit.entity(
    guest,
    props({
      name,
      age,
      gender: /^(m|male)$/.test(gender)
        ? 'male'
        : /^(f|female)$/.test(gender)
          ? 'female'
          : gender
            ? 'other'
            : undefined,
      dob: day(row, ctx, 'dob'),
      nationality: row.text('nationality') || undefined,
      visa: row.text('visa') || undefined,
      arrivedInIndia: day(row, ctx, 'arrivedInIndia'),
      addressInIndia: row.text('addressInIndia') || undefined,
    }),
  );
  emit.link('stayed-at', guest, hotel, stay, props({ room: row.text('room') || undefined }));
  if (document) {
    if (document.scheme === 'passport')
      emit.entity(
        document,
        props({
          issuedOn: day(row, ctx, 'passportIssued'),
          issuedAt: row.text('passportPlace') || undefined,
        }),
      );
    emit.link('holds', guest, document);
  }
  const phone = emit.key('phone', undefined, row.text('phone'), 'phone', true);
  if (phone) emit.link('uses', guest, phone);
  const address = emit.key('location', 'address', row.text('address'), 'address', true);
  if (address) emit.link('located-at', guest, address);
  row
    .text('companions')
    .split(/[;,/]|\band\b/)
    .map((c) => c.trim())
    .filter(Boolean)
    .forEach((c) => {
      const companion = emit.key('person', 'person', entry(c), 'companions')!;
      emit.entity(companion, { name: c });
      emit.link('associate-of', guest, companion, undefined, { relation: 'companion' });
      emit.link('stayed-at', companion, hotel, stay);
    });
}

export function readRegisterBanner(lines: readonly string[]): Record<string, string> {
  const text = lines.join('\n');
  const name = /(?:Hotel|Lodge|Guest\s*House|Establishment)(?:\s*Name)?\s*[:-]\s*([^\n]+)/i
    .exec(text)?.[1]
    ?.trim();
  return name ? { hotel: name.replace(/\s*,\s*$/, '') } : {};
}

export const HOTEL_REGISTER: Template = {
  id: 'hotel-register',
  label: 'Hotel / lodge guest register (with Form C)',
  documentType: 'hotel-register',
  fields: fields({
    guest: { synonyms: ['Guest Name', 'Name of Guest', 'Name', 'Guest'], required: true },
    age: { synonyms: ['Age'] },
    gender: { synonyms: ['Gender', 'Sex'] },
    dob: { synonyms: ['Date of Birth', 'DOB', 'Birth Date'], date: true },
    nationality: { synonyms: ['Nationality'] },
    address: { synonyms: ['Address', 'Permanent Address', 'Home Address'] },
    idType: { synonyms: ['ID Type', 'ID Proof', 'ID Document', 'Identity Proof Type', 'Document Type'] },
    idNumber: { synonyms: ['ID Number', 'ID No', 'ID Proof Number', 'Document Number'] },
    passport: { synonyms: ['Passport No', 'Passport Number'] },
    passportIssued: {
      synonyms: ['Passport Date of Issue', 'Date of Issue of Passport', 'Passport Issue Date'],
      date: true,
    },
    passportPlace: {
      synonyms: ['Passport Place of Issue', 'Place of Issue of Passport', 'Passport Issue Place'],
    },
    visa: { synonyms: ['Visa No', 'Visa Number'] },
    arrivedInIndia: { synonyms: ['Date of Arrival in India', 'Arrival in India'], date: true },
    addressInIndia: { synonyms: ['Address in India'] },
    phone: { synonyms: ['Mobile', 'Mobile No', 'Phone', 'Contact No', 'Contact Number'] },
    room: { synonyms: ['Room', 'Room No', 'Room Number'] },
    checkIn: {
      synonyms: [
        'Check-in',
        'Check In Date',
        'Arrival Date',
        'Date of Arrival',
        'Check-in Date',
        'Date of Arrival in Hotel',
      ],
      required: true,
      date: true,
    },
    checkInTime: {
      synonyms: ['Check-in Time', 'Arrival Time', 'Time of Arrival', 'Time of Arrival in Hotel'],
    },
    checkOut: {
      synonyms: ['Check-out', 'Check Out Date', 'Departure Date', 'Date of Departure', 'Check-out Date'],
      date: true,
    },
    checkOutTime: { synonyms: ['Check-out Time', 'Departure Time', 'Time of Departure'] },
    companions: { synonyms: ['Companions', 'Accompanied By', 'Other Guests', 'With'] },
  }),
  readBanner: readRegisterBanner,
  needs: {
    hotel:
      'the register does not say which hotel it is (no "Hotel:" line above the table): give it as hotel=Name, City',
  },
  map: mapGuestRow,
};
