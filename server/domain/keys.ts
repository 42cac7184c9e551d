/**
 * One entry point from (kind, scheme, raw key) to the normalised key an id is derived from. The
 * normalisers themselves live in ./normalise, one identifier family per file.
 */
import type { CountryCode } from 'libphonenumber-js';
import type { EntityKind, Scheme } from './kinds.js';
import { SCHEMES, defaultScheme } from './kinds.js';
import { memoByContext } from './memo.js';
import type { KeyResult } from './normalise/result.js';
import { normalisePhone, phoneSpelling } from './normalise/phone.js';
import { normaliseImei } from './normalise/imei.js';
import { normaliseBankAccount } from './normalise/bank.js';
import { normaliseUpi } from './normalise/upi.js';
import { normaliseEmail } from './normalise/email.js';
import { normaliseHandle, normaliseWallet } from './normalise/handle.js';
import { normalisePan } from './normalise/pan.js';
import { normaliseAadhaar } from './normalise/aadhaar.js';
import { normaliseDrivingLicence, normaliseEpic, normalisePassport } from './normalise/id-documents.js';
import { normaliseIp } from './normalise/ip.js';
import { normaliseAddress, normaliseCellId, normaliseGeo } from './normalise/location.js';
import { normaliseHotel } from './normalise/hotel.js';
import { normaliseVehicle } from './normalise/vehicle.js';
import {
  normaliseAdKey,
  normaliseCaseKey,
  normalisePersonKey,
  normaliseSha256,
} from './normalise/text-keys.js';

export type { KeyResult };

export interface KeyContext {
  /** Region assumed for phone numbers written without a country code. */
  defaultRegion: CountryCode;
  /** Secret for the keyed hash of Aadhaar numbers (HMAC-SHA-256); never stored beside the data. */
  aadhaarKey: string;
}

type Normaliser = (raw: string, ctx: KeyContext) => KeyResult;

const NORMALISERS: Record<Scheme, Normaliser> = {
  person: (raw) => normalisePersonKey(raw),
  phone: (raw, ctx) => normalisePhone(raw, ctx.defaultRegion),
  imei: (raw) => normaliseImei(raw),
  bank: (raw) => normaliseBankAccount(raw),
  upi: (raw) => normaliseUpi(raw),
  wallet: (raw, ctx) => normaliseWallet(raw, ctx.defaultRegion),
  email: (raw) => normaliseEmail(raw),
  handle: (raw) => normaliseHandle(raw),
  pan: (raw) => normalisePan(raw),
  aadhaar: (raw, ctx) => normaliseAadhaar(raw, ctx.aadhaarKey),
  passport: (raw) => normalisePassport(raw),
  epic: (raw) => normaliseEpic(raw),
  'driving-licence': (raw) => normaliseDrivingLicence(raw),
  ip: (raw) => normaliseIp(raw),
  address: (raw) => normaliseAddress(raw),
  geo: (raw) => normaliseGeo(raw),
  cell: (raw) => normaliseCellId(raw),
  hotel: (raw) => normaliseHotel(raw),
  vehicle: (raw) => normaliseVehicle(raw),
  ad: (raw) => normaliseAdKey(raw),
  fir: (raw) => normaliseCaseKey(raw),
  sha256: (raw) => normaliseSha256(raw),
};

/** Resolves the scheme a reference means; undefined with a reason when it is missing or wrong for the kind. */
export function resolveScheme(
  kind: EntityKind,
  scheme: string | undefined,
): { scheme: Scheme } | { reason: string } {
  const allowed: readonly string[] = SCHEMES[kind];
  if (scheme === undefined) {
    const only = defaultScheme(kind);
    return only ? { scheme: only } : { reason: `a ${kind} needs a scheme: one of ${allowed.join(', ')}` };
  }
  if (!allowed.includes(scheme))
    return { reason: `scheme ${scheme} is not one of a ${kind}'s: ${allowed.join(', ')}` };
  return { scheme: scheme as Scheme };
}

/**
 * Normalisers are pure, and a CDR names the same few numbers thousands of times; parsing a phone costs
 * tens of microseconds, so results are remembered per context.
 */
const normaliseMemo = memoByContext(250_000, (scheme: string, key: string, ctx: KeyContext) =>
  NORMALISERS[scheme as Scheme](key, ctx),
);

export function normaliseKey(scheme: Scheme, raw: string, ctx: KeyContext): KeyResult {
  const spelling = scheme === 'phone' ? phoneSpelling(raw, ctx.defaultRegion) : raw;
  return normaliseMemo(scheme, spelling, ctx);
}
