/**
 * What every export of a case carries, from the same masked data a report is made of
 * (report/data.ts): entities with their kind, label, key and roles in the case, and links with their
 * measures and provenance (document name, its SHA-256 and the row or page), so a file opened in Gephi
 * or i2 still traces each link to its source. Protected persons and their identifiers are already
 * pseudonyms here.
 */
import type { ReportData } from '../report/data.js';

export interface ExportNode {
  id: string;
  label: string;
  kind: string;
  key: string;
  scheme: string;
  roles: string;
  protected: boolean;
}

export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  directed: boolean;
  kind: string;
  role: string;
  count: number;
  durationS: number;
  amount: number;
  firstAt: string;
  lastAt: string;
  /** "file.csv (sha256) row 12; …" */
  evidence: string;
}

export interface ExportModel {
  caseId: string;
  caseLabel: string;
  graphVersion: number;
  nodes: ExportNode[];
  edges: ExportEdge[];
}

export function exportModel(data: ReportData): ExportModel {
  const roles = new Map<string, string[]>();
  for (const l of data.links)
    if (l.kind === 'involves' && l.from === data.caseEntity.id && typeof l.props.role === 'string')
      roles.set(l.to, [...(roles.get(l.to) ?? []), l.props.role].sort());
  const protectedIds = new Set(data.protectedIds);
  return {
    caseId: data.caseEntity.id,
    caseLabel: data.caseEntity.label,
    graphVersion: data.graphVersion,
    nodes: data.entities.map((e) => ({
      id: e.id,
      label: e.label,
      kind: e.kind,
      key: e.key,
      scheme: e.scheme,
      roles: (roles.get(e.id) ?? []).join(' '),
      protected: protectedIds.has(e.id),
    })),
    edges: data.links.map((l) => ({
      id: l.id,
      source: l.from,
      target: l.to,
      directed: l.directed,
      kind: l.kind,
      role: typeof l.props.role === 'string' ? l.props.role : '',
      count: l.count,
      durationS: l.durationS,
      amount: l.amount,
      firstAt: l.firstAt ?? '',
      lastAt: l.lastAt ?? '',
      evidence: l.evidence
        .map((e) => `${e.document.name} (sha256 ${e.document.sha256})${e.ref ? ` ${e.ref}` : ''}`)
        .join('; '),
    })),
  };
}

/** Text for XML content and attribute values. */
export function xmlEscape(s: string): string {
  return (
    s
      // XML 1.0 has no control characters but tab, newline and carriage return.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

export const NODE_ATTRIBUTES = ['kind', 'key', 'scheme', 'roles', 'protected'] as const;
export const EDGE_ATTRIBUTES = [
  'kind',
  'role',
  'count',
  'durationS',
  'amount',
  'firstAt',
  'lastAt',
  'evidence',
] as const;
