/**
 * The lodge registers that carry the planted duplicates (world/duplicates.ts): one guest per row, with
 * the name as the guest wrote it, the number, UPI id or PAN they gave, and a birth date where the
 * register asks for one. A register holds eight guests' rows; each is a lodge of its own.
 */
import { hotelText } from '../identifiers.js';
import { hotelName } from '../names.js';
import { slug } from '../places.js';
import type { Rng } from '../rng.js';
import { DAY, HOUR, YEAR_SECONDS } from '../time.js';
import type { WorldCtx } from '../world/context.js';
import type { DuplicatePlanner, DuplicateRecord } from '../world/duplicates.js';
import { ent, type Ent } from '../world/types.js';
import type { BatchWriter } from './writer.js';
import type { MakeWriter } from './ring-docs.js';

const ROWS_PER_REGISTER = 8;

function lodge(ctx: WorldCtx, rng: Rng, city: string): Ent {
  for (;;) {
    const name = hotelName(rng);
    const e = ent('hotel', 'hotel', hotelText(name, city), { name, city }, true);
    if (ctx.hotelKeys.has(e.id)) continue;
    ctx.hotelKeys.add(e.id);
    return e;
  }
}

function row(w: BatchWriter, rng: Rng, hotel: Ent, r: DuplicateRecord, n: number): void {
  const ref = `row ${n}`;
  const props: Ent['props'] = { name: r.name };
  for (const k of ['gender', 'age'] as const)
    if (r.person.props[k] !== undefined) props[k] = r.person.props[k];
  if (r.dob) props.dob = r.dob;
  w.entity(r.person, ref, props);
  const t = rng.int(10, 300) * DAY + rng.int(11, 22) * HOUR;
  w.link('stayed-at', r.person, hotel, ref, { occ: { t, end: Math.min(YEAR_SECONDS - 1, t + DAY) } });
  if (r.uses) w.link('uses', r.person, r.uses, ref);
  if (r.holds) w.link('holds', r.person, r.holds, ref);
}

export function* duplicateDocs(
  plan: DuplicatePlanner,
  ctx: WorldCtx,
  make: MakeWriter,
  rng: Rng,
): Generator<{ writer: BatchWriter; hotel: Ent }> {
  const rows = [
    ...plan.clusters.flatMap((c) => c.records.map((r) => ({ r, city: c.original.place.city }))),
    ...plan.lookAlikes.map((l) => ({ r: l.record, city: l.of.place.city })),
  ];
  for (let start = 0; start < rows.length; start += ROWS_PER_REGISTER) {
    const chunk = rows.slice(start, start + ROWS_PER_REGISTER);
    const hotel = lodge(ctx, rng, chunk[0]!.city);
    const name = String(hotel.props.name);
    const w = make({
      name: `register-${slug(name)}-${slug(String(hotel.props.city))}.pdf`,
      type: 'hotel-register',
      grading: { source: 'C', information: '2' },
      receivedFrom: `${name}, ${String(hotel.props.city)} (guest verification drive)`,
    });
    chunk.forEach(({ r }, i) => row(w, rng, hotel, r, i + 2));
    yield { writer: w, hotel };
  }
}
