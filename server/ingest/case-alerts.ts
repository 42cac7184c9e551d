/**
 * What an ingest tells the investigators of the cases it touches (issue 9), worked out right after the
 * batch is written, so that a unit learns of another unit's case when the evidence arrives rather than
 * when someone thinks to ask:
 * - cross-case: an identifier of a case (phone, device, account, ID document, hotel, address, vehicle,
 *   person) that the batch names is now part of another case too;
 * - watch: a watched entity is named by the batch ("touched"), or a link of the batch puts it within two
 *   steps of the watch's case — tied to something the case holds, or the case newly involving one of its
 *   neighbours ("near").
 * Each alert's id follows from what it is about (and, for a touch, the document), so an ingest that finds
 * the same thing again — the same batch sent twice — raises nothing new.
 */
import { hash } from 'node:crypto';
import type { EntityKind } from '../domain/kinds.js';
import type { NormalisedBatch } from '../domain/normalise-batch.js';
import type { CaseAlert } from '../domain/views.js';
import type { GraphStore } from '../store/graph-store.js';

/** Kinds whose one entity in two cases ties the cases: what names a person, a means or a place. */
export const IDENTIFIER_KINDS: readonly EntityKind[] = [
  'person',
  'phone',
  'device',
  'account',
  'id-document',
  'hotel',
  'location',
  'vehicle',
];

const kindOf = (id: string) => id.slice(0, id.indexOf(':')) as EntityKind;

/** A place counts as an identifier when it is an address: a cell tower is passed by thousands. */
export async function isIdentifier(store: GraphStore, id: string, scheme?: string): Promise<boolean> {
  const kind = kindOf(id);
  if (!IDENTIFIER_KINDS.includes(kind)) return false;
  if (kind !== 'location') return true;
  return (scheme ?? (await store.getEntity(id))?.scheme) === 'address';
}

export const alertId = (...parts: string[]): string =>
  `alert:${hash('sha256', parts.join('\u0000'), 'hex').slice(0, 24)}`;

/** Every pair of cases an identifier now ties, as an alert on each side. */
export function crossCaseAlerts(
  entityId: string,
  caseIds: readonly string[],
  documentId: string,
  at: number,
): CaseAlert[] {
  const out: CaseAlert[] = [];
  for (const caseId of caseIds)
    for (const other of caseIds)
      if (other !== caseId)
        out.push({
          id: alertId('cross-case', caseId, entityId, other),
          caseId,
          kind: 'cross-case',
          entityId,
          otherCaseId: other,
          documentId,
          userId: null,
          reason: null,
          linkId: null,
          raisedAt: at,
        });
  return out;
}

/** Raises (and keeps) what the batch just written tells the cases; returns the alerts that are new. */
export async function raiseAlerts(
  store: GraphStore,
  batch: NormalisedBatch,
  at: number,
): Promise<CaseAlert[]> {
  const documentId = batch.document.id;
  const schemes = new Map(batch.entities.map((e) => [e.id, e.scheme as string]));
  const touched = new Set<string>(schemes.keys());
  for (const l of batch.links) touched.add(l.fromId).add(l.toId);

  const alerts: CaseAlert[] = [];
  // Only a batch that files evidence in a case, or involves an entity in one, can put an entity in a
  // second case; the rest (a CDR of no case) tie nothing, and asking would cost most of an import.
  if (batch.document.caseId || batch.links.some((l) => l.kind === 'involves')) {
    const identifiers: string[] = [];
    for (const id of touched) if (await isIdentifier(store, id, schemes.get(id))) identifiers.push(id);
    for (const [id, caseIds] of await store.casesOfEntities(identifiers))
      if (caseIds.length > 1) alerts.push(...crossCaseAlerts(id, caseIds, documentId, at));
  }

  alerts.push(...(await watchAlerts(store, batch, touched, at)));
  return store.addAlerts(alerts);
}

async function watchAlerts(
  store: GraphStore,
  batch: NormalisedBatch,
  touched: Set<string>,
  at: number,
): Promise<CaseAlert[]> {
  const documentId = batch.document.id;
  const alerts: CaseAlert[] = [];
  const watch = (
    w: { userId: string; entityId: string; caseId: string },
    reason: 'touched' | 'near',
    linkId: string | null,
  ) =>
    alerts.push({
      id:
        reason === 'touched'
          ? alertId('watch-touched', w.userId, w.entityId, w.caseId, documentId)
          : alertId('watch-near', w.userId, w.entityId, w.caseId, linkId!),
      caseId: w.caseId,
      kind: 'watch',
      entityId: w.entityId,
      otherCaseId: null,
      documentId,
      userId: w.userId,
      reason,
      linkId,
      raisedAt: at,
    });

  const watches = await store.watchesOn([...touched]);
  for (const w of watches) watch(w, 'touched', null);

  // A link of the batch from a watched entity to one the watch's case holds: two steps to the case.
  const byEntity = new Map<string, typeof watches>();
  for (const w of watches) byEntity.set(w.entityId, [...(byEntity.get(w.entityId) ?? []), w]);
  const ends = batch.links.filter(
    (l) => l.kind !== 'involves' && (byEntity.has(l.fromId) || byEntity.has(l.toId)),
  );
  const casesOfEnds = await store.casesOfEntities([...new Set(ends.flatMap((l) => [l.fromId, l.toId]))]);
  for (const l of ends)
    for (const [w, x] of [
      [l.fromId, l.toId],
      [l.toId, l.fromId],
    ] as const)
      for (const wt of byEntity.get(w) ?? [])
        if (casesOfEnds.get(x)?.includes(wt.caseId)) watch(wt, 'near', l.id);

  // The case newly involving a watched entity's neighbour: watched — neighbour — case. Watches are
  // few and involvements many: each watch of those cases is looked around once.
  const involving = batch.links.filter((l) => l.kind === 'involves');
  const forCases = involving.length
    ? await store.watchesForCases([...new Set(involving.map((l) => l.fromId))])
    : [];
  for (const wt of forCases) {
    const around = await store.neighbourhood(wt.entityId, { hops: 1, limit: 100_000 });
    const near = new Set(around.nodes.map((n) => n.id));
    for (const l of involving)
      if (l.fromId === wt.caseId && l.toId !== wt.entityId && near.has(l.toId)) watch(wt, 'near', l.id);
  }
  return alerts;
}
