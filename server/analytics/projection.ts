/**
 * The in-memory projection: one graphology graph of the whole store, built once and kept current from
 * the store's change feed by graph version — as Neo4j GDS keeps a projected graph in its catalogue.
 * Building a graphology graph costs several seconds per million edges, far more than most analyses on
 * it, so analysts must not pay the build on every question. Several instances sharing one store each
 * keep their own projection and catch up by version.
 */
import type { EntityView, GraphChanges, LinkView } from '../domain/views.js';
import { indexEdges } from './edge-index.js';
import { buildGraph, putEntity, putLink, type AnalyticsGraph } from './graph.js';

/** Where the changes come from: a GraphStore satisfies it; analytics know no store. */
export interface ChangeFeed {
  changesSince(version: number): Promise<GraphChanges>;
  /**
   * The same changes handed over one at a time, where a store can stream them (Neo4j): the projection
   * puts each into the graph as it arrives, so a first build never holds every view and the graph at once.
   */
  streamChangesSince?(
    version: number,
    sink: { entity(e: EntityView): void; link(l: LinkView): void },
  ): Promise<{ version: number; removed: string[] }>;
}

export interface ProjectionStats {
  version: number;
  nodes: number;
  edges: number;
  /** Heap the projection took when it was first built (measured, approximate: the heap also moves). */
  builtHeapBytes: number;
  lastRefresh: { entities: number; links: number; ms: number };
}

export class Projection {
  readonly graph: AnalyticsGraph = buildGraph({ nodes: [], links: [], truncated: false });
  private version = 0;
  private builtHeapBytes = 0;
  private lastRefresh = { entities: 0, links: 0, ms: 0 };
  private pending: Promise<ProjectionStats> | undefined;

  constructor(private readonly feed: ChangeFeed) {
    // Its links also as typed arrays, so the views rebuilt after each change need not read the graph.
    indexEdges(this.graph);
  }

  /** Brings the graph up to the store's version; concurrent callers share one catch-up. */
  refresh(): Promise<ProjectionStats> {
    this.pending ??= this.catchUp().finally(() => (this.pending = undefined));
    return this.pending;
  }

  stats(): ProjectionStats {
    return {
      version: this.version,
      nodes: this.graph.order,
      edges: this.graph.size,
      builtHeapBytes: this.builtHeapBytes,
      lastRefresh: this.lastRefresh,
    };
  }

  private async catchUp(): Promise<ProjectionStats> {
    const first = this.version === 0;
    const heapBefore = first ? process.memoryUsage().heapUsed : 0;
    const t0 = performance.now();
    let entities = 0;
    let links = 0;
    if (this.feed.streamChangesSince) {
      const { version, removed } = await this.feed.streamChangesSince(this.version, {
        entity: (e) => {
          putEntity(this.graph, e);
          entities++;
        },
        link: (l) => {
          putLink(this.graph, l);
          links++;
        },
      });
      // Last: their links have been put at the persons they were merged into by now.
      for (const id of removed) if (this.graph.hasNode(id)) this.graph.dropNode(id);
      this.version = version;
    } else {
      const changes = await this.feed.changesSince(this.version);
      this.apply(changes);
      this.version = changes.version;
      entities = changes.entities.length;
      links = changes.links.length;
    }
    this.lastRefresh = { entities, links, ms: performance.now() - t0 };
    if (first) this.builtHeapBytes = Math.max(0, process.memoryUsage().heapUsed - heapBefore);
    return this.stats();
  }

  private apply(changes: GraphChanges): void {
    // First, so that a person merged away and back since (an undo) is dropped and then put again.
    for (const id of changes.removed) if (this.graph.hasNode(id)) this.graph.dropNode(id);
    for (const e of changes.entities) putEntity(this.graph, e);
    for (const l of changes.links) putLink(this.graph, l);
  }
}
