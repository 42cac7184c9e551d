import { describe, expect, it } from 'vitest';
import { project, toGraphology } from './projection.js';
import { addLink, addNode, emptyGraph } from './test-graphs.js';

describe('project', () => {
  it('sums parallel and antiparallel links, drops excluded kinds and sorts nodes by id', () => {
    const graph = emptyGraph();
    addNode(graph, 'z');
    addNode(graph, 'a');
    addNode(graph, 'm', 'phone');
    addNode(graph, 'fir', 'case');
    addLink(graph, 'z', 'a', 2);
    addLink(graph, 'a', 'z', 3, { directed: true, kind: 'called' });
    addLink(graph, 'z', 'a', 4, { directed: true, kind: 'called' });
    addLink(graph, 'a', 'm', 1, { directed: true, kind: 'uses' });
    addLink(graph, 'fir', 'a', 1, { directed: true, kind: 'involves' });
    const p = project(graph, new Set(['person', 'phone']));
    expect(p.ids).toEqual(['a', 'm', 'z']);
    expect(p.kinds).toEqual(['person', 'phone', 'person']);
    expect([...p.edgeLo]).toEqual([0, 0]);
    expect([...p.edgeHi]).toEqual([1, 2]);
    expect([...p.edgeWeight]).toEqual([1, 9]);
    expect(p.totalWeight).toBe(10);
    expect([...p.strength]).toEqual([10, 1, 9]);
    expect([...p.offsets]).toEqual([0, 2, 3, 4]);
    expect([...p.targets]).toEqual([1, 2, 0, 0]);

    const simple = toGraphology(p);
    expect(simple.type).toBe('undirected');
    expect(simple.size).toBe(2);
    expect(simple.getEdgeAttribute(simple.edge('z', 'a')!, 'weight')).toBe(9);
  });
});
