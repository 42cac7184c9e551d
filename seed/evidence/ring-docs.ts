/**
 * A ring's evidence, one batch per document, in the order a unit receives it: the FIRs first (so later
 * documents can name their case), then subscriber details, the CDRs of every target number, bank and UPI
 * statements with the banks' KYC, the UPI apps' KYC of customers, the lodges' registers and Form C
 * returns, the extraction of the manager's seized handset, captured ads, the ad phone's IPDR, a rescued
 * victim's statement and FASTag records of the transporters' vehicles.
 */
import type { Rng } from '../rng.js';
import { slug } from '../places.js';
import type { RingFacts } from '../world/ring-events.js';
import type { CaseP, HotelP, PersonP, PhoneP, RingPlan } from '../world/ring-plan.js';
import type { Ent, Fact } from '../world/types.js';
import { registerDocs } from './register-docs.js';
import { statementDocs } from './statement-docs.js';
import { CDR_IMEI, CDR_PHONE, grade, OPERATOR_NAMES, spell } from './style.js';
import type { BatchWriter, MakeWriter } from './writer.js';

const pad4 = (n: number) => String(n).padStart(4, '0');

export function caseTag(c: CaseP): string {
  return `${c.place.stateCode.toLowerCase()}-${slug(c.station)}-${pad4(c.serial)}-2026`;
}

function deviceAt(p: PhoneP, t: number): Ent | undefined {
  let best: Ent | undefined;
  let gap = Infinity;
  for (const s of p.spans) {
    const d = t < s.from ? s.from - t : t > s.to ? t - s.to : 0;
    if (d < gap) [best, gap] = [s.dev, d];
  }
  return best;
}

export function* ringDocs(ring: RingPlan, rf: RingFacts, make: MakeWriter, rng: Rng): Generator<BatchWriter> {
  const facts = rf.facts.all();
  const source = ring.cases.find((c) => c.kind === 'source');
  const main = ring.cases.find((c) => c.kind === 'destination') as CaseP;
  const caseOf = (h: HotelP) => ring.cases.find((c) => c.hotels.includes(h)) ?? main;
  const people = [...ring.members, ...ring.victims, ...ring.customers];
  const victimOf = new Map(ring.victims.map((v) => [v.ent.id, v]));

  // FIRs: the case, everyone it names, in the role it names them; with a rescued victim, the identity
  // document she had, as her age and identity proof (the one she showed lodges: their registers name her
  // again, by it).
  for (const c of ring.cases) {
    const w = make(
      {
        name: `fir-${caseTag(c)}.pdf`,
        type: 'fir',
        grading: grade(rng, ['B2', 'B2', 'A2', 'B3']),
        case: c.key,
        receivedFrom: `${c.station}, ${c.place.district}`,
      },
      spell({ phone: () => (rng.chance(0.5) ? 'spaced' : 'bare'), vehicle: 'spaced' }),
    );
    const ce = c.ent as Ent;
    w.entity(ce, 'page 1', ce.props);
    const page = { victim: 'page 3', customer: 'page 2', witness: 'page 4', complainant: 'page 1' } as Record<
      string,
      string
    >;
    for (const { e, role } of c.involved) {
      const ref = e.kind === 'person' ? (page[role] ?? 'page 2') : e.kind === 'hotel' ? 'page 1' : 'page 2';
      w.entity(e, ref, e.kind === 'person' || e.kind === 'hotel' ? e.props : undefined);
      w.link('involves', ce, e, ref, { role });
      const doc = role === 'victim' ? victimOf.get(e.id)?.idDoc : undefined;
      if (doc) w.link('holds', e, doc, ref);
    }
    yield w;
  }

  // Subscriber details (CAF) of every number the investigation looked up.
  const caf = make(
    {
      name: `caf-subscriber-details-${caseTag(main)}.csv`,
      type: 'other',
      grading: grade(rng, ['C3', 'B3', 'C2']),
      case: main.key,
      receivedFrom: 'Telecom service providers (nodal officers)',
    },
    spell({ phone: 'bare' }),
  );
  let row = 2;
  for (const p of people)
    for (const ph of p.phones) {
      const ref = `row ${row++}`;
      caf.entity(p.ent, ref, { name: p.name.full, gender: p.gender, age: p.age });
      caf.entity(ph.ent, ref, ph.ent.props);
      caf.link('uses', p.ent, ph.ent, ref);
    }
  yield caf;

  // CDRs: every call and SMS of a target number, with the IMEI and first cell of each row.
  const calls = facts.filter((f) => f.kind === 'called' || f.kind === 'messaged');
  for (const p of [...ring.members, ...ring.victims].flatMap((x) => x.phones).filter((x) => x.target)) {
    const op = p.operator;
    const withLatLon = op === 'Airtel' || op === 'BSNL';
    const c = source && (p.owner.role === 'recruiter' || p.owner.role === 'victim') ? source : main;
    const w = make(
      {
        name: `${op.toLowerCase()}-cdr-${p.ent.key.slice(3)}.csv`,
        type: 'cdr',
        grading: grade(rng, ['A1', 'A1', 'A2']),
        case: c.key,
        receivedFrom: `${OPERATOR_NAMES[op]} (nodal officer)`,
      },
      spell({ phone: CDR_PHONE[op], imei: CDR_IMEI[op] }),
    );
    const rows: { f: Fact; t: number; dur?: number }[] = [];
    for (const f of calls)
      if (f.from.id === p.ent.id || f.to.id === p.ent.id)
        for (const o of f.occ) rows.push({ f, t: o.t, dur: o.dur });
    rows.sort((a, b) => a.t - b.t);
    w.entity(p.ent, 'row 2', p.ent.props);
    rows.forEach((r, k) => {
      const ref = `row ${k + 2}`;
      w.link(r.f.kind, r.f.from, r.f.to, ref, {
        occ: r.f.kind === 'called' ? { t: r.t, dur: r.dur } : { t: r.t },
      });
      const dev = deviceAt(p, r.t);
      if (dev) w.link('in-device', p.ent, dev, ref, { occ: { t: r.t }, maxOcc: 2 });
      // The first row is at home, so every cell planned for the ring is seen.
      const cell = (k === 0 || rng.chance(0.7) ? p.cells[0] : rng.pick(p.cells)) as Ent | undefined;
      if (cell) {
        w.entity(cell, ref, withLatLon ? cell.props : undefined);
        w.link('seen-at', p.ent, cell, ref, { occ: { t: r.t }, maxOcc: 3 });
      }
    });
    yield w;
  }

  // Statements of every member's account, then the banks' KYC of them.
  yield* statementDocs(
    ring,
    facts.filter((f) => f.kind === 'paid'),
    main,
    caseTag(main),
    make,
    rng,
  );

  // KYC of the UPI ids that paid the manager: the customers behind them.
  const payers = ring.customers.filter((c) => c.upi);
  if (payers.length) {
    const w = make({
      name: `psp-kyc-reply-${caseTag(main)}.csv`,
      type: 'other',
      grading: grade(rng, ['B2', 'A2']),
      case: main.key,
      receivedFrom: 'UPI app provider (nodal officer)',
    });
    payers.forEach((c, k) => {
      const ref = `row ${k + 2}`;
      w.entity(c.ent, ref, { name: c.name.full });
      w.entity(c.upi as Ent, ref, (c.upi as Ent).props);
      w.link('holds', c.ent, c.upi as Ent, ref);
    });
    yield w;
  }

  // Lodge registers, and the Form C returns of their foreign guests.
  yield* registerDocs(ring, caseOf, caseTag, make, rng);

  // The manager's first handset, seized and extracted: its SIM history, chats and logged-in accounts.
  const manager = ring.manager;
  const handset = manager.devices[0] as Ent;
  const sims = manager.phones.filter((p) => p.spans.some((s) => s.dev.id === handset.id));
  const x = make(
    {
      name: `extraction-report-${handset.key}.pdf`,
      type: 'phone-extraction',
      grading: grade(rng, ['A1', 'B1']),
      case: main.key,
      receivedFrom: 'State FSL, cyber forensics division',
    },
    spell({ phone: () => (rng.chance(0.5) ? 'spaced' : 'e164'), handleAt: true }),
  );
  x.entity(handset, 'summary');
  sims.forEach((p, k) => {
    const span = p.spans.find((s) => s.dev.id === handset.id);
    x.link('in-device', p.ent, handset, `SIM history row ${k + 1}`, { occ: { t: span?.from ?? ring.t0 } });
  });
  x.entity(manager.ent, 'accounts row 1', { name: manager.name.full });
  [manager.upi, ...manager.handles].forEach((a, k) => {
    if (a) x.link('holds', manager.ent, a, `accounts row ${k + 1}`);
  });
  const simIds = new Set(sims.map((p) => p.ent.id));
  let chat = 1;
  for (const f of facts.filter(
    (f) => f.kind === 'messaged' && (simIds.has(f.from.id) || simIds.has(f.to.id)),
  ))
    for (const o of f.occ) x.link('messaged', f.from, f.to, `chats row ${chat++}`, { occ: o });
  yield x;

  // Captured ads: the number (sometimes the lodge) they list and the handle that posted them.
  const ads = make(
    {
      name: `ad-capture-${caseTag(main)}.pdf`,
      type: 'ad-capture',
      grading: grade(rng, ['B2', 'B3']),
      case: main.key,
      receivedFrom: 'Cyber cell (screen captures)',
    },
    spell({ phone: () => rng.pick(['spaced', 'bare', 'trunk'] as const), handleAt: true }),
  );
  ring.ads.forEach((ad, k) => {
    const ref = `capture ${k + 1}`;
    ads.entity(ad, ref, ad.props);
    for (const f of facts.filter((f) => f.from.id === ad.id)) {
      ads.entity(f.to, ref, f.to.kind === 'hotel' || f.to.scheme === 'handle' ? f.to.props : undefined);
      const o = f.occ[0];
      ads.link(f.kind, ad, f.to, ref, o ? { occ: o } : {});
    }
  });
  yield ads;

  // The ad phone's IPDR: the addresses it went online from.
  const adPhone = ring.adPhone;
  const ipdr = make(
    {
      name: `${adPhone.operator.toLowerCase()}-ipdr-${adPhone.ent.key.slice(3)}.csv`,
      type: 'ipdr',
      grading: grade(rng, ['A1', 'A2']),
      case: main.key,
      receivedFrom: `${OPERATOR_NAMES[adPhone.operator]} (nodal officer)`,
    },
    spell({ phone: CDR_PHONE[adPhone.operator] }),
  );
  ipdr.entity(adPhone.ent, 'row 2', adPhone.ent.props);
  facts
    .filter((f) => f.kind === 'used-ip')
    .flatMap((f) => f.occ.map((o) => ({ f, o })))
    .sort((a, b) => a.o.t - b.o.t)
    .forEach(({ f, o }, k) => ipdr.link('used-ip', f.from, f.to, `row ${k + 2}`, { occ: o }));
  yield ipdr;

  // A rescued victim's statement: who recruited, moved and held her, and how they are related.
  const witness =
    ring.victims.find((v) => main.involved.some((i) => i.e.id === v.ent.id)) ?? (ring.victims[0] as PersonP);
  const st = make(
    {
      name: `victim-statement-${caseTag(main)}.pdf`,
      type: 'statement',
      grading: grade(rng, ['C3', 'B3', 'C2']),
      case: main.key,
      receivedFrom: `${main.unit} (recorded statement)`,
    },
    spell({ vehicle: 'dashed' }),
  );
  st.entity(witness.ent, 'page 1', witness.ent.props);
  facts
    .filter((f) => f.kind === 'associate-of')
    .forEach((f, k) => {
      const ref = `page ${2 + Math.floor(k / 4)}`;
      st.entity(f.from, ref, { name: String(f.from.props.name ?? '') });
      st.entity(f.to, ref, { name: String(f.to.props.name ?? '') });
      st.link('associate-of', f.from, f.to, ref, { props: f.props });
    });
  for (const t of ring.members.filter((m) => m.vehicle)) st.link('uses', t.ent, t.vehicle as Ent, 'page 3');
  yield st;

  // FASTag records: each vehicle's passages through toll plazas on the way from the source.
  for (const t of ring.members.filter((m) => m.vehicle)) {
    const v = t.vehicle as Ent;
    const w = make(
      {
        name: `fastag-statement-${v.key}.csv`,
        type: 'other',
        grading: grade(rng, ['A1', 'A2']),
        case: (source ?? main).key,
        receivedFrom: 'NHAI / FASTag issuer bank',
      },
      spell({ vehicle: 'compact' }),
    );
    w.entity(t.ent, 'row 1', { name: t.name.full });
    w.link('uses', t.ent, v, 'row 1');
    facts
      .filter((f) => f.kind === 'seen-at' && f.from.id === v.id)
      .flatMap((f) => f.occ.map((o) => ({ f, o })))
      .sort((a, b) => a.o.t - b.o.t)
      .forEach(({ f, o }, k) => {
        const ref = `row ${k + 2}`;
        w.entity(f.to, ref, f.to.props);
        w.link('seen-at', v, f.to, ref, { occ: o });
      });
    yield w;
  }
}
