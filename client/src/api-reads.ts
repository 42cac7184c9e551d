/**
 * The reads the analyst's view makes beyond the graph itself: cases, an entity's details and
 * provenance, a link's evidence, search, and the analytics answers. The shapes are what the client
 * uses of each answer (the server's are in server/http/schemas.ts and the analytics modules); each
 * answer is checked for the field the client relies on before it is used.
 */
import type { EntityView, LinkView, ProvenanceView as Provenance } from '../../server/domain/views.js';
import type { OccurrenceBins } from '../../server/domain/occurrence-bins.js';
import { ApiError, getJson } from './api.js';

function expect<T>(body: unknown, field: string, what: string): T {
  if (!body || typeof body !== 'object' || !(field in body))
    throw new ApiError(`The server sent ${what} this page cannot read.`, 'BAD_RESPONSE', 200, undefined);
  return body as T;
}

const q = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
  return search.toString();
};

export interface CaseSummary {
  id: string;
  label: string;
  unit: string | null;
  firDate: string | null;
}

export async function fetchCases(): Promise<CaseSummary[]> {
  return expect<{ cases: CaseSummary[] }>(await getJson('/api/cases'), 'cases', 'a case list').cases;
}

export interface EntityDetail extends EntityView {
  provenance: Provenance[];
  caseIds: string[];
  degree: number;
}

export async function fetchEntity(id: string): Promise<EntityDetail> {
  return expect(await getJson(`/api/entities/${encodeURIComponent(id)}`), 'provenance', 'an entity');
}

export interface OccurrenceView {
  id: string;
  at: string;
  durationS: number | null;
  amount: number | null;
  provenance: Provenance[];
}

export interface LinkDetail extends LinkView {
  provenance: Provenance[];
  occurrences: OccurrenceView[];
  occurrencesTruncated: boolean;
}

export async function fetchLink(id: string, occurrences = 200): Promise<LinkDetail> {
  return expect(
    await getJson(`/api/links/${encodeURIComponent(id)}?${q({ occurrences })}`),
    'provenance',
    'a link',
  );
}

export interface SearchAnswer {
  results: EntityView[];
  elsewhere?: { units: string[] };
}

export async function search(text: string, limit = 12): Promise<SearchAnswer> {
  return expect(await getJson(`/api/search?${q({ q: text, limit })}`), 'results', 'search results');
}

export interface OccurrenceHistogramAnswer extends OccurrenceBins {
  version: number;
  case?: string;
  truncated: boolean;
  links: number;
}

/** A view's occurrences counted over time: `params` as GET /api/graph was asked for the view. */
export async function fetchOccurrenceHistogram(
  params: Record<string, string>,
  bins: number,
): Promise<OccurrenceHistogramAnswer> {
  return expect(await getJson(`/api/graph/histogram?${q({ ...params, bins })}`), 'bins', 'occurrence counts');
}

/** Every analytics answer: the result, and the graph version it holds for. */
interface Answer<T> {
  version: number;
  result: T;
}

async function analytics<T>(path: string, params: Record<string, string | number | undefined>): Promise<T> {
  const body = expect<Answer<T>>(await getJson(`/api/analytics/${path}?${q(params)}`), 'result', 'an answer');
  return body.result;
}

export interface Community {
  id: number;
  size: number;
  kinds: Record<string, number>;
  topMembers: { id: string; label: string; kind: string; score: number }[];
}

export interface Communities {
  modularity: number;
  communities: Community[];
  communityOf: Record<string, number>;
}

/**
 * Communities at the ring scale: γ = 3 is where Louvain finds the planted rings of the synthetic
 * scenarios (server/analytics/communities/README.md); at γ = 1 neighbouring rings merge.
 */
export const COMMUNITY_RESOLUTION = 3;

/** 1: the case plus the entities one hop beyond it the links of the case show (server/store/case-reach.ts). */
export type Reach = 0 | 1;

/** Sent only when it widens the scope, so the case's own answers keep their addresses (and cache). */
const reachOf = (reach: Reach) => (reach ? 1 : undefined);

export function fetchCommunities(caseId: string | undefined, reach: Reach = 0): Promise<Communities> {
  return analytics('communities', { case: caseId, reach: reachOf(reach), resolution: COMMUNITY_RESOLUTION });
}

export type Metric = 'degree' | 'weighted-degree' | 'pagerank' | 'betweenness' | 'closeness';

export interface Centrality {
  metric: Metric;
  scores?: Record<string, number>;
  top: { id: string; label: string; kind: string; score: number }[];
}

export function fetchCentrality(
  caseId: string | undefined,
  metric: Metric,
  reach: Reach = 0,
): Promise<Centrality> {
  return analytics('centrality', { case: caseId, reach: reachOf(reach), metric, limit: 1000 });
}

/** A person whose ties reach into several communities of the scope (server/analytics/structure/brokers.ts). */
export interface Broker {
  id: string;
  label: string;
  community: number | null;
  /** How many communities their contacts fall in. */
  span: number;
}

export async function fetchBrokers(
  caseId: string | undefined,
  limit = 20,
  reach: Reach = 0,
): Promise<Broker[]> {
  return (await analytics<{ brokers: Broker[] }>('brokers', { case: caseId, reach: reachOf(reach), limit }))
    .brokers;
}

export interface PathStep {
  from: string;
  to: string;
  link: {
    id: string;
    kind: string;
    source: string;
    target: string;
    directed: boolean;
    count: number;
    weight: number;
    firstAt: string | null;
    lastAt: string | null;
    props: Record<string, unknown>;
  };
}

export interface TiePaths {
  from: string;
  to: string;
  paths: { nodes: string[]; links: string[]; hops: number; steps: PathStep[] }[];
}

export function fetchPaths(
  caseId: string | undefined,
  from: string,
  to: string,
  linkKinds: readonly string[],
): Promise<TiePaths> {
  return analytics('paths', { case: caseId, from, to, max: 6, k: 3, linkKinds: linkKinds.join(',') });
}

export interface SharedTies {
  person: { id: string; label: string };
  ties: {
    person: { id: string; label: string };
    score: number;
    via: { id: string; kind: string; label: string; how: string }[];
  }[];
}

export function fetchShared(caseId: string | undefined, person: string): Promise<SharedTies> {
  return analytics('shared', { case: caseId, entity: person, limit: 20 });
}
