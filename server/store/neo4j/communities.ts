/**
 * What the analytics need of Neo4j in bulk: the whole graph as an edge list, streamed record by record
 * into typed arrays (never a list of records and a graph at once), and — where the server has Graph Data
 * Science — Louvain run in the database, for graphs too large to be worth shipping to the worker for it.
 * The analytics make either into the same result (analytics/communities: communitiesFromPartition).
 */
import { randomBytes } from 'node:crypto';
import type { EntityKind } from '../../domain/kinds.js';
import type { Executor } from './executor.js';
import { safeInt, safeIntOrNull, text } from './map-records.js';

/** The shape of analytics/communities' EdgeList, with the graph version it was read at. */
export interface StoreEdgeList {
  version: number;
  ids: string[];
  kinds: EntityKind[];
  labels: string[];
  from: Int32Array;
  to: Int32Array;
  weight: Float64Array;
}

/** Typed arrays grown by doubling: a million links never sit in a JavaScript array of records. */
class Growing<T extends Int32Array | Float64Array> {
  length = 0;
  constructor(public array: T) {}
  push(v: number) {
    if (this.length === this.array.length) {
      const bigger = new (this.array.constructor as new (n: number) => T)(this.array.length * 2);
      bigger.set(this.array);
      this.array = bigger;
    }
    this.array[this.length++] = v;
  }
  done(): T {
    return this.array.subarray(0, this.length) as T;
  }
}

export async function readEdgeList(executor: Executor): Promise<StoreEdgeList> {
  return executor.read(async (q) => {
    const [m] = await q.all('graph-version', {});
    const version = m ? safeInt(m.get('version'), 'graph version') : 0;
    const ids: string[] = [];
    const kinds: EntityKind[] = [];
    const labels: string[] = [];
    const index = new Map<string, number>();
    await q.each('edge-list-entities', {}, (r) => {
      const id = text(r.get('id'), 'entity id');
      // Analytics need ids strictly ascending as JavaScript compares them; Neo4j's order is checked.
      if (ids.length && !(ids[ids.length - 1]! < id))
        throw new RangeError(`edge list: Neo4j gave entity ids out of order at ${id}`);
      index.set(id, ids.length);
      ids.push(id);
      kinds.push(text(r.get('kind'), `kind of ${id}`) as EntityKind);
      labels.push(text(r.get('label'), `label of ${id}`));
    });
    const from = new Growing(new Int32Array(1024));
    const to = new Growing(new Int32Array(1024));
    const weight = new Growing(new Float64Array(1024));
    await q.each('edge-list-links', {}, (r) => {
      // A link whose end arrived after the entity list was read is left for the next version.
      const a = index.get(text(r.get('from'), 'link end'));
      const b = index.get(text(r.get('to'), 'link end'));
      if (a === undefined || b === undefined) return;
      from.push(a);
      to.push(b);
      weight.push(Math.max(1, safeIntOrNull(r.get('count'), 'occurrence count') ?? 0));
    });
    return { version, ids, kinds, labels, from: from.done(), to: to.done(), weight: weight.done() };
  });
}

/** Graph Data Science's version when the server has the library, otherwise null. */
export async function gdsVersion(executor: Executor): Promise<string | null> {
  try {
    const [r] = await executor.read((q) => q.all('gds-version', {}));
    const v: unknown = r?.get('version');
    return typeof v === 'string' ? v : null;
  } catch (error) {
    // Unknown function: the library is not installed. Anything else is a real failure.
    if ((error as { code?: string }).code === 'Neo.ClientError.Statement.SyntaxError') return null;
    throw error;
  }
}

/** Projecting and running Louvain over a large graph may rightly take minutes. */
const LONG = { long: true } as const;

/**
 * Louvain in the database: the graph of the given kinds projected into GDS's catalogue, the partition
 * streamed back, the projection dropped whatever happens. Each attempt of the projecting write takes a
 * name of its own: the driver runs a write again after a transient failure, GDS's catalogue is not
 * undone with the transaction, and the same name would then fail as "already exists"; every name
 * tried is dropped. With no link among those kinds GDS makes no graph and Louvain has nothing to run
 * on: every entity is then its own community, which an empty partition says (communitiesFromPartition
 * gives each entity it does not name a community of its own), as our own Louvain would find.
 */
export async function gdsLouvain(
  executor: Executor,
  kinds: readonly EntityKind[],
): Promise<Map<string, number>> {
  const made: string[] = [];
  try {
    const projected = await executor.write(async (q) => {
      const graphName = `casegraph-${randomBytes(8).toString('hex')}`;
      made.push(graphName);
      const [r] = await q.all('gds-project-graph', { graphName, kinds: [...kinds] });
      return { graphName, links: safeIntOrNull(r?.get('links'), 'projected links') ?? 0 };
    }, LONG);
    if (projected.links === 0) return new Map();
    // On the same member as the projection: GDS's catalogue lives in one server's memory, and a read
    // in a cluster may be routed to another.
    return await executor.write(async (q) => {
      const partition = new Map<string, number>();
      await q.each('gds-louvain', { graphName: projected.graphName }, (r) =>
        partition.set(text(r.get('id'), 'entity id'), safeInt(r.get('communityId'), 'community id')),
      );
      return partition;
    }, LONG);
  } finally {
    for (const graphName of made) await executor.write((q) => q.all('gds-drop-graph', { graphName }));
  }
}
