/**
 * The picture's layout, computed on the server so that it is part of the report and reproducible:
 * ForceAtlas2 (Jacomy, Venturini, Heymann & Bastian 2014, "ForceAtlas2, a continuous graph layout
 * algorithm for handy network visualization", PLoS ONE 9(6)) from graphology-layout-forceatlas2, run
 * synchronously a fixed number of iterations from seeded starting positions (a circle in id order,
 * jittered by the seeded mulberry32 of server/analytics/rng.ts), then graphology-layout-noverlap so no
 * disc hides another. The same graph and seed give the same coordinates.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import { seededRandom } from '../analytics/rng.js';

export const LAYOUT_DEFAULTS = {
  seed: 'casegraph-report',
  iterations: 300,
  noverlapIterations: 200,
};

export interface LayoutInput {
  ids: readonly string[];
  edges: readonly (readonly [string, string])[];
}

export type Positions = Map<string, { x: number; y: number }>;

export function layout(input: LayoutInput, options: Partial<typeof LAYOUT_DEFAULTS> = {}): Positions {
  const o = { ...LAYOUT_DEFAULTS, ...options };
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const rng = seededRandom(o.seed);
  const ids = [...input.ids].sort();
  ids.forEach((id, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, ids.length);
    graph.addNode(id, {
      x: Math.cos(a) * 100 + (rng() - 0.5) * 10,
      y: Math.sin(a) * 100 + (rng() - 0.5) * 10,
      size: 1,
    });
  });
  for (const [a, b] of input.edges) {
    if (a === b || !graph.hasNode(a) || !graph.hasNode(b)) continue;
    if (graph.hasEdge(a, b))
      graph.updateEdgeAttribute(a, b, 'weight', (w: number | undefined) => (w ?? 1) + 1);
    else graph.addEdge(a, b, { weight: 1 });
  }
  if (graph.order > 1) {
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 };
    forceAtlas2.assign(graph, { iterations: o.iterations, settings, getEdgeWeight: 'weight' });
    // noverlap works in the layout's own units: discs are given a size of a fixed share of its extent.
    let minX = Infinity;
    let maxX = -Infinity;
    graph.forEachNode((_n, a) => {
      minX = Math.min(minX, a.x as number);
      maxX = Math.max(maxX, a.x as number);
    });
    const size = Math.max(1e-6, (maxX - minX) / Math.max(40, Math.sqrt(graph.order) * 6));
    graph.forEachNode((n) => graph.setNodeAttribute(n, 'size', size));
    noverlap.assign(graph, { maxIterations: o.noverlapIterations, settings: { margin: size * 0.6 } });
  }
  const out: Positions = new Map();
  graph.forEachNode((n, a) => out.set(n, { x: a.x as number, y: a.y as number }));
  return out;
}
