/**
 * Tiny inline graphs for the analytics tests: nodes "kind:name" (or a bare name for a person), links
 * [from, to, kind, count] with their direction taken from LINK_RULES. Built through buildGraph, as the
 * service builds its graph.
 */
import { LINK_RULES, type EntityKind, type LinkKind } from '../../domain/kinds.js';
import type { EntityView, LinkView } from '../../domain/views.js';
import { buildGraph, type AnalyticsGraph } from '../graph.js';

export type TestLink = [from: string, to: string, kind?: LinkKind, count?: number, extra?: Partial<LinkView>];

const kindOf = (id: string): EntityKind => (id.includes(':') ? (id.split(':')[0] as EntityKind) : 'person');

export function testGraph(links: TestLink[], extraNodes: string[] = []): AnalyticsGraph {
  const nodes = new Map<string, EntityView>();
  const node = (id: string) => {
    if (!nodes.has(id)) {
      const kind = kindOf(id);
      nodes.set(id, {
        id,
        kind,
        scheme: kind as EntityView['scheme'],
        key: id,
        label: `L(${id})`,
        props: {},
      });
    }
  };
  extraNodes.forEach(node);
  const views: LinkView[] = links.map(([from, to, kind = 'associate-of', count = 0, extra = {}], i) => {
    node(from);
    node(to);
    return {
      id: `l${i}`,
      kind,
      from,
      to,
      directed: LINK_RULES[kind].directed,
      props: {},
      count,
      durationS: 0,
      amount: 0,
      firstAt: null,
      lastAt: null,
      ...extra,
    };
  });
  return buildGraph({ nodes: [...nodes.values()], links: views, truncated: false });
}
