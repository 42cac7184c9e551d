import { describe, expect, it } from 'vitest';
import type { KeyContext } from '../keys.js';
import { normaliseKey } from '../keys.js';
import type { Scheme } from '../kinds.js';

const ctx: KeyContext = { defaultRegion: 'IN', aadhaarKey: 'test-secret-not-a-real-key' };

// One synthetic value per scheme, written as a source would write it.
const SAMPLES: Record<Scheme, [raw: string, key: string | RegExp]> = {
  person: ['fir-0123-2026-a1', 'FIR-0123-2026-A1'],
  phone: ["'919820123456", '+919820123456'],
  imei: ['351234567890120', '351234567890124'],
  bank: ['sbin0001234 / 00001234567890', 'SBIN0001234:00001234567890'],
  upi: ['Test.User@YBL', 'test.user@ybl'],
  wallet: ['Paytm:09820123456', 'paytm:+919820123456'],
  email: ['Test.User@Example.IN', 'test.user@example.in'],
  handle: ['ig:@Test.User', 'instagram:test.user'],
  pan: ['abcpe1234f', 'ABCPE1234F'],
  aadhaar: ['2345 6789 0124', /^[0-9a-f]{64}$/],
  passport: ['z1234567', 'Z1234567'],
  epic: ['abc1234566', 'ABC1234566'],
  'driving-licence': ['MH12 20110012345', 'MH1220110012345'],
  ip: ['[2409:4040:0abc::0001]:443', '2409:4040:abc::1'],
  address: ['Room 4, Test Lane', 'room 4 test lane'],
  geo: ['21.29669/72.8915', '21.29669,72.89150'],
  cell: ['404-98-8331-230711555', '404-98-8331-230711555'],
  hotel: ['Sunrise Lodge, Bombay', 'sunrise lodge|mumbai'],
  vehicle: ['DL 2C AB 1234', 'DL02CAB1234'],
  ad: ['https://Example.IN/ads/1/?utm_source=x', 'https://example.in/ads/1'],
  fir: ['MH / Mumbai City / Kamathipura PS / 0123 / 2026', 'MH/MUMBAI CITY/KAMATHIPURA PS/0123/2026'],
  sha256: ['A'.repeat(64), 'a'.repeat(64)],
};

describe('normaliseKey reaches a normaliser for every scheme', () => {
  it.each(Object.entries(SAMPLES) as [Scheme, [string, string | RegExp]][])('%s', (scheme, [raw, key]) => {
    const result = normaliseKey(scheme, raw, ctx);
    if (!result.ok) throw new Error(result.reason);
    if (typeof key === 'string') expect(result.key).toBe(key);
    else expect(result.key).toMatch(key);
  });
});
