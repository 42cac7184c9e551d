import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommunityOptionsError, DEFAULTS, detectCommunities } from './index.js';
import { seededRandom } from '../rng.js';
import { addLink, addNode, cliques, emptyGraph, groups } from './test-graphs.js';

describe('detectCommunities', () => {
  it('finds two cliques joined by a bridge', () => {
    const result = detectCommunities(cliques(2, 6));
    expect(result.communities).toHaveLength(2);
    expect(groups(result.communityOf)).toEqual([
      ['c0n0', 'c0n1', 'c0n2', 'c0n3', 'c0n4', 'c0n5'],
      ['c1n0', 'c1n1', 'c1n2', 'c1n3', 'c1n4', 'c1n5'],
    ]);
    expect(result.modularity).toBeCloseTo(0.5 - 1 / 31 - 2 * (31 / 62) ** 2 + 0.5, 10);
    expect(result.parameters).toEqual({
      algorithm: 'louvain',
      resolution: 1,
      seed: 'casegraph',
      splitDisconnected: 0,
      excludedKinds: ['case', 'document'],
    });
  });

  it('numbers communities by size, largest first, then by smallest member id', () => {
    const graph = cliques(3, 4);
    for (let i = 4; i < 8; i++) {
      addNode(graph, `c2n${i}`);
      for (let j = 0; j < i; j++) addLink(graph, `c2n${j}`, `c2n${i}`);
    }
    const result = detectCommunities(graph);
    expect(result.communities.map((c) => c.size)).toEqual([8, 4, 4]);
    expect(result.communityOf['c2n0']).toBe(0);
    expect(result.communityOf['c0n0']).toBe(1);
    expect(result.communityOf['c1n0']).toBe(2);
    expect(result.communities.map((c) => c.id)).toEqual([0, 1, 2]);
  });

  it('gives the same partition for the same graph and seed, whatever the insertion order', () => {
    const graph = cliques(6, 5, { cycle: true });
    const first = detectCommunities(graph, { seed: 'case-7' });
    expect(detectCommunities(graph, { seed: 'case-7' })).toEqual(first);

    const shuffled = emptyGraph();
    const random = seededRandom('shuffle');
    const nodes = graph.nodes().sort(() => random() - 0.5);
    for (const n of nodes) shuffled.addNode(n, graph.getNodeAttributes(n));
    const edges = graph.edges().sort(() => random() - 0.5);
    for (const e of edges)
      shuffled.addUndirectedEdge(graph.source(e), graph.target(e), graph.getEdgeAttributes(e));
    expect(detectCommunities(shuffled, { seed: 'case-7' })).toEqual(first);
  });

  it('may give another partition for another seed', () => {
    // A random graph has no clear communities, so Louvain's visiting order decides among near-equal ones.
    const graph = emptyGraph();
    const random = seededRandom('er');
    for (let i = 0; i < 60; i++) addNode(graph, `p${i}`);
    for (let i = 0; i < 60; i++)
      for (let j = 0; j < i; j++) if (random() < 0.08) addLink(graph, `p${j}`, `p${i}`);
    const partitions = new Set(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((seed) =>
        JSON.stringify(groups(detectCommunities(graph, { seed }).communityOf)),
      ),
    );
    expect(partitions.size).toBeGreaterThan(1);
  });

  it('finds more communities at a higher resolution and fewer at a lower one', () => {
    const graph = cliques(12, 4, { cycle: true });
    const count = (resolution: number) => detectCommunities(graph, { resolution }).communities.length;
    const counts = [0.05, 0.2, 0.5, 1, 4, 16, 32].map(count);
    // Never fewer as the resolution grows; the twelve cliques at 1; merged below, broken up far above.
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1]!);
    expect(counts[3]).toBe(12);
    expect(counts[0]).toBeLessThan(12);
    expect(counts[6]).toBeGreaterThan(12);
  });

  it('leaves case and document nodes out, so a shared FIR does not glue two rings together', () => {
    const graph = cliques(2, 4);
    addNode(graph, 'fir', 'case');
    addNode(graph, 'cdr', 'document');
    for (const n of graph.nodes())
      if (n.startsWith('c')) {
        addLink(graph, 'fir', n, 1, { directed: true, kind: 'involves' });
      }
    const result = detectCommunities(graph);
    expect(result.communityOf).not.toHaveProperty('fir');
    expect(result.communityOf).not.toHaveProperty('cdr');
    expect(Object.keys(result.communityOf)).toHaveLength(8);
    expect(result.communities).toHaveLength(2);
    expect(result.parameters.excludedKinds).toEqual(['case', 'document']);

    const withCases = detectCommunities(graph, { includeKinds: [...DEFAULTS.includeKinds, 'case'] });
    expect(withCases.communityOf).toHaveProperty('fir');
    expect(withCases.parameters.excludedKinds).toEqual(['document']);
  });

  it('sums parallel and antiparallel links into one weighted edge', () => {
    // a–b carries 1 + 4 + 5 = 10; b–c carries 1: with the weights summed, a and b belong together.
    const graph = emptyGraph();
    for (const n of ['a', 'b', 'c', 'd']) addNode(graph, n);
    addLink(graph, 'a', 'b', 1);
    addLink(graph, 'a', 'b', 4, { directed: true, kind: 'called' });
    addLink(graph, 'b', 'a', 5, { directed: true, kind: 'called' });
    addLink(graph, 'b', 'c', 1);
    addLink(graph, 'c', 'd', 10);
    const result = detectCommunities(graph);
    expect(groups(result.communityOf)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(result.communities[0]!.topMembers[0]).toMatchObject({ score: 10 });
  });

  it('reports top members by weighted degree inside the community and identifiers shared with others', () => {
    const graph = cliques(2, 5);
    addNode(graph, 'hotel', 'hotel');
    addNode(graph, 'phone', 'phone');
    for (let i = 0; i < 5; i++) addLink(graph, `c0n${i}`, 'hotel', 3, { directed: true, kind: 'stayed-at' });
    addLink(graph, 'c1n4', 'hotel', 1, { directed: true, kind: 'stayed-at' });
    addLink(graph, 'c1n2', 'phone', 2, { directed: true, kind: 'uses' });
    const result = detectCommunities(graph);
    const ring = result.communities[result.communityOf['c0n0']!]!;
    const other = result.communityOf['c1n0']!;
    expect(result.communityOf['hotel']).toBe(ring.id);
    expect(ring.kinds).toEqual({ person: 5, hotel: 1 });
    expect(ring.topMembers).toHaveLength(5);
    expect(ring.topMembers[0]).toEqual({ id: 'hotel', label: 'Synthetic hotel', kind: 'hotel', score: 15 });
    expect(ring.shared).toEqual([
      { id: 'hotel', label: 'Synthetic hotel', kind: 'hotel', communities: [other] },
    ]);
    // A phone used only inside its own community is not shared; persons are never listed as shared.
    expect(result.communities[other]!.shared).toEqual([]);
  });

  it('reports every community connected and every included node once (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.tuple(fc.nat(29), fc.nat(29), fc.integer({ min: 1, max: 5 })), { maxLength: 60 }),
        fc.string(),
        (n, links, seed) => {
          const graph = emptyGraph();
          for (let i = 0; i < n; i++) addNode(graph, `p${i}`);
          for (const [a, b, w] of links) if (a < n && b < n && a !== b) addLink(graph, `p${a}`, `p${b}`, w);
          const result = detectCommunities(graph, { seed });
          expect(Object.keys(result.communityOf).sort()).toEqual(graph.nodes().sort());
          expect(result.communities.reduce((s, c) => s + c.size, 0)).toBe(n);
          for (let c = 1; c < result.communities.length; c++)
            expect(result.communities[c - 1]!.size).toBeGreaterThanOrEqual(result.communities[c]!.size);
          for (const [id, c] of Object.entries(result.communityOf)) {
            // Walk the community from one member along links inside it; it must reach every member.
            const seen = new Set([id]);
            const queue = [id];
            while (queue.length) {
              const x = queue.pop()!;
              graph.forEachNeighbor(x, (y) => {
                if (result.communityOf[y] !== c || seen.has(y)) return;
                seen.add(y);
                queue.push(y);
              });
            }
            expect(seen.size).toBe(result.communities[c]!.size);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('handles a graph without links: every node alone, modularity 0', () => {
    const graph = emptyGraph();
    addNode(graph, 'a');
    addNode(graph, 'b');
    const result = detectCommunities(graph);
    expect(result.communityOf).toEqual({ a: 0, b: 1 });
    expect(result.modularity).toBe(0);
    expect(detectCommunities(emptyGraph()).communities).toEqual([]);
  });

  it('rejects bad options with a CommunityOptionsError', () => {
    const graph = cliques(2, 3);
    for (const options of [
      { resolution: 0 },
      { resolution: Number.NaN },
      { includeKinds: ['ring' as 'person'] },
    ])
      expect(() => detectCommunities(graph, options)).toThrow(
        expect.objectContaining({ name: 'CommunityOptionsError' }),
      );
    expect(new CommunityOptionsError('x')).toBeInstanceOf(RangeError);
  });
});
