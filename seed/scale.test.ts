import { describe, expect, it } from 'vitest';
import { streamScenario } from './scenario.js';
import type { GroundTruth } from './truth.js';

describe('benchmark size', () => {
  it('streams 100,000 entities and ~500,000 links well within 20 s', () => {
    const started = performance.now();
    let truth: GroundTruth | undefined;
    let batches = 0;
    for (const b of streamScenario({ entities: 100_000, seed: 'bench' }, (t) => (truth = t)))
      if (b.document) batches++;
    const seconds = (performance.now() - started) / 1000;
    const t = truth as GroundTruth;
    expect(t.counts.batches).toBe(batches);
    expect(Math.abs(t.counts.entities - 100_000)).toBeLessThanOrEqual(5000);
    expect(t.counts.links).toBeGreaterThan(450_000);
    expect(t.counts.links).toBeLessThan(550_000);
    expect(seconds).toBeLessThan(15);
  });
});
