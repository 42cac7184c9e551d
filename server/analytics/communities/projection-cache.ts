/**
 * The simple weighted projection of a graph, made once per graph and set of kinds and reused until the
 * graph changes — the "simple weighted graph kept alongside" the multigraph. Louvain on a million links
 * takes a fraction of a second; projecting the multigraph again (a pass over every graphology edge and
 * its attributes) would cost as much again on every question, though the graph has not changed.
 * Any mutation through graphology's API (nodes, edges, node or edge attributes) drops every cached
 * projection of that graph; mutating an attributes object in place bypasses graphology's events.
 */
import type { AnalyticsGraph } from '../graph.js';
import { project, type Projection } from './projection.js';

const MUTATIONS = [
  'nodeAdded',
  'edgeAdded',
  'nodeDropped',
  'edgeDropped',
  'cleared',
  'edgesCleared',
  'attributesUpdated',
  'nodeAttributesUpdated',
  'edgeAttributesUpdated',
  'eachNodeAttributesUpdated',
  'eachEdgeAttributesUpdated',
] as const;

/** Per graph: projections by their sorted kinds; undefined until a listener is attached. */
const cache = new WeakMap<AnalyticsGraph, Map<string, Projection>>();

export function projectionOf(graph: AnalyticsGraph, includeKinds: ReadonlySet<string>): Projection {
  let byKinds = cache.get(graph);
  if (!byKinds) {
    const fresh = new Map<string, Projection>();
    byKinds = fresh;
    cache.set(graph, fresh);
    for (const event of MUTATIONS) graph.on(event, () => fresh.clear());
  }
  const key = [...includeKinds].sort().join(',');
  let p = byKinds.get(key);
  if (!p) {
    p = project(graph, includeKinds);
    byKinds.set(key, p);
  }
  return p;
}
