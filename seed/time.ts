/**
 * Time in the synthetic world: whole seconds since 2026-01-01 00:00 IST, written as ISO 8601 with the
 * +05:30 offset Indian records use. Formatting by hand instead of through Date keeps a million timestamps
 * cheap and free of the host's time zone.
 */

export const DAY = 86_400;
export const HOUR = 3_600;
export const MINUTE = 60;

/** The world's year; every event falls inside it. */
export const YEAR = 2026;
export const YEAR_SECONDS = 365 * DAY;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTH_START: number[] = [];
for (let m = 0, acc = 0; m < 12; m++) {
  MONTH_START.push(acc);
  acc += MONTH_DAYS[m] as number;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function monthOf(dayOfYear: number): number {
  let m = 11;
  while ((MONTH_START[m] as number) > dayOfYear) m--;
  return m;
}

function clampToYear(t: number): number {
  return Math.min(Math.max(0, Math.floor(t)), YEAR_SECONDS - 1);
}

/** "2026-04-15" for a time t. */
export function isoDate(t: number): string {
  const day = Math.floor(clampToYear(t) / DAY);
  const m = monthOf(day);
  return `${YEAR}-${pad2(m + 1)}-${pad2(day - (MONTH_START[m] as number) + 1)}`;
}

/** "2026-04-15T10:12:00+05:30" for a time t. */
export function isoIst(t: number): string {
  const s = clampToYear(t);
  const inDay = s % DAY;
  return `${isoDate(s)}T${pad2(Math.floor(inDay / HOUR))}:${pad2(Math.floor((inDay % HOUR) / MINUTE))}:${pad2(inDay % MINUTE)}+05:30`;
}

/** The time of day-of-year d (0-based) at hh:mm. */
export function at(day: number, hh = 0, mm = 0): number {
  return day * DAY + hh * HOUR + mm * MINUTE;
}

// People call and pay by day, rarely between midnight and six: an hour is drawn from a table in which each
// hour appears as often as its weight, so drawing is one lookup.
const HOUR_TABLE: number[] = [];
for (let h = 0; h < 24; h++)
  for (let k = h < 6 ? 1 : h < 9 ? 4 : h < 21 ? 8 : 5; k > 0; k--) HOUR_TABLE.push(h);

/** A random moment in [lo, hi] at a plausible hour of the day. */
export function when(rng: { next(): number }, lo: number, hi: number): number {
  const a = Math.max(0, Math.min(lo, hi));
  const b = Math.min(YEAR_SECONDS - 1, Math.max(lo, hi));
  const day = Math.floor((a + rng.next() * (b - a)) / DAY);
  const hour = HOUR_TABLE[Math.floor(rng.next() * HOUR_TABLE.length)] as number;
  const t = day * DAY + hour * HOUR + Math.floor(rng.next() * HOUR);
  return Math.min(Math.max(t, a), b);
}
