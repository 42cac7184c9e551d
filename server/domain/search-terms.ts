/**
 * What a search box query may mean. People type a phone as "98201 23456", "+91-98201-23456" or
 * "9820123456"; each identifier family gets a try, and every reading that normalises becomes an exact
 * id to look up, beside the free-text match on names.
 */
import { entityId } from './ids.js';
import type { KeyContext } from './keys.js';
import { normaliseKey } from './keys.js';
import { SCHEMES, type EntityKind, type Scheme } from './kinds.js';

const TRIED: Scheme[] = [
  'phone',
  'imei',
  'upi',
  'email',
  'pan',
  'aadhaar',
  'passport',
  'epic',
  'vehicle',
  'ip',
  'bank',
  'fir',
  'person',
  'sha256',
];

const KIND_OF = new Map<Scheme, EntityKind>(
  (Object.entries(SCHEMES) as [EntityKind, readonly Scheme[]][]).flatMap(([kind, schemes]) =>
    schemes.map((s) => [s, kind] as [Scheme, EntityKind]),
  ),
);

export function searchIds(query: string, ctx: KeyContext): string[] {
  const ids: string[] = [];
  for (const scheme of TRIED) {
    const r = normaliseKey(scheme, query, ctx);
    if (r.ok) ids.push(entityId(KIND_OF.get(scheme)!, scheme, r.key));
  }
  return ids;
}
