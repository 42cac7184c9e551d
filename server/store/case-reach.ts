/**
 * "The case plus one hop" (issue 9), computed once for everyone who needs it: the links route shows it,
 * and the analytics worker ranks and groups it. Both must agree on what a caller may see beyond the
 * case, or an analytics answer would name an entity the links withhold.
 */
import type { EntityView, LinkView, Subgraph } from '../domain/views.js';
import type { GraphStore } from './graph-store.js';

/** The cases a caller may read: every one (an admin), or these. */
export type Readable = 'all' | ReadonlySet<string>;

export const mayRead = (readable: Readable, caseIds: readonly string[]): boolean =>
  readable === 'all' || caseIds.some((c) => readable.has(c));

export interface ReachLimits {
  /** At most this many entities of the case itself. */
  limit: number;
  /** At most this many entities one hop beyond each entity of the case. */
  beyond: number;
}

/** What the links route asks when its caller names no limits, and what analytics with reach=1 use. */
export const REACH_DEFAULTS: ReachLimits = { limit: 5_000, beyond: 50 };

export interface CaseReach {
  graph: Subgraph;
  /** The entities shown one hop beyond the case. */
  beyond: string[];
  /** How many entities one hop beyond only cases the caller may not read hold, and those cases. */
  withheld: { entities: number; cases: string[] };
}

/**
 * The case's graph and, one hop past each of its entities, what the caller may read: the entities and
 * links the case's evidence does not hold but another of the caller's cases (or, for an admin, any) does.
 */
export async function caseReach(
  store: GraphStore,
  caseId: string,
  readable: Readable,
  limits: ReachLimits,
): Promise<CaseReach> {
  const sub = await store.subgraph({ caseId, limit: limits.limit });
  const nodes = new Map(sub.nodes.map((n) => [n.id, n]));
  const links = new Map(sub.links.map((l) => [l.id, l]));
  const outside = new Map<string, EntityView>();
  const outsideLinks = new Map<string, LinkView>();
  for (const n of sub.nodes) {
    if (n.kind === 'case') continue;
    const around: Subgraph = await store.neighbourhood(n.id, { hops: 1, limit: limits.beyond + 1 });
    for (const m of around.nodes) if (!nodes.has(m.id)) outside.set(m.id, m);
    for (const l of around.links) if (!links.has(l.id)) outsideLinks.set(l.id, l);
  }
  const cases = await store.casesOfEntities([...outside.keys()]);
  const shown = new Set<string>();
  const hiddenCases = new Set<string>();
  for (const [id, caseIds] of cases)
    if (readable === 'all' || (caseIds.length && mayRead(readable, caseIds))) shown.add(id);
    else for (const c of caseIds) if (!mayRead(readable, [c])) hiddenCases.add(c);
  const beyond = [...outside.values()].filter((e) => shown.has(e.id));
  const inside = (id: string) => nodes.has(id) || shown.has(id);
  return {
    graph: {
      nodes: [...sub.nodes, ...beyond],
      links: [...sub.links, ...[...outsideLinks.values()].filter((l) => inside(l.from) && inside(l.to))],
      truncated: sub.truncated,
    },
    beyond: beyond.map((e) => e.id),
    withheld: {
      entities: [...outside.keys()].filter((id) => !shown.has(id)).length,
      cases: [...hiddenCases],
    },
  };
}
