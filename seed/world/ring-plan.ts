/**
 * Who and what a trafficking ring is made of, before anything happens: members in their roles
 * (recruiters at the source, transporters, harbourers running lodges, a manager, a financier), victims
 * (some of them minors), customers, and the phones, handsets, accounts, vehicles, ads and cells they use.
 * Sizes grow with the ring's budget of entities, so a demo ring is small and a benchmark ring is large.
 *
 * SIM switching is planted on purpose: the manager's number moves to a new handset mid-way (one phone in
 * two devices) while the ad phone stays in the old one, and a recruiter's burner SIMs follow each other in
 * one handset (several phones in one device) — the patterns an analyst looks for in IMEI columns.
 */
import {
  accountNumber,
  adUrl,
  bankKey,
  BANK_CODES,
  BANKS,
  cellId,
  drivingLicence,
  email,
  epic,
  handle,
  HANDLE_PLATFORMS,
  hotelText,
  ifsc,
  imei,
  ipv6,
  pan,
  passportNumber,
  personKey,
  phoneE164,
  upiId,
  UPI_HANDLES,
  vehicleReg,
  type BankCode,
} from '../identifiers.js';
import { hotelName, nameSlug, personName } from '../names.js';
import {
  DESTINATION_PLACES,
  OPERATOR_WEIGHTS,
  SOURCE_PLACES,
  slug,
  type Operator,
  type Place,
} from '../places.js';
import type { Rng } from '../rng.js';
import { DAY, HOUR, MINUTE, when, YEAR_SECONDS } from '../time.js';
import type { WorldCtx } from './context.js';
import { guestRecord } from './guests.js';
import type { CaseP, HotelP, PersonP, PersonRole, PhoneP, RingPlan, RingRole, Stay } from './ring-types.js';
import { ent, type Ent } from './types.js';

export type * from './ring-types.js';

const clampTime = (t: number) => Math.min(Math.max(0, t), YEAR_SECONDS - 1);

function operator(rng: Rng): Operator {
  return rng.weighted(OPERATOR_WEIGHTS);
}

class RingBuilder {
  constructor(
    private readonly ctx: WorldCtx,
    private readonly rng: Rng,
    readonly ring: number,
  ) {}

  person(
    role: PersonRole,
    opts: { gender?: 'female' | 'male'; age?: number; nationality?: string } = {},
  ): PersonP {
    const name = personName(this.rng);
    const gender = opts.gender ?? (this.rng.chance(0.35) ? 'female' : 'male');
    const age = opts.age ?? this.rng.int(24, 55);
    const nationality = opts.nationality ?? 'Indian';
    const key = personKey(this.ctx.alloc.take('person'), this.ctx.keys);
    const props = { name: name.full, gender, age, ...(age < 18 ? { minor: true } : {}), nationality };
    return {
      ent: ent('person', 'person', key, props),
      name,
      role,
      ring: this.ring,
      gender,
      age,
      minor: age < 18,
      nationality,
      phones: [],
      devices: [],
      banks: [],
      handles: [],
      tolls: [],
    };
  }

  phone(owner: PersonP, use: PhoneP['use'], from: number, to: number, circle: string): PhoneP {
    const op = operator(this.rng);
    const e164 = phoneE164(this.ctx.alloc.take('phone'), this.ctx.keys);
    const p: PhoneP = {
      ent: ent('phone', 'phone', e164, { operator: op, circle }),
      owner,
      operator: op,
      use,
      from: clampTime(from),
      to: clampTime(to),
      spans: [],
      cells: [],
      target: false,
    };
    owner.phones.push(p);
    return p;
  }

  device(owner: PersonP): Ent {
    const d = ent('device', 'imei', imei(this.ctx.alloc.take('device'), this.ctx.keys));
    owner.devices.push(d);
    return d;
  }

  upi(owner: PersonP): Ent {
    const h = this.rng.pick(UPI_HANDLES);
    const id = upiId(nameSlug(owner.name), this.ctx.alloc.take('upi'), this.ctx.keys, h);
    owner.upi = ent('account', 'upi', id, { holderName: owner.name.full });
    return owner.upi;
  }

  bank(owner: PersonP, place: Place): Ent {
    const bank: BankCode = this.rng.pick(BANK_CODES);
    const code = ifsc(bank, place, this.rng.int(0, 3));
    const key = bankKey(code, accountNumber(bank, this.ctx.alloc.take('account'), this.ctx.keys));
    const e = ent('account', 'bank', key, { holderName: owner.name.full, bank: BANKS[bank].name });
    owner.banks.push(e);
    return e;
  }

  pan(owner: PersonP): void {
    owner.pan = ent(
      'id-document',
      'pan',
      pan(this.ctx.alloc.take('pan'), this.ctx.keys, owner.name.family[0] ?? 'X'),
    );
  }

  /** The ID document a guest shows a lodge: a voter id or a driving licence, a foreigner's passport. */
  idDoc(owner: PersonP, kind: 'epic' | 'licence' | 'passport', place: Place): void {
    const alloc = this.ctx.alloc;
    owner.idDoc =
      kind === 'epic'
        ? ent('id-document', 'epic', epic(alloc.take('epic'), this.ctx.keys))
        : kind === 'passport'
          ? ent('id-document', 'passport', passportNumber(alloc.take('passport'), this.ctx.keys))
          : ent(
              'id-document',
              'driving-licence',
              drivingLicence(place, alloc.take('licence'), this.ctx.keys, this.rng.int(2008, 2024)),
            );
  }

  /** Puts a SIM in a handset for a while; the CDR's IMEI column shows it. */
  seat(phone: PhoneP, dev: Ent, from: number, to: number): void {
    phone.spans.push({ dev, from: clampTime(from), to: clampTime(to) });
  }
}

function hotel(ctx: WorldCtx, rng: Rng, place: Place, harbourer: PersonP): HotelP {
  for (;;) {
    const name = hotelName(rng);
    const e = ent('hotel', 'hotel', hotelText(name, place.city), {
      name,
      city: place.city,
      address: `Plot ${rng.int(2, 240)}, ${name.split(' ').find((w) => w !== 'Hotel') ?? 'Main'} Lane, ${place.district}, ${place.state}`,
    });
    if (ctx.hotelKeys.has(e.id)) continue;
    ctx.hotelKeys.add(e.id);
    const h: HotelP = { ent: e, name, place, harbourer };
    harbourer.hotel = h;
    return h;
  }
}

function cell(ctx: WorldCtx, rng: Rng, place: Place): Ent {
  const lat = Math.round((place.lat + (rng.next() - 0.5) * 0.05) * 1e5) / 1e5;
  const lon = Math.round((place.lon + (rng.next() - 0.5) * 0.05) * 1e5) / 1e5;
  return ent('location', 'cell', cellId(operator(rng), place, ctx.alloc.take('cell'), ctx.keys), {
    lat,
    lon,
  });
}

/** Plans ring `index` with about `budget` entities of its own. */
export function planRing(ctx: WorldCtx, index: number, budget: number): RingPlan {
  const rng = ctx.rng.fork('ring', index);
  const b = budget;
  const source = rng.pick(SOURCE_PLACES);
  const dest = rng.pick(DESTINATION_PLACES.filter((p) => p !== source));
  const dest2 =
    b >= 150 && rng.chance(0.5)
      ? rng.pick(DESTINATION_PLACES.filter((p) => p !== source && p !== dest))
      : undefined;
  const t0 = rng.int(5, 150) * DAY;
  const span = rng.int(70, 170) * DAY;
  const t1 = t0 + span;
  const tr = t0 + Math.round(span * 0.3);
  const early = t0 - 60 * DAY;
  const late = t1 + 15 * DAY;
  const rb = new RingBuilder(ctx, rng, index);
  const members: PersonP[] = [];
  const add = (role: RingRole) => {
    const p = rb.person(role);
    members.push(p);
    return p;
  };

  // Members, with their phones and handsets.
  const manager = add('manager');
  const personal = rb.phone(manager, 'personal', early, late, dest.circle);
  const adPhone = rb.phone(manager, 'ad', tr - 10 * DAY, late, dest.circle);
  const [d1, d2] = [rb.device(manager), rb.device(manager)] as [Ent, Ent];
  const switchAt = t0 + Math.round(span * 0.55);
  rb.seat(personal, d1, personal.from, switchAt);
  rb.seat(personal, d2, switchAt, personal.to);
  rb.seat(adPhone, d1, adPhone.from, adPhone.to);

  const recruiters = Array.from({ length: 1 + Math.floor(b / 150) }, () => add('recruiter'));
  for (const r of recruiters) {
    // Burner SIMs, one after another in the same handset.
    const n = 2 + Math.floor(b / 200);
    const dev = rb.device(r);
    const from = t0 - 45 * DAY;
    const step = (late - from) / n;
    for (let k = 0; k < n; k++) {
      const p = rb.phone(
        r,
        k === 0 ? 'personal' : 'burner',
        from + k * step,
        from + (k + 1) * step,
        source.circle,
      );
      rb.seat(p, dev, p.from, p.to);
    }
  }
  const transporters = Array.from({ length: 1 + Math.floor(b / 250) }, () => add('transporter'));
  const harbourers = Array.from({ length: 1 + Math.floor(b / 200) + (dest2 ? 1 : 0) }, () =>
    add('harbourer'),
  );
  const financier = add('financier');
  for (const m of [...transporters, ...harbourers, financier]) {
    const dev = rb.device(m);
    // Small rings keep to one SIM each beyond the planted patterns, so a demo stays readable.
    const burner = b >= 60 && rng.chance(Math.min(0.6, 0.2 + b / 400));
    const cut = burner ? rng.int(t0, t1) : late;
    const p = rb.phone(m, 'personal', early, cut, m.role === 'transporter' ? source.circle : dest.circle);
    rb.seat(p, dev, p.from, p.to);
    if (burner) {
      const q = rb.phone(m, 'burner', cut, late, dest.circle);
      rb.seat(q, dev, q.from, q.to);
    }
  }
  // Every member's numbers are CDR targets of the investigation.
  for (const m of members) for (const p of m.phones) p.target = true;

  // Accounts, documents, vehicles, lodges.
  rb.upi(manager);
  if (b >= 100) rb.bank(manager, dest);
  rb.pan(manager);
  rb.bank(financier, dest);
  if (b >= 120) rb.bank(financier, dest);
  if (b >= 80) {
    rb.upi(financier);
    financier.email = ent('account', 'email', email(ctx.alloc.take('email'), ctx.keys));
  }
  rb.pan(financier);
  for (const r of recruiters) rb.upi(r);
  transporters.forEach((t, k) => {
    if (k === 0 || rng.chance(0.5)) rb.upi(t);
  });
  for (const h of harbourers) {
    rb.bank(h, dest);
    if (b >= 100) rb.pan(h);
  }
  for (let k = 0; k < 1 + Math.floor(b / 200); k++) {
    const platform = rng.pick(HANDLE_PLATFORMS);
    manager.handles.push(
      ent('account', 'handle', handle(platform, nameSlug(manager.name), ctx.alloc.take('handle'), ctx.keys), {
        platform,
      }),
    );
  }
  for (const t of transporters) {
    t.vehicle = ent('vehicle', 'vehicle', vehicleReg(source, ctx.alloc.take('vehicle'), ctx.keys));
    for (let k = 0; k < 1 + (b >= 100 ? 1 : 0); k++) {
      const n = ctx.alloc.take('toll');
      const f = rng.next();
      t.tolls.push(
        ent(
          'location',
          'address',
          `Toll Plaza ${String(n + 1).padStart(3, '0')}, NH${rng.pick(['16', '19', '27', '44', '48'])} km ${rng.int(12, 980)}`,
          {
            lat: Math.round((source.lat + (dest.lat - source.lat) * f) * 1e5) / 1e5,
            lon: Math.round((source.lon + (dest.lon - source.lon) * f) * 1e5) / 1e5,
          },
        ),
      );
    }
  }
  const hotels = harbourers.map((h, k) =>
    hotel(ctx, rng, dest2 && k === harbourers.length - 1 ? dest2 : dest, h),
  );

  // Cells: recruiters' numbers live at the source, everyone else's at the destination.
  const sourcePhones = recruiters.flatMap((r) => r.phones);
  const destPhones = members.filter((m) => m.role !== 'recruiter').flatMap((m) => m.phones);
  const sourceCells = Array.from({ length: Math.min(1 + Math.floor(b / 200), sourcePhones.length) }, () =>
    cell(ctx, rng, source),
  );
  const destCells = Array.from(
    { length: Math.max(1, Math.min(2 + Math.floor(b / 60), destPhones.length)) },
    () => cell(ctx, rng, dest),
  );
  const homeCells = (phones: PhoneP[], cells: Ent[]) =>
    phones.forEach((p, k) => {
      const home = cells[k % cells.length] as Ent;
      p.cells = [home, ...cells.filter((c) => c !== home)];
    });
  homeCells(sourcePhones, sourceCells);
  homeCells(destPhones, destCells);

  // Victims: recruited at the source, held in the lodges; the first of every ring is a minor.
  const victims: PersonP[] = [];
  const nVictims = Math.max(3, Math.round(b * 0.07));
  for (let k = 0; k < nVictims; k++) {
    const minor = k === 0 || rng.chance(0.25);
    const nationality = rng.chance(0.08) ? 'Nepali' : 'Indian';
    const v = rb.person('victim', {
      gender: rng.chance(0.92) ? 'female' : 'male',
      age: minor ? rng.int(14, 17) : rng.int(18, 26),
      nationality,
    });
    // A lodge is shown a voter id, a foreigner's passport; a minor has no document to show.
    if (nationality !== 'Indian') {
      rb.idDoc(v, 'passport', source);
      v.arrivedInIndia = tr - rng.int(1, 3) * DAY;
    } else if (!minor) rb.idDoc(v, 'epic', source);
    v.recruiter = recruiters[k % recruiters.length];
    v.transporter = transporters[k % transporters.length];
    v.hotel = hotels[k % hotels.length];
    if (k === 0 || rng.chance(0.55)) {
      v.keepsPhone = rng.chance(0.4);
      const p = rb.phone(v, 'personal', t0 - 120 * DAY, v.keepsPhone ? late : tr + 5 * DAY, source.circle);
      p.cells = sourceCells;
      // A family that reports her missing gets her number's CDR into the evidence.
      v.reported = k === 0 || rng.chance(0.35);
      if (v.reported) {
        p.target = true;
        rb.seat(p, rb.device(v), p.from, p.to);
      }
    } else v.reported = rng.chance(0.2);
    victims.push(v);
  }

  // Customers answer the ads from their own numbers; most pay by UPI.
  const customers: PersonP[] = [];
  for (let k = 0; k < Math.max(2, Math.round(b * (b < 60 ? 0.04 : 0.07))); k++) {
    const c = rb.person('customer', { gender: 'male', age: rng.int(21, 58) });
    rb.phone(c, 'personal', 0, YEAR_SECONDS - 1, dest.circle);
    if (k === 0 || rng.chance(0.6)) rb.upi(c);
    customers.push(c);
  }

  const ads = Array.from({ length: Math.max(2, Math.round(b * 0.03)) }, () =>
    ent('ad', 'ad', adUrl(slug(dest.city), ctx.alloc.take('ad'), ctx.keys), {
      site: 'classifieds.example',
      title: `Synthetic listing: spa and massage, ${dest.city}`,
      city: dest.city,
    }),
  );
  const ips = Array.from({ length: 1 + Math.floor(b / 150) }, () =>
    ent('ip', 'ip', ipv6(ctx.alloc.take('ip'), ctx.keys)),
  );

  const cases: CaseP[] = [];
  const newCase = (kind: CaseP['kind'], place: Place, date: number, raided: HotelP[]): CaseP => ({
    kind,
    ring: index,
    place,
    station: rng.pick(place.stations),
    unit: `AHTU ${place.district}`,
    date: clampTime(date),
    hotels: raided,
    serial: 0,
    key: '',
    involved: [],
  });
  if (index === 0 || rng.chance(0.55)) cases.push(newCase('source', source, t0 + rng.int(15, 35) * DAY, []));
  cases.push(
    newCase(
      'destination',
      dest,
      t1 + rng.int(0, 1) * DAY,
      hotels.filter((h) => h.place === dest),
    ),
  );
  if (dest2)
    cases.push(
      newCase(
        'destination',
        dest2,
        t1 - rng.int(5, 20) * DAY,
        hotels.filter((h) => h.place === dest2),
      ),
    );

  // The lodges' registers: each victim held from her arrival until the raid on her lodge, with breaks.
  // Customers come for an hour and pay the manager: the lodges keep them off the books.
  const stays: Stay[] = [];
  const visits: Stay[] = [];
  for (const v of victims) {
    const h = v.hotel as HotelP;
    const raid = Math.min(t1, cases.find((c) => c.hotels.includes(h))?.date ?? t1);
    let at = tr + rng.int(1, 3) * DAY;
    for (let k = 0, n = rng.int(1, 3); k < n && at < raid; k++) {
      const out = k === n - 1 ? raid : Math.min(raid, at + rng.int(10, 40) * DAY);
      stays.push(
        stay(v, h, at + rng.int(10, 22) * HOUR + minutes(rng), out + rng.int(6, 11) * HOUR + minutes(rng)),
      );
      at = out + rng.int(1, 3) * DAY;
    }
  }
  for (const c of customers)
    for (let n = rng.int(1, 3); n > 0; n--) {
      const t = when(rng, tr + 2 * DAY, t1 - HOUR);
      visits.push(stay(c, rng.pick(hotels), t, t + rng.int(1, 4) * HOUR));
    }

  return {
    index,
    id: `ring-${String(index + 1).padStart(2, '0')}`,
    budget,
    source,
    dest,
    dest2,
    t0,
    tr,
    t1,
    members,
    victims,
    customers,
    hotels,
    ads,
    ips,
    cells: [...sourceCells, ...destCells],
    cases,
    manager,
    financier,
    adPhone,
    bridges: [],
    stays,
    visits,
  };
}

/** Minutes past the hour, so that register times are not all alike. */
export const minutes = (rng: Rng) => rng.int(0, 59) * MINUTE;

/** A register entry, to the minute, lasting at least an hour. */
export function stay(person: PersonP, hotel: HotelP, checkIn: number, checkOut: number): Stay {
  const t = clampTime(checkIn);
  const end = clampTime(Math.max(t + HOUR, checkOut));
  return { person, hotel, t: t - (t % MINUTE), end: end - (end % MINUTE) };
}

/**
 * Every entity the ring owns — what its evidence must declare, and what the entity budget counts. A victim
 * with no phone whom no FIR names (`named`: ids every FIR involves) is known only by her register entries.
 */
export function ringEntities(ring: RingPlan, named: ReadonlySet<string> = new Set()): Ent[] {
  const out: Ent[] = [];
  for (const p of [...ring.members, ...ring.victims, ...ring.customers]) {
    if (p.role !== 'victim' || p.phones.length || named.has(p.ent.id)) out.push(p.ent);
    out.push(...p.phones.map((x) => x.ent), ...p.devices, ...p.banks, ...p.handles, ...p.tolls);
    for (const e of [p.upi, p.pan, p.email, p.vehicle, p.idDoc]) if (e) out.push(e);
  }
  out.push(...ring.stays.map(guestRecord));
  out.push(...ring.hotels.map((h) => h.ent), ...ring.ads, ...ring.ips, ...ring.cells);
  for (const c of ring.cases) if (c.ent) out.push(c.ent);
  return out;
}
