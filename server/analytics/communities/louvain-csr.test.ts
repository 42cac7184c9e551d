import louvain from 'graphology-communities-louvain';
import { describe, expect, it } from 'vitest';
import { karate } from '../../../test/support/karate.js';
import type { AnalyticsGraph } from '../graph.js';
import { mulberry32, seededRandom } from '../rng.js';
import { louvainCsr } from './louvain-csr.js';
import { partitionModularity } from './modularity.js';
import { project, toGraphology, type Projection } from './projection.js';
import { addLink, addNode, cliques, emptyGraph } from './test-graphs.js';

const everyone = new Set(['person', 'phone']);

/** Both implementations on the same projection, seed and resolution. */
function both(p: Projection, seed: string, resolution = 1) {
  const ours = louvainCsr(p, { resolution, rng: seededRandom(seed) });
  const mapping = louvain(toGraphology(p), { getEdgeWeight: 'weight', resolution, rng: seededRandom(seed) });
  const theirs = Int32Array.from(p.ids, (id) => mapping[id]!);
  return { ours, theirs };
}

/** `nodes` persons in groups of `group`, `links` weighted links, a share of them across groups. */
function planted(nodes: number, group: number, links: number, across: number, seed: number): AnalyticsGraph {
  const graph = emptyGraph();
  const r = mulberry32(seed);
  for (let i = 0; i < nodes; i++) addNode(graph, `n${String(i).padStart(5, '0')}`);
  const id = (i: number) => `n${String(i).padStart(5, '0')}`;
  for (let k = 0; k < links; k++) {
    const base = Math.floor(r() * (nodes / group)) * group;
    const a = base + Math.floor(r() * group);
    let b = r() < across ? Math.floor(r() * nodes) : base + Math.floor(r() * group);
    if (b === a) b = base + ((a - base + 1) % group);
    addLink(graph, id(a), id(b), 1 + Math.floor(r() * 3));
  }
  return graph;
}

describe('louvainCsr', () => {
  const graphs: [string, AnalyticsGraph][] = [
    ['karate', karate()],
    ['cliques', cliques(12, 5, { cycle: true })],
    ['planted, weighted, 10% across', planted(2000, 25, 10_000, 0.1, 1)],
    ['planted, weighted, 40% across', planted(1500, 30, 9_000, 0.4, 2)],
    ['sparse random', planted(800, 800, 1_200, 0, 3)],
  ];

  it.each(graphs)('gives graphology-communities-louvain’s partition on %s', (_name, graph) => {
    const p = project(graph, everyone);
    for (const seed of ['casegraph', 'a', 'b'])
      for (const resolution of [0.5, 1, 2]) {
        const { ours, theirs } = both(p, seed, resolution);
        expect(ours).toEqual(theirs);
        expect(partitionModularity(p, ours)).toBe(partitionModularity(p, theirs));
      }
  });

  it('is deterministic for a seed and keeps isolated nodes alone', () => {
    const graph = planted(500, 20, 2_000, 0.1, 4);
    addNode(graph, 'z-alone');
    const p = project(graph, everyone);
    const first = louvainCsr(p, { resolution: 1, rng: seededRandom('x') });
    expect(louvainCsr(p, { resolution: 1, rng: seededRandom('x') })).toEqual(first);
    const alone = first[p.ids.indexOf('z-alone')]!;
    expect(first.filter((c) => c === alone)).toHaveLength(1);
  });

  it('gives every node its own community when there are no edges', () => {
    const graph = emptyGraph();
    for (const id of ['a', 'b', 'c']) addNode(graph, id);
    expect([...louvainCsr(project(graph, everyone), { resolution: 1, rng: Math.random })]).toEqual([0, 1, 2]);
  });

  it('reaches graphology’s modularity on two weighted cliques joined by a heavy link', () => {
    const graph = cliques(2, 6);
    addLink(graph, 'c0n3', 'c1n3', 5);
    const p = project(graph, everyone);
    const { ours, theirs } = both(p, 'casegraph');
    expect(partitionModularity(p, ours)).toBeCloseTo(partitionModularity(p, theirs), 12);
  });
});
