/**
 * Brokers: the persons whose ties reach into the most communities — the go-betweens of Gould &
 * Fernandez, "Structures of mediation" (Sociological Methodology 19, 1989), counted as the "number of
 * groups reached" of Burt's brokerage (Structural Holes, 1992) over a given partition (Louvain's).
 *
 * A person's contacts are the entities tied to them directly, plus the entities one step beyond a
 * personal identifier of theirs (`DEFAULTS.through`: a phone, device, account, id document, IP, vehicle
 * or ad). So person → phone → phone, person → account → account and person → phone → person count,
 * as a call or a payment between two people runs through their identifiers. Places (hotels,
 * locations) are contacts but not passed through: one lodge or cell tower is shared by hundreds, and
 * would make every guest a broker. Cases and documents are neither: they are the record, not the
 * network. A person's span is the number of distinct communities among their contacts.
 *
 * Some persons are never brokers (`notBrokers`: the victims and minors the caller names). A trafficked
 * person moved between a ring and its customers reaches their groups as a go-between does, but calling
 * them a broker in a report is wrong; they still count as contacts of the others.
 */
import type { EntityKind } from '../../domain/kinds.js';
import type { AnalyticsGraph } from '../graph.js';
import { csrOf } from './csr.js';
import { withDefaults } from './defaults.js';

export interface Broker {
  id: string;
  label: string;
  /** The person's own community, if the partition gives one. */
  community: number | null;
  /** Distinct communities among the person's contacts. */
  span: number;
  /** Each community reached, with the contacts in it, most contacts first. */
  communities: { community: number; contacts: number }[];
}

export interface BrokersOptions {
  /** Kinds a person reaches through to the entities beyond. */
  through: readonly EntityKind[];
  /** Kinds never counted as contacts nor passed through. */
  ignore: readonly EntityKind[];
  /** Persons with a span below this are not brokers. */
  minSpan: number;
  /** Persons never listed as brokers, whatever their span: the protected ones. */
  notBrokers: ReadonlySet<string>;
}

export const DEFAULTS: BrokersOptions & { limit: number } = {
  through: ['phone', 'device', 'account', 'id-document', 'ip', 'vehicle', 'ad'],
  ignore: ['case', 'document'],
  minSpan: 2,
  notBrokers: new Set(),
  limit: 20,
};

export function brokers(
  graph: AnalyticsGraph,
  communityOf: Record<string, number>,
  limit: number = DEFAULTS.limit,
  options: Partial<BrokersOptions> = {},
): Broker[] {
  const { through, ignore, minSpan, notBrokers } = withDefaults(DEFAULTS, options);
  const csr = csrOf(graph);
  const { order: n, offsets, neighbours, ids } = csr;

  // Per node: 0 ignored, 1 contact only, 2 contact and passed through, 3 person. Communities renumbered densely.
  const role = new Uint8Array(n);
  const dense = new Int32Array(n).fill(-1);
  const communityIds: number[] = [];
  const denseOf = new Map<number, number>();
  const throughSet = new Set<string>(through);
  const ignoreSet = new Set<string>(ignore);
  for (let i = 0; i < n; i++) {
    const kind = graph.getNodeAttribute(ids[i]!, 'kind');
    role[i] = ignoreSet.has(kind) ? 0 : kind === 'person' ? 3 : throughSet.has(kind) ? 2 : 1;
    const c = communityOf[ids[i]!];
    if (c === undefined) continue;
    let d = denseOf.get(c);
    if (d === undefined) {
      d = communityIds.length;
      denseOf.set(c, d);
      communityIds.push(c);
    }
    dense[i] = d;
  }

  const seen = new Int32Array(n).fill(-1);
  const counts = new Int32Array(communityIds.length);
  const reached: number[] = [];
  const found: { index: number; span: number; outside: number; communities: Broker['communities'] }[] = [];

  for (let p = 0; p < n; p++) {
    if (role[p] !== 3 || notBrokers.has(ids[p]!)) continue;
    seen[p] = p;
    const visit = (v: number) => {
      if (seen[v] === p || role[v] === 0) return;
      seen[v] = p;
      const c = dense[v]!;
      if (c < 0) return;
      if (counts[c] === 0) reached.push(c);
      counts[c]!++;
    };
    const end = offsets[p + 1]!;
    for (let j = offsets[p]!; j < end; j++) {
      const v = neighbours[j]!;
      visit(v);
      if (role[v] !== 2) continue;
      const end2 = offsets[v + 1]!;
      for (let k = offsets[v]!; k < end2; k++) visit(neighbours[k]!);
    }
    if (reached.length >= minSpan) {
      const own = dense[p]!;
      let outside = 0;
      const communities = reached.map((c) => {
        if (c !== own) outside += counts[c]!;
        return { community: communityIds[c]!, contacts: counts[c]! };
      });
      communities.sort((a, b) => b.contacts - a.contacts || a.community - b.community);
      found.push({ index: p, span: reached.length, outside, communities });
    }
    for (const c of reached) counts[c] = 0;
    reached.length = 0;
  }

  found.sort((a, b) => b.span - a.span || b.outside - a.outside || a.index - b.index);
  return found.slice(0, Math.max(0, limit)).map((f) => {
    const id = ids[f.index]!;
    const own = communityOf[id];
    return {
      id,
      label: graph.getNodeAttribute(id, 'label'),
      community: own === undefined ? null : own,
      span: f.span,
      communities: f.communities,
    };
  });
}
