/**
 * Dates and times as Indian records write them: 15/04/2026, 15-04-26, 15-Apr-2026, 15 Jan 2024, 2026-04-15,
 * 20260415, Excel serial days (45762.43), times in 24 or 12 hours. Every instant is Indian Standard Time
 * (+05:30, no daylight saving) unless the cell says otherwise, which is what the sources mean.
 *
 * A numeric date such as 03/04/2026 reads either way round. A column's order is decided from all its values
 * (detectDateOrder): a day above 12 settles it; a column where every value fits both orders is flagged as
 * ambiguous and read day-first, as India writes dates, with the flag shown to the user.
 */

export type DateOrder = 'dmy' | 'mdy' | 'ymd';

export interface CivilDate {
  y: number;
  m: number;
  d: number;
}

const IST_OFFSET_MS = 330 * 60_000;

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

const NUMERIC = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/;
const NAMED = /^(\d{1,2})[\s/.-]*([A-Za-z]{3,9})[\s/.,-]*(\d{2}|\d{4})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
// Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in); 20000 is 1954, 80000 is 2119.
const SERIAL = /^\d{5}(\.\d+)?$/;
const EXCEL_EPOCH_DAYS = Date.UTC(1899, 11, 30) / 86_400_000;

function fullYear(y: string): number {
  const n = Number(y);
  // Two-digit years in police records are of this century's investigations, or of births in the last.
  if (y.length === 2) return n <= 69 ? 2000 + n : 1900 + n;
  return n;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function valid(c: CivilDate): CivilDate | undefined {
  if (c.y < 1900 || c.y > 2199 || c.m < 1 || c.m > 12 || c.d < 1) return undefined;
  const leap = c.m === 2 && c.y % 4 === 0 && (c.y % 100 !== 0 || c.y % 400 === 0);
  return c.d <= DAYS[c.m - 1]! + (leap ? 1 : 0) ? c : undefined;
}

/** The two numbers before the year of a numeric date, for deciding a column's order. */
export function numericParts(text: string): [number, number] | undefined {
  const m = NUMERIC.exec(text.trim().replace(/^'+/, '').split(/[\sT]/)[0] ?? '');
  if (!m || m[1]!.length > 2) return undefined;
  return [Number(m[1]), Number(m[2])];
}

// A CDR has a few hundred distinct dates over a million rows: each is read once.
const dateCache = new Map<string, CivilDate | null>();
function cachedDate(text: string, order: DateOrder): CivilDate | undefined {
  const k = order + text;
  let d = dateCache.get(k);
  if (d === undefined) {
    if (dateCache.size > 50_000) dateCache.clear();
    d = parseDate(text, order) ?? null;
    dateCache.set(k, d);
  }
  return d ?? undefined;
}

/** A date alone, or undefined when it is not one. */
export function parseDate(raw: string, order: DateOrder = 'dmy'): CivilDate | undefined {
  const text = raw.trim().replace(/^'+|'+$/g, '');
  let m = NUMERIC.exec(text);
  if (m) {
    const [a, b, c] = [m[1]!, m[2]!, m[3]!];
    if (a.length === 4) return valid({ y: Number(a), m: Number(b), d: Number(c) });
    if (c.length === 1 || c.length === 3) return undefined;
    return order === 'mdy'
      ? valid({ y: fullYear(c), m: Number(a), d: Number(b) })
      : valid({ y: fullYear(c), m: Number(b), d: Number(a) });
  }
  m = NAMED.exec(text);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    return month ? valid({ y: fullYear(m[3]!), m: month, d: Number(m[1]) }) : undefined;
  }
  m = COMPACT.exec(text);
  if (m) return valid({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) });
  return undefined;
}

/** Seconds since midnight, from 10:12, 10:12:05, 10:12:05.250, 10:12 PM, 101205; undefined if not a time. */
export function parseTime(raw: string): number | undefined {
  const text = raw.trim().replace(/^'+|'+$/g, '');
  const m = /^(\d{1,2})(?::|\.)?(\d{2})(?:(?::|\.)?(\d{2})(?:[.,]\d+)?)?\s*([AaPp]\.?[Mm]\.?)?$/.exec(text);
  if (!m) return undefined;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const s = m[3] === undefined ? 0 : Number(m[3]);
  if (m[4]) {
    if (h < 1 || h > 12) return undefined;
    const pm = /^p/i.test(m[4]);
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (h > 23 || min > 59 || s > 59) return undefined;
  return h * 3600 + min * 60 + s;
}

/** Milliseconds since the epoch of a civil date and time in IST. */
export function istMs(date: CivilDate, seconds = 0): number {
  return Date.UTC(date.y, date.m - 1, date.d) + seconds * 1000 - IST_OFFSET_MS;
}

function excelSerial(text: string): number | undefined {
  if (!SERIAL.test(text)) return undefined;
  const days = Number(text);
  const ms = Math.round(((days + EXCEL_EPOCH_DAYS) * 86_400_000) / 1000) * 1000;
  // The serial is a local (IST) wall-clock reading, so it is shifted like any other.
  return ms - IST_OFFSET_MS;
}

/**
 * A date-time from one cell ("15/04/2026 10:12:05", "2026-04-15T10:12:00+05:30", an Excel serial) or from
 * a date cell and a time cell. Undefined when it cannot be read.
 */
export function parseDateTime(
  dateRaw: string,
  timeRaw?: string,
  order: DateOrder = 'dmy',
): number | undefined {
  // The shape of nearly every CDR row — a date alone and an HH:MM:SS time — read without a regex.
  if (timeRaw !== undefined && timeRaw.length === 8) {
    const day = midnight(dateRaw, order);
    const t = clock(timeRaw);
    if (day !== undefined && t !== undefined) return day + t * 1000;
  }
  const text = dateRaw.trim().replace(/^'+|'+$/g, '');
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && /(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : ms;
  }
  const serial = excelSerial(text);
  if (serial !== undefined) {
    if (timeRaw === undefined || timeRaw.trim() === '') return serial;
    const t = timeOfDay(timeRaw.trim());
    return t === undefined ? undefined : serial + t * 1000;
  }
  // "20260101 1012" and BSNL's "202601010000" run date and time together.
  const run = /^(\d{8})(\d{4}|\d{6})$/.exec(text);
  let datePart = text;
  let timePart = timeRaw?.trim() ?? '';
  if (run) {
    datePart = run[1]!;
    timePart = run[2]!;
  } else {
    const cut = /^(\S+?)(?:[ T]+)(\d{1,2}[:.]\d{2}.*)$/.exec(text);
    if (cut) {
      datePart = cut[1]!;
      if (timePart === '') timePart = cut[2]!;
    } else {
      const named = /^(\d{1,2}[\s-][A-Za-z]{3,9}[\s-]\d{2,4})\s+(.+)$/.exec(text);
      if (named) {
        datePart = named[1]!;
        if (timePart === '') timePart = named[2]!;
      }
    }
  }
  const date = cachedDate(datePart, order);
  if (!date) return undefined;
  if (timePart === '') return istMs(date);
  const t = timeOfDay(timePart);
  return t === undefined ? undefined : istMs(date, t);
}

const dayPrefix = new Map<number, string>();
const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

// By order, then spelling: a lookup per row builds no key.
const midnights: Record<DateOrder, Map<string, number | null>> = {
  dmy: new Map(),
  mdy: new Map(),
  ymd: new Map(),
};
/** A cell holding a date and nothing else (no time, no serial), as IST midnight; cached per spelling. */
function midnight(raw: string, order: DateOrder): number | undefined {
  // A CDR's rows run in time order: the date of the row before is compared before any lookup.
  if (raw === lastDay.raw && order === lastDay.order) return lastDay.ms;
  const known = midnights[order];
  let ms = known.get(raw);
  if (ms === undefined) {
    if (known.size > 50_000) known.clear();
    const text = raw.trim().replace(/^'+|'+$/g, '');
    const d = SERIAL.test(text) ? undefined : parseDate(text, order);
    ms = d ? istMs(d) : null;
    known.set(raw, ms);
  }
  lastDay.raw = raw;
  lastDay.order = order;
  lastDay.ms = ms ?? undefined;
  return ms ?? undefined;
}
const lastDay: { raw: string; order: DateOrder; ms: number | undefined } = {
  raw: '',
  order: 'dmy',
  ms: undefined,
};

const CLOCK_DIGITS = [0, 1, 3, 4, 6, 7];
/** "HH:MM:SS" in seconds, digits checked one by one; undefined for anything else. */
function clock(t: string): number | undefined {
  if (t.charCodeAt(2) !== 58 || t.charCodeAt(5) !== 58) return undefined;
  let n = 0;
  for (const i of CLOCK_DIGITS) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    n = n * 10 + c;
  }
  const h = Math.floor(n / 10_000);
  const m = Math.floor(n / 100) % 100;
  const s = n % 100;
  return h < 24 && m < 60 && s < 60 ? h * 3600 + m * 60 + s : undefined;
}

/** A time cell: a clock time, or Excel's fraction of a day (0.425 is 10:12). */
function timeOfDay(text: string): number | undefined {
  return /^0?\.\d+$/.test(text) ? Math.round(Number(text) * 86_400) : parseTime(text);
}

/** An instant as the batch contract writes it: ISO 8601 in IST. A CDR formats a million of them. */
export function isoIst(ms: number): string {
  const local = ms + IST_OFFSET_MS;
  const day = Math.floor(local / 86_400_000);
  let prefix = dayPrefix.get(day);
  if (prefix === undefined) {
    if (dayPrefix.size > 10_000) dayPrefix.clear();
    prefix = new Date(day * 86_400_000).toISOString().slice(0, 11);
    dayPrefix.set(day, prefix);
  }
  const s = Math.floor((local - day * 86_400_000) / 1000);
  return `${prefix}${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}+05:30`;
}

export interface OrderVerdict {
  order: DateOrder;
  /** Every value fits day-first and month-first: the order was not read from the data. */
  ambiguous: boolean;
  /** A value that fits neither the order found nor the other, or two values that contradict each other. */
  conflict?: { value: string; other: string };
}

/** Decides the order of a column's numeric dates from its values (see the banner). */
export function detectDateOrder(values: Iterable<string>, fallback: DateOrder = 'dmy'): OrderVerdict {
  let dayFirst: string | undefined;
  let monthFirst: string | undefined;
  let numeric = false;
  for (const v of values) {
    const parts = numericParts(v);
    if (!parts) continue;
    numeric = true;
    if (parts[0] > 12 && parts[1] <= 12) dayFirst ??= v;
    if (parts[1] > 12 && parts[0] <= 12) monthFirst ??= v;
  }
  if (dayFirst && monthFirst)
    return { order: 'dmy', ambiguous: false, conflict: { value: monthFirst, other: dayFirst } };
  if (dayFirst) return { order: 'dmy', ambiguous: false };
  if (monthFirst) return { order: 'mdy', ambiguous: false };
  return { order: fallback, ambiguous: numeric && fallback !== 'ymd' };
}
