/**
 * A neighbourhood's records, as a resource centre pooling bulk data holds them: subscriber details of its
 * numbers, one tower dump per cell (every call and SMS made through it, with IMEI), and NPCI's and the
 * banks' replies for its accounts (holders and transactions, payer and payee both named). None of it
 * belongs to a case: it is the haystack the rings hide in.
 */
import { slug } from '../places.js';
import type { Rng } from '../rng.js';
import { bgPhone, type BgPlan } from '../world/background.js';
import type { WorldCtx } from '../world/context.js';
import type { CallRow, Neighbourhood } from '../world/neighbourhood.js';
import type { Ent } from '../world/types.js';
import { CDR_IMEI, CDR_PHONE, grade, OPERATOR_NAMES, spell } from './style.js';
import type { BatchWriter, MakeWriter } from './writer.js';

export function* neighbourhoodDocs(
  plan: BgPlan,
  ctx: WorldCtx,
  nb: Neighbourhood,
  make: MakeWriter,
  rng: Rng,
): Generator<BatchWriter> {
  const first = nb.persons[0];
  if (!first) return;
  const place = first.place;
  const tag = `${slug(place.district)}-${String(nb.index + 1).padStart(4, '0')}`;

  const caf = make(
    {
      name: `subscriber-details-${tag}.csv`,
      type: 'other',
      grading: grade(rng, ['B2', 'B2', 'C2']),
      receivedFrom: 'Telecom service providers (nodal officers)',
    },
    spell({ phone: 'bare' }),
  );
  let row = 2;
  for (const p of nb.persons)
    for (const ph of p.phones) {
      const ref = `row ${row++}`;
      caf.entity(p.ent, ref, p.ent.props);
      caf.entity(ph, ref, ph.props);
      caf.link('uses', p.ent, ph, ref);
    }
  yield caf;

  // Numbers of this neighbourhood are looked up once; numbers elsewhere are named bare, as dumps name them.
  const phones = new Map<number, Ent>();
  const devices = new Map<number, Ent[]>();
  for (const p of nb.persons) {
    p.phones.forEach((ph, k) => phones.set(2 * p.index + k, ph));
    devices.set(p.index, p.devices);
  }
  const phone = (slot: number): Ent => {
    let e = phones.get(slot);
    if (!e) {
      e = bgPhone(ctx, slot);
      phones.set(slot, e);
    }
    return e;
  };

  const byCell: CallRow[][] = nb.cells.map(() => []);
  for (const r of nb.rows) byCell[r.cell]?.push(r);
  for (let c = 0; c < nb.cells.length; c++) {
    const cell = nb.cells[c];
    const rows = byCell[c];
    if (!cell || !rows?.length) continue;
    rows.sort((a, b) => a.t - b.t || a.a - b.a || a.b - b.b);
    const op = cell.op;
    const w = make(
      {
        name: `${op.toLowerCase()}-tower-dump-${cell.ent.key}.csv`,
        type: 'tower-dump',
        grading: grade(rng, ['A1', 'A2']),
        receivedFrom: `${OPERATOR_NAMES[op]} (nodal officer)`,
      },
      spell({ phone: CDR_PHONE[op], imei: CDR_IMEI[op] }),
    );
    w.entity(cell.ent, 'row 2', op === 'Airtel' || op === 'BSNL' ? cell.ent.props : undefined);
    // Sightings are capped (2 per handset, 3 per cell); counting here spares the writer most of the rows.
    const sightings = new Map<number, number>();
    rows.forEach((r, k) => {
      const ref = `row ${k + 2}`;
      const a = phone(r.a);
      w.link(r.sms ? 'messaged' : 'called', a, phone(r.b), ref, {
        occ: r.sms ? { t: r.t } : { t: r.t, dur: r.dur },
      });
      const seen = sightings.get(r.a * 2 + r.device) ?? 0;
      if (seen >= 3) return;
      sightings.set(r.a * 2 + r.device, seen + 1);
      const dev = devices.get(Math.floor(r.a / 2))?.[r.device];
      if (dev) w.link('in-device', a, dev, ref, { occ: { t: r.t }, maxOcc: 2 });
      w.link('seen-at', a, cell.ent, ref, { occ: { t: r.t }, maxOcc: 3 });
    });
    yield w;
  }

  const holders = nb.persons.filter((p) => p.upi ?? p.bank);
  if (!holders.length) return;
  // NPCI's and the banks' replies name both ends of every transaction, as no single statement does.
  const w = make({
    name: `npci-and-bank-replies-${tag}.csv`,
    type: 'other',
    grading: grade(rng, ['A2', 'B2']),
    receivedFrom: 'NPCI and member banks',
  });
  let k = 2;
  for (const p of holders)
    for (const a of [p.upi, p.bank]) {
      if (!a) continue;
      const ref = `kyc row ${k++}`;
      w.entity(p.ent, ref, { name: p.name.full });
      w.entity(a, ref, a.props);
      w.link('holds', p.ent, a, ref);
    }
  nb.payments
    .all()
    .flatMap((f) => f.occ.map((o) => ({ f, o })))
    .sort((x, y) => x.o.t - y.o.t || ((x.o.txnRef ?? '') < (y.o.txnRef ?? '') ? -1 : 1))
    .forEach(({ f, o }, n) => w.link('paid', f.from, f.to, `txn row ${n + 2}`, { occ: o }));
  yield w;
}
