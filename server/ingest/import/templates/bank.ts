/**
 * Bank statements of SBI, HDFC, Axis and ICICI (INDIA.md §2): one row, one transaction of the statement's
 * own account. The counter-party is read from the narration (narration.ts): a UPI id names an account
 * (`account@IFSC.ifsc.npci`, the form a UPI payment to an account number takes, names that bank account),
 * so the row becomes a payment between the two accounts with its amount and RRN; a narration that names
 * only a person (an IMPS or NEFT name, a truncated or masked UPI id) or nobody (cash, charges) leaves the
 * row with the statement's account alone — read, not rejected.
 *
 * The own account comes from the lines above the table ("Account Number", "IFSC") or from the import's
 * `account` setting.
 */
import { isoIst } from '../dates.js';
import { parseNarration } from '../narration.js';
import { parseAmount } from '../numbers.js';
import { props, RowProblem, type Ref, type RowEmitter, type RowView } from '../row-view.js';
import { readWhen } from './cdr.js';
import { fields, type MapContext, type Template } from './types.js';

/** The account a statement is of, from its banner: "Account Number : 00001234567890", "IFSC Code : SBIN0001234". */
export function readStatementBanner(lines: readonly string[]): Record<string, string> {
  const text = lines.join('\n');
  const account = /Account\s*(?:No|Number|#)\.?\s*[:-]?\s*'?([0-9]{6,20})\b/i.exec(text)?.[1];
  const ifsc = /IFS(?:C)?\s*(?:Code)?\s*[:-]?\s*([A-Z]{4}0[A-Z0-9]{6})\b/i.exec(text)?.[1];
  const vpa = /(?:UPI\s*ID|VPA)\s*[:-]?\s*([a-z0-9._-]{2,}@[a-z][a-z0-9.]+)/i.exec(text)?.[1];
  const holder = /(?:Account\s*Name|Name|Customer\s*Name)\s*[:-]\s*([^\n,]+)/i.exec(text)?.[1]?.trim();
  const out: Record<string, string> = {};
  if (account && ifsc) out.account = `${ifsc.toUpperCase()}:${account}`;
  else if (vpa) out.account = vpa;
  if (holder) out.holder = holder;
  return out;
}

const NEEDS = {
  account:
    'the statement does not say whose account it is (no "Account Number" and "IFSC" above the table): give it as account=IFSC:ACCOUNT',
};

/** A UPI payment to an account number and IFSC names it as `account@IFSC.ifsc.npci` (INDIA.md §2 [P8]). */
const IFSC_VPA = /^([a-z0-9]{6,20})@([a-z]{4}0[a-z0-9]{6})\.ifsc\.npci$/i;

/** The account a narration's UPI id names: the bank account itself for the IFSC form, else the UPI id. */
function counterAccount(emit: RowEmitter, vpa: string): Ref | undefined {
  const m = IFSC_VPA.exec(vpa);
  return m
    ? emit.tryKey('account', 'bank', `${m[2]!.toUpperCase()}:${m[1]!.toUpperCase()}`)
    : emit.tryKey('account', 'upi', vpa);
}

function mapStatementRow(row: RowView, emit: RowEmitter, ctx: MapContext): void {
  const accountText = ctx.meta.account ?? '';
  const own = accountText.includes('@')
    ? emit.key('account', 'upi', accountText, 'narration')!
    : emit.key('account', 'bank', accountText, 'narration')!;
  const at = readWhen(row, ctx);
  let side: 'dr' | 'cr' | undefined;
  let rupees: number | undefined;
  for (const [field, s] of [
    ['debit', 'dr'],
    ['credit', 'cr'],
    ['amount', undefined],
  ] as const) {
    const text = row.text(field);
    if (text === '' || /^0+(\.0+)?$/.test(text)) continue;
    const a = parseAmount(text);
    if (!a) throw new RowProblem(field, `${JSON.stringify(text)} is not an amount (1,23,456.00)`);
    rupees = a.rupees;
    const drCr = row.text('drCr').toLowerCase();
    // One signed amount column (ICICI): a minus or a Dr marks a debit, and nothing a credit.
    side =
      s ??
      a.side ??
      (drCr.startsWith('d') ? 'dr' : drCr.startsWith('c') || field === 'amount' ? 'cr' : undefined);
    break;
  }
  emit.entity(own, props({ holderName: ctx.meta.holder }));
  const narration = row.text('narration');
  const n = parseNarration(narration);
  side ??= n.side;
  if (rupees === undefined) return;
  if (!side)
    throw new RowProblem('amount', 'the amount says neither debit nor credit (a sign, Dr/Cr, or its column)');
  const counter = n.vpa ? counterAccount(emit, n.vpa) : undefined;
  if (!counter || counter.n === own.n) return;
  emit.entity(counter, props({ holderName: n.name }));
  const txnRef = n.ref ?? (row.text('ref') || undefined);
  const occ = { at: isoIst(at), amount: rupees, ...(txnRef ? { txnRef } : {}) };
  if (side === 'dr') emit.link('paid', own, counter, occ);
  else emit.link('paid', counter, own, occ);
}

function statement(id: string, label: string, spec: Record<string, string[]>, order?: 'dmy'): Template {
  const f = (name: string, extra: string[] = []) => [...(spec[name] ?? []), ...extra];
  return {
    id,
    label,
    documentType: 'bank-statement',
    ...(order ? { dateOrder: order } : {}),
    fields: fields({
      date: {
        synonyms: f('date', ['Txn Date', 'Transaction Date', 'Date', 'Tran Date']),
        required: true,
        date: true,
      },
      valueDate: { synonyms: f('valueDate', ['Value Date', 'Value Dt']) },
      narration: {
        synonyms: f('narration', [
          'Description',
          'Narration',
          'Particulars',
          'Transaction Remarks',
          'Remarks',
        ]),
        required: true,
      },
      ref: {
        synonyms: f('ref', ['Ref No./Cheque No.', 'Chq./Ref.No.', 'CHQNO', 'Cheque Number', 'Reference']),
      },
      debit: {
        synonyms: f('debit', ['Debit', 'Withdrawal Amt.', 'DR', 'Withdrawal Amount (INR )', 'Withdrawal']),
      },
      credit: { synonyms: f('credit', ['Credit', 'Deposit Amt.', 'CR', 'Deposit Amount (INR )', 'Deposit']) },
      amount: { synonyms: f('amount', ['Amount', 'Transaction Amount', 'Amount (INR)']) },
      drCr: { synonyms: f('drCr', ['Cr/Dr', 'Dr/Cr', 'Type']) },
      balance: { synonyms: f('balance', ['Balance', 'Closing Balance', 'BAL', 'Balance (INR )']) },
    }),
    readBanner: readStatementBanner,
    needs: NEEDS,
    map: mapStatementRow,
  };
}

export const SBI_STATEMENT = statement(
  'statement-sbi',
  'SBI statement',
  {
    date: ['Txn Date'],
    narration: ['Description'],
    ref: ['Ref No./Cheque No.'],
  },
  'dmy',
);
export const HDFC_STATEMENT = statement(
  'statement-hdfc',
  'HDFC Bank statement',
  {
    date: ['Date'],
    valueDate: ['Value Dt'],
    narration: ['Narration'],
    ref: ['Chq./Ref.No.'],
    debit: ['Withdrawal Amt.'],
    credit: ['Deposit Amt.'],
    balance: ['Closing Balance'],
  },
  'dmy',
);
export const AXIS_STATEMENT = statement(
  'statement-axis',
  'Axis Bank statement',
  {
    date: ['Tran Date'],
    narration: ['Particulars'],
    ref: ['CHQNO'],
    debit: ['DR'],
    credit: ['CR'],
    balance: ['BAL'],
  },
  'dmy',
);
export const ICICI_STATEMENT = statement(
  'statement-icici',
  'ICICI Bank statement',
  {
    date: ['Transaction Date'],
    narration: ['Transaction Remarks'],
    amount: ['Amount'],
  },
  'dmy',
);
