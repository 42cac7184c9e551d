/** Places: free-text addresses, geo points and cell towers, as CDRs, IPDRs and registers write them. */
import type { KeyResult } from './result.js';
import { collapseSpace, foldText } from './fold.js';

export function normaliseAddress(raw: string): KeyResult {
  const key = foldText(raw);
  if (!/[\p{L}\p{N}]/u.test(key)) return { ok: false, reason: 'an address is empty' };
  return { ok: true, key, display: collapseSpace(raw) };
}

const NUMBER = String.raw`[-+]?\d{1,3}(?:\.\d+)?`;
// Airtel writes "21.29669/72.8915"; others "21.29669, 72.8915".
const PLAIN = new RegExp(String.raw`^(${NUMBER})\s*[,/;\s]\s*(${NUMBER})$`);
// BSNL writes "Lat-22.39711; Long-88.43938": the dash there separates label and value, it is not a sign.
const LABELLED = new RegExp(
  String.raw`^lat(?:itude)?\s*[-:=]?\s*(${NUMBER})\s*[,;/\s]\s*lon(?:g|gitude)?\s*[-:=]?\s*(${NUMBER})$`,
  'i',
);

function round5(n: number): number {
  const r = Math.round(n * 1e5) / 1e5;
  return r === 0 ? 0 : r; // no "-0.00000" key beside "0.00000"
}

export function normaliseGeo(raw: string): KeyResult {
  const text = raw.trim().replace(/^'+/, '');
  const match = PLAIN.exec(text) ?? LABELLED.exec(text);
  if (!match)
    return { ok: false, reason: "write a geo point as 'latitude,longitude' (e.g. 21.29669,72.8915)" };
  const lat = round5(Number(match[1]));
  const lon = round5(Number(match[2]));
  if (Math.abs(lat) > 90) return { ok: false, reason: 'a latitude lies between -90 and 90' };
  if (Math.abs(lon) > 180) return { ok: false, reason: 'a longitude lies between -180 and 180' };
  // Exports fill an unknown position with 0,0; as a key it would put every such call at one place.
  if (lat === 0 && lon === 0) return { ok: false, reason: '0,0 is a placeholder for an unknown position' };
  const key = `${lat.toFixed(5)},${lon.toFixed(5)}`;
  return { ok: true, key, display: `${lat.toFixed(5)}, ${lon.toFixed(5)}`, props: { lat, lon } };
}

/**
 * Cell global ids in the three forms of INDIA.md §1.1. Each form keys as written (uppercased, separators
 * kept for the dashed form), so the same cell written the same way is one node. The forms are told apart
 * by shape: dashes, hex letters, or bare digits. Matching one cell across forms (Vi's digits against
 * Airtel's dashes, Jio's hex ECI against a decimal CI) needs an operator cell database: a later issue.
 */
export function normaliseCellId(raw: string): KeyResult {
  const text = raw.trim().replace(/^'+/, '').replace(/\s+/g, '').toUpperCase();
  if (text === '' || /^[-0]*$/.test(text) || /^(NA|N\/A|NULL|NONE)$/.test(text)) {
    return { ok: false, reason: 'a cell id is empty' };
  }
  if (/^\d{1,3}(\.\d{1,3}){3}(:\d+)?$/.test(text) || text.startsWith('[')) {
    return {
      ok: false,
      reason: 'looks like an IP address (a VoWiFi call), not a cell id: record it as an ip',
    };
  }
  // Airtel and BSNL: MCC-MNC-LAC-CI, digits kept as written (no leading-zero changes).
  const dashed = /^(\d{3})-(\d{2,3})-(\d{1,10})-(\d{1,12})$/.exec(text);
  if (dashed) {
    const [, mcc = '', mnc = ''] = dashed;
    return { ok: true, key: text, display: text, props: { mcc, mnc } };
  }
  // Jio: read by its shape as MCC, three-digit MNC and a 28-bit LTE cell id in seven hex digits. That is an
  // inference from sample CDRs, not a published layout, so it only names mcc and mnc, never splits the key.
  if (/^\d{6}[0-9A-F]{7}$/.test(text) && /[A-F]/.test(text)) {
    return { ok: true, key: text, display: text, props: { mcc: text.slice(0, 3), mnc: text.slice(3, 6) } };
  }
  // Vi: the four fields run together. The ITU gives every MNC under MCC 404 two digits, so that split is
  // safe; under 405 two- and three-digit MNCs coexist and only the MCC can be read.
  if (/^\d{10,20}$/.test(text)) {
    const mcc = text.slice(0, 3);
    return {
      ok: true,
      key: text,
      display: text,
      props: mcc === '404' ? { mcc, mnc: text.slice(3, 5) } : { mcc },
    };
  }
  if (/^[0-9A-F]{10,20}$/.test(text)) return { ok: true, key: text, display: text };
  return {
    ok: false,
    reason: 'not a cell global id (e.g. 404-98-8331-230711555, 404056205320221 or 40585703AD319)',
  };
}
