export {
  DEFAULT_KINDS,
  HOLDING_LINKS,
  holdersOf,
  identifiersOf,
  SHAREABLE_KINDS,
  type Holding,
  type ShareableKind,
} from './holders.js';
export {
  DEFAULTS as RANK_SHARED_DEFAULTS,
  rankSharedAcrossGraph,
  type CrowdedIdentifier,
  type RankSharedOptions,
  type RankSharedResult,
  type SharedPair,
} from './rank-shared.js';
export {
  DEFAULTS,
  sharedIdentifiers,
  type SharedIdentifiersOptions,
  type SharedIdentifiersResult,
  type SharedTie,
} from './shared-identifiers.js';
export { DEFAULTS as TIE_WEIGHT_DEFAULTS, type Person, type SharedVia } from './tie-weight.js';
