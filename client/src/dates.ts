/**
 * Dates as Indian officers write them: day, month, year (04/03/2026 is the 4th of March). A browser's
 * date input orders the fields by the browser's locale — month first on an en-US machine, which is how
 * a station's 04/03 becomes the 3rd of April — so the case forms take text in this one order, read it
 * here, and the API gets ISO (YYYY-MM-DD).
 */

export const DATE_HINT = 'DD/MM/YYYY';

/** 2026-03-04 as 04/03/2026; anything else as it is. */
export function toIndianDate(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (iso ?? '');
}

export type ReadDate = { iso: string } | { error: string };

const pad = (n: number) => String(n).padStart(2, '0');

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Reads a day-first date: 4/3/2026, 04-03-2026 and 04.03.2026 are one date. A two-digit year, a month
 * past 12 (the American order) or a day the month does not have is refused with the reason.
 */
export function readIndianDate(text: string): ReadDate {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d+)$/.exec(text.trim());
  if (!m) return { error: `write it ${DATE_HINT}, day first` };
  const [day, month, year] = [Number(m[1]), Number(m[2]), m[3]!];
  if (year.length !== 4) return { error: `write the year in full, ${DATE_HINT}` };
  if (month < 1 || month > 12)
    return { error: `there is no month ${month}: the day comes first, ${DATE_HINT}` };
  const y = Number(year);
  // Date.UTC rolls 31/02 over into March: the date is real only if it comes back as written.
  const d = new Date(Date.UTC(y, month - 1, day));
  if (day < 1 || d.getUTCMonth() !== month - 1 || d.getUTCFullYear() !== y)
    return { error: `${MONTHS[month - 1]} ${year} has no day ${day}` };
  return { iso: `${year}-${pad(month)}-${pad(day)}` };
}

/** Today where the officer is, as they write it. */
export function todayIndian(now = new Date()): string {
  return `${pad(now.getDate())}/${pad(now.getMonth() + 1)}/${now.getFullYear()}`;
}
