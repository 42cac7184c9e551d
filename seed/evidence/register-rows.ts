/**
 * One guest's row of a lodge register or of a Form C, written twice from the same values: into the batch
 * as the importer reads such a row (server/ingest/import/templates/hotel.ts) and into the file's row. What
 * a register cannot say — whom an FIR names — it does not say: the guest is a record of the register's own.
 */
import type { Props } from '../../server/domain/props.js';
import type { FormCRow, RegisterRow } from '../files/register-layouts.js';
import { isoDate, isoIst } from '../time.js';
import { guestKey } from '../world/guests.js';
import { ent, type Ent } from '../world/types.js';
import type { BatchWriter } from './writer.js';

export interface Guest {
  name: string;
  age?: number;
  gender?: 'male' | 'female';
  /** YYYY-MM-DD. */
  dob?: string;
  nationality: string;
  idDoc?: Ent;
  phone?: Ent;
  room?: string;
  /** Check-in and check-out, world seconds to the minute. */
  t: number;
  end: number;
  /** A foreigner's arrival in India, YYYY-MM-DD. */
  arrivedInIndia?: string;
}

const ID_TYPES: Readonly<Record<string, string>> = {
  epic: 'Voter ID',
  'driving-licence': 'Driving Licence',
  pan: 'PAN',
  passport: 'Passport',
};

const when = (t: number) => ({
  date: `${isoDate(t).slice(8, 10)}/${isoDate(t).slice(5, 7)}/${isoDate(t).slice(0, 4)}`,
  time: isoIst(t).slice(11, 16),
});

function defined(props: Record<string, string | number | undefined>): Props | undefined {
  const out: Props = {};
  for (const [k, v] of Object.entries(props)) if (v !== undefined) out[k] = v;
  return Object.keys(out).length ? out : undefined;
}

/** The guest record a register makes of a guest: keyed by the hotel and their document, or name and check-in. */
export function guestEnt(hotel: Ent, g: Guest, bg: boolean): Ent {
  return ent('person', 'person', guestKey(hotel, g.idDoc, g.name, g.t), {}, bg);
}

/** The hotel, the guest record with what this row says of them, and their stay. */
function entry(
  w: BatchWriter,
  hotel: Ent,
  g: Guest,
  ref: string,
  says: Record<string, string | number | undefined>,
  room: boolean,
  bg: boolean,
): Ent {
  const record = guestEnt(hotel, g, bg);
  w.entity(hotel, ref);
  w.entity(
    record,
    ref,
    defined({
      name: g.name,
      gender: g.gender,
      nationality: g.nationality,
      arrivedInIndia: g.arrivedInIndia,
      ...says,
    }),
  );
  w.link('stayed-at', record, hotel, ref, {
    occ: { t: g.t, end: g.end },
    ...(room && g.room ? { props: { room: g.room } } : {}),
  });
  return record;
}

/** A register row: the guest record, the stay, the document shown and the number given. */
export function registerRow(
  w: BatchWriter,
  hotel: Ent,
  g: Guest,
  ref: string,
  bg = false,
): { record: Ent; row: RegisterRow } {
  const record = entry(w, hotel, g, ref, { age: g.age, dob: g.dob }, true, bg);
  let idNumber: string | undefined;
  if (g.idDoc) {
    idNumber = w.entity(g.idDoc, ref).key;
    w.link('holds', record, g.idDoc, ref);
  }
  let phone: string | undefined;
  if (g.phone) {
    phone = w.entity(g.phone, ref).key;
    w.link('uses', record, g.phone, ref);
  }
  const row: RegisterRow = {
    name: g.name,
    nationality: g.nationality,
    checkIn: when(g.t),
    checkOut: when(g.end),
    ...(g.age !== undefined ? { age: g.age } : {}),
    ...(g.gender ? { gender: g.gender } : {}),
    ...(g.dob ? { dob: g.dob } : {}),
    ...(g.idDoc && idNumber ? { idType: ID_TYPES[g.idDoc.scheme] ?? g.idDoc.scheme, idNumber } : {}),
    ...(g.idDoc?.scheme === 'passport' && idNumber ? { passport: idNumber } : {}),
    ...(phone ? { phone } : {}),
    ...(g.room ? { room: g.room } : {}),
    ...(g.arrivedInIndia ? { arrivedInIndia: g.arrivedInIndia } : {}),
  };
  return { record, row };
}

export interface FormCItems {
  passportIssued: string;
  passportPlace: string;
  addressInIndia: string;
}

/** A Form C row of a foreign guest: their passport (with its issue), arrival in India and in the hotel. */
export function formCRow(w: BatchWriter, hotel: Ent, g: Guest, items: FormCItems, ref: string): FormCRow {
  const passport = g.idDoc as Ent;
  const record = entry(w, hotel, g, ref, { addressInIndia: items.addressInIndia }, false, false);
  const number = w.entity(passport, ref, {
    issuedOn: items.passportIssued,
    issuedAt: items.passportPlace,
  }).key;
  w.link('holds', record, passport, ref);
  return {
    name: g.name,
    nationality: g.nationality,
    checkIn: when(g.t),
    checkOut: when(g.end),
    passport: number,
    ...(g.gender ? { gender: g.gender } : {}),
    ...(g.arrivedInIndia ? { arrivedInIndia: g.arrivedInIndia } : {}),
    ...items,
  };
}
