import { describe, expect, it } from 'vitest';
import { project } from './projection.js';
import { splitDisconnected } from './split.js';
import { addLink, cliques } from './test-graphs.js';

describe('splitDisconnected', () => {
  it('splits a community that is not connected into its connected parts', () => {
    // Two cliques with no link between them, handed over as one community (as Louvain can return).
    const p = project(cliques(1, 3).copy(), new Set(['person']));
    const graph = cliques(2, 3);
    graph.dropEdge(graph.edges('c0n0', 'c1n1')[0]!);
    const q = project(graph, new Set(['person']));
    expect(splitDisconnected(p, new Int32Array(3)).split).toBe(0);
    const { communityOf, count, split } = splitDisconnected(q, new Int32Array(6));
    expect(split).toBe(1);
    expect(count).toBe(2);
    expect([...communityOf]).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('numbers parts by size, then by smallest id', () => {
    const graph = cliques(3, 2);
    graph.clearEdges();
    addLink(graph, 'c2n0', 'c2n1');
    const p = project(graph, new Set(['person']));
    // ids sorted: c0n0 c0n1 c1n0 c1n1 c2n0 c2n1; only c2 is linked.
    const { communityOf, count, split } = splitDisconnected(p, new Int32Array([0, 0, 0, 0, 1, 1]));
    expect(count).toBe(5);
    expect(split).toBe(1);
    expect([...communityOf]).toEqual([1, 2, 3, 4, 0, 0]);
  });
});
