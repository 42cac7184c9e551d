/**
 * Key players: one entry for the five centralities an analyst asks for, over the CSR view of an
 * AnalyticsGraph. Returns every node's score and the top of the ranking (ties: graph order); a sampled
 * betweenness or closeness says how many sources it searched and up to what size it would be exact.
 */
import type { EntityKind } from '../../domain/kinds.js';
import { AnalyticsInputError } from '../errors.js';
import type { AnalyticsGraph } from '../graph.js';
import { csrOf, type Csr } from '../structure/csr.js';
import { withDefaults } from '../structure/defaults.js';
import { betweennessCsr, EXACT_LIMIT } from './betweenness.js';
import { harmonicClosenessCsr } from './closeness.js';
import { degreeCsr, weightedDegreeCsr } from './degree.js';
import { pagerankCsr } from './pagerank.js';
import { topIndices } from './top.js';

export const METRICS = ['degree', 'weighted-degree', 'pagerank', 'betweenness', 'closeness'] as const;
export type Metric = (typeof METRICS)[number];

export interface CentralityOptions {
  /** Length of `top`. */
  top: number;
  /** Only these kinds enter `top` (all kinds when empty); `scores` always has every node. */
  topKinds: readonly EntityKind[];
  /** PageRank. */
  alpha: number;
  tolerance: number;
  maxIterations: number;
  /** Betweenness and closeness: exact up to this many nodes, else `samples` pivot sources. */
  exactLimit: number;
  samples: number;
  seed: number;
  /** A prebuilt view of the graph (otherwise the cached one of csrOf). */
  csr: Csr | null;
}

export const DEFAULTS: CentralityOptions = {
  top: 10,
  topKinds: [],
  alpha: 0.85,
  tolerance: 1e-10,
  maxIterations: 500,
  exactLimit: EXACT_LIMIT,
  samples: 500,
  seed: 42,
  csr: null,
};

export interface RankedNode {
  id: string;
  label: string;
  kind: EntityKind;
  score: number;
}

export interface CentralityResult {
  metric: Metric;
  scores: Record<string, number>;
  top: RankedNode[];
  sampled?: { sources: number; exactUpTo: number };
}

export function centrality(
  graph: AnalyticsGraph,
  metric: Metric,
  options: Partial<CentralityOptions> = {},
): CentralityResult {
  if (!(METRICS as readonly string[]).includes(metric))
    throw new AnalyticsInputError('metric', `centrality: \`metric\` must be one of ${METRICS.join(', ')}`);
  const o = withDefaults(DEFAULTS, options);
  const bad = invalidOption(o);
  if (bad) throw new AnalyticsInputError(bad[0], `centrality: invalid \`${bad[0]}\`. ${bad[1]}`);
  const csr = o.csr ?? csrOf(graph);
  let values: Float64Array;
  let sampled: CentralityResult['sampled'];
  switch (metric) {
    case 'degree':
      values = degreeCsr(csr);
      break;
    case 'weighted-degree':
      values = weightedDegreeCsr(csr);
      break;
    case 'pagerank':
      values = pagerankCsr(csr, o).scores;
      break;
    case 'betweenness':
    case 'closeness': {
      const r = metric === 'betweenness' ? betweennessCsr(csr, o) : harmonicClosenessCsr(csr, o);
      values = r.scores;
      if (!r.exact) sampled = { sources: r.sources, exactUpTo: o.exactLimit };
      break;
    }
  }

  const scores: Record<string, number> = {};
  for (let i = 0; i < csr.order; i++) scores[csr.ids[i]!] = values[i]!;
  const result: CentralityResult = { metric, scores, top: topOf(graph, csr, values, o.top, o.topKinds) };
  if (sampled) result.sampled = sampled;
  return result;
}

function invalidOption(o: CentralityOptions): [string, string] | null {
  const count = (v: number) => Number.isInteger(v) && v >= 0;
  if (!count(o.top)) return ['top', 'Expecting a whole number >= 0.'];
  if (!(o.alpha >= 0 && o.alpha < 1)) return ['alpha', 'Expecting a number in [0, 1).'];
  if (!(o.tolerance > 0)) return ['tolerance', 'Expecting a positive number.'];
  if (!count(o.maxIterations) || o.maxIterations < 1)
    return ['maxIterations', 'Expecting a whole number >= 1.'];
  if (!(o.exactLimit >= 0)) return ['exactLimit', 'Expecting a number >= 0.'];
  if (!count(o.samples) || o.samples < 1) return ['samples', 'Expecting a whole number >= 1.'];
  if (!Number.isInteger(o.seed)) return ['seed', 'Expecting a whole number.'];
  return null;
}

function topOf(
  graph: AnalyticsGraph,
  csr: Csr,
  values: Float64Array,
  k: number,
  kinds: readonly EntityKind[],
) {
  const allowed = kinds.length ? new Set<string>(kinds) : null;
  const keep = allowed ? (i: number) => allowed.has(graph.getNodeAttribute(csr.ids[i]!, 'kind')) : null;
  return Array.from(topIndices(values, k, keep), (i): RankedNode => {
    const id = csr.ids[i]!;
    const attributes = graph.getNodeAttributes(id);
    return { id, label: attributes.label, kind: attributes.kind, score: values[i]! };
  });
}
