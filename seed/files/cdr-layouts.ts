/**
 * A CDR as each operator sends it (INDIA.md §1.1): its banner, its header row, its call-type codes and its
 * way of writing numbers, dates and cells. Used by the seed to write its scenario as files, and by tests
 * and the benchmark to make operator files of any size. Every value comes from the caller; nothing here
 * is real.
 */
import type { Operator } from '../places.js';

export interface CdrRow {
  /** A tower dump's rows are each of its own A party; a CDR's are all of the file's target. */
  target?: string;
  /** The other party, E.164. */
  other: string;
  kind: 'called' | 'messaged';
  /** out: the target made it. */
  dir: 'out' | 'in';
  /** Milliseconds since the epoch. */
  t: number;
  durationS?: number;
  /** 15-digit IMEI. */
  imei?: string;
  /** Cell global id as the generator keys it, with its position when the operator prints one. */
  cell?: string;
  lat?: number;
  lon?: number;
}

const HEADERS: Record<Operator, string[]> = {
  Airtel: [
    'Target No',
    'Call Type',
    'TOC',
    'B Party No',
    'LRN No',
    'LRN TSP-LSA',
    'Date',
    'Time',
    'Dur(s)',
    'First CGI Lat/Long',
    'First CGI',
    'Last CGI Lat/Long',
    'Last CGI',
    'SMSC No',
    'Service Type',
    'IMEI',
    'IMSI',
    'Call Fow No',
    'Roam Nw',
    'SW & MSC ID',
    'IN TG',
    'OUT TG',
    'Vowifi First UE IP',
    'Port1',
    'Vowifi Last UE IP',
    'Port2',
  ],
  Jio: [
    'Calling Party Telephone Number',
    'Called Party Telephone Number',
    'Call Forwarding',
    'LRN Called No',
    'Call Date',
    'Call Time',
    'Call Termination Time',
    'Call Duration',
    'First Cell ID',
    'Last Cell ID',
    'Call Type',
    'SMS Center Number',
    'IMEI',
    'IMSI',
    'Roaming Circle Name',
  ],
  Vi: [
    'Target /A PARTY NUMBER',
    'CALL_TYPE',
    'Type of Connection',
    'B PARTY NUMBER',
    'LRN- B Party Number',
    'Translation of LRN',
    'Call date',
    'Call Initiation Time',
    'Call Duration',
    'First BTS Location',
    'First Cell Global Id',
    'Last BTS Location',
    'Last Cell Global Id',
    'SMS Centre Number',
    'Service Type',
    'IMEI',
    'IMSI',
    'Call Forwarding Number',
    'Roaming Network/Circle',
    'MSC ID',
    'In TG',
    'Out TG',
    'IP Address',
    'Port No',
  ],
  BSNL: [
    'Target/A-Party Number',
    'Call Type',
    'Type of Connection',
    'Other/B-party Number',
    'LRN of B-Party Number',
    'Translation of LRN',
    'Call Date',
    'Call Initiation Time',
    'Call Duration',
    'First BTS Location',
    'First Cell Global ID',
    'Last BTS Location',
    'Last Cell Global ID',
    'SMS Centre No.',
    'Service Type',
    'IMEI',
    'IMSI',
    'Original Calling Party',
    'Roaming Network/Circle',
    'Switch/MSC ID',
    'In TG',
    'Out TG',
  ],
};

const p2 = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function ist(t: number): { y: number; m: number; d: number; time: string } {
  const x = new Date(t + 330 * 60_000);
  return {
    y: x.getUTCFullYear(),
    m: x.getUTCMonth() + 1,
    d: x.getUTCDate(),
    time: `${p2(x.getUTCHours())}:${p2(x.getUTCMinutes())}:${p2(x.getUTCSeconds())}`,
  };
}

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const national = (e164: string) => e164.slice(3);

/** The banner lines above the header, as the operator prints them. */
function banner(
  op: Operator,
  target: string,
  from: number,
  to: number,
  rows: number,
  towerCell?: string,
): string[] {
  const a = ist(from);
  const b = ist(to);
  // Only Airtel's tower-dump banner is on record (INDIA.md §1.3); the others' is assumed alike.
  if (towerCell)
    return [
      `${op.toUpperCase()} TOWER DUMP`,
      `"Call Details of CELL ID '${towerCell}' from '${p2(a.d)}-${MONTHS[a.m - 1]}-${a.y}' to '${p2(b.d)}-${MONTHS[b.m - 1]}-${b.y}'"`,
    ];
  switch (op) {
    case 'Airtel':
      return [
        'BHARTI AIRTEL LIMITED',
        'Synthetic Circle',
        `"Call Details of Mobile No '${national(target)}' from '${p2(a.d)}-${MONTHS[a.m - 1]}-${a.y}' to '${p2(b.d)}-${MONTHS[b.m - 1]}-${b.y}'"`,
      ];
    case 'Jio':
      return [
        'Ticket Number :,LEA-SYNTH-0001',
        `Input Value (MSISDN/B PARTY/IMEI/IMSI/CELL ID) :,91${national(target)}`,
        `Total Records :,${rows}`,
      ];
    case 'Vi':
      return [
        'VODAFONE IDEA CALL DATA RECORDS',
        `MSISDN : - 0${national(target)}`,
        'Report Type :- ALLINDIA Report',
      ];
    case 'BSNL':
      return [
        'Search Criteria : MSISDN',
        `Search Value : ${national(target)}`,
        `Start Date : ${a.y}${p2(a.m)}${p2(a.d)}0000`,
      ];
  }
}

function callType(op: Operator, r: CdrRow): { code: string; service: string } {
  const sms = r.kind === 'messaged';
  switch (op) {
    case 'Airtel':
      return {
        code: sms ? (r.dir === 'out' ? 'SMO' : 'SMT') : r.dir === 'out' ? 'OUT' : 'IN',
        service: sms ? 'SMS' : 'Voice',
      };
    case 'Jio':
      return {
        code: sms ? (r.dir === 'out' ? 'P2POUT' : 'P2P_SMSIN') : r.dir === 'out' ? 'a_out' : 'a_in',
        service: '',
      };
    case 'Vi':
      return { code: r.dir === 'out' ? 'Outgoing' : 'Incoming', service: sms ? 'SMS' : 'Voice' };
    case 'BSNL':
      return { code: r.dir === 'out' ? 'OUT' : 'IN', service: sms ? 'SMS' : 'Voice Call' };
  }
}

function row(op: Operator, target: string, r: CdrRow): string[] {
  const w = ist(r.t);
  const { code, service } = callType(op, r);
  const dur = r.kind === 'called' ? String(r.durationS ?? 0) : '0';
  const imei = r.imei ?? '';
  const cell = r.cell ?? '';
  const geo = r.lat !== undefined && r.lon !== undefined ? { lat: r.lat, lon: r.lon } : undefined;
  switch (op) {
    case 'Airtel': {
      // Airtel prints the 14-digit base + 0 and quotes numbers and dates with a leading '.
      const v: Record<string, string> = {
        'Target No': `'${national(target)}`,
        'Call Type': code,
        TOC: 'Pre',
        'B Party No': `'${national(r.other)}`,
        Date: `'${p2(w.d)}/${p2(w.m)}/${w.y}'`,
        Time: w.time,
        'Dur(s)': dur,
        'First CGI Lat/Long': geo ? `${geo.lat}/${geo.lon}` : '',
        'First CGI': cell,
        'Last CGI': cell,
        'Service Type': service,
        IMEI: imei ? `${imei.slice(0, 14)}0` : '',
      };
      return HEADERS.Airtel.map((h) => v[h] ?? '');
    }
    case 'Jio': {
      const v: Record<string, string> = {
        'Calling Party Telephone Number': `91${national(target)}`,
        'Called Party Telephone Number': `91${national(r.other)}`,
        'Call Date': `${p2(w.d)}/${p2(w.m)}/${w.y}`,
        'Call Time': w.time,
        'Call Termination Time': ist(r.t + (r.kind === 'called' ? (r.durationS ?? 0) : 0) * 1000).time,
        'Call Duration': dur,
        'First Cell ID': cell,
        'Last Cell ID': cell,
        'Call Type': code,
        IMEI: imei,
        'Roaming Circle Name': 'SYNTHETIC',
      };
      return HEADERS.Jio.map((h) => v[h] ?? '');
    }
    case 'Vi': {
      const v: Record<string, string> = {
        'Target /A PARTY NUMBER': `0${national(target)}`,
        CALL_TYPE: code,
        'Type of Connection': 'PREPAID',
        'B PARTY NUMBER': `0${national(r.other)}`,
        'Call date': `${p2(w.d)}-${p2(w.m)}-${w.y}`,
        'Call Initiation Time': w.time,
        'Call Duration': dur,
        'First BTS Location': cell ? `Synthetic Tower Road, Sample Nagar` : '',
        'First Cell Global Id': cell,
        'Service Type': service,
        IMEI: imei ? `${imei.slice(0, 14)}0` : '',
      };
      return HEADERS.Vi.map((h) => v[h] ?? '');
    }
    case 'BSNL': {
      const v: Record<string, string> = {
        'Target/A-Party Number': national(target),
        'Call Type': code,
        'Type of Connection': 'Prepaid',
        'Other/B-party Number': national(r.other),
        'Call Date': `${p2(w.d)}/${p2(w.m)}/${w.y}`,
        'Call Initiation Time': w.time,
        'Call Duration': dur,
        'First BTS Location': geo
          ? `Synthetic Exchange; Sample Town; Lat-${geo.lat}; Long-${geo.lon}`
          : cell
            ? 'Synthetic Exchange; Sample Town'
            : '',
        'First Cell Global ID': cell,
        'Service Type': service,
        IMEI: imei,
      };
      return HEADERS.BSNL.map((h) => v[h] ?? '');
    }
  }
}

/** The file's lines (without line ends), banner first and, for BSNL, its footer last. */
export function* cdrLines(
  op: Operator,
  target: string,
  rows: readonly CdrRow[],
  opts: { towerCell?: string } = {},
): Generator<string> {
  const from = rows[0]?.t ?? 0;
  const to = rows[rows.length - 1]?.t ?? 0;
  yield* banner(op, target, from, to, rows.length, opts.towerCell);
  yield HEADERS[op].join(',');
  for (const r of rows)
    yield row(op, r.target ?? target, r)
      .map(csvField)
      .join(',');
  if (op === 'BSNL') yield* ['*** END OF REPORT ***', `CDR COUNT : ${rows.length}`];
}

export function cdrText(
  op: Operator,
  target: string,
  rows: readonly CdrRow[],
  opts: { towerCell?: string } = {},
): string {
  return [...cdrLines(op, target, rows, opts)].join('\r\n') + '\r\n';
}

export const CDR_HEADERS = HEADERS;
