/**
 * What every section of a report reads: the masked data, the analysis, who the report is for, and the
 * short codes (P3, T12, H1 …) by which the picture, the tables and the list of links name entities, so
 * that each line drawn can be found in the list of links and traced to its document.
 */
import type { EntityKind } from '../../domain/kinds.js';
import type { EntityView } from '../../domain/views.js';
import type { Analysis } from './analysis.js';
import type { ReportData } from './data.js';

export interface ReportMeta {
  court: string;
  /**
   * The account that asked for the report; `statedAs` is how the requester named who prepared it (an
   * officer's name and rank), printed on the cover beside the account.
   */
  preparedBy: { name: string; username: string; role: string; unit: string | null; statedAs?: string };
  generatedAt: Date;
  /** CaseGraph's version (package.json). */
  version: string;
  /** The host the service runs on, for the certificate. */
  host: string;
  /** The store in use (SQLite file or Neo4j). */
  storeName: string;
  nodeVersion: string;
}

export interface ReportContext {
  data: ReportData;
  analysis: Analysis;
  meta: ReportMeta;
  byId: Map<string, EntityView>;
  code: Map<string, string>;
  /** Roles in this case (involves links), by entity id. */
  roles: Map<string, string[]>;
  /** "F3": a document (evidence file) by its code in section 7. */
  docCode(documentId: string): string;
}

export const CODE_PREFIX: Record<EntityKind, string> = {
  person: 'P',
  phone: 'T',
  device: 'D',
  account: 'A',
  'id-document': 'ID',
  ip: 'IP',
  location: 'L',
  hotel: 'H',
  vehicle: 'V',
  ad: 'AD',
  case: 'C',
  document: 'DOC',
};

export const KIND_WORDS: Record<EntityKind, [string, string]> = {
  person: ['person', 'persons'],
  phone: ['phone number', 'phone numbers'],
  device: ['handset', 'handsets'],
  account: ['bank, UPI or online account', 'bank, UPI or online accounts'],
  'id-document': ['identity document', 'identity documents'],
  ip: ['IP address', 'IP addresses'],
  location: ['place', 'places'],
  hotel: ['hotel or lodge', 'hotels or lodges'],
  vehicle: ['vehicle', 'vehicles'],
  ad: ['online advertisement', 'online advertisements'],
  case: ['case', 'cases'],
  document: ['document', 'documents'],
};

export function buildContext(data: ReportData, analysis: Analysis, meta: ReportMeta): ReportContext {
  const byId = new Map(data.entities.map((e) => [e.id, e]));
  const code = new Map<string, string>();
  const counters = new Map<string, number>();
  const ordered = [...data.entities].sort(
    (a, b) =>
      Object.keys(CODE_PREFIX).indexOf(a.kind) - Object.keys(CODE_PREFIX).indexOf(b.kind) ||
      a.label.localeCompare(b.label) ||
      a.id.localeCompare(b.id),
  );
  for (const e of ordered) {
    const prefix = CODE_PREFIX[e.kind];
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    code.set(e.id, `${prefix}${n}`);
  }
  const roles = new Map<string, string[]>();
  for (const l of data.links)
    if (l.kind === 'involves' && l.from === data.caseEntity.id && typeof l.props.role === 'string') {
      const list = roles.get(l.to) ?? [];
      if (!list.includes(l.props.role)) list.push(l.props.role);
      roles.set(l.to, list.sort());
    }
  const files = new Map(data.documents.map((d, i) => [d.id, `F${i + 1}`]));
  const docCode = (id: string) => files.get(id) ?? '?';
  return { data, analysis, meta, byId, code, roles, docCode };
}

/** "P3 Ravi Kumar Test" — the code and the label as shown (a pseudonym for a protected person). */
export const named = (ctx: ReportContext, id: string): string => {
  const e = ctx.byId.get(id);
  return `${ctx.code.get(id) ?? '?'} ${e?.label ?? id}`;
};

export const plural = (n: number, kind: EntityKind): string =>
  `${n.toLocaleString('en-IN')} ${KIND_WORDS[kind][n === 1 ? 0 : 1]}`;

export const isoMinute = (iso: string): string => iso.slice(0, 16).replace('T', ' ');
