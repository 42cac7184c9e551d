/**
 * The simple weighted projection of a graph, made once per graph and set of kinds and reused until the
 * graph changes — the "simple weighted graph kept alongside" the multigraph. Louvain on a million links
 * takes a fraction of a second; projecting the multigraph again (a pass over every graphology edge and
 * its attributes) would cost as much again on every question, though the graph has not changed.
 * Any mutation through graphology's API (nodes, edges, node or edge attributes) drops every cached
 * projection of that graph; mutating an attributes object in place bypasses graphology's events. A
 * Projection's graph is projected again from its EdgeIndex (typed arrays kept current as it grows), an
 * order of magnitude faster than from the graph.
 */
import type { EntityKind } from '../../domain/kinds.js';
import { edgeIndexOf, type EdgeIndex } from '../edge-index.js';
import type { AnalyticsGraph } from '../graph.js';
import { ANY_CHANGE, onChange } from '../graph-changes.js';
import { projectEdgeList } from './edge-list.js';
import { project, type Projection } from './projection.js';

/** Per graph: projections by their sorted kinds; undefined until a listener is attached. */
const cache = new WeakMap<AnalyticsGraph, Map<string, Projection>>();

export function projectionOf(graph: AnalyticsGraph, includeKinds: ReadonlySet<string>): Projection {
  let byKinds = cache.get(graph);
  if (!byKinds) {
    const fresh = new Map<string, Projection>();
    byKinds = fresh;
    cache.set(graph, fresh);
    onChange(graph, ANY_CHANGE, () => fresh.clear());
  }
  const key = [...includeKinds].sort().join(',');
  let p = byKinds.get(key);
  if (!p) {
    const index = edgeIndexOf(graph);
    p = index ? projectIndex(index, includeKinds) : project(graph, includeKinds);
    byKinds.set(key, p);
  }
  return p;
}

/** `project` of a graph made from its EdgeIndex: the nodes in sorted id order, the links renumbered. */
function projectIndex(index: EdgeIndex, includeKinds: ReadonlySet<string>): Projection {
  const order = index.sortedOrder();
  const n = order.length;
  const ids = new Array<string>(n);
  const kinds = new Array<EntityKind>(n);
  const rank = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const i = order[r]!;
    ids[r] = index.ids[i]!;
    kinds[r] = index.kinds[i]!;
    rank[i] = r;
  }
  const m = index.size;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    from[k] = rank[index.src[k]!]!;
    to[k] = rank[index.dst[k]!]!;
  }
  return projectEdgeList({ ids, kinds, from, to, weight: index.wt.subarray(0, m) }, includeKinds).projection;
}
