/**
 * One neighbourhood's life for the year: who calls and messages whom (mostly neighbours, a fifth of the
 * time anyone), from which cell and handset, and who pays whom. Degrees are heavy-tailed, as real call
 * graphs are: most people call a handful of numbers, a few (shopkeepers, drivers) call many.
 */
import { rrn } from '../identifiers.js';
import { OPERATORS } from '../places.js';
import type { Rng } from '../rng.js';
import { DAY, when } from '../time.js';
import type { WorldCtx } from './context.js';
import {
  bgPerson,
  hasAccount,
  NEIGHBOURHOOD,
  neighbourhoodCells,
  phoneCount,
  type BgCell,
  type BgPerson,
  type BgPlan,
} from './background.js';
import { FactSet } from './types.js';

/** The background's year ends with November, before the scenario's last FIRs. */
const YEAR_END = 333 * DAY;

export interface CallRow {
  /** Index into the neighbourhood's cells. */
  cell: number;
  t: number;
  /** SIM slots (2 × person + k) of caller and called. */
  a: number;
  b: number;
  sms: boolean;
  dur: number;
  /** Which of the caller's handsets (0 or 1) the row shows. */
  device: number;
}

export interface Neighbourhood {
  index: number;
  persons: BgPerson[];
  cells: BgCell[];
  rows: CallRow[];
  payments: FactSet;
}

const CALLS_PER_LINK: readonly (readonly [number, number])[] = [
  [1, 40],
  [2, 28],
  [3, 15],
  [4, 10],
  [6, 5],
  [9, 2],
];
const MESSAGES_PER_LINK: readonly (readonly [number, number])[] = [
  [1, 60],
  [2, 25],
  [3, 10],
  [5, 5],
];
const PAYMENTS_PER_LINK: readonly (readonly [number, number])[] = [
  [1, 60],
  [2, 30],
  [3, 10],
];

/** A heavy-tailed count with the given mean (log-normal, sigma 0.6). */
export function degree(rng: Rng, mean: number, atLeastOne: boolean): number {
  if (mean <= 0) return atLeastOne ? 1 : 0;
  const d = Math.round(mean * Math.exp(0.6 * rng.normal() - 0.18));
  return Math.min(Math.max(d, atLeastOne ? 1 : 0), Math.ceil(mean * 5));
}

export function amount(rng: Rng): number {
  const kind = rng.weighted([
    ['small', 60],
    ['medium', 28],
    ['large', 12],
  ] as const);
  const rupees =
    kind === 'small' ? rng.int(20, 500) : kind === 'medium' ? rng.int(5, 30) * 100 : rng.int(30, 250) * 100;
  const paise = rng.chance(0.3) ? rng.int(1, 99) : 0;
  return (rupees * 100 + paise) / 100;
}

export function neighbourhood(plan: BgPlan, ctx: WorldCtx, h: number): Neighbourhood {
  const rng = ctx.rng.fork('neighbourhood', h);
  const first = h * NEIGHBOURHOOD;
  const end = Math.min(plan.persons, first + NEIGHBOURHOOD);
  const size = end - first;
  const persons: BgPerson[] = [];
  for (let i = first; i < end; i++) persons.push(bgPerson(plan, ctx, i));
  const cells = neighbourhoodCells(plan, ctx, h);
  const cellsByOp: number[][] = OPERATORS.map(() => []);
  cells.forEach((c, idx) => cellsByOp[OPERATORS.indexOf(c.op)]?.push(idx));
  const ordinal = [0, 0, 0, 0];

  const pickContact = (i: number): number => {
    const j =
      rng.chance(0.8) || plan.persons <= size ? first + rng.int(0, size - 1) : rng.int(0, plan.persons - 1);
    if (j === i) return -1;
    return 2 * j + (phoneCount(plan, j) === 2 && rng.chance(0.3) ? 1 : 0);
  };
  const contacts = (i: number, d: number): Set<number> => {
    const set = new Set<number>();
    for (let tries = 0; set.size < d && tries < d * 4; tries++) {
      const c = pickContact(i);
      if (c >= 0) set.add(c);
    }
    // Everyone with a phone calls someone, so every phone, handset and cell shows up in some dump.
    if (set.size === 0 && d > 0) set.add(2 * (i + 1 < plan.persons ? i + 1 : i - 1));
    return set;
  };

  const rows: CallRow[] = [];
  for (const p of persons) {
    const i = p.index;
    for (let k = 0; k < p.phones.length; k++) {
      const slot = 2 * i + k;
      const op = plan.ops[slot] ?? 0;
      const opCells = cellsByOp[op] ?? [];
      const primary = opCells[(ordinal[op] ?? 0) % opCells.length] as number;
      ordinal[op] = (ordinal[op] ?? 0) + 1;
      const other = opCells.length > 1 ? (opCells.find((c) => c !== primary) as number) : primary;
      const mine: CallRow[] = [];
      const add = (b: number, sms: boolean) => {
        const t = when(rng, 0, YEAR_END);
        const dur = sms
          ? 0
          : Math.max(3, Math.round(rng.next() < 0.1 ? rng.int(300, 2400) : rng.int(8, 240)));
        mine.push({ cell: rng.chance(0.25) ? other : primary, t, a: slot, b, sms, dur, device: 0 });
      };
      for (const b of contacts(i, degree(rng, plan.degrees.call, true)))
        for (let n = rng.weighted(CALLS_PER_LINK); n > 0; n--) add(b, false);
      for (const b of contacts(i, degree(rng, plan.degrees.message, false)))
        for (let n = rng.weighted(MESSAGES_PER_LINK); n > 0; n--) add(b, true);
      const twoHandsets = k === 0 && p.devices.length === 2;
      if (twoHandsets && mine.length < 2) add((mine[0] as CallRow).b, false);
      mine.sort((x, y) => x.t - y.t || x.b - y.b);
      // The first row is at the phone's own cell, so every cell is seen at least once.
      if (mine[0]) mine[0].cell = primary;
      // A changed handset: the first half of the rows show the old IMEI, the rest the new one.
      if (twoHandsets) mine.forEach((r, idx) => (r.device = idx < Math.floor(mine.length / 2) ? 0 : 1));
      rows.push(...mine);
    }
  }

  const payments = new FactSet();
  const payers = persons.filter((p) => p.upi ?? p.bank);
  for (const p of payers) {
    const from = (p.upi ?? p.bank)!;
    const d = degree(rng, plan.degrees.pay, false);
    for (let n = 0, tries = 0; n < d && tries < d * 4; tries++) {
      const j = first + rng.int(0, size - 1);
      if (j === p.index || !hasAccount(plan, j)) continue;
      const q = persons[j - first] as BgPerson;
      const to = (q.upi ?? q.bank)!;
      const occ = [];
      for (let m = rng.weighted(PAYMENTS_PER_LINK); m > 0; m--)
        occ.push({ t: when(rng, 0, YEAR_END), amount: amount(rng), txnRef: rrn(rng) });
      payments.add('paid', from, to, occ);
      n++;
    }
  }
  return { index: h, persons, cells, rows, payments };
}
