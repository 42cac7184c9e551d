import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCsr, csrOf, degreeOf } from './csr.js';
import { graphOf, randomGraph } from './fixtures.js';

describe('buildCsr', () => {
  it('merges parallel and antiparallel edges, summing weights and keeping the multiplicity', () => {
    const g = graphOf([
      ['a', 'b', 2],
      ['b', 'a', 3],
      ['a', 'b', 1],
      ['b', 'c', 4],
    ]);
    const csr = buildCsr(g);
    expect(csr.ids).toEqual(['a', 'b', 'c']);
    expect(csr.size).toBe(2);
    expect(Array.from(csr.offsets)).toEqual([0, 1, 3, 4]);
    expect(Array.from(csr.neighbours)).toEqual([1, 0, 2, 1]);
    expect(Array.from(csr.weights)).toEqual([6, 6, 4, 4]);
    expect(Array.from(csr.multiplicity)).toEqual([3, 3, 1, 1]);
  });

  it('keeps isolated nodes and can ignore weights', () => {
    const g = graphOf([['a', 'b', 5]], { nodes: ['z'] });
    const csr = buildCsr(g, { getEdgeWeight: null });
    expect(csr.order).toBe(3);
    expect(degreeOf(csr, csr.indexOf.get('z')!)).toBe(0);
    expect(Array.from(csr.weights)).toEqual([1, 1]);
  });

  it('matches the graph: each distinct neighbour once, weight = sum over the links between the pair', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 80 }),
        fc.nat(),
        (n, m, seed) => {
          const g = randomGraph(n + 1, n === 0 ? 0 : m, seed);
          const csr = buildCsr(g);
          let slots = 0;
          for (let u = 0; u < csr.order; u++) {
            const id = csr.ids[u]!;
            const expected = new Map<string, number>();
            g.forEachEdge(id, (_e, a, s, t) => {
              const other = s === id ? t : s;
              expected.set(other, (expected.get(other) ?? 0) + a.weight);
            });
            const got = new Map<string, number>();
            for (let j = csr.offsets[u]!; j < csr.offsets[u + 1]!; j++)
              got.set(csr.ids[csr.neighbours[j]!]!, csr.weights[j]!);
            expect(got).toEqual(expected);
            expect(degreeOf(csr, u)).toBe(g.neighbors(id).length);
            slots += got.size;
          }
          expect(slots).toBe(2 * csr.size);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('csrOf', () => {
  it('reuses the view until the graph changes', () => {
    const g = graphOf([['a', 'b']]);
    const first = csrOf(g);
    expect(csrOf(g)).toBe(first);
    g.addUndirectedEdgeWithKey('x', 'b', 'a', { ...g.getEdgeAttributes('e0') });
    const second = csrOf(g);
    expect(second).not.toBe(first);
    expect(Array.from(second.weights)).toEqual([2, 2]);
    g.setEdgeAttribute('x', 'weight', 10);
    expect(Array.from(csrOf(g).weights)).toEqual([11, 11]);
    g.updateEachEdgeAttributes((_e, a) => ({ ...a, weight: 1 }));
    expect(Array.from(csrOf(g).weights)).toEqual([2, 2]);
    g.addNode('c', g.getNodeAttributes('a'));
    expect(csrOf(g).order).toBe(3);
    g.dropEdge('x');
    expect(csrOf(g).size).toBe(1);
  });
});
