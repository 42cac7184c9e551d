/**
 * Positions for the network: a seeded random start, then a bounded number of synchronous ForceAtlas2
 * iterations (Jacomy et al., 2014). No step draws on Math.random, so the same graph is drawn the same
 * way on every load and every machine — an analyst's mental map, and the browser tests, rely on it.
 * Outbound attraction distribution pushes hubs (a phone that called everyone) to the borders of their
 * ring instead of letting them drag all rings into one disc; on the demo scenario the rings separate.
 */
import random from 'graphology-layout/random';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { CaseGraph } from './graph-data.js';

export const DEFAULTS = {
  seed: 0x5eed,
  /** Iteration budget; spread over the graph's order so that larger graphs stay responsive. */
  work: 120_000,
  minIterations: 50,
  maxIterations: 500,
  scalingRatio: 4,
};

/** mulberry32: a small, fast, seeded generator with 32 bits of state. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function layOut(graph: CaseGraph, options: Partial<typeof DEFAULTS> = {}): void {
  const o = { ...DEFAULTS, ...options };
  random.assign(graph, { rng: seededRandom(o.seed), scale: 100, center: 0 });
  if (graph.order < 2) return;
  const iterations = Math.round(Math.min(o.maxIterations, Math.max(o.minIterations, o.work / graph.order)));
  forceAtlas2.assign(graph, {
    iterations,
    getEdgeWeight: (_edge, attributes) => Math.log2(1 + attributes.weight),
    settings: {
      ...forceAtlas2.inferSettings(graph),
      linLogMode: false,
      outboundAttractionDistribution: true,
      scalingRatio: o.scalingRatio,
      barnesHutOptimize: graph.order > 1000,
    },
  });
}
