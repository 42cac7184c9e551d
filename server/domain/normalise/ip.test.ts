import { isIPv6 } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseIp } from './ip.js';

describe('normaliseIp', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7', 'reserved'],
    ['8.8.8.8', '8.8.8.8', 'public'],
    ['49.36.12.34', '49.36.12.34', 'public'],
    ['010.001.002.003', '10.1.2.3', 'private'],
    ["'100.72.1.9", '100.72.1.9', 'private'],
    ['172.31.255.255', '172.31.255.255', 'private'],
    ['172.32.0.1', '172.32.0.1', 'public'],
    ['192.168.1.10:5060', '192.168.1.10', 'private'],
    ['127.0.0.1', '127.0.0.1', 'reserved'],
    ['239.1.2.3', '239.1.2.3', 'reserved'],
    ['::ffff:49.36.12.34', '49.36.12.34', 'public'],
  ])('reads IPv4 %j as %s (%s)', (raw, key, scope) => {
    expect(normaliseIp(raw)).toEqual({ ok: true, key, display: key, props: { version: 4, scope } });
  });

  it.each([
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1', 'reserved'],
    ['2001:0db8:0000:0000:0001:0000:0000:0001', '2001:db8::1:0:0:1', 'reserved'],
    ['2409:4040:0abc:0000:0000:0000:0000:0001', '2409:4040:abc::1', 'public'],
    ['[2409:4040:abc::1]:443', '2409:4040:abc::1', 'public'],
    ['[2409:4040:abc::1]', '2409:4040:abc::1', 'public'],
    ['2409:4040:0:0:1:0:0:1', '2409:4040::1:0:0:1', 'public'],
    ['2409:4040:0:1:0:1:0:1', '2409:4040:0:1:0:1:0:1', 'public'],
    ['fd12:3456::1', 'fd12:3456::1', 'private'],
    ['fe80::1', 'fe80::1', 'reserved'],
    ['::1', '::1', 'reserved'],
    ['::', '::', 'reserved'],
    ['64:ff9b::1.2.3.4', '64:ff9b::102:304', 'reserved'],
  ])('reads IPv6 %j as %s (%s)', (raw, key, scope) => {
    expect(normaliseIp(raw)).toEqual({ ok: true, key, display: key, props: { version: 6, scope } });
  });

  it.each([
    ['256.1.1.1', 'not an IPv4 or IPv6'],
    ['1.2.3', 'not an IPv4 or IPv6'],
    ['1.2.3.4.5', 'not an IPv4 or IPv6'],
    ['1.2.3.4:99999', 'not an IPv4 or IPv6'],
    ['2001:db8::1::2', 'not an IPv4 or IPv6'],
    ['fe80::1%eth0', 'not an IPv4 or IPv6'],
    ['example.in', 'not an IPv4 or IPv6'],
    ['', 'empty'],
  ])('rejects %j: %s', (raw, reason) => {
    const result = normaliseIp(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  const v6groups = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff })), {
    minLength: 8,
    maxLength: 8,
  });

  it('writes IPv6 in RFC 5952 form: one key for the full, padded and upper-case spellings', () => {
    fc.assert(
      fc.property(v6groups, (groups) => {
        fc.pre(!(groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff));
        const full = groups.map((g) => g.toString(16).padStart(4, '0')).join(':');
        const result = normaliseIp(full.toUpperCase());
        if (!result.ok) throw new Error(result.reason);
        expect(isIPv6(result.key)).toBe(true);
        // The WHATWG URL serialiser compresses IPv6 the RFC 5952 way; it is an independent oracle.
        expect(`[${result.key}]`).toBe(new URL(`http://[${full}]/`).hostname);
        expect(normaliseIp(result.key)).toEqual(result);
        expect(normaliseIp(groups.map((g) => g.toString(16)).join(':'))).toEqual(result);
      }),
    );
  });

  it('is idempotent for IPv4 and reads octets as decimal', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }), (octets) => {
        const padded = octets.map((o) => String(o).padStart(3, '0')).join('.');
        const result = normaliseIp(padded);
        expect(result).toMatchObject({ ok: true, key: octets.join('.') });
        if (result.ok) expect(normaliseIp(result.key)).toEqual(result);
      }),
    );
  });
});
