/**
 * What a ring does over its months, as facts: members calling each other (the manager at the hub),
 * recruiters calling victims and their families, transporters moving them past toll plazas, customers
 * calling the ad phone, visiting the lodge and paying by UPI, the manager sweeping takings to the
 * financier, who pays commissions and rent. Plus what other rings left here (overlaps.ts).
 */
import { carriesCounterAccount } from '../files/statement-layouts.js';
import { rrn } from '../identifiers.js';
import type { Rng } from '../rng.js';
import { DAY, HOUR, MINUTE, when } from '../time.js';
import type { Overlap } from './overlaps.js';
import type { HotelP, PersonP, PhoneP, RingPlan } from './ring-plan.js';
import { FactSet, type Ent, type Occ } from './types.js';

export interface RingFacts {
  facts: FactSet;
}

function distance(p: PhoneP, t: number): number {
  return t < p.from ? p.from - t : t > p.to ? t - p.to : 0;
}

/** The number a person would use at time t (not the ad phone, which only answers customers). */
export function phoneAt(person: PersonP, t: number, rng: Rng): PhoneP | undefined {
  const own = person.phones.filter((p) => p.use !== 'ad');
  const live = own.filter((p) => p.from <= t && t <= p.to);
  if (live.length) return rng.pick(live);
  return own.reduce<PhoneP | undefined>(
    (best, p) => (!best || distance(p, t) < distance(best, t) ? p : best),
    undefined,
  );
}

const roundTo = (n: number, step: number) => Math.round(n / step) * step;

export function ringEvents(ring: RingPlan, overlaps: readonly Overlap[], rng: Rng): RingFacts {
  const facts = new FactSet();
  const { t0, tr, t1 } = ring;
  const duration = () => (rng.chance(0.1) ? rng.int(300, 1800) : rng.int(12, 280));
  const call = (a: Ent, b: Ent, t: number) => facts.add('called', a, b, [{ t, dur: duration() }]);
  const message = (a: Ent, b: Ent, t: number) => facts.add('messaged', a, b, [{ t }]);
  /** n calls and sms messages between two parties within [lo, hi], in random directions. */
  const talk: Talk = (x, y, n, lo, hi, sms = 0) => {
    for (let k = 0; k < n + sms; k++) {
      const t = when(rng, lo, hi);
      const a = numberOf(x, t, rng);
      const b = numberOf(y, t, rng);
      if (!a || !b || a.id === b.id) continue;
      const [from, to] = rng.chance(0.5) ? [a, b] : [b, a];
      if (k < n) call(from, to, t);
      else message(from, to, t);
    }
  };
  const pay = (from: Ent | undefined, to: Ent | undefined, t: number, amount: number) => {
    if (from && to && from.id !== to.id) facts.add('paid', from, to, [{ t, amount, txnRef: rrn(rng) }]);
  };

  const { members, manager, financier, victims, hotels } = ring;
  const recruiters = members.filter((m) => m.role === 'recruiter');
  const transporters = members.filter((m) => m.role === 'transporter');
  const harbourers = members.filter((m) => m.role === 'harbourer');

  // The members' own network: the manager talks to everyone, others to some.
  for (let i = 0; i < members.length; i++)
    for (let j = i + 1; j < members.length; j++) {
      const [a, b] = [members[i] as PersonP, members[j] as PersonP];
      if (a !== manager && b !== manager && !rng.chance(0.6)) continue;
      talk(a, b, rng.int(2, 6 + Math.floor(ring.budget / 60)), t0, t1, rng.int(0, 3));
    }
  for (const [a, b, relation] of [
    ...members
      .filter((m) => m !== manager)
      .map(
        (m) =>
          [
            manager,
            m,
            m === financier && rng.chance(0.5)
              ? 'relative'
              : m.role === 'harbourer'
                ? 'business partner'
                : 'associate',
          ] as const,
      ),
    ...recruiters.flatMap((r) => transporters.map((t) => [r, t, 'associate'] as const)),
  ])
    facts.add('associate-of', a.ent, b.ent, [], { props: { relation } });

  // Recruitment at the source, then the journey.
  for (const v of victims) {
    const vp = v.phones[0];
    const r = v.recruiter as PersonP;
    const t = v.transporter as PersonP;
    if (vp) {
      talk(r, vp.ent, rng.int(3, 9), Math.max(vp.from, t0 - 30 * DAY), tr, rng.int(0, 3));
      talk(t, vp.ent, rng.int(1, 2), tr - 3 * DAY, tr + DAY);
    }
    if (v.family) {
      const fam = v.family.phone;
      if (vp) talk(fam, vp.ent, rng.int(2, 6), t0 - 30 * DAY, tr + 3 * DAY);
      talk(r, fam, rng.int(1, vp ? 2 : 4), t0, tr);
      if (v.family.account)
        pay(r.upi, v.family.account, when(rng, t0, tr), roundTo(rng.int(2000, 10000), 500));
    }
  }
  for (const t of transporters) {
    const taxi = ring.bridges.find((b) => b.relation === 'taxi-driver' && b.contact === t);
    if (taxi) talk(t, taxi.phone, rng.int(2, 5), tr - 10 * DAY, t1);
    const trips = rng.int(1, 3);
    for (let k = 0; k < trips; k++) {
      const depart = when(rng, tr - 4 * DAY, tr + (k === 0 ? 0 : 40 * DAY));
      t.tolls.forEach((toll, n) =>
        facts.add('seen-at', t.vehicle as Ent, toll, [{ t: depart + (n + 1) * rng.int(2, 9) * HOUR }]),
      );
    }
  }

  // Exploitation at the destination: victims held in the lodges (ring.stays), customers calling the ad
  // phone before each visit and paying the manager after it.
  for (const v of victims)
    if (v.keepsPhone && v.phones[0]) talk(manager, v.phones[0].ent, 0, tr, t1, rng.int(2, 6));
  for (const s of ring.visits) {
    const cp = s.person.phones[0] as PhoneP;
    const c = s.person;
    call(cp.ent, ring.adPhone.ent, s.t - rng.int(10, 120) * MINUTE);
    if (rng.chance(0.4)) message(cp.ent, ring.adPhone.ent, s.t - rng.int(121, 600) * MINUTE);
    pay(
      c.upi,
      manager.upi,
      s.t + rng.int(5, 40) * MINUTE,
      rng.chance(0.15)
        ? rng.int(149_950, 799_999) / 100
        : rng.pick([1500, 2000, 2500, 3000, 4000, 5000, 6000, 8000]),
    );
  }
  for (const h of harbourers) {
    const rec = h.hotel?.receptionist;
    if (rec) talk(h, rec.phone, rng.int(3, 10), tr, t1);
  }
  const landlord = ring.bridges.find((b) => b.relation === 'landlord');
  for (const b of ring.bridges.filter((x) => x.relation === 'acquaintance'))
    talk(b.contact, b.phone, rng.int(1, 4), t0, t1);

  // Money: weekly sweeps to the financier, who pays commissions, transport and rent.
  const financierBank = financier.banks[0];
  for (let at = tr + 7 * DAY; at <= t1; at += 7 * DAY)
    pay(manager.upi, financierBank, when(rng, at - DAY, at), roundTo(rng.int(20_000, 150_000), 100));
  for (const v of victims)
    pay(financierBank, v.recruiter?.upi, when(rng, tr, tr + 20 * DAY), roundTo(rng.int(5_000, 25_000), 500));
  for (const t of transporters)
    pay(financierBank, t.upi, when(rng, tr, tr + 10 * DAY), roundTo(rng.int(2_000, 8_000), 100));
  for (let at = tr + 20 * DAY; at <= t1 + DAY; at += 30 * DAY) {
    for (const h of harbourers)
      pay(financierBank, h.banks[0], when(rng, at - 2 * DAY, at), roundTo(rng.int(15_000, 60_000), 1000));
    if (landlord)
      pay(manager.upi, landlord.account, when(rng, at - 3 * DAY, at), roundTo(rng.int(12_000, 35_000), 500));
  }
  if (financier.banks[1])
    for (let k = rng.int(2, 4); k > 0; k--)
      pay(financierBank, financier.banks[1], when(rng, tr, t1), roundTo(rng.int(50_000, 400_000), 1000));
  if (manager.banks[0])
    pay(manager.upi, manager.banks[0], when(rng, tr, t1), roundTo(rng.int(10_000, 60_000), 100));

  // Online: ads listing the ad phone (sometimes the lodge), posted from the manager's handles and IPs.
  ring.ads.forEach((ad, k) => {
    const t = when(rng, tr, t1 - 5 * DAY);
    facts.add('advertises', ad, ring.adPhone.ent, [{ t }]);
    if (rng.chance(0.35)) facts.add('advertises', ad, (rng.pick(hotels) as HotelP).ent, [{ t }]);
    facts.add('posted-by', ad, manager.handles[k % manager.handles.length] as Ent);
  });
  for (const ip of ring.ips)
    for (let k = rng.int(2, 4); k > 0; k--)
      facts.add('used-ip', ring.adPhone.ent, ip, [{ t: when(rng, tr, t1) }]);

  plantOverlaps(ring, overlaps, rng, talk, pay);
  ensureSpansSeen(ring, facts, rng);
  for (const f of facts.byId.values()) f.occ.sort((a: Occ, b: Occ) => a.t - b.t);
  return { facts };
}

/** A party to a call: a person (whichever number they use then) or one fixed number. */
type Party = PersonP | Ent;

function numberOf(x: Party, t: number, rng: Rng): Ent | undefined {
  return 'role' in x ? phoneAt(x, t, rng)?.ent : x;
}

type Talk = (x: Party, y: Party, n: number, lo: number, hi: number, sms?: number) => void;
type Pay = (from: Ent | undefined, to: Ent | undefined, t: number, amount: number) => void;

/** What other rings left here, beside the stays planned with the rings (overlaps.ts planOverlapStays). */
function plantOverlaps(ring: RingPlan, overlaps: readonly Overlap[], rng: Rng, talk: Talk, pay: Pay): void {
  const { tr, t1, manager } = ring;
  const transporter = ring.members.find((m) => m.role === 'transporter') as PersonP;
  for (const o of overlaps.filter((x) => x.to === ring.index)) {
    switch (o.kind) {
      case 'shared-accused': {
        const p = o.person as PersonP;
        const phone = p.phones[p.phones.length - 1] as PhoneP;
        talk(manager, phone.ent, rng.int(2, 5), ring.t0, t1);
        talk(transporter, phone.ent, 1, tr - 5 * DAY, tr);
        break;
      }
      case 'victim-rescued-twice': {
        const v = o.person as PersonP;
        if (v.phones[0]) talk(transporter, v.phones[0].ent, rng.int(1, 2), tr - 3 * DAY, tr + DAY);
        break;
      }
      case 'shared-phone':
        talk(manager, o.entity, rng.int(2, 4), tr, t1);
        talk(transporter, o.entity, rng.int(1, 2), tr - 5 * DAY, tr + DAY);
        break;
      case 'shared-account': {
        // Paid by UPI from an id whose statement names the account paid (statement-layouts.ts).
        const payer = ringUpiIds(ring).find(carriesCounterAccount) ?? (manager.upi as Ent);
        for (let k = rng.int(2, 4); k > 0; k--)
          pay(payer, o.entity, when(rng, tr, t1), Math.round(rng.int(25_000, 90_000) / 100) * 100);
        break;
      }
    }
  }
}

/** The ring members' UPI ids, the manager's first. */
function ringUpiIds(ring: RingPlan): Ent[] {
  return [ring.manager, ring.financier, ...ring.members]
    .map((m) => m.upi)
    .filter((u): u is Ent => u !== undefined);
}

/**
 * Every handset a target SIM sat in must show in its CDR (else the IMEI would be planned but never seen):
 * a span without a call gets one, to the manager or, for the manager's own numbers, to the financier.
 */
function ensureSpansSeen(ring: RingPlan, facts: FactSet, rng: Rng): void {
  const times = new Map<string, number[]>();
  for (const f of facts.byId.values()) {
    if (f.kind !== 'called' && f.kind !== 'messaged') continue;
    for (const e of [f.from, f.to]) {
      const list = times.get(e.id) ?? [];
      for (const o of f.occ) list.push(o.t);
      times.set(e.id, list);
    }
  }
  const targets = [...ring.members, ...ring.victims].flatMap((p) => p.phones).filter((p) => p.target);
  for (const p of targets) {
    const partner =
      p.owner === ring.manager ? (ring.financier.phones[0] as PhoneP) : (ring.manager.phones[0] as PhoneP);
    for (const s of p.spans) {
      if ((times.get(p.ent.id) ?? []).some((t) => t >= s.from && t <= s.to)) continue;
      const t = when(rng, s.from + HOUR, s.to - HOUR);
      facts.add('called', p.ent, partner.ent, [{ t, dur: rng.int(20, 200) }]);
      times.set(p.ent.id, [...(times.get(p.ent.id) ?? []), t]);
    }
  }
}
