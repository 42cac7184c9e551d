export {
  explainTie,
  type ExplainedPath,
  type LinkEvidence,
  type TieEntity,
  type TieExplanation,
  type TieStep,
} from './explain-tie.js';
export {
  DEFAULTS,
  findPaths,
  LIMITS,
  type FindPathsOptions,
  type FindPathsResult,
  type FoundPath,
} from './find-paths.js';
export { pairView, type PairLink, type PairView } from './pair-view.js';
export { comparePaths, yenKShortestPaths, type RankedPath, type YenResult } from './yen.js';
