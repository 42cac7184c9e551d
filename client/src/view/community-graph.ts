/**
 * The graph of communities: above a size a view is drawn one node per community, with the links
 * between two communities summed into one, so a network of tens of thousands of entities opens
 * readable and fast. A community the analyst opens is drawn as its members again, still tied to the
 * communities that stay closed.
 */
import type { CaseGraph, EdgeAttributes } from '../graph-data.js';
import { emptyGraph } from '../graph-data.js';

export const DEFAULTS = {
  /** Views with more entities than this open as their graph of communities. */
  groupAbove: 3_000,
};

export const communityNode = (id: number) => `community:${id}`;

export function buildCommunityGraph(
  full: CaseGraph,
  communityOf: ReadonlyMap<string, number>,
  opened: ReadonlySet<number>,
): CaseGraph {
  const shown = emptyGraph();
  shown.replaceAttributes(full.getAttributes());
  const members = new Map<number, string[]>();
  full.forEachNode((node) => {
    const c = communityOf.get(node);
    if (c === undefined) return;
    const list = members.get(c) ?? [];
    list.push(node);
    members.set(c, list);
  });
  const repOf = (node: string): string => {
    const c = communityOf.get(node);
    return c === undefined || opened.has(c) ? node : communityNode(c);
  };
  for (const [c, list] of members) {
    if (opened.has(c)) continue;
    // At the middle of its members where they have places; otherwise placed and laid out afresh.
    let x = 0;
    let y = 0;
    let placed = 0;
    for (const m of list) {
      const a = full.getNodeAttributes(m);
      if (a.x === undefined || a.y === undefined) continue;
      x += a.x;
      y += a.y;
      placed++;
    }
    shown.addNode(communityNode(c), {
      kind: 'community',
      label: `Community ${c} · ${list.length}`,
      key: String(c),
      scheme: 'community' as never,
      props: {},
      community: c,
      members: list.length,
      ...(placed ? { x: x / placed, y: y / placed } : {}),
    });
  }
  full.forEachNode((node, a) => {
    if (repOf(node) === node) shown.addNode(node, { ...a });
  });
  full.forEachEdge((edge, a, source, target, _sa, _ta, undirected) => {
    const s = repOf(source);
    const t = repOf(target);
    if (s === t) return;
    if (s === source && t === target) {
      if (undirected) shown.addUndirectedEdgeWithKey(edge, s, t, { ...a });
      else shown.addDirectedEdgeWithKey(edge, s, t, { ...a });
      return;
    }
    const [u, v] = s < t ? [s, t] : [t, s];
    const key = `aggregate:${u}|${v}`;
    if (shown.hasEdge(key)) {
      shown.updateEdgeAttribute(key, 'weight', (w) => (w ?? 0) + a.weight);
      shown.updateEdgeAttribute(key, 'count', (n) => (n ?? 0) + 1);
    } else {
      const aggregate: EdgeAttributes = {
        kind: 'aggregate',
        props: {},
        count: 1,
        durationS: 0,
        amount: 0,
        firstAt: null,
        lastAt: null,
        weight: a.weight,
      };
      shown.addUndirectedEdgeWithKey(key, u, v, aggregate);
    }
  });
  return shown;
}
