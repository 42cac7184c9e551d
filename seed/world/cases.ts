/**
 * The FIRs: who each names and in what role, and their numbers. A source-area FIR follows a family's
 * missing-person complaint and names the recruiters; a destination FIR follows a raid on a lodge and names
 * the manager, the harbourers, customers caught, the rescued victims and the receptionist as witness.
 * Serials run per police station in date order, as a station's register does.
 */
import type { CaseRole } from '../../server/domain/kinds.js';
import { firKey } from '../identifiers.js';
import type { Rng } from '../rng.js';
import { isoDate, YEAR } from '../time.js';
import type { WorldCtx } from './context.js';
import type { Overlap } from './overlaps.js';
import type { CaseP, PersonP, RingPlan } from './ring-plan.js';
import { ent, type Ent } from './types.js';

function involve(c: CaseP, e: Ent, role: CaseRole): void {
  if (!c.involved.some((x) => x.e.id === e.id && x.role === role)) c.involved.push({ e, role });
}

function castRing(ring: RingPlan, overlaps: Overlap[], rng: Rng): void {
  const recruiters = ring.members.filter((m) => m.role === 'recruiter');
  const transporters = ring.members.filter((m) => m.role === 'transporter');
  const main = ring.cases.find((c) => c.kind === 'destination') as CaseP;
  for (const c of ring.cases) {
    if (c.kind === 'source') {
      for (const r of recruiters) {
        involve(c, r.ent, 'recruiter');
        for (const p of r.phones) involve(c, p.ent, 'recruiter');
      }
      for (const v of ring.victims.filter((x) => x.reported)) {
        involve(c, v.ent, 'victim');
        if (v.family) involve(c, v.family.person.ent, 'complainant');
      }
      continue;
    }
    for (const h of c.hotels) {
      involve(c, h.ent, 'harbourer');
      involve(c, h.harbourer.ent, 'harbourer');
      if (h.receptionist) involve(c, h.receptionist.person.ent, 'witness');
      const held = ring.victims.filter((v) => v.hotel === h);
      held.forEach((v, k) => {
        if (k === 0 || rng.chance(0.75)) involve(c, v.ent, 'victim');
      });
    }
    const caught = rng.sample(ring.customers, c === main ? rng.int(1, 3) : 1);
    for (const cu of caught) involve(c, cu.ent, 'customer');
    if (c !== main) continue;
    involve(c, ring.manager.ent, 'manager');
    for (const p of ring.manager.phones) involve(c, p.ent, 'manager');
    const t = transporters[0] as PersonP;
    if (rng.chance(0.6)) {
      involve(c, t.ent, 'transporter');
      if (t.vehicle) involve(c, t.vehicle, 'transporter');
    }
    if (rng.chance(0.4)) involve(c, (recruiters[0] as PersonP).ent, 'recruiter');
    if (rng.chance(0.2)) involve(c, ring.financier.ent, 'financier');
  }
  // What other rings left in this ring's evidence; an account shows only in statements, not in the FIR.
  for (const o of overlaps.filter((x) => x.to === ring.index)) {
    if (o.kind === 'shared-accused' && o.person) {
      involve(main, o.person.ent, 'recruiter');
      const last = o.person.phones[o.person.phones.length - 1];
      if (last) involve(main, last.ent, 'recruiter');
    } else if (o.kind === 'victim-rescued-twice') involve(main, o.entity, 'victim');
    else if (o.kind === 'shared-phone') involve(main, o.entity, 'transporter');
    else if (o.kind === 'shared-hotel') involve(main, o.entity, 'harbourer');
  }
}

const SECTIONS = {
  source: 'ITPA s.5; BNS s.143',
  destination: 'ITPA s.3, s.4, s.5, s.7; BNS s.143, s.144',
};
const MINOR_SECTIONS = {
  source: 'BNS s.98',
  destination: 'BNS s.98, s.99; POCSO s.4, s.6',
};

/** Casts every ring's FIRs, then numbers them per station in date order and makes their case entities. */
export function castCases(rings: RingPlan[], overlaps: Overlap[], ctx: WorldCtx): void {
  const rng = ctx.rng.fork('cases');
  for (const ring of rings) castRing(ring, overlaps, rng.fork(ring.index));
  const minorIds = new Set(rings.flatMap((r) => r.victims.filter((v) => v.minor).map((v) => v.ent.id)));
  const byStation = new Map<string, CaseP[]>();
  for (const c of rings.flatMap((r) => r.cases)) {
    const k = `${c.place.district}/${c.station}`;
    byStation.set(k, [...(byStation.get(k) ?? []), c]);
  }
  for (const [station, cases] of [...byStation.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const srng = rng.fork('serials', station);
    let serial = srng.int(20, 200);
    cases.sort((a, b) => a.date - b.date || a.ring - b.ring);
    for (const c of cases) {
      c.serial = serial;
      serial += srng.int(1, 25);
      c.key = firKey(c.place, c.station, c.serial, YEAR);
      const minors = c.involved.some((x) => x.role === 'victim' && minorIds.has(x.e.id));
      c.ent = ent('case', 'fir', c.key, {
        firNumber: `${String(c.serial).padStart(4, '0')}/${YEAR}`,
        firDate: isoDate(c.date),
        policeStation: c.station,
        district: c.place.district,
        state: c.place.state,
        sections: minors ? `${SECTIONS[c.kind]}; ${MINOR_SECTIONS[c.kind]}` : SECTIONS[c.kind],
        unit: c.unit,
      });
    }
  }
}
