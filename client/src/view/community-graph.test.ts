import { describe, expect, it } from 'vitest';
import { buildCommunityGraph, communityNode } from './community-graph.js';
import { communityOf, twoRings } from './test-graph.js';

describe('buildCommunityGraph', () => {
  it('draws one node per community and sums the links between two communities into one', () => {
    const g = buildCommunityGraph(twoRings(), communityOf, new Set());
    expect(g.nodes().sort()).toEqual([communityNode(0), communityNode(1)]);
    expect(g.getNodeAttribute(communityNode(0), 'members')).toBe(4);
    expect(g.size).toBe(1);
    const [edge] = g.edges();
    expect(g.getEdgeAttribute(edge!, 'weight')).toBe(5);
  });

  it('draws an opened community as its members, tied to the closed one', () => {
    const g = buildCommunityGraph(twoRings(), communityOf, new Set([1]));
    expect(g.nodes().sort()).toEqual(['b1', 'b2', 'b3', communityNode(0)]);
    expect(g.hasEdge('b12')).toBe(true);
    expect(g.neighbors('b1')).toContain(communityNode(0));
  });
});
