/**
 * The prepared statements of the write path, shared by the ingest of one batch at a time and the bulk
 * load of a first import (bulk-load.ts), so that both write rows of exactly the same shape. Those that
 * write a fact with its source are in source-statements.ts.
 */
import type Database from 'better-sqlite3';
import type { IngestCounts } from '../../domain/views.js';
import type { NormalisedBatch } from '../../domain/normalise-batch.js';

/** What a writer knows of a link on record: enough to tell whether a source is its first one. */
export interface KnownLink {
  rid: number;
  fact_document_rid: number | null;
  fact_ref: string | null;
}

export function statements(db: Database.Database) {
  return {
    documentByHash: db.prepare<
      [string],
      { rid: number; type: string; source_grade: string; info_grade: string; case_id: string | null }
    >('SELECT rid, type, source_grade, info_grade, case_id FROM document WHERE id = ?'),
    insertDocument: db.prepare(
      `INSERT INTO document (id, sha256, name, type, source_grade, info_grade, case_id, received_from, first_imported_at)
       VALUES (@id, @sha256, @name, @type, @source, @information, @caseId, @receivedFrom, @at)`,
    ),
    entityById: db.prepare<[string], { rid: number; props: string; display: string; label: string }>(
      'SELECT rid, props, display, label FROM entity WHERE id = ?',
    ),
    // Insert first, look up only on conflict: most entities of a large import are new.
    insertEntity: db.prepare<unknown[], { rid: number }>(
      `INSERT INTO entity (id, kind, scheme, key, display, label, props, created_at, updated_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING rid`,
    ),
    updateEntity: db.prepare(
      'UPDATE entity SET props = ?, label = ?, updated_at = ?, version = ? WHERE rid = ?',
    ),
    insertText: db.prepare('INSERT INTO entity_text (rowid, text) VALUES (?, ?)'),
    deleteText: db.prepare('DELETE FROM entity_text WHERE rowid = ?'),
    linkById: db.prepare<[string], KnownLink & { props: string }>(
      'SELECT rid, props, fact_document_rid, fact_ref FROM link WHERE id = ?',
    ),
    updateLinkProps: db.prepare('UPDATE link SET props = ?, updated_at = ?, version = ? WHERE rid = ?'),
    occurrenceSource: db.prepare<
      [number, number, number, number, string],
      { document_rid: number; ref: string }
    >(
      `SELECT document_rid, ref FROM occurrence
       WHERE link_rid = ? AND at = ? AND duration_key = ? AND amount_key = ? AND txn_key = ?`,
    ),
    // Aggregates kept on the link so the graph can be drawn without reading every occurrence.
    addToLink: db.prepare(
      `UPDATE link SET occ_count = occ_count + ?, duration_s = duration_s + ?, amount_paise = amount_paise + ?,
         first_at = min(ifnull(first_at, ?), ?), last_at = max(ifnull(last_at, ?), ?), updated_at = ?,
         version = ?
       WHERE rid = ?`,
    ),
    ridOf: db.prepare<[string], number>('SELECT rid FROM entity WHERE id = ?').pluck(),
    version: db.prepare<[], string>("SELECT value FROM meta WHERE key = 'graph_version'").pluck(),
    setVersion: db.prepare("UPDATE meta SET value = ? WHERE key = 'graph_version'"),
    log: db.prepare(
      'INSERT INTO ingest_log (document_rid, imported_by, imported_at, counts) VALUES (?, ?, ?, ?)',
    ),
  };
}

export type IngestStatements = ReturnType<typeof statements>;

export const emptyCounts = (): IngestCounts => ({
  entities: { created: 0, updated: 0, unchanged: 0 },
  links: { created: 0, updated: 0, unchanged: 0 },
  occurrences: { created: 0, unchanged: 0 },
  version: 0,
});

/** The parameters of a batch's document row, as both write paths insert it. */
export const documentRow = (batch: NormalisedBatch, at: number) => {
  const d = batch.document;
  return {
    id: d.id,
    sha256: d.sha256,
    name: d.name,
    type: d.type,
    source: d.grading.source,
    information: d.grading.information,
    caseId: d.caseId ?? null,
    receivedFrom: d.receivedFrom ?? null,
    at,
  };
};
