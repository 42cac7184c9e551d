/** The investigator's case work on the embedded store (schema 9): alerts raised on cases, and watches. */
import type Database from 'better-sqlite3';
import type { CaseAlert, Watch, WatchRef } from '../../domain/views.js';

interface AlertRow {
  id: string;
  case_id: string;
  kind: string;
  entity_id: string;
  other_case_id: string | null;
  document_id: string;
  user_id: string | null;
  reason: string | null;
  link_id: string | null;
  raised_at: number;
}

const toAlert = (r: AlertRow): CaseAlert => ({
  id: r.id,
  caseId: r.case_id,
  kind: r.kind as CaseAlert['kind'],
  entityId: r.entity_id,
  otherCaseId: r.other_case_id,
  documentId: r.document_id,
  userId: r.user_id,
  reason: r.reason,
  linkId: r.link_id,
  raisedAt: r.raised_at,
});

interface WatchRow {
  user_id: string;
  entity_id: string;
  case_id: string;
  created_at: number;
}

const toWatch = (r: WatchRow): Watch => ({
  userId: r.user_id,
  entityId: r.entity_id,
  caseId: r.case_id,
  createdAt: r.created_at,
});

export class SqliteCaseWork {
  private readonly st;

  constructor(private readonly db: Database.Database) {
    this.st = {
      insertAlert: db.prepare(
        `INSERT INTO case_alert (id, case_id, kind, entity_id, other_case_id, document_id, user_id, reason, link_id, raised_at)
         VALUES (@id, @caseId, @kind, @entityId, @otherCaseId, @documentId, @userId, @reason, @linkId, @raisedAt)
         ON CONFLICT (id) DO NOTHING`,
      ),
      alertsOf: db.prepare<[string, number], AlertRow>(
        'SELECT * FROM case_alert WHERE case_id = ? ORDER BY raised_at DESC, id LIMIT ?',
      ),
      // Through the case's index: a watch's alerts are among its case's.
      alertsOfWatch: db.prepare<[string, string, string, number], AlertRow>(
        `SELECT * FROM case_alert WHERE case_id = ? AND kind = 'watch' AND entity_id = ? AND user_id = ?
         ORDER BY raised_at DESC, id LIMIT ?`,
      ),
      upsertWatch: db.prepare(
        `INSERT INTO watch (user_id, entity_id, case_id, created_at) VALUES (@userId, @entityId, @caseId, @createdAt)
         ON CONFLICT (user_id, entity_id) DO UPDATE SET case_id = excluded.case_id`,
      ),
      deleteWatch: db.prepare<[string, string]>('DELETE FROM watch WHERE user_id = ? AND entity_id = ?'),
      watchesOf: db.prepare<[string], WatchRow>(
        'SELECT * FROM watch WHERE user_id = ? ORDER BY created_at, entity_id',
      ),
      watchesOn: db.prepare<[string], WatchRow>('SELECT * FROM watch WHERE entity_id = ? ORDER BY user_id'),
      watchesFor: db.prepare<[string], WatchRow>(
        'SELECT * FROM watch WHERE case_id = ? ORDER BY entity_id, user_id',
      ),
    };
  }

  addAlerts(alerts: readonly CaseAlert[]): CaseAlert[] {
    return this.db.transaction(() => alerts.filter((a) => this.st.insertAlert.run(a).changes === 1))();
  }

  alertsOf(caseId: string, limit: number): CaseAlert[] {
    return this.st.alertsOf.all(caseId, limit).map(toAlert);
  }

  alertsOfWatch(w: WatchRef, limit: number): CaseAlert[] {
    return this.st.alertsOfWatch.all(w.caseId, w.entityId, w.userId, limit).map(toAlert);
  }

  addWatch(w: Watch): void {
    this.st.upsertWatch.run(w);
  }

  removeWatch(userId: string, entityId: string): boolean {
    return this.st.deleteWatch.run(userId, entityId).changes === 1;
  }

  watchesOf(userId: string): Watch[] {
    return this.st.watchesOf.all(userId).map(toWatch);
  }

  watchesOn(entityIds: readonly string[]): Watch[] {
    return [...new Set(entityIds)].sort().flatMap((id) => this.st.watchesOn.all(id).map(toWatch));
  }

  watchesForCases(caseIds: readonly string[]): Watch[] {
    return [...new Set(caseIds)].sort().flatMap((id) => this.st.watchesFor.all(id).map(toWatch));
  }
}
