/**
 * Communities: the rings inside a network, by Louvain modularity optimisation (Blondel, Guillaume,
 * Lambiotte & Lefebvre 2008, "Fast unfolding of communities in large networks", J. Stat. Mech. P10008),
 * graphology-communities-louvain's algorithm run over typed arrays (louvain-csr.ts, which gives its
 * partitions), on the simple weighted projection of the graph (projection.ts, cached per graph by
 * projection-cache.ts), seeded so the same graph and parameters give the same partition. Communities Louvain
 * returns disconnected are split into their connected parts (split.ts); the modularity reported is that
 * of the final partition.
 */
import { ENTITY_KINDS, type EntityKind } from '../../domain/kinds.js';
import type { AnalyticsGraph } from '../graph.js';
import { partitionModularity } from './modularity.js';
import { louvainCsr } from './louvain-csr.js';
import { projectionOf } from './projection-cache.js';
import type { Projection } from './projection.js';
import { projectEdgeList, type EdgeList } from './edge-list.js';
import { seededRandom } from '../rng.js';
import { splitDisconnected } from './split.js';
import { summarise, type CommunitySummary } from './summary.js';

export const DEFAULTS = {
  /** γ of modularity: above 1 favours more, smaller communities; below 1 fewer, larger ones. */
  resolution: 1,
  /** Seed of the random node order Louvain visits; the same seed gives the same partition. */
  seed: 'casegraph',
  /**
   * Kinds that take part. Case and document nodes are administrative, not part of a network: one FIR
   * names accused from several rings, one CDR file holds everyone it lists, so through them unrelated
   * rings would be glued together. They are left out, and absent from the result.
   */
  includeKinds: ENTITY_KINDS.filter((k) => k !== 'case' && k !== 'document') as readonly EntityKind[],
};

export type CommunityOptions = Partial<typeof DEFAULTS>;

export interface CommunityResult {
  /** The community of every node of an included kind. */
  communityOf: Record<string, number>;
  /** Newman's weighted modularity (γ = 1) of the final partition on the projection. */
  modularity: number;
  /** Indexed by community id: ids run 0.. by size, largest first, then by smallest member id. */
  communities: CommunitySummary[];
  parameters: {
    algorithm: 'louvain';
    resolution: number;
    seed: string;
    /** How many of Louvain's communities were not connected and were split. */
    splitDisconnected: number;
    excludedKinds: string[];
  };
}

export class CommunityOptionsError extends RangeError {
  override readonly name = 'CommunityOptionsError';
}

function resolve(options: CommunityOptions): typeof DEFAULTS {
  const o = { ...DEFAULTS, ...options };
  if (typeof o.resolution !== 'number' || !Number.isFinite(o.resolution) || o.resolution <= 0)
    throw new CommunityOptionsError(
      `communities: invalid \`resolution\` ${o.resolution}. Expecting a positive number.`,
    );
  if (typeof o.seed !== 'string')
    throw new CommunityOptionsError('communities: invalid `seed`. Expecting a string.');
  const unknown = o.includeKinds.filter((k) => !(ENTITY_KINDS as readonly string[]).includes(k));
  if (unknown.length)
    throw new CommunityOptionsError(
      `communities: invalid \`includeKinds\`: ${unknown.join(', ')}. Expecting entity kinds.`,
    );
  return o;
}

export function detectCommunities(graph: AnalyticsGraph, options: CommunityOptions = {}): CommunityResult {
  const resolved = resolve(options);
  const p = projectionOf(graph, new Set<string>(resolved.includeKinds));
  return communitiesOf(p, (i) => graph.getNodeAttribute(p.ids[i]!, 'label'), resolved);
}

/**
 * The same, on an edge list read in bulk from a store (a cold start, before the projection exists):
 * the same projection, hence the same partition, as `detectCommunities` on the graph of that list.
 */
export function detectCommunitiesInEdgeList(list: EdgeList, options: CommunityOptions = {}): CommunityResult {
  const resolved = resolve(options);
  const { projection, original } = projectEdgeList(list, new Set<string>(resolved.includeKinds));
  return communitiesOf(projection, (i) => list.labels[original[i]!]!, resolved);
}

/**
 * Communities found elsewhere — by Neo4j Graph Data Science's Louvain, run in the database when the
 * graph is large — made into the same result as ours: the same projection of the same edge list, the
 * same splitting of disconnected communities, numbering, modularity and summaries. Nodes the partition
 * does not name (GDS projects only nodes that have links) are communities of their own.
 */
export function communitiesFromPartition(
  list: EdgeList,
  partition: ReadonlyMap<string, number>,
  options: CommunityOptions = {},
): CommunityResult {
  const resolved = resolve(options);
  const { projection, original } = projectEdgeList(list, new Set<string>(resolved.includeKinds));
  const found = new Int32Array(projection.ids.length);
  let alone = -1;
  projection.ids.forEach((id, i) => {
    const c = partition.get(id);
    if (c !== undefined && (!Number.isInteger(c) || c < 0))
      throw new CommunityOptionsError(`communities: the partition gives ${id} the community ${c}`);
    found[i] = c ?? alone--;
  });
  return communitiesOf(projection, (i) => list.labels[original[i]!]!, resolved, found);
}

function communitiesOf(
  p: Projection,
  label: (i: number) => string,
  { resolution, seed, includeKinds }: typeof DEFAULTS,
  given?: Int32Array,
): CommunityResult {
  const included = new Set<string>(includeKinds);
  const n = p.ids.length;
  const found = given ?? louvainCsr(p, { resolution, rng: seededRandom(seed) });

  const { communityOf, count, split } = splitDisconnected(p, found);
  const byId: Record<string, number> = {};
  for (let i = 0; i < n; i++) byId[p.ids[i]!] = communityOf[i]!;
  return {
    communityOf: byId,
    modularity: partitionModularity(p, communityOf),
    communities: summarise(label, p, communityOf, count),
    parameters: {
      algorithm: 'louvain',
      resolution,
      seed,
      splitDisconnected: split,
      excludedKinds: ENTITY_KINDS.filter((k) => !included.has(k)),
    },
  };
}
