import { describe, expect, it } from 'vitest';
import { additionStep, removalStep } from './graph-steps.js';
import { link, twoRings } from './test-graph.js';

describe('graph steps', () => {
  it('undoes exactly what an addition added, and redoes it', () => {
    const g = twoRings();
    let changes = 0;
    const { added, step } = additionStep(
      g,
      'expand',
      () => {
        g.addNode('new', { kind: 'phone', label: 'new', key: 'new', scheme: 'phone', props: {} });
        g.addDirectedEdgeWithKey('e-new', 'a1', 'new', link('called', '2026-01-05T00:00:00Z', 1));
        return { nodes: ['new'], edges: ['e-new'] };
      },
      () => changes++,
    );
    expect(added.nodes).toEqual(['new']);
    step!.undo();
    expect(g.hasNode('new')).toBe(false);
    expect(g.order).toBe(7);
    step!.redo();
    expect(g.hasEdge('e-new')).toBe(true);
    expect(changes).toBe(2);
  });

  it('gives no step for an addition that added nothing, and none for removing what is not there', () => {
    const g = twoRings();
    expect(
      additionStep(
        g,
        'x',
        () => ({ nodes: [], edges: [] }),
        () => {},
      ).step,
    ).toBeNull();
    expect(removalStep(g, 'x', ['nobody'], () => {})).toBeNull();
  });

  it('puts back removed entities with all their links', () => {
    const g = twoRings();
    const step = removalStep(g, 'collapse', ['b1', 'b2'], () => {})!;
    expect(g.order).toBe(5);
    expect(g.hasEdge('ab')).toBe(false);
    step.undo();
    expect(g.order).toBe(7);
    expect(['ab', 'b12', 'b23', 'b31'].every((e) => g.hasEdge(e))).toBe(true);
  });
});
