import Graph from 'graphology';
import modularity from 'graphology-metrics/graph/modularity.js';
import { describe, expect, it } from 'vitest';
import { partitionModularity } from './modularity.js';
import { project } from './projection.js';
import { seededRandom } from '../rng.js';
import { addLink, addNode, emptyGraph } from './test-graphs.js';

describe('partitionModularity', () => {
  it('matches a hand computation: two triangles joined by one edge', () => {
    const graph = emptyGraph();
    for (const n of ['a', 'b', 'c', 'd', 'e', 'f']) addNode(graph, n);
    for (const [x, y] of [
      ['a', 'b'],
      ['b', 'c'],
      ['a', 'c'],
      ['d', 'e'],
      ['e', 'f'],
      ['d', 'f'],
      ['c', 'd'],
    ])
      addLink(graph, x!, y!);
    const p = project(graph, new Set(['person']));
    // m = 7; each side: 3 edges inside, degree total 7. Q = 2 (3/7 − (7/14)²) = 5/14.
    expect(partitionModularity(p, new Int32Array([0, 0, 0, 1, 1, 1]))).toBeCloseTo(5 / 14, 12);
    expect(partitionModularity(p, new Int32Array(6))).toBeCloseTo(0, 12);
    expect(partitionModularity(p, new Int32Array([0, 0, 0, 1, 1, 1]), 2)).toBeCloseTo(
      6 / 7 - 2 * 2 * 0.25,
      12,
    );
  });

  it("agrees with graphology-metrics' weighted modularity on the summed projection", () => {
    const random = seededRandom('modularity');
    const graph = emptyGraph();
    for (let i = 0; i < 40; i++) addNode(graph, `p${String(i).padStart(2, '0')}`);
    for (let k = 0; k < 150; k++) {
      const a = Math.floor(random() * 40);
      const b = Math.floor(random() * 40);
      if (a !== b)
        addLink(
          graph,
          `p${String(a).padStart(2, '0')}`,
          `p${String(b).padStart(2, '0')}`,
          1 + Math.floor(random() * 5),
          { directed: random() < 0.5, kind: 'called' },
        );
    }
    const p = project(graph, new Set(['person']));
    const communityOf = Int32Array.from(p.ids, () => Math.floor(random() * 4));
    const simple = new Graph({ type: 'undirected' });
    p.ids.forEach((id, i) => simple.addNode(id, { community: communityOf[i] }));
    for (let k = 0; k < p.edgeLo.length; k++)
      simple.addEdge(p.ids[p.edgeLo[k]!]!, p.ids[p.edgeHi[k]!]!, { weight: p.edgeWeight[k]! });
    for (const resolution of [1, 0.5, 2])
      expect(partitionModularity(p, communityOf, resolution)).toBeCloseTo(
        modularity(simple, { resolution }),
        10,
      );
  });
});
