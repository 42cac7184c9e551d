import { describe, expect, it } from 'vitest';
import { streamScenario } from './scenario.js';
import type { GroundTruth } from './truth.js';

describe('benchmark size', () => {
  // How fast it streams is the benchmark's to say (npm run bench prints the generation time): a
  // timed assertion here failed whenever the machine was busy, and proved nothing about the output.
  it('streams 100,000 entities and ~500,000 links, one batch at a time', () => {
    let truth: GroundTruth | undefined;
    let batches = 0;
    for (const b of streamScenario({ entities: 100_000, seed: 'bench' }, (t) => (truth = t)))
      if (b.document) batches++;
    const t = truth as GroundTruth;
    expect(t.counts.batches).toBe(batches);
    expect(Math.abs(t.counts.entities - 100_000)).toBeLessThanOrEqual(5000);
    expect(t.counts.links).toBeGreaterThan(450_000);
    expect(t.counts.links).toBeLessThan(550_000);
  });
});
