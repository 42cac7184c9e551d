export {
  DEFAULTS,
  CommunityOptionsError,
  detectCommunities,
  detectCommunitiesInEdgeList,
  communitiesFromPartition,
} from './louvain.js';
export type { EdgeList } from './edge-list.js';
export type { CommunityOptions, CommunityResult } from './louvain.js';
export type { CommunityMember, CommunitySummary, SharedIdentifier } from './summary.js';
export { nmi } from './nmi.js';
export { partitionModularity } from './modularity.js';
export { project, type Projection } from './projection.js';
export { seededRandom } from '../rng.js';
