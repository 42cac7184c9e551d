import { describe, expect, it } from 'vitest';
import type { AnalyticsGraph } from '../graph.js';
import { mulberry32 } from '../rng.js';
import { detectCommunities, detectCommunitiesInEdgeList, type EdgeList } from './index.js';
import { linksAmong } from './edge-list.js';
import { addLink, addNode, cliques, emptyGraph } from './test-graphs.js';

/** The graph as a store would hand it over in bulk. */
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

describe('detectCommunitiesInEdgeList', () => {
  it('gives what detectCommunities gives on the same graph: kinds left out, parallel links summed', () => {
    const graph = cliques(5, 6, { cycle: true });
    const r = mulberry32(9);
    addNode(graph, 'fir-1', 'case');
    addNode(graph, 'hotel-1', 'hotel');
    for (let k = 0; k < 40; k++) {
      const a = `c${Math.floor(r() * 5)}n${Math.floor(r() * 6)}`;
      const b = `c${Math.floor(r() * 5)}n${Math.floor(r() * 6)}`;
      if (a !== b) addLink(graph, a, b, 1 + Math.floor(r() * 3), { directed: r() < 0.5, kind: 'called' });
    }
    for (let c = 0; c < 5; c++) {
      addLink(graph, 'fir-1', `c${c}n2`, 1, { directed: true, kind: 'involves' });
      addLink(graph, `c${c}n3`, 'hotel-1', 2, { directed: true, kind: 'stayed-at' });
    }
    for (const options of [{}, { seed: 'other', resolution: 1.5 }]) {
      const cold = detectCommunitiesInEdgeList(edgeListOf(graph), options);
      expect(cold).toEqual(detectCommunities(graph, options));
      expect(cold.communityOf['fir-1']).toBeUndefined();
    }
  });

  it('refuses ids out of order, since the seeded partition depends on it', () => {
    const graph = emptyGraph();
    addNode(graph, 'a');
    addNode(graph, 'b');
    const list = edgeListOf(graph);
    list.ids.reverse();
    expect(() => detectCommunitiesInEdgeList(list)).toThrow(/ascending/);
  });
});

describe('linksAmong', () => {
  it('counts the links between two different entities of the kinds kept, as the projection keeps them', () => {
    const list = {
      ids: ['a', 'b', 'c', 'fir'],
      kinds: ['person', 'phone', 'phone', 'case'] as EdgeList['kinds'],
      from: Int32Array.from([0, 1, 1, 3, 2, 0]),
      to: Int32Array.from([1, 2, 2, 0, 2, 3]),
      weight: Float64Array.from([1, 1, 1, 1, 1, 1]),
    };
    // a-b, b-c twice; not the case's two links, not c's link to itself
    expect(linksAmong(list, new Set(['person', 'phone']))).toBe(3);
    expect(linksAmong(list, new Set(['person', 'phone', 'case']))).toBe(5);
    expect(linksAmong(list, new Set(['phone']))).toBe(2);
  });
});
