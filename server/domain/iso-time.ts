/**
 * Epoch milliseconds of an ISO 8601 date-time with an offset, as the batch schema admits them
 * ("2026-04-15T10:12:00+05:30", "…00.250Z"). A CDR import reads a million of these, and Date.parse
 * took about half a second of the benchmark import. Same answer as Date.parse for every string of that
 * shape (iso-time.test.ts); anything else goes to Date.parse.
 */
const digit = (s: string, i: number): number => s.charCodeAt(i) - 48;
const two = (s: string, i: number): number => digit(s, i) * 10 + digit(s, i + 1);

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const SHAPE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;

export function isoDateTimeMs(s: string): number {
  // The schema has already checked the calendar (month lengths, leap days); this only reads the digits.
  if (!SHAPE.test(s)) return Date.parse(s);
  const year = digit(s, 0) * 1000 + digit(s, 1) * 100 + two(s, 2);
  const days = daysFromCivil(year, two(s, 5), two(s, 8));
  let ms = ((days * 24 + two(s, 11)) * 60 + two(s, 14)) * 60_000 + two(s, 17) * 1000;
  let i = 19;
  if (s.charCodeAt(i) === 46 /* . */) {
    // Milliseconds are the first three digits of the fraction; further digits are cut, as Date.parse does.
    let scale = 100;
    for (i++; i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57; i++) {
      ms += digit(s, i) * scale;
      scale /= 10;
      if (scale < 1) scale = 0;
    }
  }
  if (s.charCodeAt(i) === 90 /* Z */) return ms;
  const offset = (two(s, i + 1) * 60 + two(s, i + 4)) * 60_000;
  return s.charCodeAt(i) === 43 /* + */ ? ms - offset : ms + offset;
}
