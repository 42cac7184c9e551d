/** Small inline graphs for the communities tests. */
import Graph from 'graphology';
import type { EntityKind } from '../../domain/kinds.js';
import type { LinkKind } from '../../domain/kinds.js';
import type { AnalyticsGraph } from '../graph.js';

export function emptyGraph(): AnalyticsGraph {
  return new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
}

export function addNode(graph: AnalyticsGraph, id: string, kind: EntityKind = 'person'): void {
  graph.addNode(id, {
    kind,
    label: `Synthetic ${id}`,
    key: id,
    scheme: kind === 'person' ? 'person' : 'phone',
    props: {},
  });
}

export function addLink(
  graph: AnalyticsGraph,
  from: string,
  to: string,
  weight = 1,
  { directed = false, kind = 'associate-of' as LinkKind } = {},
): void {
  const attributes = {
    kind,
    weight,
    count: weight,
    durationS: 0,
    amount: 0,
    firstAt: null,
    lastAt: null,
    props: {},
  };
  if (directed) graph.addDirectedEdge(from, to, attributes);
  else graph.addUndirectedEdge(from, to, attributes);
}

/** `count` cliques of `size` persons ("c0n0" …), each joined to the next by one link (a cycle if `cycle`). */
export function cliques(count: number, size: number, { cycle = false, weight = 1 } = {}): AnalyticsGraph {
  const graph = emptyGraph();
  for (let c = 0; c < count; c++)
    for (let i = 0; i < size; i++) {
      addNode(graph, `c${c}n${i}`);
      for (let j = 0; j < i; j++) addLink(graph, `c${c}n${j}`, `c${c}n${i}`, weight);
    }
  for (let c = 0; c + 1 < count || (cycle && c < count && count > 2); c++)
    addLink(graph, `c${c}n0`, `c${(c + 1) % count}n1`);
  return graph;
}

/** Groups node ids by community, each group sorted, groups sorted: comparable across runs. */
export function groups(communityOf: Record<string, number>): string[][] {
  const by = new Map<number, string[]>();
  for (const [id, c] of Object.entries(communityOf)) by.set(c, [...(by.get(c) ?? []), id]);
  return [...by.values()].map((g) => g.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}
