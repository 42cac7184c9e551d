/**
 * The investigator's case work on Neo4j: alerts raised on cases as (:CaseAlert) nodes keyed by their id,
 * watches as (:Watch {userId, entityId}) nodes; the cases of many entities read in one transaction.
 */
import type { Node } from 'neo4j-driver';
import type { CaseAlert, DocumentView, Watch, WatchRef } from '../../domain/views.js';
import type { Executor } from './executor.js';
import { safeInt, text, textOrNull, toDocumentView, toNeo4jInt } from './map-records.js';

function toAlert(node: Node): CaseAlert {
  const p = node.properties as Record<string, unknown>;
  const id = text(p.id, 'alert id');
  return {
    id,
    caseId: text(p.caseId, `case of ${id}`),
    kind: text(p.kind, `kind of ${id}`) as CaseAlert['kind'],
    entityId: text(p.entityId, `entity of ${id}`),
    otherCaseId: textOrNull(p.otherCaseId, `other case of ${id}`),
    documentId: text(p.documentId, `document of ${id}`),
    userId: textOrNull(p.userId, `user of ${id}`),
    reason: textOrNull(p.reason, `reason of ${id}`),
    linkId: textOrNull(p.linkId, `link of ${id}`),
    raisedAt: safeInt(p.raisedAt, `time of ${id}`),
  };
}

function toWatch(node: Node): Watch {
  const p = node.properties as Record<string, unknown>;
  return {
    userId: text(p.userId, 'watch user'),
    entityId: text(p.entityId, 'watched entity'),
    caseId: text(p.caseId, 'watch case'),
    createdAt: safeInt(p.createdAt, 'watch time'),
  };
}

export class Neo4jCaseWork {
  constructor(private readonly executor: Executor) {}

  getDocument(id: string): Promise<DocumentView | null> {
    return this.executor.read(async (q) => {
      const [r] = await q.all('document-view', { id });
      return r ? toDocumentView(r.get('d') as Node) : null;
    });
  }

  casesOfEntities(ids: readonly string[]): Promise<Map<string, string[]>> {
    return this.executor.read(async (q) => {
      const out = new Map<string, string[]>();
      for (const id of ids)
        out.set(
          id,
          (await q.all('entity-cases', { id })).map((r) => text(r.get('caseId'), 'case id')),
        );
      return out;
    });
  }

  addAlerts(alerts: readonly CaseAlert[]): Promise<CaseAlert[]> {
    if (!alerts.length) return Promise.resolve([]);
    // Nulls are left out of a row: Neo4j keeps no property for them, and reads them back as absent.
    const rows = alerts.map((a) =>
      Object.fromEntries(
        Object.entries({ ...a, raisedAt: toNeo4jInt(a.raisedAt) }).filter(([, v]) => v !== null),
      ),
    );
    return this.executor.write(async (q) => {
      const created = new Set(
        (await q.all('add-case-alerts', { rows })).map((r) => text(r.get('id'), 'alert id')),
      );
      return alerts.filter((a) => created.has(a.id));
    });
  }

  alertsOf(caseId: string, limit: number): Promise<CaseAlert[]> {
    return this.executor.read(async (q) =>
      (await q.all('case-alerts', { caseId, limit: toNeo4jInt(limit) })).map((r) =>
        toAlert(r.get('a') as Node),
      ),
    );
  }

  alertsOfWatch(w: WatchRef, limit: number): Promise<CaseAlert[]> {
    return this.executor.read(async (q) =>
      (
        await q.all('watch-alerts', {
          caseId: w.caseId,
          entityId: w.entityId,
          userId: w.userId,
          limit: toNeo4jInt(limit),
        })
      ).map((r) => toAlert(r.get('a') as Node)),
    );
  }

  async addWatch(w: Watch): Promise<void> {
    await this.executor.write((q) =>
      q.all('merge-watch', { watch: { ...w, createdAt: toNeo4jInt(w.createdAt) } }),
    );
  }

  removeWatch(userId: string, entityId: string): Promise<boolean> {
    return this.executor.write(async (q) => {
      const [r] = await q.all('delete-watch', { userId, entityId });
      return r ? safeInt(r.get('deleted'), 'watches deleted') > 0 : false;
    });
  }

  watchesOf(userId: string): Promise<Watch[]> {
    return this.executor.read(async (q) =>
      (await q.all('watches-of-user', { userId })).map((r) => toWatch(r.get('w') as Node)),
    );
  }

  watchesForCases(caseIds: readonly string[]): Promise<Watch[]> {
    return this.executor.read(async (q) =>
      (await q.all('watches-for-cases', { caseIds: [...new Set(caseIds)] })).map((r) =>
        toWatch(r.get('w') as Node),
      ),
    );
  }

  watchesOn(entityIds: readonly string[]): Promise<Watch[]> {
    return this.executor.read(async (q) =>
      (await q.all('watches-on-entities', { ids: [...new Set(entityIds)] })).map((r) =>
        toWatch(r.get('w') as Node),
      ),
    );
  }
}
