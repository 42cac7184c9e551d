/**
 * IP addresses from IPDRs and VoWiFi CDR columns. Private and reserved addresses are kept (a CGNAT or
 * Wi-Fi address still says something within one operator's records) but marked, so analytics can leave
 * them out of cross-case matching, where they would join strangers behind the same NAT.
 */
import { isIPv6 } from 'node:net';
import type { KeyResult } from './result.js';

type Scope = 'public' | 'private' | 'reserved';

/** Special-purpose ranges (RFC 6890) as [first address, prefix length, scope]; everything else is public. */
const V4_RANGES: [string, number, Scope][] = [
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'private'], // carrier-grade NAT, what mobile IPDRs show as the "private" source
  ['172.16.0.0', 12, 'private'],
  ['192.168.0.0', 16, 'private'],
  ['0.0.0.0', 8, 'reserved'],
  ['127.0.0.0', 8, 'reserved'],
  ['169.254.0.0', 16, 'reserved'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 3, 'reserved'], // multicast and the old class E, up to 255.255.255.255
];

function v4Number(octets: number[]): number {
  return octets.reduce((n, o) => n * 256 + o, 0);
}

function v4Scope(octets: number[]): Scope {
  const n = v4Number(octets);
  for (const [start, bits, scope] of V4_RANGES) {
    const size = 2 ** (32 - bits);
    const first = v4Number(start.split('.').map(Number));
    if (n >= first && n < first + size) return scope;
  }
  return 'public';
}

/** Octets are read as decimal: "010" is ten, as every IPDR means it, not eight as inet_aton would read it. */
function parseV4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return undefined;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : undefined;
}

function parseV6(text: string): number[] | undefined {
  if (!isIPv6(text) || text.includes('%')) return undefined;
  let rest = text.toLowerCase();
  // An embedded dotted IPv4 tail (::ffff:1.2.3.4) is rewritten as the two hex groups it stands for.
  const dotted = /:(\d+\.\d+\.\d+\.\d+)$/.exec(rest);
  if (dotted) {
    const [a = 0, b = 0, c = 0, d = 0] = parseV4(dotted[1] ?? '') ?? [];
    rest = `${rest.slice(0, dotted.index + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const groups = (s: string) => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const [head = '', tail] = rest.split('::');
  if (tail === undefined) return groups(head);
  const front = groups(head);
  const back = groups(tail);
  return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/** RFC 5952: lowercase, no leading zeros, the longest run of two or more zero groups (first on a tie) as "::". */
function formatV6(groups: number[]): string {
  let best = { at: -1, len: 0 };
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.len) best = { at: i, len: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.len < 2) return hex.join(':');
  return `${hex.slice(0, best.at).join(':')}::${hex.slice(best.at + best.len).join(':')}`;
}

function v6Scope(groups: number[]): Scope {
  const first = groups[0] ?? 0;
  if ((first & 0xfe00) === 0xfc00) return 'private'; // unique local fc00::/7
  if (first === 0x2001 && groups[1] === 0x0db8) return 'reserved'; // documentation
  if ((first & 0xe000) === 0x2000) return 'public'; // global unicast 2000::/3
  return 'reserved'; // loopback, unspecified, link-local, multicast, and the unassigned rest
}

/** Drops a port ("1.2.3.4:5060", "[v6]:443"); an impossible port leaves the text as it is, to be rejected. */
function stripPort(text: string): string {
  const match = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text) ?? /^(\d+\.\d+\.\d+\.\d+):(\d{1,5})$/.exec(text);
  if (!match || Number(match[2] ?? 0) > 65535) return text;
  return match[1] ?? '';
}

export function normaliseIp(raw: string): KeyResult {
  const text = stripPort(raw.trim().replace(/^'+/, ''));
  if (text === '') return { ok: false, reason: 'an IP address is empty' };
  const v4 = parseV4(text);
  if (v4) {
    const key = v4.join('.');
    return { ok: true, key, display: key, props: { version: 4, scope: v4Scope(v4) } };
  }
  const v6 = parseV6(text);
  if (!v6) return { ok: false, reason: 'not an IPv4 or IPv6 address' };
  // An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is the IPv4 host itself; IPDRs write both.
  if (v6.slice(0, 5).every((g) => g === 0) && v6[5] === 0xffff) {
    const octets = [(v6[6] ?? 0) >> 8, (v6[6] ?? 0) & 255, (v6[7] ?? 0) >> 8, (v6[7] ?? 0) & 255];
    const key = octets.join('.');
    return { ok: true, key, display: key, props: { version: 4, scope: v4Scope(octets) } };
  }
  const key = formatV6(v6);
  return { ok: true, key, display: key, props: { version: 6, scope: v6Scope(v6) } };
}
