import { describe, expect, it } from 'vitest';
import { layout } from './layout.js';

describe('the report layout', () => {
  const ids = Array.from({ length: 40 }, (_, i) => `n${i}`);
  const edges = ids.slice(1).map((id, i) => [ids[Math.floor(i / 3)]!, id] as const);

  it('gives the same positions for the same graph and seed, others for another seed', () => {
    const a = layout({ ids, edges });
    const b = layout({ ids: [...ids].reverse(), edges });
    expect([...a]).toEqual([...b]);
    const c = layout({ ids, edges }, { seed: 'another' });
    expect([...c]).not.toEqual([...a]);
  });

  it('places every node, with finite coordinates', () => {
    const p = layout({ ids, edges });
    expect(p.size).toBe(ids.length);
    for (const { x, y } of p.values()) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
  });
});
