import fc from 'fast-check';
import Graph from 'graphology';
import { connectedComponents as ccLib } from 'graphology-components';
import { describe, expect, it } from 'vitest';
import { cutStructure } from './cut-points.js';
import { graphOf, randomGraph } from './fixtures.js';

const componentCount = (g: Graph) => ccLib(g).length;

describe('articulation points and bridges', () => {
  it('two triangles joined by a bridge', () => {
    const g = graphOf([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
      ['c', 'd'], // e3: the bridge
      ['d', 'e'],
      ['e', 'f'],
      ['f', 'd'],
    ]);
    expect(cutStructure(g)).toEqual({ articulationPoints: ['c', 'd'], bridges: ['e3'] });
  });

  it('a path: every inner node cuts, every edge is a bridge; a cycle: none', () => {
    expect(
      cutStructure(
        graphOf([
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'd'],
        ]),
      ),
    ).toEqual({ articulationPoints: ['b', 'c'], bridges: ['e0', 'e1', 'e2'] });
    expect(
      cutStructure(
        graphOf([
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'd'],
          ['d', 'a'],
        ]),
      ),
    ).toEqual({ articulationPoints: [], bridges: [] });
  });

  it('a star: the centre cuts, every spoke is a bridge', () => {
    const g = graphOf([
      ['hub', 'a'],
      ['hub', 'b'],
      ['hub', 'c'],
    ]);
    expect(cutStructure(g)).toEqual({ articulationPoints: ['hub'], bridges: ['e0', 'e1', 'e2'] });
  });

  it('two links between the same pair (a call each way) are not a bridge, but the node still cuts', () => {
    const g = graphOf(
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'b'],
      ],
      { directed: true },
    );
    expect(cutStructure(g)).toEqual({ articulationPoints: ['b'], bridges: ['e0'] });
  });

  it('a path of 200,000 nodes: no recursion, no stack overflow', () => {
    const n = 200_000;
    const g = new Graph({ type: 'mixed', multi: true }) as unknown as ReturnType<typeof graphOf>;
    const attrs = { kind: 'person', label: '', key: '', scheme: 'person', props: {} } as never;
    for (let i = 0; i < n; i++) g.addNode(`n${i}`, attrs);
    for (let i = 1; i < n; i++)
      g.addUndirectedEdgeWithKey(`e${i}`, `n${i - 1}`, `n${i}`, { weight: 1 } as never);
    const { articulationPoints, bridges } = cutStructure(g);
    expect(articulationPoints).toHaveLength(n - 2);
    expect(bridges).toHaveLength(n - 1);
  });

  it('removing an articulation point adds a component; removing a bridge separates its ends; nothing else does', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.integer({ min: 8, max: 30 }),
        fc.integer({ min: 6, max: 45 }),
        (seed, n, m) => {
          const g = randomGraph(n, m, seed);
          const { articulationPoints, bridges } = cutStructure(g);
          const base = componentCount(g);
          const cut = new Set(articulationPoints);
          for (const v of g.nodes()) {
            const h = g.copy();
            h.dropNode(v);
            // Dropping a node removes it (one component fewer if it was alone); it cuts iff more remain.
            const isolated = g.degree(v) === 0;
            const after = componentCount(h) + (isolated ? 1 : 0);
            expect(after > base).toBe(cut.has(v));
          }
          const isBridge = new Set(bridges);
          for (const e of g.edges()) {
            const h = g.copy();
            h.dropEdge(e);
            const [s, t] = g.extremities(e);
            const separated = !ccLib(h).some((c) => c.includes(s) && c.includes(t));
            expect(separated).toBe(isBridge.has(e));
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
