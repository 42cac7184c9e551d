import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnalyticsGraph } from '../graph.js';
import { findPaths, type FoundPath } from './find-paths.js';
import { pairView } from './pair-view.js';
import { testGraph, type TestLink } from './test-graph.js';
import { comparePaths, type RankedPath } from './yen.js';

const nodesOf = (r: { paths: FoundPath[] }) => r.paths.map((p) => p.nodes.join('-'));

function expectError(fn: () => unknown, field: string) {
  try {
    fn();
  } catch (e) {
    expect((e as Error).name).toBe('AnalyticsInputError');
    expect((e as { field: string }).field).toBe(field);
    return;
  }
  throw new Error(`expected an AnalyticsInputError on ${field}`);
}

/** Every loopless path of at most maxHops hops over the pair view, by depth-first search. */
function allPaths(graph: AnalyticsGraph, from: string, to: string, maxHops: number, minWeight = 1) {
  const view = pairView(graph, { minWeight });
  const out: RankedPath[] = [];
  const walk = (nodes: string[], weight: number) => {
    const last = nodes[nodes.length - 1]!;
    if (last === to) return void out.push({ nodes: [...nodes], hops: nodes.length - 1, weight });
    if (nodes.length - 1 === maxHops) return;
    for (const [v, pair] of view.neighbours(last))
      if (!nodes.includes(v)) walk([...nodes, v], Math.min(weight, pair.weight));
  };
  walk([from], Infinity);
  return out.sort(comparePaths);
}

// A diamond with a chord and a long way round: A–B–D, A–C–D, A–B–C–D, A–C–B–D, A–E–F–D.
const diamond: TestLink[] = [
  ['A', 'B'],
  ['B', 'D'],
  ['A', 'C'],
  ['C', 'D'],
  ['B', 'C'],
  ['A', 'E', 'associate-of', 5],
  ['E', 'F', 'associate-of', 5],
  ['F', 'D', 'associate-of', 5],
];

describe('findPaths', () => {
  it('finds the k shortest loopless paths, fewest hops first, then strongest weakest link', () => {
    const r = findPaths(testGraph(diamond), 'A', 'D', { k: 10 });
    expect(nodesOf(r)).toEqual(['A-B-D', 'A-C-D', 'A-E-F-D', 'A-B-C-D', 'A-C-B-D']);
    expect(r.paths.map((p) => [p.hops, p.weight])).toEqual([
      [2, 1],
      [2, 1],
      [3, 5],
      [3, 1],
      [3, 1],
    ]);
    expect(r.truncated).toBe(false);
    expect(r.paths[0]!.links).toEqual(['l0', 'l1']);
    expect(r.paths[0]!.parallel).toEqual([[], []]);
  });

  it('stops at k and says more paths exist', () => {
    const r = findPaths(testGraph(diamond), 'A', 'D', { k: 3 });
    expect(nodesOf(r)).toEqual(['A-B-D', 'A-C-D', 'A-E-F-D']);
    expect(r.truncated).toBe(true);
  });

  it('respects maxHops', () => {
    const r = findPaths(testGraph(diamond), 'A', 'D', { maxHops: 2, k: 10 });
    expect(nodesOf(r)).toEqual(['A-B-D', 'A-C-D']);
    expect(r.truncated).toBe(false);
    expect(findPaths(testGraph(diamond), 'A', 'F', { maxHops: 1 }).paths).toEqual([]);
  });

  it('follows strong links only when minWeight asks for it', () => {
    const r = findPaths(testGraph(diamond), 'A', 'D', { minWeight: 2, k: 10 });
    expect(nodesOf(r)).toEqual(['A-E-F-D']);
    expect(r.paths[0]!.weight).toBe(5);
    expect(findPaths(testGraph(diamond), 'A', 'D', { minWeight: 6 }).paths).toEqual([]);
  });

  it('prefers the stronger of two equally short paths', () => {
    const g = testGraph([
      ['A', 'B', 'associate-of', 1],
      ['B', 'Z', 'associate-of', 1],
      ['A', 'C', 'associate-of', 4],
      ['C', 'Z', 'associate-of', 3],
    ]);
    const r = findPaths(g, 'A', 'Z');
    expect(nodesOf(r)).toEqual(['A-C-Z', 'A-B-Z']);
    expect(r.paths.map((p) => p.weight)).toEqual([3, 1]);
  });

  it('ties linked entities whichever way a link was recorded', () => {
    const g = testGraph([
      ['phone:b', 'phone:a', 'called', 3],
      ['X', 'phone:b', 'uses'],
    ]);
    expect(nodesOf(findPaths(g, 'phone:a', 'X'))).toEqual(['phone:a-phone:b-X']);
    expect(nodesOf(findPaths(g, 'X', 'phone:a'))).toEqual(['X-phone:b-phone:a']);
  });

  it('counts parallel links between one pair as one hop carried by the strongest, the rest as evidence', () => {
    const g = testGraph([
      ['phone:a', 'phone:b', 'messaged', 2],
      ['phone:a', 'phone:b', 'called', 7],
      ['phone:b', 'phone:a', 'called', 2],
      ['phone:b', 'phone:c', 'called', 1],
    ]);
    const r = findPaths(g, 'phone:a', 'phone:c');
    expect(r.paths).toEqual([
      {
        nodes: ['phone:a', 'phone:b', 'phone:c'],
        links: ['l1', 'l3'],
        parallel: [['l0', 'l2'], []],
        hops: 2,
        weight: 1,
      },
    ]);
    expect(r.truncated).toBe(false);
    // Links left out by minWeight are not evidence either.
    expect(findPaths(g, 'phone:a', 'phone:b', { minWeight: 3 }).paths[0]!.parallel).toEqual([[]]);
  });

  it('keeps to the link kinds asked for', () => {
    const g = testGraph([
      ['P', 'phone:p', 'uses'],
      ['phone:p', 'phone:q', 'called', 4],
      ['Q', 'phone:q', 'uses'],
      ['P', 'Q', 'associate-of'],
    ]);
    expect(nodesOf(findPaths(g, 'P', 'Q'))).toEqual(['P-Q', 'P-phone:p-phone:q-Q']);
    expect(nodesOf(findPaths(g, 'P', 'Q', { linkKinds: ['uses', 'called'] }))).toEqual([
      'P-phone:p-phone:q-Q',
    ]);
    expect(findPaths(g, 'P', 'Q', { linkKinds: ['called'] }).paths).toEqual([]);
  });

  it('returns no path between entities that are not tied', () => {
    const g = testGraph([['A', 'B']], ['C']);
    expect(findPaths(g, 'A', 'C')).toEqual({ from: 'A', to: 'C', paths: [], truncated: false });
  });

  it('rejects bad input with an AnalyticsInputError naming the field', () => {
    const g = testGraph(diamond);
    expectError(() => findPaths(g, 'nobody', 'D'), 'from');
    expectError(() => findPaths(g, 'A', 'nobody'), 'to');
    expectError(() => findPaths(g, 'A', 'A'), 'to');
    for (const maxHops of [0, 9, 2.5, Number.NaN])
      expectError(() => findPaths(g, 'A', 'D', { maxHops }), 'maxHops');
    for (const k of [0, 51, 1.5]) expectError(() => findPaths(g, 'A', 'D', { k }), 'k');
    expectError(() => findPaths(g, 'A', 'D', { minWeight: -1 }), 'minWeight');
    expectError(() => findPaths(g, 'A', 'D', { linkKinds: [] }), 'linkKinds');
    expectError(() => findPaths(g, 'A', 'D', { linkKinds: ['knows' as never] }), 'linkKinds');
  });

  it('stays local on a hub-heavy graph (two hubs, 5,000 shared spokes)', () => {
    const links: TestLink[] = [];
    for (let i = 0; i < 5000; i++) links.push(['H1', `S${i}`], ['H2', `S${i}`]);
    const g = testGraph(links);
    const r = findPaths(g, 'S0', 'S1', { maxHops: 4, k: 5 });
    expect(r.paths.map((p) => p.hops)).toEqual([2, 2, 4, 4, 4]);
    expect(nodesOf(r).slice(0, 2)).toEqual(['S0-H1-S1', 'S0-H2-S1']);
    for (const p of r.paths.slice(2)) expect(p.nodes[2]).toMatch(/^S\d+$/);
    expect(r.truncated).toBe(true);
    const one = findPaths(g, 'S0', 'S4999', { maxHops: 2 });
    expect(nodesOf(one)).toEqual(['S0-H1-S4999', 'S0-H2-S4999']);
    expect(one.truncated).toBe(false);
  });

  it('agrees with an exhaustive search on random small graphs', () => {
    const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
    const arbLink = fc.tuple(
      fc.constantFrom(...names),
      fc.constantFrom(...names),
      fc.integer({ min: 0, max: 4 }),
    );
    fc.assert(
      fc.property(
        fc.array(arbLink, { maxLength: 18 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 3 }),
        (raw, maxHops, k, minWeight) => {
          const links: TestLink[] = raw
            .filter(([a, b]) => a !== b)
            .map(([a, b, c]) => [a, b, 'associate-of', c]);
          const g = testGraph(links, ['A', 'G']);
          const r = findPaths(g, 'A', 'G', { maxHops, k, minWeight });
          const all = allPaths(g, 'A', 'G', maxHops, minWeight);
          expect(r.paths.map((p) => [p.hops, p.weight])).toEqual(
            all.slice(0, k).map((p) => [p.hops, p.weight]),
          );
          expect(r.truncated).toBe(all.length > k);
          const keys = new Set(all.map((p) => p.nodes.join('-')));
          for (const p of r.paths) {
            expect(keys.has(p.nodes.join('-'))).toBe(true);
            expect(new Set(p.nodes).size).toBe(p.nodes.length);
            expect(p.links).toHaveLength(p.hops);
            for (const [i, l] of p.links.entries()) {
              expect(g.extremities(l).sort()).toEqual([p.nodes[i], p.nodes[i + 1]].sort());
              expect(g.getEdgeAttribute(l, 'weight')).toBeGreaterThanOrEqual(minWeight);
            }
          }
          expect(new Set(nodesOf(r)).size).toBe(r.paths.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
