/**
 * The investigator's calls (issue 9): a case's record and the changes to it, the roles it gives, its
 * links, its cross-case hits and alerts, the watchlist and the timeline. The shapes are what the client
 * uses of each answer (the server's are in server/http/routes/case-records.ts, case-links.ts,
 * watches.ts and timeline.ts); each answer is checked for the field the client relies on.
 */
import type { CaseRole } from '../../server/domain/kinds.js';
import { ApiError, getJson, postJson } from './api.js';
import type { SerialisedGraph } from './graph-data.js';

export type { CaseRole };

/**
 * The roles a case gives, in the server's order: keyed by its CaseRole type, so a role added there and
 * not here (or the other way) fails the type check. The client may import no running server code.
 */
const ROLE_NAMES: Record<CaseRole, true> = {
  accused: true,
  victim: true,
  customer: true,
  witness: true,
  recruiter: true,
  transporter: true,
  harbourer: true,
  financier: true,
  manager: true,
  complainant: true,
};
export const CASE_ROLES = Object.keys(ROLE_NAMES) as CaseRole[];

function expect<T>(body: unknown, field: string, what: string): T {
  if (!body || typeof body !== 'object' || !(field in body))
    throw new ApiError(`The server sent ${what} this page cannot read.`, 'BAD_RESPONSE', 200, undefined);
  return body as T;
}

const path = (id: string, rest = '') => `/api/cases/${encodeURIComponent(id)}${rest}`;

/** Why a case is closed, as the server names the reasons, with the words the page shows. */
export const CLOSE_REASONS = {
  chargesheeted: 'Chargesheeted',
  'final-report-undetected': 'Final report: undetected',
  'final-report-mistake-of-fact': 'Final report: mistake of fact',
  'final-report-civil-nature': 'Final report: civil nature',
  transferred: 'Transferred',
  other: 'Other',
} as const;
export type CloseReason = keyof typeof CLOSE_REASONS;

export interface CaseFields {
  state: string;
  district: string;
  policeStation: string;
  firNumber: string;
  registeredOn: string;
  occurredFrom?: string;
  occurredTo?: string;
  sections: string[];
  officer?: string;
  unit?: string;
}

export interface EntityRef {
  id: string;
  kind: string;
  key: string;
  label: string;
}

export interface CaseRoleView {
  entity: EntityRef;
  role: CaseRole;
  link: string;
  detached: boolean;
  evidence: { document: string; name: string; type: string; ref: string | null }[];
}

export interface CaseRecord {
  id: string;
  fir: string;
  firNumber: string;
  state: string;
  district: string;
  policeStation: string;
  registeredOn: string;
  occurredFrom: string | null;
  occurredTo: string | null;
  sections: string[];
  status: 'open' | 'closed';
  closeReason: CloseReason | null;
  closeNote: string | null;
  closedOn: string | null;
  officer: string | null;
  unit: string | null;
  roles: CaseRoleView[];
}

const record = (body: unknown) => expect<CaseRecord>(body, 'fir', 'a case record');

export async function fetchCase(id: string): Promise<CaseRecord> {
  return record(await getJson(path(id)));
}

export async function createCase(fields: CaseFields, csrf: string): Promise<CaseRecord> {
  return record(await postJson('/api/cases', fields, csrf));
}

export type CaseEdit = Partial<
  Pick<CaseFields, 'sections' | 'occurredFrom' | 'occurredTo' | 'officer' | 'unit'>
>;

export async function editCase(id: string, edit: CaseEdit, csrf: string): Promise<CaseRecord> {
  return record(await postJson(path(id, '/edits'), edit, csrf));
}

export async function closeCase(
  id: string,
  close: { reason: CloseReason; closedOn: string; note?: string },
  csrf: string,
): Promise<CaseRecord> {
  return record(await postJson(path(id, '/close'), close, csrf));
}

export async function attachRole(
  id: string,
  role: { entity: string; role: CaseRole; document: string; ref?: string },
  csrf: string,
): Promise<CaseRecord> {
  return record(await postJson(path(id, '/roles'), role, csrf));
}

export async function detachRole(
  id: string,
  role: { entity: string; role: CaseRole; reason: string },
  csrf: string,
): Promise<CaseRecord> {
  return record(await postJson(path(id, '/roles/detach'), role, csrf));
}

export interface CaseLinks {
  graph: SerialisedGraph;
  beyond: string[];
  /** Neighbours only other units' cases hold: how many, and the units to contact (null when none). */
  withheld: { entities: number; units: string[] } | null;
}

export async function fetchCaseLinks(id: string): Promise<CaseLinks> {
  return expect(await getJson(path(id, '/links?limit=5000&beyond=50')), 'graph', 'the links of a case');
}

/** Another case that holds an identifier: named when the caller may read it, else only its unit. */
export type OtherCase =
  | { visible: true; caseId: string; fir: string; unit: string | null }
  | { visible: false; unit: string; message: string };

export interface CaseHit {
  entity: EntityRef;
  strength: 'strong' | 'moderate' | 'weak';
  linksHere: number;
  others: OtherCase[];
}

export async function fetchHits(id: string): Promise<CaseHit[]> {
  return expect<{ hits: CaseHit[] }>(await getJson(path(id, '/hits')), 'hits', 'cross-case hits').hits;
}

export interface CaseAlert {
  id: string;
  kind: 'cross-case' | 'watch';
  raisedAt: string;
  entity: EntityRef | null;
  other: OtherCase | null;
  /** The batch that raised it; its name only when the caller may read the batch's case. */
  document: { id: string; name: string | null };
  watcher: string | null;
  reason: 'touched' | 'near' | null;
  link: string | null;
}

export async function fetchAlerts(id: string): Promise<CaseAlert[]> {
  return expect<{ alerts: CaseAlert[] }>(await getJson(path(id, '/alerts?limit=200')), 'alerts', 'alerts')
    .alerts;
}

export interface Watch {
  entity: EntityRef;
  caseId: string;
  fir: string;
  since: string;
}

const watchList = (body: unknown) => expect<{ watches: Watch[] }>(body, 'watches', 'a watchlist').watches;

export async function fetchWatches(): Promise<Watch[]> {
  return watchList(await getJson('/api/watches'));
}

export async function watch(entity: string, caseId: string, csrf: string): Promise<Watch[]> {
  return watchList(await postJson('/api/watches', { entity, case: caseId }, csrf));
}

export async function unwatch(entity: string, csrf: string): Promise<Watch[]> {
  return watchList(await postJson('/api/watches/remove', { entity }, csrf));
}

/** A watch with what it raised on its case; null alerts: the case is no longer the caller's. */
export interface WatchWithAlerts extends Watch {
  alerts: CaseAlert[] | null;
}

export async function fetchWatchAlerts(): Promise<WatchWithAlerts[]> {
  return expect<{ watches: WatchWithAlerts[] }>(
    await getJson('/api/watches/alerts?limit=20'),
    'watches',
    'a watchlist',
  ).watches;
}

export const OCCURRENCE_KINDS = ['calls', 'payments', 'stays', 'sightings'] as const;
export type OccurrenceKind = (typeof OCCURRENCE_KINDS)[number];

export interface TimelineOccurrence {
  id: string;
  kind: OccurrenceKind;
  linkKind: string;
  link: string;
  from: string;
  to: string;
  at: string;
  endAt: string | null;
  durationS: number | null;
  amount: number | null;
  evidence: { document: string; name: string; ref: string | null }[];
}

export interface Timeline {
  entities: EntityRef[];
  occurrences: TimelineOccurrence[];
  truncated: boolean;
}

export async function fetchTimeline(entities: string[], kinds: readonly OccurrenceKind[]): Promise<Timeline> {
  const query = new URLSearchParams({ entities: entities.join(','), kinds: kinds.join(','), limit: '5000' });
  return expect(await getJson(`/api/timeline?${query.toString()}`), 'occurrences', 'a timeline');
}
