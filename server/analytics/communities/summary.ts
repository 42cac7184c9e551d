/**
 * What an analyst reads of each community: its size, its mix of kinds, its top members and the
 * identifiers it shares with other communities.
 *
 * - Top members are the five members with the largest weighted degree inside the community (the sum of
 *   the weights of their edges to other members), ties to the smaller id: who holds the ring together
 *   by its own links, not by links to outsiders.
 * - Shared are the hotels, accounts, devices, phones and locations of the community that are also
 *   adjacent to members of other communities; `communities` lists those other communities. Most
 *   widely shared first.
 */
import type { EntityKind } from '../../domain/kinds.js';
import type { Projection } from './projection.js';

export interface CommunityMember {
  id: string;
  label: string;
  kind: EntityKind;
  /** Weighted degree inside the community. */
  score: number;
}

export interface SharedIdentifier {
  id: string;
  label: string;
  kind: EntityKind;
  /** The other communities it is adjacent to, ascending. */
  communities: number[];
}

export interface CommunitySummary {
  id: number;
  size: number;
  kinds: Partial<Record<EntityKind, number>>;
  /** Top 5 by weighted degree inside the community. */
  topMembers: CommunityMember[];
  shared: SharedIdentifier[];
}

export const TOP_MEMBERS = 5;
export const SHARED_KINDS: ReadonlySet<EntityKind> = new Set([
  'hotel',
  'account',
  'device',
  'phone',
  'location',
]);

export function summarise(
  /** The label of projected node i. */
  label: (i: number) => string,
  p: Projection,
  communityOf: Int32Array,
  count: number,
): CommunitySummary[] {
  const n = p.ids.length;
  const inside = new Float64Array(n);
  const summaries: CommunitySummary[] = [];
  for (let c = 0; c < count; c++) summaries.push({ id: c, size: 0, kinds: {}, topMembers: [], shared: [] });
  // The top members of each community, kept while the nodes go by (a community's top few, not a sort of
  // all its members): indices ascend, so an equal score never displaces an earlier, smaller id.
  const top = new Int32Array(count * TOP_MEMBERS);
  const topCount = new Uint8Array(count);

  // The other communities of one node, distinct: a stamp per community rather than a Set per node,
  // since on a large graph most identifiers touch another community.
  const stamp = new Int32Array(count).fill(-1);
  const others: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = communityOf[i]!;
    const s = summaries[c]!;
    s.size++;
    s.kinds[p.kinds[i]!] = (s.kinds[p.kinds[i]!] ?? 0) + 1;
    const shareable = SHARED_KINDS.has(p.kinds[i]!);
    others.length = 0;
    for (let k = p.offsets[i]!; k < p.offsets[i + 1]!; k++) {
      const d = communityOf[p.targets[k]!]!;
      if (d === c) inside[i]! += p.weights[k]!;
      else if (shareable && stamp[d] !== i) {
        stamp[d] = i;
        others.push(d);
      }
    }
    if (others.length)
      s.shared.push({
        id: p.ids[i]!,
        label: label(i),
        kind: p.kinds[i]!,
        communities: others.length > 1 ? others.sort((x, y) => x - y).slice() : [others[0]!],
      });

    const base = c * TOP_MEMBERS;
    let at = topCount[c]!;
    if (at === TOP_MEMBERS && !(inside[i]! > inside[top[base + at - 1]!]!)) continue;
    if (at < TOP_MEMBERS) topCount[c]!++;
    else at--;
    while (at > 0 && inside[i]! > inside[top[base + at - 1]!]!) {
      top[base + at] = top[base + at - 1]!;
      at--;
    }
    top[base + at] = i;
  }

  for (let c = 0; c < count; c++) {
    const s = summaries[c]!;
    for (let x = 0; x < topCount[c]!; x++) {
      const i = top[c * TOP_MEMBERS + x]!;
      s.topMembers.push({ id: p.ids[i]!, label: label(i), kind: p.kinds[i]!, score: inside[i]! });
    }
    // Pushed in index (= id) order and the sort is stable, so ties stay in id order.
    s.shared.sort((x, y) => y.communities.length - x.communities.length);
  }
  return summaries;
}
