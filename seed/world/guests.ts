/**
 * What a lodge register makes of a stay (INDIA.md §3): a guest record of its own, keyed as the importer
 * keys a register's guest (server/ingest/import/templates/hotel.ts) — by the hotel and the ID document
 * shown, or, for a guest who showed none, by the hotel, the name and the check-in. A register knows
 * nothing of an FIR's accused numbers: the guest record and the person an FIR or a subscriber record names
 * are one only when an officer decides so, which merge candidates offer where a phone or document ties them.
 */
import { isoIst } from '../time.js';
import type { Stay } from './ring-types.js';
import { ent, type Ent } from './types.js';

export function guestKey(hotel: Ent, doc: Ent | undefined, name: string, checkIn: number): string {
  return doc
    ? `${hotel.key} / ${doc.scheme} ${doc.key.slice(0, 24)}`
    : `${hotel.key} / ${name} / in ${isoIst(checkIn)}`;
}

/** The guest record of a ring's stay. */
export function guestRecord(s: Stay): Ent {
  const p = s.person;
  return ent('person', 'person', guestKey(s.hotel.ent, p.idDoc, p.name.full, s.t), {
    name: p.name.full,
    age: p.age,
    gender: p.gender,
    nationality: p.nationality,
  });
}
