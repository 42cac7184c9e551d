/**
 * The figures a report states, computed with CaseGraph's own analytics (server/analytics) on the case's
 * subgraph, with every parameter written down so that the annex on method can give them and a defence
 * expert can compute the same numbers: Louvain communities at the ring scale (γ = 3, seeded), degree,
 * PageRank and betweenness. Case and document nodes are administrative and take no part (as in the
 * analytics' own defaults): through them every person of the case would seem tied to every other.
 */
import { centrality } from '../../analytics/centrality/index.js';
import { DEFAULTS as CENTRALITY_DEFAULTS } from '../../analytics/centrality/centrality.js';
import { detectCommunities, type CommunityResult } from '../../analytics/communities/index.js';
import { buildGraph } from '../../analytics/graph.js';
import type { ReportData } from './data.js';

export const ANALYSIS_DEFAULTS = {
  /** Louvain's resolution: the ring scale the analyst's view also uses. */
  resolution: 3,
  seed: 'casegraph',
  /** Persons named as key in the summary. */
  keyPersons: 5,
};

export interface Scores {
  degree: number;
  pagerank: number;
  betweenness: number;
}

export interface Analysis {
  communities: CommunityResult;
  scores: Map<string, Scores>;
  /** Persons by PageRank, highest first. */
  keyPersons: string[];
  /** Most betweenness among persons: who connects groups. */
  brokers: string[];
  parameters: {
    resolution: number;
    seed: string;
    pagerank: { alpha: number; tolerance: number; maxIterations: number };
    betweenness: { exactUpTo: number; samples: number; seed: number; sampled: boolean };
    nodes: number;
    links: number;
  };
}

export function analyse(data: ReportData, options: Partial<typeof ANALYSIS_DEFAULTS> = {}): Analysis {
  const o = { ...ANALYSIS_DEFAULTS, ...options };
  const kept = data.entities.filter((e) => e.kind !== 'case' && e.kind !== 'document');
  const ids = new Set(kept.map((e) => e.id));
  const graph = buildGraph({
    nodes: kept,
    links: data.links.filter((l) => ids.has(l.from) && ids.has(l.to)),
    truncated: false,
  });
  const communities = detectCommunities(graph, { resolution: o.resolution, seed: o.seed });
  const degree = centrality(graph, 'degree', { top: 0 });
  const pagerank = centrality(graph, 'pagerank', { top: 0 });
  const betweenness = centrality(graph, 'betweenness', { top: 0 });
  const scores = new Map<string, Scores>();
  for (const id of ids)
    scores.set(id, {
      degree: degree.scores[id] ?? 0,
      pagerank: pagerank.scores[id] ?? 0,
      betweenness: betweenness.scores[id] ?? 0,
    });
  const persons = kept.filter((e) => e.kind === 'person').map((e) => e.id);
  const by = (f: (s: Scores) => number) => (a: string, b: string) =>
    f(scores.get(b)!) - f(scores.get(a)!) || a.localeCompare(b);
  return {
    communities,
    scores,
    keyPersons: [...persons].sort(by((s) => s.pagerank)).slice(0, o.keyPersons),
    brokers: [...persons]
      .filter((p) => scores.get(p)!.betweenness > 0)
      .sort(by((s) => s.betweenness))
      .slice(0, 3),
    parameters: {
      resolution: o.resolution,
      seed: o.seed,
      pagerank: {
        alpha: CENTRALITY_DEFAULTS.alpha,
        tolerance: CENTRALITY_DEFAULTS.tolerance,
        maxIterations: CENTRALITY_DEFAULTS.maxIterations,
      },
      betweenness: {
        exactUpTo: CENTRALITY_DEFAULTS.exactLimit,
        samples: CENTRALITY_DEFAULTS.samples,
        seed: CENTRALITY_DEFAULTS.seed,
        sampled: betweenness.sampled !== undefined,
      },
      nodes: graph.order,
      links: graph.size,
    },
  };
}
