export {
  centrality,
  METRICS,
  type CentralityOptions,
  type CentralityResult,
  type Metric,
  type RankedNode,
} from './centrality.js';
export { degreeCsr, weightedDegreeCsr } from './degree.js';
export { pagerankCsr, type PagerankOptions, type PagerankResult } from './pagerank.js';
export {
  accumulateDependencies,
  betweennessCsr,
  EXACT_LIMIT,
  type BetweennessOptions,
  type BetweennessResult,
} from './betweenness.js';
export { harmonicClosenessCsr, type ClosenessOptions, type ClosenessResult } from './closeness.js';
export { mulberry32, pivots } from './pivots.js';
export { topIndices } from './top.js';
