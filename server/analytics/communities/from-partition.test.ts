import { describe, expect, it } from 'vitest';
import type { AnalyticsGraph } from '../graph.js';
import {
  CommunityOptionsError,
  communitiesFromPartition,
  detectCommunitiesInEdgeList,
  type EdgeList,
} from './index.js';
import { addLink, addNode, cliques, emptyGraph } from './test-graphs.js';

function edgeListOf(graph: AnalyticsGraph): EdgeList {
  const ids = graph.nodes().sort();
  const at = new Map(ids.map((id, i) => [id, i]));
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  graph.forEachEdge((_e, a, s, t) => {
    from.push(at.get(s)!);
    to.push(at.get(t)!);
    weight.push(a.weight);
  });
  return {
    ids,
    kinds: ids.map((id) => graph.getNodeAttribute(id, 'kind')),
    labels: ids.map((id) => graph.getNodeAttribute(id, 'label')),
    from: Int32Array.from(from),
    to: Int32Array.from(to),
    weight: Float64Array.from(weight),
  };
}

describe('communitiesFromPartition (a partition found in Neo4j GDS)', () => {
  it('gives exactly our own result when handed our own partition, whatever its community numbers', () => {
    const graph = cliques(4, 5, { cycle: true });
    addNode(graph, 'loner');
    addNode(graph, 'fir-1', 'case');
    addLink(graph, 'fir-1', 'c0n0', 1, { kind: 'involves' });
    const list = edgeListOf(graph);
    const ours = detectCommunitiesInEdgeList(list);
    // As GDS streams it: arbitrary community ids, and no entry for a node without links.
    const partition = new Map(
      Object.entries(ours.communityOf)
        .filter(([id]) => id !== 'loner')
        .map(([id, c]) => [id, 1000 + 7 * c]),
    );
    expect(communitiesFromPartition(list, partition)).toEqual(ours);
  });

  it('splits a community GDS returns disconnected, and refuses a community id that is not one', () => {
    const graph = emptyGraph();
    for (const [a, b] of [
      ['a1', 'a2'],
      ['a2', 'a3'],
      ['a1', 'a3'],
      ['b1', 'b2'],
      ['b2', 'b3'],
      ['b1', 'b3'],
    ]) {
      for (const id of [a!, b!]) if (!graph.hasNode(id)) addNode(graph, id);
      addLink(graph, a!, b!, 1);
    }
    const list = edgeListOf(graph);
    const one = new Map(list.ids.map((id) => [id, 0]));
    const r = communitiesFromPartition(list, one);
    expect(r.communities).toHaveLength(2);
    expect(r.parameters.splitDisconnected).toBe(1);
    expect(() => communitiesFromPartition(list, new Map([[list.ids[0]!, -1]]))).toThrow(
      CommunityOptionsError,
    );
  });
});
