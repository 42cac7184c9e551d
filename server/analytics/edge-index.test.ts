import { describe, expect, it } from 'vitest';
import { edgeIndexOf, indexEdges } from './edge-index.js';
import { addLink, addNode, emptyGraph } from './communities/test-graphs.js';

describe('EdgeIndex', () => {
  it('follows nodes, links, weights and kinds as they change, and steps aside when one is dropped', () => {
    const graph = emptyGraph();
    addNode(graph, 'a');
    addNode(graph, 'b');
    addLink(graph, 'a', 'b', 2);
    const index = indexEdges(graph);
    expect(indexEdges(graph)).toBe(index);
    addNode(graph, 'c', 'phone');
    addLink(graph, 'c', 'a', 0, { directed: true, kind: 'called' });
    for (let i = 0; i < 2000; i++) addLink(graph, 'b', 'c'); // past the first capacity
    const called = graph.edges('c', 'a')[0]!;
    graph.replaceEdgeAttributes(called, { ...graph.getEdgeAttributes(called), weight: 7 });
    graph.setNodeAttribute('a', 'kind', 'device');

    expect(index.ids).toEqual(['a', 'b', 'c']);
    expect(index.kinds).toEqual(['device', 'person', 'phone']);
    expect(index.size).toBe(2002);
    expect([index.src[0], index.dst[0], index.wt[0]]).toEqual([0, 1, 2]);
    expect([index.src[1], index.dst[1], index.wt[1]]).toEqual([2, 0, 7]);
    expect([index.src[2001], index.dst[2001], index.wt[2001]]).toEqual([1, 2, 1]);
    expect(edgeIndexOf(graph)).toBe(index);

    graph.dropNode('c');
    expect(index.valid).toBe(false);
    expect(edgeIndexOf(graph)).toBeUndefined();
  });

  it('gives the nodes in id order, sorting only those added since it was last asked', () => {
    const graph = emptyGraph();
    const index = indexEdges(graph);
    const names = (order: Int32Array) => Array.from(order, (i) => index.ids[i]);
    for (const id of ['m', 'c', 'x']) addNode(graph, id);
    expect(names(index.sortedOrder())).toEqual(['c', 'm', 'x']);
    expect(index.sortedOrder()).toBe(index.sortedOrder());
    for (const id of ['a', 'n', 'z', 'd']) addNode(graph, id);
    expect(names(index.sortedOrder())).toEqual(['a', 'c', 'd', 'm', 'n', 'x', 'z']);
  });
});
