/**
 * Bank statements as the four banks of INDIA.md §2 print them: the account's banner, the bank's columns,
 * its way of writing dates and amounts, and a narration per transaction. A narration says of the other
 * party only what the bank's layout carries: SBI and HDFC name the UPI id paid or paying, ICICI's UPI rows
 * name it too; Axis's UPI and IMPS narrations and every NEFT narration name a person and a reference, not
 * an account. A UPI payment to an account number names it as `account@IFSC.ifsc.npci` (INDIA.md §2 [P8]);
 * an account of the world with no UPI id of its own pays by UPI under that form too.
 *
 * Documented forms are followed as INDIA.md gives them. Where it gives none (SBI's, Axis's and ICICI's NEFT,
 * every bank's but Axis's IMPS, ICICI's UPI) the narration follows the bank's own pattern, and says no
 * more than the documented ones do. Every value comes from the caller; nothing here is real.
 */
import { BANKS, type BankCode } from '../identifiers.js';
import { hashString } from '../rng.js';
import type { Ent } from '../world/types.js';

export type Layout = 'SBI' | 'HDFC' | 'Axis' | 'ICICI';
export const LAYOUTS: readonly Layout[] = ['SBI', 'HDFC', 'Axis', 'ICICI'];

/** The import template of each layout (server/ingest/import/templates/bank.ts). */
export const STATEMENT_TEMPLATE: Readonly<Record<Layout, string>> = {
  SBI: 'statement-sbi',
  HDFC: 'statement-hdfc',
  Axis: 'statement-axis',
  ICICI: 'statement-icici',
};

const LAYOUT_OF_BANK: Readonly<Record<BankCode, Layout>> = {
  SBIN: 'SBI',
  HDFC: 'HDFC',
  UTIB: 'Axis',
  ICIC: 'ICICI',
};

/** The bank behind each UPI handle; PhonePe's and Paytm's ids sit on a partner bank, chosen per id. */
const HANDLE_BANK: Readonly<Record<string, BankCode | undefined>> = {
  oksbi: 'SBIN',
  okhdfcbank: 'HDFC',
  okaxis: 'UTIB',
  okicici: 'ICIC',
};
const PSP_CODES: Readonly<Record<string, string>> = { ybl: 'YESB', paytm: 'PYTM' };
const PSP_NAMES: Readonly<Record<string, string>> = { YESB: 'YES BANK', PYTM: 'PAYTM PAYMENTS BANK' };
const BANK_CODES = Object.keys(LAYOUT_OF_BANK) as BankCode[];

const handleOf = (upi: string) => upi.slice(upi.indexOf('@') + 1);

/** The bank (IFSC prefix) an account is at: its IFSC's, or the one behind its UPI handle. */
export function bankCodeOf(account: Ent): string {
  if (account.scheme !== 'upi') return account.key.slice(0, 4);
  const handle = handleOf(account.key);
  return HANDLE_BANK[handle] ?? PSP_CODES[handle] ?? 'NPCI';
}

/** Which bank's layout an account's statement comes in. */
export function layoutOf(account: Ent): Layout {
  const code = bankCodeOf(account);
  const own = LAYOUT_OF_BANK[code as BankCode];
  if (own) return own;
  return LAYOUT_OF_BANK[BANK_CODES[hashString(account.key)[0] % BANK_CODES.length]!];
}

/** Whether this account's statement names the account a UPI debit paid (all but Axis's layout do). */
export function carriesCounterAccount(account: Ent): boolean {
  return layoutOf(account) !== 'Axis';
}

export type Channel = 'UPI' | 'NEFT' | 'IMPS';

/** A payment with a UPI id at either end goes by UPI; between two bank accounts by NEFT, or IMPS from Axis. */
export function channelOf(from: Ent, to: Ent): Channel {
  if (from.scheme === 'upi' || to.scheme === 'upi') return 'UPI';
  return layoutOf(from) === 'Axis' ? 'IMPS' : 'NEFT';
}

function bankName(code: string): string {
  const known = BANKS[code as BankCode]?.name;
  return (known ?? PSP_NAMES[code] ?? code).toUpperCase();
}

/** A branch IFSC for an account: its own, or a branch of the bank behind a UPI id. */
export function ifscOf(account: Ent): string {
  if (account.scheme !== 'upi') return account.key.slice(0, 11);
  return `${bankCodeOf(account)}0${100_000 + (hashString(account.key)[1] % 900_000)}`;
}

/** A UPI id, or the form a UPI payment names an account number by. */
function vpaOf(account: Ent): string {
  if (account.scheme === 'upi') return account.key;
  const [ifsc = '', number = ''] = account.key.split(':');
  return `${number}@${ifsc.toLowerCase()}.ifsc.npci`;
}

export interface Narration {
  text: string;
  /** The narration names the other party's account (its UPI id, or the IFSC form). */
  carries: boolean;
  /** The other party's name as the importer reads it from this narration, when it reads one. */
  name?: string;
}

export interface NarrationInput {
  layout: Layout;
  channel: Channel;
  side: 'dr' | 'cr';
  /** The statement's own holder, as the bank prints names. */
  own: string;
  counter: Ent;
  /** The other party's name; printed in capitals, without the hyphens that separate HDFC's fields. */
  counterName: string;
  /** The UPI RRN, or the NEFT/IMPS reference: 12 digits. */
  ref: string;
}

const printed = (name: string) => name.toUpperCase().replace(/[-/]+/g, ' ').replace(/\s+/g, ' ').trim();
const nameOrNone = (name: string) => (name === '' ? {} : { name });

export function narrate(n: NarrationInput): Narration {
  const name = printed(n.counterName);
  const own = printed(n.own);
  const dr = n.side === 'dr';
  const code = bankCodeOf(n.counter);
  const bank = bankName(code);
  if (n.channel === 'UPI') {
    const vpa = vpaOf(n.counter);
    switch (n.layout) {
      case 'SBI': {
        // The payee is cut to about eight characters; the UPI id is printed in capitals. SBI cuts a long UPI
        // id too (INDIA.md §2): the seed's are short enough to be printed whole, as a cut one would name
        // another account.
        const short = name.slice(0, 8).trim();
        return {
          text: `${dr ? 'WDL' : 'DEP'} TFR UPI/${dr ? 'DR' : 'CR'}/${n.ref}/${short}/${code}/${vpa.toUpperCase()}/UPI`,
          carries: true,
          ...nameOrNone(short),
        };
      }
      case 'HDFC':
        return {
          text: `UPI-${name}-${vpa}-${ifscOf(n.counter)}-${n.ref}-${dr ? 'PAYMENT' : 'RECEIVED'}`,
          carries: true,
          ...nameOrNone(name),
        };
      case 'Axis':
        return { text: `UPI/P2A/${n.ref}/${name}/${bank}/UPI`, carries: false, ...nameOrNone(name) };
      case 'ICICI':
        return { text: `UPI/${n.ref}/${dr ? 'PAYMENT' : 'RECEIVED'}/${vpa}/${bank}`, carries: true };
    }
  }
  if (n.channel === 'NEFT')
    switch (n.layout) {
      case 'HDFC':
        return {
          text: dr
            ? `NEFT DR-${ifscOf(n.counter)}-${own}-${name}-${n.ref}`
            : `NEFT CR-${ifscOf(n.counter)}-${name}-${own}-${n.ref}`,
          carries: false,
          ...nameOrNone(name),
        };
      case 'SBI':
        return {
          text: `${dr ? 'TO' : 'BY'} TRANSFER-NEFT*${ifscOf(n.counter)}*${n.ref}*${name}--`,
          carries: false,
        };
      case 'Axis':
        return { text: `NEFT/${n.ref}/${name}/${bank}`, carries: false };
      case 'ICICI':
        return { text: `NEFT-${n.ref}-${name}-${bank}`, carries: false };
    }
  switch (n.layout) {
    case 'Axis':
      return { text: `IMPS/P2A/${n.ref}/${name}/${bank}/TRANSFER`, carries: false, ...nameOrNone(name) };
    case 'HDFC':
      return { text: `IMPS-${n.ref}-${name}-${bank}-TRANSFER`, carries: false };
    case 'SBI':
      return { text: `${dr ? 'TO' : 'BY'} TRANSFER-IMPS/${n.ref}/${name}/${code}--`, carries: false };
    case 'ICICI':
      return { text: `MMT/IMPS/${n.ref}/TRANSFER/${name}/${bank}`, carries: false };
  }
}

// ---------------------------------------------------------------- the printed statement

export interface StatementRow {
  /** Day of the transaction: year, month, day. */
  date: { y: number; m: number; d: number };
  narration: string;
  ref: string;
  side: 'dr' | 'cr';
  /** Rupees. */
  amount: number;
  /** Balance after the row, rupees. */
  balance: number;
}

export interface StatementHead {
  holder: string;
  /** IFSC:ACCOUNT, or a UPI id. */
  account: Ent;
  bank: string;
}

const HEADERS: Readonly<Record<Layout, readonly string[]>> = {
  SBI: ['Txn Date', 'Value Date', 'Description', 'Ref No./Cheque No.', 'Debit', 'Credit', 'Balance'],
  HDFC: [
    'Date',
    'Narration',
    'Value Dt',
    'Chq./Ref.No.',
    'Withdrawal Amt.',
    'Deposit Amt.',
    'Closing Balance',
  ],
  Axis: ['Tran Date', 'CHQNO', 'Particulars', 'DR', 'CR', 'BAL'],
  ICICI: ['S No.', 'Transaction Date', 'Value Date', 'Transaction Remarks', 'Amount', 'Balance'],
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** Rupees with paise, grouped the Indian way: 1,23,456.00. */
export function indianAmount(rupees: number): string {
  const [whole = '0', paise = '00'] = Math.abs(rupees).toFixed(2).split('.');
  const head = whole.slice(0, -3);
  const grouped = head ? `${head.replace(/\B(?=(\d{2})+$)/g, ',')},${whole.slice(-3)}` : whole;
  return `${rupees < 0 ? '-' : ''}${grouped}.${paise}`;
}

function cells(layout: Layout, r: StatementRow, serial: number): string[] {
  const { y, m, d } = r.date;
  const amount = r.amount.toFixed(2);
  switch (layout) {
    case 'SBI': {
      const day = `${d} ${MONTHS[m - 1]} ${y}`;
      const v = indianAmount(r.amount);
      return [
        day,
        day,
        r.narration,
        r.ref,
        r.side === 'dr' ? v : '',
        r.side === 'cr' ? v : '',
        `${indianAmount(r.balance)}Cr`,
      ];
    }
    case 'HDFC': {
      const day = `${p2(d)}/${p2(m)}/${String(y).slice(2)}`;
      const v = indianAmount(r.amount);
      return [
        day,
        r.narration,
        day,
        r.ref.padStart(16, '0'),
        r.side === 'dr' ? v : '',
        r.side === 'cr' ? v : '',
        indianAmount(r.balance),
      ];
    }
    case 'Axis':
      return [
        `${p2(d)}-${p2(m)}-${y}`,
        '',
        r.narration,
        r.side === 'dr' ? amount : '',
        r.side === 'cr' ? amount : '',
        r.balance.toFixed(2),
      ];
    case 'ICICI': {
      const day = `${p2(d)}-${MONTHS[m - 1]}-${y}`;
      return [
        String(serial),
        day,
        day,
        r.narration,
        r.side === 'dr' ? `-${amount}` : amount,
        r.balance.toFixed(2),
      ];
    }
  }
}

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The lines above the table: whose account it is, as banks print it. */
function banner(layout: Layout, head: StatementHead): string[] {
  const a = head.account;
  const lines = [`${head.bank.toUpperCase()} - STATEMENT OF ACCOUNT`, `Account Name : ${head.holder}`];
  if (a.scheme === 'upi') lines.push(`UPI ID : ${a.key}`);
  else {
    const [ifsc = '', number = ''] = a.key.split(':');
    lines.push(`Account Number : ${number}`, `${layout === 'SBI' ? 'IFS Code' : 'IFSC Code'} : ${ifsc}`);
  }
  return lines;
}

/** Lines of the statement above the first row: the banner and the header. */
export function statementHeaderRows(layout: Layout, head: StatementHead): number {
  return banner(layout, head).length + 1;
}

export function statementText(layout: Layout, head: StatementHead, rows: readonly StatementRow[]): string {
  const lines = [...banner(layout, head).map(csvField), HEADERS[layout].join(',')];
  rows.forEach((r, k) =>
    lines.push(
      cells(layout, r, k + 1)
        .map(csvField)
        .join(','),
    ),
  );
  return lines.join('\r\n') + '\r\n';
}
