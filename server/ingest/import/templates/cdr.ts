/**
 * Call detail records of the four operators (INDIA.md §1.1), and an older generic layout (the MTS field
 * list of the Kerala police slides). One row is one call or SMS of the target number: the call or SMS
 * link between the two numbers, the handset the target used (in-device, matched on the IMEI's first 14
 * digits by the normaliser), and the cell it was served by (seen-at), each with the row's time.
 *
 * A B-party that is not a number (an SMS sender id such as AD-Airtel-S) makes no link; the rest of the row
 * still counts. A VoWiFi row's "cell" holding an IP address makes a used-ip sighting instead.
 */
import { parseDateTime, type DateOrder } from '../dates.js';
import { parseDuration } from '../numbers.js';
import type { Props } from '../../../domain/props.js';
import { instant, RowProblem, type Occurrence, type RowEmitter, type RowView } from '../row-view.js';
import { readCallType } from './call-types.js';
import { fields, type FieldSpec, type MapContext, type Template } from './types.js';

type CdrField =
  | 'target'
  | 'bParty'
  | 'callType'
  | 'serviceType'
  | 'date'
  | 'time'
  | 'endTime'
  | 'duration'
  | 'imei'
  | 'imsi'
  | 'firstCell'
  | 'firstLatLong'
  | 'firstBts'
  | 'toc'
  | 'roaming';

type CdrFields = Record<CdrField, FieldSpec>;

const spec = (synonyms: string[], extra: Partial<FieldSpec> = {}): FieldSpec => ({ synonyms, ...extra });

/** The fields every layout has, with the spellings common to all; each operator puts its own first. */
function cdrFields(own: Partial<Record<CdrField, string[]>>): CdrFields {
  const base: Record<CdrField, string[]> = {
    target: [
      'Target No',
      'Target Number',
      'Target /A PARTY NUMBER',
      'A Party Number',
      'Calling No',
      'MSISDN',
    ],
    bParty: ['B Party No', 'B Party Number', 'Other Party Number', 'Called No', 'B Number'],
    callType: ['Call Type', 'Call_Type', 'Type'],
    serviceType: ['Service Type'],
    date: ['Date', 'Call Date'],
    time: ['Time', 'Call Time', 'Start Time'],
    endTime: ['Call Termination Time', 'End Time'],
    duration: ['Duration', 'Call Duration', 'Dur(s)', 'Dur'],
    imei: ['IMEI', 'ESN/IMEI'],
    imsi: ['IMSI'],
    firstCell: ['First Cell ID', 'First CGI', 'First Cell Global Id', 'First Cell', 'Cell ID', 'CGI'],
    firstLatLong: ['First CGI Lat/Long', 'Lat/Long'],
    firstBts: ['First BTS Location', 'BTS Location', 'Address'],
    toc: ['TOC', 'Type of Connection', 'Type_of_Conn'],
    roaming: ['Roam Nw', 'Roaming Circle Name', 'Roaming Network/Circle', 'Roam Circle'],
  };
  const merged = Object.fromEntries(
    Object.entries(base).map(([f, syn]) => [f, [...(own[f as CdrField] ?? []), ...syn]]),
  ) as Record<CdrField, string[]>;
  return fields({
    target: spec(merged.target, { required: true, label: 'target number' }),
    bParty: spec(merged.bParty, { required: true, label: 'other number' }),
    callType: spec(merged.callType, { required: true, label: 'call type' }),
    serviceType: spec(merged.serviceType),
    date: spec(merged.date, { required: true, date: true, label: 'call date' }),
    time: spec(merged.time, { label: 'call time' }),
    endTime: spec(merged.endTime),
    duration: spec(merged.duration, { label: 'duration' }),
    imei: spec(merged.imei),
    imsi: spec(merged.imsi),
    firstCell: spec(merged.firstCell),
    firstLatLong: spec(merged.firstLatLong),
    firstBts: spec(merged.firstBts),
    toc: spec(merged.toc),
    roaming: spec(merged.roaming),
  });
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}(:\d+)?$/;

const LABELLED_GEO =
  /lat\s*[-:=]?\s*(-?\d{1,3}(?:\.\d+)?)\s*[,;/\s]\s*long?\s*[-:=]?\s*(-?\d{1,3}(?:\.\d+)?)/i;
const PLAIN_GEO = /^(-?\d{1,3}\.\d+)\s*[/,]\s*(-?\d{1,3}\.\d+)$/;

/** A text that is no position: the other column is asked. A position out of range is none at all. */
const NO_MATCH = null;
const OUT_OF_RANGE = Object.freeze({}) as Props;

/** Lat/long of the first cell, from Airtel's "21.29669/72.8915" or BSNL's "…; Lat-22.39711; Long-88.43938". */
function readPosition(m: RegExpExecArray | null): Props | null {
  if (!m) return NO_MATCH;
  const lat = Math.round(Number(m[1]) * 1e5) / 1e5;
  const lon = Math.round(Number(m[2]) * 1e5) / 1e5;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || (lat === 0 && lon === 0)) return OUT_OF_RANGE;
  return Object.freeze({ lat, lon });
}

/**
 * A CDR states its cells' positions on every row, in a few hundred spellings: each is read once, and the
 * same object comes back for the same text, which lets a chunk see that nothing changed.
 */
class Positions {
  private readonly plain = new Map<string, Props | null>();
  private readonly labelled = new Map<string, Props | null>();

  of(row: RowView): Props | undefined {
    const p =
      this.read(this.plain, row.text('firstLatLong'), PLAIN_GEO) ??
      this.read(this.labelled, row.text('firstBts'), LABELLED_GEO);
    return p === null || p === OUT_OF_RANGE ? undefined : p;
  }

  private read(known: Map<string, Props | null>, text: string, pattern: RegExp): Props | null {
    let p = known.get(text);
    if (p === undefined) {
      if (known.size > 50_000) known.clear();
      known.set(text, (p = readPosition(pattern.exec(text))));
    }
    return p;
  }
}
const positions = new Positions();

export function readWhen(row: RowView, ctx: MapContext): number {
  const date = row.required('date', 'the date');
  const order: DateOrder = ctx.dateOrder.date ?? 'dmy';
  const at = parseDateTime(date, row.text('time'), order);
  if (at === undefined) {
    const time = row.text('time');
    if (time && parseDateTime(date, undefined, order) !== undefined)
      throw new RowProblem('time', `${JSON.stringify(time)} is not a time (HH:MM:SS, or 10:12 PM)`);
    throw new RowProblem(
      'date',
      `${JSON.stringify(date)} is not a date (${order === 'mdy' ? 'MM/DD/YYYY' : 'DD/MM/YYYY'}, DD-MM-YY, DD-Mon-YYYY or an Excel date)`,
    );
  }
  return at;
}

function mapCdrRow(row: RowView, emit: RowEmitter, ctx: MapContext): void {
  const target = emit.key('phone', undefined, row.required('target', 'the target number'), 'target')!;
  const at = readWhen(row, ctx);
  const code = row.text('callType');
  const type = readCallType(code, row.text('serviceType'));
  const other = row.text('bParty');
  if (!type && code !== '')
    throw new RowProblem('callType', `${JSON.stringify(code)} is not a call type this layout uses`);
  emit.entity(target);
  if (type && other !== '') {
    // A sender id (AD-Airtel-S) is not a party one can call back: the row's other facts stand without it.
    // A number (nearly every row) is known at once; what is not one is looked at for letters only then.
    const b =
      emit.tryKey('phone', undefined, other) ??
      (/\p{L}/u.test(other) ? undefined : emit.key('phone', undefined, other, 'bParty'));
    if (b && b.n !== target.n) {
      let durationS: number | undefined;
      const d = row.text('duration');
      if (d !== '' && type.kind === 'called') {
        durationS = parseDuration(d);
        if (durationS === undefined)
          throw new RowProblem('duration', `${JSON.stringify(d)} is not a duration (seconds or HH:MM:SS)`);
      }
      const occ: Occurrence = instant(at, durationS);
      if (type.dir === 'out') emit.link(type.kind, target, b, occ);
      else emit.link(type.kind, b, target, occ);
    }
  }
  const imei = emit.key('device', undefined, row.text('imei'), 'imei', true);
  if (imei) emit.sighting('in-device', target, imei, at);
  const cellText = row.text('firstCell');
  if (cellText !== '') {
    // A cell id has no dot: only a text with one is looked at as an IPv4 address.
    if ((cellText.includes('.') && IPV4.test(cellText)) || cellText.startsWith('[')) {
      const ip = emit.tryKey('ip', undefined, cellText.replace(/:\d+$/, ''));
      if (ip) emit.sighting('used-ip', target, ip, at);
    } else {
      const cell = emit.key('location', 'cell', cellText, 'firstCell', true);
      if (cell) {
        emit.entity(cell, positions.of(row));
        emit.sighting('seen-at', target, cell, at);
      }
    }
  }
}

function cdrTemplate(
  id: string,
  label: string,
  own: Partial<Record<CdrField, string[]>>,
  extra: Partial<Template>,
): Template {
  return { id, label, documentType: 'cdr', fields: cdrFields(own), map: mapCdrRow, ...extra };
}

export const AIRTEL_CDR = cdrTemplate(
  'cdr-airtel',
  'Airtel CDR',
  {
    target: ['Target No'],
    bParty: ['B Party No'],
    date: ['Date'],
    time: ['Time'],
    duration: ['Dur(s)'],
    firstCell: ['First CGI'],
    firstLatLong: ['First CGI Lat/Long'],
  },
  { banner: /BHARTI AIRTEL|AIRTEL/i, dateOrder: 'dmy' },
);

export const JIO_CDR = cdrTemplate(
  'cdr-jio',
  'Jio CDR',
  {
    target: ['Calling Party Telephone Number'],
    bParty: ['Called Party Telephone Number'],
    date: ['Call Date'],
    time: ['Call Time'],
    duration: ['Call Duration'],
    firstCell: ['First Cell ID'],
  },
  { banner: /Ticket Number|Input Value|JIO/i, dateOrder: 'dmy' },
);

export const VI_CDR = cdrTemplate(
  'cdr-vi',
  'Vi (Vodafone Idea) CDR',
  {
    target: ['Target /A PARTY NUMBER'],
    bParty: ['B PARTY NUMBER'],
    date: ['Call date'],
    time: ['Call Initiation Time'],
    firstCell: ['First Cell Global Id'],
    firstBts: ['First BTS Location'],
  },
  { banner: /VODAFONE|IDEA|ALLINDIA/i, dateOrder: 'dmy' },
);

export const BSNL_CDR = cdrTemplate(
  'cdr-bsnl',
  'BSNL CDR',
  {
    target: ['Target/A-Party Number'],
    bParty: ['Other/B-party Number'],
    date: ['Call Date'],
    time: ['Call Initiation Time'],
    firstCell: ['First Cell Global ID'],
    firstBts: ['First BTS Location'],
  },
  { banner: /Search Criteria|Search Value|BSNL/i, dateOrder: 'dmy' },
);

export const GENERIC_CDR = cdrTemplate(
  'cdr',
  'CDR (other layouts)',
  {
    target: ['CALLING_NO', 'Calling Number', 'A Party'],
    bParty: ['CALLED_NO', 'Called Number', 'B Party'],
    date: ['CALL_DATE'],
    time: ['CALL_TIME'],
    duration: ['DURATION'],
    firstCell: ['FIRST_CELL'],
    imei: ['ESN/IMEI'],
  },
  {},
);

/** An Airtel tower dump is its CDR under a cell banner (INDIA.md §1.3): the same columns, another document type. */
export const TOWER_DUMP = cdrTemplate(
  'tower-dump',
  'Tower dump',
  {
    target: ['Target No'],
    bParty: ['B Party No'],
    date: ['Date'],
    time: ['Time'],
    duration: ['Dur(s)'],
    firstCell: ['First CGI'],
    firstLatLong: ['First CGI Lat/Long'],
  },
  { documentType: 'tower-dump', banner: /Call Details of CELL ID/i, dateOrder: 'dmy' },
);
