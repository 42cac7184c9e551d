/**
 * Indian registration numbers. The same plate is written "DL 2C AB 1234", "DL2CAB1234" and
 * "DL-02-CAB-1234"; the key is the compact form with the RTO number padded to two digits and the serial to
 * four, because the padding is how the RTO itself records it and the unpadded forms are shorthand.
 */
import type { KeyResult } from './result.js';
import { isStateCode } from './states.js';

// State, RTO (1–2 digits), series letters (Delhi's category letter makes up to four), serial (1–4 digits).
const STATE_SERIES = /^([A-Z]{2}) ?(\d{1,2}) ?([A-Z]{1,4}) ?(\d{1,4})$/;
// Old plates without series letters read unambiguously only when separated, or when fully padded (a key).
const NO_SERIES_SPACED = /^([A-Z]{2}) (\d{1,2}) (\d{1,4})$/;
const NO_SERIES_PADDED = /^([A-Z]{2})(\d{2})(\d{4})$/;
// Bharat series since 2021: year of registration, BH, serial, one or two letters.
const BH_SERIES = /^(\d{2}) ?BH ?(\d{4}) ?([A-Z]{1,2})$/;

export function normaliseVehicle(raw: string): KeyResult {
  // Separators become single spaces; spaces between two letter groups ("2C AB") are dropped.
  const text = raw
    .trim()
    .toUpperCase()
    .replace(/[\s\-.]+/g, ' ')
    .replace(/(?<=[A-Z]) (?=[A-Z])/g, '');
  if (text === '') return { ok: false, reason: 'a registration number is empty' };
  const bh = BH_SERIES.exec(text);
  if (bh) {
    const [, year = '', serial = '', letters = ''] = bh;
    return {
      ok: true,
      key: `${year}BH${serial}${letters}`,
      display: `${year} BH ${serial} ${letters}`,
      props: { series: 'BH' },
    };
  }
  const match = STATE_SERIES.exec(text) ?? NO_SERIES_SPACED.exec(text) ?? NO_SERIES_PADDED.exec(text);
  if (!match) {
    return { ok: false, reason: 'not an Indian registration number (as in MH 12 AB 1234 or 22 BH 1234 AA)' };
  }
  const state = match[1] ?? '';
  if (!isStateCode(state))
    return { ok: false, reason: `${state} is not an Indian state or union territory code` };
  const rto = (match[2] ?? '').padStart(2, '0');
  const series = match.length === 5 ? (match[3] ?? '') : '';
  const serial = (match.at(-1) ?? '').padStart(4, '0');
  if (rto === '00' || serial === '0000')
    return { ok: false, reason: 'an RTO number or serial of zero is not issued' };
  return {
    ok: true,
    key: `${state}${rto}${series}${serial}`,
    display: [state, rto, series, serial].filter(Boolean).join(' '),
    props: { state },
  };
}
