/**
 * "How is A tied to B": the paths of findPaths (Yen 1971, ./find-paths.ts), each hop spelt out with
 * everything the graph holds about its links — kind, direction as recorded, occurrences, first and last
 * occurrence, amount, duration — and the entities along the way.
 *
 * The evidence itself (documents, rows or pages, grading, each occurrence) is not in the analytics graph:
 * the HTTP layer fetches it from the store per link id (GraphStore link detail), so analytics know no store.
 */
import type { EntityKind, LinkKind } from '../../domain/kinds.js';
import type { Props } from '../../domain/props.js';
import type { AnalyticsGraph } from '../graph.js';
import { DEFAULTS as PATH_DEFAULTS, findPaths, type FindPathsOptions, type FoundPath } from './find-paths.js';

export type ExplainTieOptions = FindPathsOptions;

export const DEFAULTS: ExplainTieOptions = { ...PATH_DEFAULTS };

/** One link as the graph holds it. */
export interface LinkEvidence {
  id: string;
  kind: LinkKind;
  /** Ends as recorded (for an undirected link, as stored). */
  source: string;
  target: string;
  directed: boolean;
  /** The recorded direction relative to the walk from A to B along the path. */
  direction: 'along' | 'against' | 'undirected';
  /** Occurrences recorded (calls, payments, stays); 0 for a link without any. */
  count: number;
  weight: number;
  durationS: number;
  amount: number;
  firstAt: string | null;
  lastAt: string | null;
  props: Props;
}

export interface TieStep {
  from: string;
  to: string;
  /** The strongest link of the pair, the one the path counts. */
  link: LinkEvidence;
  /** The other links between the same pair. */
  parallel: LinkEvidence[];
}

export interface ExplainedPath extends FoundPath {
  steps: TieStep[];
}

export interface TieEntity {
  id: string;
  kind: EntityKind;
  /** The label as the graph holds it (a protected person's is already a pseudonym there). */
  label: string;
}

export interface TieExplanation {
  from: string;
  to: string;
  paths: ExplainedPath[];
  truncated: boolean;
  /** Every entity on any of the paths, in order of first appearance. */
  entities: TieEntity[];
}

function evidence(graph: AnalyticsGraph, link: string, walkFrom: string): LinkEvidence {
  const a = graph.getEdgeAttributes(link);
  const source = graph.source(link);
  const directed = graph.isDirected(link);
  return {
    id: link,
    kind: a.kind,
    source,
    target: graph.target(link),
    directed,
    direction: !directed ? 'undirected' : source === walkFrom ? 'along' : 'against',
    count: a.count,
    weight: a.weight,
    durationS: a.durationS,
    amount: a.amount,
    firstAt: a.firstAt,
    lastAt: a.lastAt,
    props: a.props,
  };
}

export function explainTie(
  graph: AnalyticsGraph,
  from: string,
  to: string,
  options: Partial<ExplainTieOptions> = {},
): TieExplanation {
  const found = findPaths(graph, from, to, options);
  const entities = new Map<string, TieEntity>();
  const paths = found.paths.map((p) => {
    for (const id of p.nodes)
      if (!entities.has(id)) {
        const n = graph.getNodeAttributes(id);
        entities.set(id, { id, kind: n.kind, label: n.label });
      }
    const steps = p.links.map((link, i) => {
      const a = p.nodes[i]!;
      return {
        from: a,
        to: p.nodes[i + 1]!,
        link: evidence(graph, link, a),
        parallel: (p.parallel[i] ?? []).map((l) => evidence(graph, l, a)),
      };
    });
    return { ...p, steps };
  });
  return { from, to, paths, truncated: found.truncated, entities: [...entities.values()] };
}
