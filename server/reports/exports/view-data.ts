/**
 * The export of a view rather than a case: a subgraph as /api/graph gives it (the caller's cases, or
 * the whole graph for an admin; kinds, link kinds, a time window), each link with its evidence from the
 * documents of those cases only, masked as a report is.
 */
import { mask, type MaskSet } from '../../domain/mask.js';
import type { GraphStore, SubgraphQuery } from '../../store/graph-store.js';
import { evidenceOf } from '../report/data.js';
import { reportMasks } from '../report/masks.js';
import { exportModel, type ExportModel } from './model.js';

export async function viewModel(
  store: GraphStore,
  query: SubgraphQuery,
  masks: MaskSet,
  label: string,
): Promise<ExportModel> {
  const graphVersion = await store.version();
  const sub = await store.subgraph(query);
  const caseIds = query.caseIds ?? (query.caseId ? [query.caseId] : undefined);
  const links = [];
  for (const [i, l] of [...sub.links].sort((a, b) => a.id.localeCompare(b.id)).entries()) {
    const detail = await store.getLink(l.id, 0);
    links.push({ ...l, evidence: evidenceOf(detail?.provenance ?? [], caseIds) });
    if (i % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
  }
  const entities = [...sub.nodes].sort((a, b) => a.id.localeCompare(b.id));
  const model = exportModel({
    caseEntity: { id: 'view', kind: 'case', scheme: 'fir', key: label, label, props: {} },
    graphVersion,
    entities,
    links,
    timeline: [],
    timelineOmitted: 0,
    documents: [],
    protectedIds: entities.filter((e) => masks.byId.has(e.id)).map((e) => e.id),
    truncated: sub.truncated,
  });
  // Roles are per case: a view over several cases lists each entity's roles in any of them.
  const roles = new Map<string, Set<string>>();
  for (const l of links)
    if (l.kind === 'involves' && typeof l.props.role === 'string')
      roles.set(l.to, (roles.get(l.to) ?? new Set()).add(l.props.role));
  for (const n of model.nodes) n.roles = [...(roles.get(n.id) ?? [])].sort().join(' ');
  return mask(model, reportMasks(masks));
}
