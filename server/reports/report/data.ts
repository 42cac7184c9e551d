/**
 * What a report is made of, read through the GraphStore port: the case, its subgraph (what the case's
 * evidence says and whom it involves), and every link's evidence — the documents of this case that state
 * it, with row or page — and its occurrences for the timeline. Evidence from other cases' documents is
 * left out: a report goes to people assigned this case, and other cases answer "hit / no hit" only.
 *
 * Everything is masked (domain/mask.ts, the same mask every API answer passes through) before any of
 * it is laid out, so no victim's or minor's name, number or identifying property reaches a page.
 */
import { CaseGraphError } from '../../domain/errors.js';
import { mask, type MaskSet } from '../../domain/mask.js';
import { reportMasks } from './masks.js';
import type {
  DocumentView,
  EntityView,
  LinkView,
  OccurrenceView,
  ProvenanceView,
} from '../../domain/views.js';
import type { GraphStore } from '../../store/graph-store.js';

export interface Evidence {
  document: DocumentView;
  ref: string | null;
}

/** A document as the report lists it: with when and by whom it was filed into CaseGraph. */
export interface FiledDocument extends DocumentView {
  filedAt: string;
  filedBy: string;
}

export interface ReportLink extends LinkView {
  evidence: Evidence[];
}

export interface TimelineEntry {
  at: string;
  linkId: string;
  kind: string;
  from: string;
  to: string;
  durationS: number | null;
  amount: number | null;
  evidence: Evidence[];
}

export interface ReportData {
  caseEntity: EntityView;
  graphVersion: number;
  entities: EntityView[];
  links: ReportLink[];
  timeline: TimelineEntry[];
  /** Timeline entries left out past the limit. */
  timelineOmitted: number;
  documents: FiledDocument[];
  /** Ids of protected entities in the report (shown by pseudonym). */
  protectedIds: string[];
  truncated: boolean;
}

export const DATA_DEFAULTS = {
  /** Entities read of a case at most. */
  entityLimit: 20_000,
  /** Occurrences read per link for the timeline. */
  occurrencesPerLink: 50,
  /** Timeline rows printed at most (the rest are counted, and are in the CSV export). */
  timelineLimit: 1_500,
};

/** The evidence of a fact from the documents of these cases (all documents when undefined). */
export const evidenceOf = (
  prov: readonly ProvenanceView[],
  caseIds: string | readonly string[] | undefined,
): Evidence[] => {
  const allowed = typeof caseIds === 'string' ? [caseIds] : caseIds;
  const own = prov.filter(
    (p) => !allowed || p.document.caseId === null || allowed.includes(p.document.caseId),
  );
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const p of own) {
    const k = `${p.document.id}|${p.ref ?? ''}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ document: p.document, ref: p.ref });
  }
  return out.sort(
    (a, b) => a.document.name.localeCompare(b.document.name) || (a.ref ?? '').localeCompare(b.ref ?? ''),
  );
};

export async function gatherReportData(
  store: GraphStore,
  caseId: string,
  masks: MaskSet,
  onProgress: (fraction: number) => void = () => {},
  options: Partial<typeof DATA_DEFAULTS> = {},
): Promise<ReportData> {
  const o = { ...DATA_DEFAULTS, ...options };
  const graphVersion = await store.version();
  const caseDetail = await store.getEntity(caseId);
  if (!caseDetail || caseDetail.kind !== 'case')
    throw new CaseGraphError('CASE.NOT_FOUND', `no case ${caseId}`);
  const sub = await store.subgraph({ caseId, limit: o.entityLimit });
  const links: ReportLink[] = [];
  const occurrences: { occ: OccurrenceView; link: LinkView }[] = [];
  const documents = new Map<string, FiledDocument>();
  const sorted = [...sub.links].sort((a, b) => a.id.localeCompare(b.id));
  for (let i = 0; i < sorted.length; i++) {
    const link = sorted[i]!;
    const detail = await store.getLink(link.id, o.occurrencesPerLink);
    const evidence = evidenceOf(detail?.provenance ?? [], caseId);
    for (const p of detail?.provenance ?? []) {
      if (!evidence.some((e) => e.document.id === p.document.id)) continue;
      const known = documents.get(p.document.id);
      if (!known || p.importedAt < known.filedAt)
        documents.set(p.document.id, { ...p.document, filedAt: p.importedAt, filedBy: p.importedBy });
    }
    links.push({ ...link, evidence });
    for (const occ of detail?.occurrences ?? []) occurrences.push({ occ, link });
    if (i % 200 === 0) {
      onProgress(i / sorted.length);
      // A store read may be synchronous under its promise (SQLite): let the service answer others.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  occurrences.sort((a, b) => a.occ.at.localeCompare(b.occ.at) || a.occ.id.localeCompare(b.occ.id));
  const timeline: TimelineEntry[] = occurrences.slice(0, o.timelineLimit).map(({ occ, link }) => ({
    at: occ.at,
    linkId: link.id,
    kind: link.kind,
    from: link.from,
    to: link.to,
    durationS: occ.durationS,
    amount: occ.amount,
    evidence: evidenceOf(occ.provenance, caseId),
  }));
  const entities = [...sub.nodes].sort((a, b) => a.id.localeCompare(b.id));
  const { provenance: _p, caseIds: _c, degree: _d, ...caseEntity } = caseDetail;
  const data: ReportData = {
    caseEntity,
    graphVersion,
    entities,
    links,
    timeline,
    timelineOmitted: Math.max(0, occurrences.length - timeline.length),
    documents: [...documents.values()].sort((a, b) => a.name.localeCompare(b.name)),
    protectedIds: entities.filter((e) => masks.byId.has(e.id)).map((e) => e.id),
    truncated: sub.truncated,
  };
  onProgress(1);
  return mask(data, reportMasks(masks));
}
