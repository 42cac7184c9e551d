/**
 * Who holds an identifier: the persons a phone, device, account, identity document, hotel, location,
 * vehicle or IP address ties together, and by which links.
 *
 * A person holds
 * - a phone, vehicle or IP address they `uses`;
 * - a device they `uses`, or that a phone they use was `in-device` (person → phone → device);
 * - an account or identity document they `holds`;
 * - a hotel they `stayed-at`;
 * - a location they are `located-at` or were `seen-at`.
 * Links are read whichever way they were recorded; only the kinds of the link and of its ends count.
 */
import type { EntityKind, LinkKind } from '../../domain/kinds.js';
import type { AnalyticsGraph } from '../graph.js';

export const SHAREABLE_KINDS = [
  'phone',
  'device',
  'account',
  'id-document',
  'hotel',
  'location',
  'vehicle',
  'ip',
] as const satisfies readonly EntityKind[];
export type ShareableKind = (typeof SHAREABLE_KINDS)[number];

/**
 * Kinds shared by default. An IP address is left out: mobile carriers put thousands of subscribers behind
 * one public address (carrier-grade NAT), so a shared IP says little about two persons.
 */
export const DEFAULT_KINDS: readonly ShareableKind[] = SHAREABLE_KINDS.filter((k) => k !== 'ip');

/** The links by which a person holds an identifier of each kind directly. */
export const HOLDING_LINKS: Record<ShareableKind, readonly LinkKind[]> = {
  phone: ['uses'],
  device: ['uses'],
  account: ['holds'],
  'id-document': ['holds'],
  hotel: ['stayed-at'],
  location: ['located-at', 'seen-at'],
  vehicle: ['uses'],
  ip: ['uses'],
};

/** How one person holds one identifier. */
export interface Holding {
  /** The links that tie the person to it (through a phone: the uses and the in-device link). */
  links: string[];
  /** Kinds of the person's own links to it (uses, holds, seen-at, …); empty when only through phones. */
  linkKinds: LinkKind[];
  /** Held by a link of the person's own. */
  direct: boolean;
  /** For a device: the phones, used by the person, that were in it. */
  throughPhones: string[];
  /** Occurrences over the person's own links (stays at a hotel, sightings), and their first and last. */
  count: number;
  firstAt: string | null;
  lastAt: string | null;
  /** firstAt and lastAt in milliseconds, read once. */
  firstMs: number | null;
  lastMs: number | null;
}

function emptyHolding(): Holding {
  return {
    links: [],
    linkKinds: [],
    direct: false,
    throughPhones: [],
    count: 0,
    firstAt: null,
    lastAt: null,
    firstMs: null,
    lastMs: null,
  };
}

export function isShareable(kind: EntityKind): kind is ShareableKind {
  return (SHAREABLE_KINDS as readonly string[]).includes(kind);
}

/**
 * The persons holding `identifier`, each with how; empty when its kind is not among `kinds`.
 * Insertion order follows the graph, so the result is the same for the same graph.
 */
export function holdersOf(
  graph: AnalyticsGraph,
  identifier: string,
  kinds: ReadonlySet<ShareableKind>,
): Map<string, Holding> {
  const holders = new Map<string, Holding>();
  const kind = graph.getNodeAttribute(identifier, 'kind');
  if (!isShareable(kind) || !kinds.has(kind)) return holders;
  const holding = (person: string) => {
    let h = holders.get(person);
    if (!h) holders.set(person, (h = emptyHolding()));
    return h;
  };
  const allowed = HOLDING_LINKS[kind];
  graph.forEachEdge(identifier, (link, attr, source, target) => {
    const other = source === identifier ? target : source;
    const otherKind = graph.getNodeAttribute(other, 'kind');
    if (otherKind === 'person' && allowed.includes(attr.kind)) {
      const h = holding(other);
      h.links.push(link);
      if (!h.linkKinds.includes(attr.kind)) h.linkKinds.push(attr.kind);
      h.direct = true;
      h.count += attr.count;
      const first = attr.firstAt ? Date.parse(attr.firstAt) : NaN;
      const last = attr.lastAt ? Date.parse(attr.lastAt) : NaN;
      if (!Number.isNaN(first) && (h.firstMs === null || first < h.firstMs)) {
        h.firstMs = first;
        h.firstAt = attr.firstAt;
      }
      if (!Number.isNaN(last) && (h.lastMs === null || last > h.lastMs)) {
        h.lastMs = last;
        h.lastAt = attr.lastAt;
      }
    } else if (kind === 'device' && otherKind === 'phone' && attr.kind === 'in-device') {
      graph.forEachEdge(other, (use, useAttr, s, t) => {
        const person = s === other ? t : s;
        if (useAttr.kind !== 'uses' || graph.getNodeAttribute(person, 'kind') !== 'person') return;
        const h = holding(person);
        h.links.push(use, link);
        if (!h.throughPhones.includes(other)) h.throughPhones.push(other);
      });
    }
  });
  return holders;
}

/** The identifiers `person` holds, of the given kinds, in graph order (without duplicates). */
export function identifiersOf(
  graph: AnalyticsGraph,
  person: string,
  kinds: ReadonlySet<ShareableKind>,
): string[] {
  const out = new Set<string>();
  graph.forEachEdge(person, (_link, attr, source, target) => {
    const other = source === person ? target : source;
    const kind = graph.getNodeAttribute(other, 'kind');
    if (isShareable(kind) && kinds.has(kind) && HOLDING_LINKS[kind].includes(attr.kind)) out.add(other);
    if (kinds.has('device') && kind === 'phone' && attr.kind === 'uses')
      graph.forEachEdge(other, (_l, a, s, t) => {
        const device = s === other ? t : s;
        if (a.kind === 'in-device' && graph.getNodeAttribute(device, 'kind') === 'device') out.add(device);
      });
  });
  return [...out];
}
