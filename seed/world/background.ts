/**
 * The innocent background: ordinary people in neighbourhoods of a few hundred, with their phones,
 * handsets and accounts, who call, message and pay each other — mostly neighbours, sometimes anyone. In
 * reality they are most of what a unit's records hold, and what any ring-finding method must see through.
 *
 * Everything about background person i is a pure function of (seed, i): nothing is stored per person but
 * one byte of flags and the operator of each SIM, so a million-entity world streams in constant memory.
 */
import {
  accountNumber,
  bankKey,
  BANK_CODES,
  BANKS,
  cellId,
  ifsc,
  imei,
  personKey,
  phoneE164,
  upiId,
  UPI_HANDLES,
} from '../identifiers.js';
import { nameSlug, personName, type PersonName } from '../names.js';
import { OPERATOR_WEIGHTS, OPERATORS, PLACES, type Operator, type Place } from '../places.js';
import { mix32 } from '../rng.js';
import type { WorldCtx } from './context.js';
import { ent, type Ent } from './types.js';

/** People per neighbourhood: one tower-dump area. */
export const NEIGHBOURHOOD = 250;

const PHONE2 = 1;
const DEVICE2 = 2;
const UPI = 4;
const BANK = 8;

// A sector splits an operator's cell in a neighbourhood once it carries this many subscribers.
const SECTOR_SPLIT = 30;

export interface BgDegrees {
  /** Mean distinct numbers a phone calls, messages; mean distinct accounts an account pays. */
  call: number;
  message: number;
  pay: number;
}

export interface BgPlan {
  persons: number;
  neighbourhoods: number;
  /** Entities the background contributes, exactly. */
  entities: number;
  flags: Uint8Array;
  /** Operator (index into OPERATORS) of each SIM slot: 2 per person. */
  ops: Uint8Array;
  salt: number;
  degrees: BgDegrees;
}

export interface BgCell {
  op: Operator;
  sector: number;
  ent: Ent;
}

function unit(salt: number, i: number, what: number): number {
  return mix32(salt, i, what) / 4294967296;
}

function operatorOf(salt: number, slot: number): number {
  let r = unit(salt, slot, 11) * 100;
  for (const [op, w] of OPERATOR_WEIGHTS) {
    r -= w;
    if (r < 0) return OPERATORS.indexOf(op);
  }
  return 0;
}

function cellCount(opCounts: readonly number[]): number {
  let n = 0;
  for (const c of opCounts) if (c > 0) n += c >= SECTOR_SPLIT ? 2 : 1;
  return n;
}

/**
 * Sizes the background to `budget` entities: people are added until persons, phones, handsets, accounts
 * and the neighbourhoods' cells reach it, so the scenario's total lands within a few entities of N.
 */
export function planBackground(ctx: WorldCtx, budget: number, degrees: BgDegrees): BgPlan {
  const salt = ctx.rng.fork('background').uint32();
  const capacity = Math.max(16, Math.ceil(budget / 3) + 16);
  const flags = new Uint8Array(capacity);
  const ops = new Uint8Array(capacity * 2);
  let personEntities = 0;
  let closedCells = 0;
  let counts = [0, 0, 0, 0];
  let persons = 0;
  for (let i = 0; i < capacity; i++) {
    if (i % NEIGHBOURHOOD === 0) {
      closedCells += cellCount(counts);
      counts = [0, 0, 0, 0];
    }
    let f = 0;
    if (unit(salt, i, 1) < 0.12) f |= PHONE2;
    if (unit(salt, i, 2) < 0.05) f |= DEVICE2;
    if (unit(salt, i, 3) < 0.55) f |= UPI;
    if (unit(salt, i, 4) < 0.22) f |= BANK;
    flags[i] = f;
    const phones = f & PHONE2 ? 2 : 1;
    for (let k = 0; k < phones; k++) {
      const op = operatorOf(salt, 2 * i + k);
      ops[2 * i + k] = op;
      counts[op] = (counts[op] ?? 0) + 1;
    }
    personEntities += 1 + phones + (f & DEVICE2 ? 2 : 1) + (f & UPI ? 1 : 0) + (f & BANK ? 1 : 0);
    persons = i + 1;
    if (personEntities + closedCells + cellCount(counts) >= budget) break;
  }
  const entities = personEntities + closedCells + cellCount(counts);
  return {
    persons,
    neighbourhoods: Math.ceil(persons / NEIGHBOURHOOD),
    entities,
    flags: flags.subarray(0, persons),
    ops: ops.subarray(0, persons * 2),
    salt,
    degrees,
  };
}

export interface BgPerson {
  index: number;
  ent: Ent;
  name: PersonName;
  gender: 'female' | 'male';
  age: number;
  phones: Ent[];
  devices: Ent[];
  upi?: Ent;
  bank?: Ent;
  place: Place;
  neighbourhood: number;
}

export function neighbourhoodPlace(plan: BgPlan, h: number): Place {
  return PLACES[mix32(plan.salt, h, 99) % PLACES.length] as Place;
}

export function phoneCount(plan: BgPlan, i: number): number {
  return (plan.flags[i] ?? 0) & PHONE2 ? 2 : 1;
}

export function hasAccount(plan: BgPlan, i: number): boolean {
  return ((plan.flags[i] ?? 0) & (UPI | BANK)) !== 0;
}

/** The phone of SIM slot (2i + k), without properties: how other people's records name it. */
export function bgPhone(ctx: WorldCtx, slot: number): Ent {
  return ent('phone', 'phone', phoneE164(slot, ctx.keys), {}, true);
}

export function bgPerson(plan: BgPlan, ctx: WorldCtx, i: number): BgPerson {
  const rng = ctx.rng.forkIndex(plan.salt, i);
  const name = personName(rng);
  const gender = rng.chance(0.5) ? 'female' : 'male';
  const age = rng.int(18, 70);
  const h = Math.floor(i / NEIGHBOURHOOD);
  const place = neighbourhoodPlace(plan, h);
  const f = plan.flags[i] ?? 0;
  const phones: Ent[] = [];
  for (let k = 0; k < phoneCount(plan, i); k++) {
    const operator = OPERATORS[plan.ops[2 * i + k] ?? 0] as Operator;
    phones.push(
      ent('phone', 'phone', phoneE164(2 * i + k, ctx.keys), { operator, circle: place.circle }, true),
    );
  }
  const devices = [ent('device', 'imei', imei(2 * i, ctx.keys), {}, true)];
  if (f & DEVICE2) devices.push(ent('device', 'imei', imei(2 * i + 1, ctx.keys), {}, true));
  const person: BgPerson = {
    index: i,
    ent: ent('person', 'person', personKey(i, ctx.keys), { name: name.full, gender, age }, true),
    name,
    gender,
    age,
    phones,
    devices,
    place,
    neighbourhood: h,
  };
  if (f & UPI) {
    const handle = UPI_HANDLES[mix32(plan.salt, i, 21) % UPI_HANDLES.length] as string;
    person.upi = ent(
      'account',
      'upi',
      upiId(nameSlug(name), i, ctx.keys, handle),
      { holderName: name.full },
      true,
    );
  }
  if (f & BANK) {
    const bank = BANK_CODES[mix32(plan.salt, i, 22) % BANK_CODES.length] ?? 'SBIN';
    const code = ifsc(bank, place, mix32(plan.salt, i, 23) % 4);
    person.bank = ent(
      'account',
      'bank',
      bankKey(code, accountNumber(bank, i, ctx.keys)),
      { holderName: name.full, bank: BANKS[bank].name },
      true,
    );
  }
  return person;
}

/** The cells of neighbourhood h: one per operator present, split in two sectors where it is busy. */
export function neighbourhoodCells(plan: BgPlan, ctx: WorldCtx, h: number): BgCell[] {
  const counts = [0, 0, 0, 0];
  const end = Math.min(plan.persons, (h + 1) * NEIGHBOURHOOD);
  for (let i = h * NEIGHBOURHOOD; i < end; i++) {
    for (let k = 0; k < phoneCount(plan, i); k++) {
      const op = plan.ops[2 * i + k] ?? 0;
      counts[op] = (counts[op] ?? 0) + 1;
    }
  }
  const place = neighbourhoodPlace(plan, h);
  const cells: BgCell[] = [];
  OPERATORS.forEach((op, o) => {
    const c = counts[o] ?? 0;
    if (c === 0) return;
    for (let sector = 0; sector < (c >= SECTOR_SPLIT ? 2 : 1); sector++) {
      // Jitter within a couple of kilometres of the district's centre, fixed per cell.
      const lat = place.lat + ((mix32(plan.salt, h * 8 + o * 2 + sector, 31) % 4000) - 2000) / 100_000;
      const lon = place.lon + ((mix32(plan.salt, h * 8 + o * 2 + sector, 32) % 4000) - 2000) / 100_000;
      const key = cellId(op, place, h * 8 + o * 2 + sector, ctx.keys);
      cells.push({
        op,
        sector,
        ent: ent('location', 'cell', key, { lat: round5(lat), lon: round5(lon) }, true),
      });
    }
  });
  return cells;
}

export function round5(n: number): number {
  return Math.round(n * 1e5) / 1e5;
}
