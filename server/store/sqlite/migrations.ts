/**
 * Versioned schema of the embedded store. A migration is never edited once released: a change is a new
 * entry. Each runs in its own transaction and is recorded, so a store opened by a newer CaseGraph is
 * brought forward exactly once, and one written by a newer version than this code is refused.
 *
 * Internal integer row ids (rid) join the tables: appends to rowid tables are far cheaper than inserts
 * into text-keyed B-trees, which is what keeps bulk ingest near the speed of a bare insert. The public
 * ids (hashes of kind and key) are kept in one unique index each.
 */
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'graph: documents, entities, links, occurrences and their provenance',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      INSERT INTO meta (key, value) VALUES ('graph_version', '0');

      CREATE TABLE document (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        sha256 TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        source_grade TEXT NOT NULL,
        info_grade TEXT NOT NULL,
        case_id TEXT,
        received_from TEXT,
        first_imported_at INTEGER NOT NULL
      );
      CREATE INDEX document_case ON document (case_id);

      CREATE TABLE entity (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        scheme TEXT NOT NULL,
        key TEXT NOT NULL,
        display TEXT NOT NULL,
        label TEXT NOT NULL,
        props TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX entity_kind ON entity (kind);

      -- Names and keys for search; accents and case folded by the tokenizer. Contentless: the text lives in entity.
      CREATE VIRTUAL TABLE entity_text USING fts5 (
        text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TABLE entity_fact (
        entity_rid INTEGER NOT NULL,
        document_rid INTEGER NOT NULL,
        ref TEXT NOT NULL,
        props TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at INTEGER NOT NULL,
        PRIMARY KEY (entity_rid, document_rid, ref)
      ) WITHOUT ROWID;
      CREATE INDEX entity_fact_document ON entity_fact (document_rid);

      CREATE TABLE link (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        from_rid INTEGER NOT NULL,
        to_rid INTEGER NOT NULL,
        qualifier TEXT NOT NULL,
        props TEXT NOT NULL,
        occ_count INTEGER NOT NULL DEFAULT 0,
        duration_s INTEGER NOT NULL DEFAULT 0,
        amount_paise INTEGER NOT NULL DEFAULT 0,
        first_at INTEGER,
        last_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX link_from ON link (from_rid);
      CREATE INDEX link_to ON link (to_rid);

      CREATE TABLE link_fact (
        link_rid INTEGER NOT NULL,
        document_rid INTEGER NOT NULL,
        ref TEXT NOT NULL,
        props TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at INTEGER NOT NULL,
        PRIMARY KEY (link_rid, document_rid, ref)
      ) WITHOUT ROWID;
      CREATE INDEX link_fact_document ON link_fact (document_rid);

      -- One call, payment or stay is one row however many documents record it: its identity is the link,
      -- the time and what was measured, so the unique index also serves the per-link timeline.
      CREATE TABLE occurrence (
        rid INTEGER PRIMARY KEY,
        link_rid INTEGER NOT NULL,
        at INTEGER NOT NULL,
        end_at INTEGER,
        duration_s INTEGER,
        amount_paise INTEGER,
        txn_ref TEXT,
        props TEXT NOT NULL
      );
      CREATE UNIQUE INDEX occurrence_identity ON occurrence (
        link_rid, at, ifnull(duration_s, -1), ifnull(amount_paise, -1), ifnull(txn_ref, '')
      );

      CREATE TABLE occurrence_fact (
        occurrence_rid INTEGER NOT NULL,
        document_rid INTEGER NOT NULL,
        ref TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at INTEGER NOT NULL,
        PRIMARY KEY (occurrence_rid, document_rid, ref)
      ) WITHOUT ROWID;

      CREATE TABLE ingest_log (
        rid INTEGER PRIMARY KEY,
        document_rid INTEGER NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at INTEGER NOT NULL,
        counts TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'graph versions on entities and links, so a projection catches up from the changes alone',
    sql: `
      ALTER TABLE entity ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE link ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
      UPDATE entity SET version = (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'graph_version');
      UPDATE link SET version = (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'graph_version');
      CREATE INDEX entity_version ON entity (version);
      CREATE INDEX link_version ON link (version);
    `,
  },
];

export function migrate(db: Database.Database, migrations: Migration[] = MIGRATIONS): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const newest = Math.max(0, ...applied);
  const known = Math.max(0, ...migrations.map((m) => m.version));
  if (newest > known) {
    throw new Error(
      `the store at ${db.name} was written by a newer CaseGraph (schema ${newest}; this version knows ${known})`,
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    })();
  }
}
