/**
 * Amounts and durations as statements and CDRs write them. Amounts: Indian grouping (1,23,456.00) or
 * Western (150,000.00), a rupee sign or "Rs.", a Cr/Dr suffix (2,000.00Cr, 150,000.00(Cr)), a sign or
 * accountants' brackets. A grouping that is neither Indian nor Western (1,2,3) is refused: it is more
 * likely two values run together than a number. Durations: seconds, or H:MM:SS / MM:SS.
 */

export interface Amount {
  /** Rupees, never negative: the side is in `side`. */
  rupees: number;
  /** Credit or debit when the cell says so (suffix, sign or brackets). */
  side?: 'cr' | 'dr';
}

const INDIAN = /^\d{1,2}(,\d{2})*,\d{3}$/;
const WESTERN = /^\d{1,3}(,\d{3})+$/;

export function parseAmount(raw: string): Amount | undefined {
  let text = raw.trim().replace(/^'+/, '');
  if (text === '') return undefined;
  let side: Amount['side'];
  const suffix = /\(?\s*(cr|dr)\.?\s*\)?$/i.exec(text);
  if (suffix) {
    side = suffix[1]!.toLowerCase() as 'cr' | 'dr';
    text = text.slice(0, suffix.index).trim();
  }
  text = text.replace(/^(₹|rs\.?|inr)\s*/i, '');
  if (/^\(.*\)$/.test(text)) {
    side = 'dr';
    text = text.slice(1, -1).trim();
  }
  if (text.startsWith('-')) {
    side = 'dr';
    text = text.slice(1).trim();
  } else if (text.startsWith('+')) text = text.slice(1).trim();
  text = text.replace(/^(₹|rs\.?|inr)\s*/i, '');
  const m = /^([\d,]+)(\.\d{1,2})?$/.exec(text);
  if (!m) return undefined;
  const whole = m[1]!;
  if (whole.includes(',') && !INDIAN.test(whole) && !WESTERN.test(whole)) return undefined;
  const rupees = Number(whole.replace(/,/g, '') + (m[2] ?? ''));
  return Number.isFinite(rupees) ? { rupees, ...(side ? { side } : {}) } : undefined;
}

/** Seconds from "62", "62.0", "00:01:02", "1:02" (minutes and seconds), "1:02:03"; undefined if unreadable. */
export function parseDuration(raw: string): number | undefined {
  const text = raw.trim().replace(/^'+/, '');
  if (/^\d+(\.0+)?$/.test(text)) return Number(text.split('.')[0]);
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [h, min, s] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3])];
  if (s > 59 || (m[1] !== undefined && min > 59)) return undefined;
  return h * 3600 + min * 60 + s;
}
