/**
 * The links of a graph as typed arrays, kept current from graphology's events as the graph grows: node
 * i is the i-th node added, link k joins src[k] and dst[k] with weight wt[k]. The views the analytics
 * rebuild after every change (the communities' simple weighted graph, the CSR of centrality/structure)
 * are then made from these arrays — at 1M links ~0.3 s — instead of from a pass over every graphology
 * edge, its attributes and two id lookups (~3 s), so the first question after an ingest stays cheap.
 *
 * It follows additions and attribute changes, what a Projection's catch-up does. Anything else (a node
 * or edge dropped, the graph cleared, attributes rewritten in bulk) makes it `valid = false` for good,
 * and the views fall back to reading the graph.
 */
import type { EntityKind } from '../domain/kinds.js';
import type { AnalyticsGraph } from './graph.js';

/** The weight of a link as both views count it: its `weight` if positive and finite, else 1. */
export const linkWeight = (w: unknown): number =>
  typeof w === 'number' && Number.isFinite(w) && w > 0 ? w : 1;

export class EdgeIndex {
  valid = true;
  /** Bumped by every change, so a view made from the arrays knows whether it is current. */
  version = 0;
  readonly ids: string[] = [];
  readonly kinds: EntityKind[] = [];
  readonly indexOf = new Map<string, number>();
  size = 0;
  src = new Int32Array(1024);
  dst = new Int32Array(1024);
  wt = new Float64Array(1024);
  private readonly slotOf = new Map<string, number>();
  /** Node indices in ascending id order, for as many nodes as it holds (nodes are only ever added). */
  private sorted = new Int32Array(0);

  constructor(private readonly graph: AnalyticsGraph) {
    graph.forEachNode((key, attributes) => this.addNode(key, attributes.kind));
    graph.forEachEdge((key, attributes, source, target) =>
      this.addEdge(key, source, target, attributes.weight),
    );
    graph.on('nodeAdded', ({ key, attributes }) => this.addNode(key, attributes.kind));
    graph.on('edgeAdded', ({ key, source, target, attributes }) =>
      this.addEdge(key, source, target, attributes.weight),
    );
    graph.on('nodeAttributesUpdated', ({ key }) => this.setKind(key));
    graph.on('edgeAttributesUpdated', ({ key }) => this.setWeight(key));
    for (const event of [
      'nodeDropped',
      'edgeDropped',
      'cleared',
      'edgesCleared',
      'eachNodeAttributesUpdated',
      'eachEdgeAttributesUpdated',
    ] as const)
      graph.on(event, () => (this.valid = false));
  }

  /**
   * Node indices in ascending id order (the order of the communities' projection): only the nodes added
   * since the last call are sorted, then merged in, so an ingest of a few nodes does not sort them all.
   */
  sortedOrder(): Int32Array {
    const { ids } = this;
    const had = this.sorted.length;
    if (had === ids.length) return this.sorted;
    const byId = (a: number, b: number) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0);
    const added = Int32Array.from({ length: ids.length - had }, (_, j) => had + j).sort(byId);
    const merged = new Int32Array(ids.length);
    let x = 0;
    let y = 0;
    for (let out = 0; out < merged.length; out++)
      merged[out] =
        y === added.length || (x < had && byId(this.sorted[x]!, added[y]!) < 0)
          ? this.sorted[x++]!
          : added[y++]!;
    this.sorted = merged;
    return merged;
  }

  private addNode(key: string, kind: EntityKind): void {
    this.indexOf.set(key, this.ids.length);
    this.ids.push(key);
    this.kinds.push(kind);
    this.version++;
  }

  private setKind(key: string): void {
    const i = this.indexOf.get(key);
    if (i === undefined) this.valid = false;
    else this.kinds[i] = this.graph.getNodeAttribute(key, 'kind');
    this.version++;
  }

  private addEdge(key: string, source: string, target: string, weight: unknown): void {
    if (this.size === this.src.length) this.grow();
    const k = this.size++;
    this.src[k] = this.indexOf.get(source)!;
    this.dst[k] = this.indexOf.get(target)!;
    this.wt[k] = linkWeight(weight);
    this.slotOf.set(key, k);
    this.version++;
  }

  private setWeight(key: string): void {
    const k = this.slotOf.get(key);
    if (k === undefined) this.valid = false;
    else this.wt[k] = linkWeight(this.graph.getEdgeAttribute(key, 'weight'));
    this.version++;
  }

  private grow(): void {
    const grown = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(a.length * 2);
      b.set(a);
      return b;
    };
    this.src = grown(this.src, (n) => new Int32Array(n));
    this.dst = grown(this.dst, (n) => new Int32Array(n));
    this.wt = grown(this.wt, (n) => new Float64Array(n));
  }
}

const indexes = new WeakMap<AnalyticsGraph, EdgeIndex>();

/** Keeps an EdgeIndex of `graph` from now on (what a Projection does for its graph). */
export function indexEdges(graph: AnalyticsGraph): EdgeIndex {
  let index = indexes.get(graph);
  if (!index) {
    index = new EdgeIndex(graph);
    indexes.set(graph, index);
  }
  return index;
}

/** The graph's EdgeIndex if it keeps one and it is still valid. */
export function edgeIndexOf(graph: AnalyticsGraph): EdgeIndex | undefined {
  const index = indexes.get(graph);
  return index?.valid ? index : undefined;
}
