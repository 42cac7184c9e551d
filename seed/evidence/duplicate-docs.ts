/**
 * The records that carry the planted duplicates (world/duplicates.ts). Lodge registers hold most of them,
 * a guest a row: the name as the guest wrote it, the number or PAN they gave, a birth date where the
 * register asks for one; each register is a lodge of its own, of eight rows, and no two rows of one PAN
 * share a register (one document in one lodge is one guest, as the importer reads it). A UPI id is no
 * column of a register: those records are a booking platform's customers, each with the UPI id they paid from.
 */
import { hotelText } from '../identifiers.js';
import { hotelName } from '../names.js';
import { slug } from '../places.js';
import type { Rng } from '../rng.js';
import { registerText, type RegisterRow } from '../files/register-layouts.js';
import { DAY, HOUR } from '../time.js';
import type { WorldCtx } from '../world/context.js';
import type { DuplicatePlanner, DuplicateRecord } from '../world/duplicates.js';
import { ent, type Ent } from '../world/types.js';
import { registerRow } from './register-rows.js';
import type { BatchWriter, MakeWriter } from './writer.js';

const ROWS_PER_REGISTER = 8;
/** Rows above the first entry: the hotel line, a title and the header. */
const FIRST_ROW = 4;

function lodge(ctx: WorldCtx, rng: Rng, city: string): Ent {
  for (;;) {
    const name = hotelName(rng);
    const e = ent('hotel', 'hotel', hotelText(name, city), { name, city }, true);
    if (ctx.hotelKeys.has(e.id)) continue;
    ctx.hotelKeys.add(e.id);
    return e;
  }
}

interface Placed {
  r: DuplicateRecord;
  city: string;
}

/** Registers of at most eight rows, filled in order, a row going to the first that does not hold its PAN. */
function registers(rows: readonly Placed[]): Placed[][] {
  const out: Placed[][] = [];
  for (const p of rows) {
    const pan = p.r.holds?.kind === 'id-document' ? p.r.holds.id : undefined;
    const fits = (reg: Placed[]) =>
      reg.length < ROWS_PER_REGISTER && (pan === undefined || !reg.some((q) => q.r.holds?.id === pan));
    const reg = out.find(fits);
    if (reg) reg.push(p);
    else out.push([p]);
  }
  return out;
}

export function* duplicateDocs(
  plan: DuplicatePlanner,
  ctx: WorldCtx,
  make: MakeWriter,
  rng: Rng,
): Generator<{ writer: BatchWriter; hotel?: Ent }> {
  const all: Placed[] = [
    ...plan.clusters.flatMap((c) => c.records.map((r) => ({ r, city: c.original.place.city }))),
    ...plan.lookAlikes.map((l) => ({ r: l.record, city: l.of.place.city })),
  ];
  for (const chunk of registers(all.filter((p) => p.r.source === 'register'))) {
    const hotel = lodge(ctx, rng, chunk[0]!.city);
    const name = String(hotel.props.name);
    const w = make({
      name: `register-${slug(name)}-${slug(String(hotel.props.city))}.csv`,
      type: 'hotel-register',
      grading: { source: 'C', information: '2' },
      receivedFrom: `${name}, ${String(hotel.props.city)} (guest verification drive)`,
    });
    const rows: RegisterRow[] = chunk.map(({ r }, k) => {
      const t = rng.int(10, 300) * DAY + rng.int(11, 22) * HOUR;
      const { record, row } = registerRow(
        w,
        hotel,
        {
          name: r.name,
          age: r.age,
          gender: r.gender,
          nationality: 'Indian',
          ...(r.dob ? { dob: r.dob } : {}),
          ...(r.holds?.kind === 'id-document' ? { idDoc: r.holds } : {}),
          ...(r.uses ? { phone: r.uses } : {}),
          room: String(rng.int(1, 24)),
          t,
          end: t + DAY,
        },
        `row ${FIRST_ROW + k}`,
        true,
      );
      r.person = record;
      return row;
    });
    w.file = () => ({
      name: w.meta.name,
      text: registerText(hotel.text, rows),
      template: 'hotel-register',
      type: 'hotel-register',
    });
    yield { writer: w, hotel };
  }

  const bookings = all.filter((p) => p.r.source === 'booking');
  if (!bookings.length) return;
  const w = make({
    name: 'booking-platform-customers.csv',
    type: 'other',
    grading: { source: 'B', information: '2' },
    receivedFrom: 'Online lodge booking platform (nodal officer)',
  });
  bookings.forEach(({ r }, k) => {
    const ref = `row ${k + 2}`;
    const person = r.person as Ent;
    w.entity(person, ref, { name: r.name, gender: r.gender, age: r.age });
    if (r.holds) w.link('holds', person, r.holds, ref);
  });
  yield { writer: w };
}
