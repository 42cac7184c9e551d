/**
 * A ring's lodge registers, one per lodge its stays were in (ring.stays): each entry as the guest wrote
 * it — name, age, gender, nationality, the document shown, often a number, the room and the times — and,
 * for the foreigners among them, the Form C returns the lodge filed. Guests are records of the register's
 * own (guests.ts); the phone or document they give is what ties them to the persons FIRs and subscriber
 * records name.
 */
import { slug } from '../places.js';
import type { Rng } from '../rng.js';
import { formCText, registerText, type FormCRow, type RegisterRow } from '../files/register-layouts.js';
import { DAY, isoDate, YEAR } from '../time.js';
import type { CaseP, HotelP, RingPlan, Stay } from '../world/ring-plan.js';
import type { Ent } from '../world/types.js';
import { formCRow, registerRow, type Guest } from './register-rows.js';
import { grade, spell } from './style.js';
import type { BatchWriter, MakeWriter } from './writer.js';

/** Rows above the first entry: the hotel line, a title and the header. */
const FIRST_ROW = 4;

function guest(s: Stay, rng: Rng): Guest {
  const p = s.person;
  // Customers give the number they booked with; a victim gives hers, when she has one, most times.
  const phone = p.phones[0] && (p.role === 'customer' || rng.chance(0.7)) ? p.phones[0].ent : undefined;
  return {
    name: p.name.full,
    age: p.age,
    gender: p.gender,
    nationality: p.nationality,
    ...(p.idDoc ? { idDoc: p.idDoc } : {}),
    ...(phone ? { phone } : {}),
    room: String(100 * rng.int(1, 3) + rng.int(1, 12)),
    t: s.t,
    end: s.end,
    ...(p.arrivedInIndia !== undefined ? { arrivedInIndia: isoDate(p.arrivedInIndia) } : {}),
  };
}

export function* registerDocs(
  ring: RingPlan,
  caseOf: (h: HotelP) => CaseP,
  tag: (c: CaseP) => string,
  make: MakeWriter,
  rng: Rng,
): Generator<BatchWriter> {
  const main = ring.cases.find((c) => c.kind === 'destination') as CaseP;
  const hotels = [...new Set([...ring.hotels, ...ring.stays.map((s) => s.hotel)])];
  for (const h of hotels) {
    const entries = ring.stays.filter((s) => s.hotel === h).sort((a, b) => a.t - b.t || a.end - b.end);
    if (!entries.length) continue;
    const c = ring.hotels.includes(h) ? caseOf(h) : main;
    const hotelText = h.ent.text;
    const w = make(
      {
        name: `register-${slug(h.name)}-${slug(h.place.city)}-${tag(c)}.csv`,
        type: 'hotel-register',
        grading: grade(rng, ['C2', 'B2', 'C3']),
        case: c.key,
        receivedFrom: `${h.name}, ${h.place.city} (seized)`,
      },
      spell({ phone: () => (rng.chance(0.5) ? 'bare' : 'spaced') }),
    );
    const rows: RegisterRow[] = [];
    const foreign: Guest[] = [];
    entries.forEach((s, k) => {
      const g = guest(s, rng);
      rows.push(registerRow(w, h.ent, g, `row ${FIRST_ROW + k}`).row);
      if (s.person.nationality !== 'Indian') foreign.push(g);
    });
    w.file = () => ({
      name: w.meta.name,
      text: registerText(hotelText, rows),
      template: 'hotel-register',
      type: 'hotel-register',
      case: c.key,
    });
    yield w;
    if (foreign.length) yield formC(h, c, foreign, tag, make, rng);
  }
}

/** The Form C returns of a lodge's foreign guests, as the FRRO holds them. */
function formC(
  h: HotelP,
  c: CaseP,
  guests: Guest[],
  tag: (c: CaseP) => string,
  make: MakeWriter,
  rng: Rng,
): BatchWriter {
  const w = make({
    name: `form-c-${slug(h.name)}-${slug(h.place.city)}-${tag(c)}.csv`,
    type: 'hotel-register',
    grading: grade(rng, ['A2', 'B2']),
    case: c.key,
    receivedFrom: 'FRRO (Form C returns)',
  });
  const issued = new Map<string, string>();
  const rows: FormCRow[] = guests.map((g, k) => {
    const passport = g.idDoc as Ent;
    // One passport, one issue date, however many stays it is shown for.
    let on = issued.get(passport.id);
    if (on === undefined)
      issued.set(
        passport.id,
        (on = isoDate(rng.int(0, 300) * DAY).replace(String(YEAR), String(YEAR - rng.int(1, 8)))),
      );
    return formCRow(
      w,
      h.ent,
      g,
      {
        passportIssued: on,
        passportPlace: 'Kathmandu',
        addressInIndia: `${h.name}, ${String(h.ent.props.address ?? h.place.city)}`,
      },
      `row ${FIRST_ROW + k}`,
    );
  });
  w.file = () => ({
    name: w.meta.name,
    text: formCText(h.ent.text, rows),
    template: 'hotel-register',
    type: 'hotel-register',
    case: c.key,
  });
  return w;
}
