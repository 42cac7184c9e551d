/**
 * A ring's money as the banks answer a notice: the statement of every member's account, in its bank's
 * layout (statement-layouts.ts), then the KYC of those accounts — who holds them, with the PAN and email
 * the forms give. A statement says of each transaction what its narration carries: the date, the amount,
 * the reference, and the other party's account only where the layout names it; a payment whose narration
 * names nobody's account ties nothing in the graph, as it would not for a unit reading the statement.
 */
import { slug } from '../places.js';
import type { Rng } from '../rng.js';
import {
  channelOf,
  layoutOf,
  narrate,
  STATEMENT_TEMPLATE,
  statementHeaderRows,
  statementText,
  type StatementHead,
  type StatementRow,
} from '../files/statement-layouts.js';
import { BANKS, type BankCode } from '../identifiers.js';
import { DAY, isoDate } from '../time.js';
import type { CaseP, PersonP, RingPlan } from '../world/ring-plan.js';
import type { Ent, Fact, Occ } from '../world/types.js';
import { grade, spell } from './style.js';
import type { BatchWriter, MakeWriter } from './writer.js';

const BANK_OF_LAYOUT = { SBI: 'SBIN', HDFC: 'HDFC', Axis: 'UTIB', ICICI: 'ICIC' } as const;

/** The day a statement prints for a moment: statements give dates, not times. */
const dayOf = (t: number) => t - (t % DAY);

function civil(t: number): StatementRow['date'] {
  const d = isoDate(t);
  return { y: Number(d.slice(0, 4)), m: Number(d.slice(5, 7)), d: Number(d.slice(8, 10)) };
}

const holderOf = (a: Ent, fallback = '') => String(a.props.holderName ?? fallback);

/** The statement of one account: every payment in or out, in date order. */
function statement(
  m: PersonP,
  a: Ent,
  payments: readonly Fact[],
  main: CaseP,
  tag: string,
  make: MakeWriter,
  rng: Rng,
): BatchWriter | undefined {
  const entries: { f: Fact; o: Occ }[] = [];
  for (const f of payments)
    if (f.from.id === a.id || f.to.id === a.id) for (const o of f.occ) entries.push({ f, o });
  if (!entries.length) return undefined;
  entries.sort((x, y) => x.o.t - y.o.t || ((x.o.txnRef ?? '') < (y.o.txnRef ?? '') ? -1 : 1));
  const layout = layoutOf(a);
  const bank = BANKS[BANK_OF_LAYOUT[layout] as BankCode].name;
  const upi = a.scheme === 'upi';
  const w = make(
    {
      name: upi
        ? `${slug(layout)}-upi-statement-${a.key}.csv`
        : `${slug(bank)}-statement-${a.key.slice(-4)}-${tag}.csv`,
      type: upi ? 'upi-statement' : 'bank-statement',
      grading: grade(rng, ['A1', 'A1', 'A2']),
      case: main.key,
      receivedFrom: upi ? `${bank} (UPI)` : bank,
    },
    spell({ upiUpper: layout === 'SBI' }),
  );
  const head: StatementHead = { holder: m.name.full.toUpperCase(), account: a, bank };
  const first = statementHeaderRows(layout, head) + 1;
  // An opening balance that no debit overdraws.
  let balance = 10_000 + entries.reduce((s, { f, o }) => s + (f.from.id === a.id ? (o.amount ?? 0) : 0), 0);
  const rows: StatementRow[] = entries.map(({ f, o }, k) => {
    const ref = `row ${first + k}`;
    const side = f.from.id === a.id ? 'dr' : 'cr';
    const counter = side === 'dr' ? f.to : f.from;
    const amount = o.amount ?? 0;
    const txnRef = o.txnRef ?? '';
    const n = narrate({
      layout,
      channel: channelOf(f.from, f.to),
      side,
      own: head.holder,
      counter,
      counterName: holderOf(counter),
      ref: txnRef,
    });
    w.entity(a, ref, { holderName: head.holder });
    w.listed(f);
    if (n.carries) {
      w.entity(counter, ref, n.name ? { holderName: n.name } : undefined);
      w.link('paid', f.from, f.to, ref, { occ: { t: dayOf(o.t), amount, txnRef } });
    }
    balance += side === 'dr' ? -amount : amount;
    return {
      date: civil(o.t),
      narration: n.text,
      ref: txnRef,
      side,
      amount,
      balance: Math.round(balance * 100) / 100,
    };
  });
  w.file = () => ({
    name: w.meta.name,
    text: statementText(layout, head, rows),
    template: STATEMENT_TEMPLATE[layout],
    type: w.meta.type,
    case: main.key,
  });
  return w;
}

export function* statementDocs(
  ring: RingPlan,
  payments: readonly Fact[],
  main: CaseP,
  tag: string,
  make: MakeWriter,
  rng: Rng,
): Generator<BatchWriter> {
  for (const m of ring.members)
    for (const a of [m.upi, ...m.banks]) {
      if (!a) continue;
      const w = statement(m, a, payments, main, tag, make, rng);
      if (w) yield w;
    }

  // The banks' and UPI apps' KYC of the members' accounts: who holds each, and the documents they gave.
  const kyc = make({
    name: `account-kyc-replies-${tag}.csv`,
    type: 'other',
    grading: grade(rng, ['A2', 'B2']),
    case: main.key,
    receivedFrom: 'Member banks and UPI apps (nodal officers)',
  });
  let row = 2;
  for (const m of ring.members) {
    const accounts = [m.upi, ...m.banks].filter((a): a is Ent => a !== undefined);
    if (!accounts.length) continue;
    const ref = `row ${row++}`;
    kyc.entity(m.ent, ref, { name: m.name.full });
    for (const a of accounts) {
      kyc.entity(a, ref, a.props);
      kyc.link('holds', m.ent, a, ref);
    }
    for (const doc of [m.pan, m.email]) if (doc) kyc.link('holds', m.ent, doc, ref);
  }
  yield kyc;
}
