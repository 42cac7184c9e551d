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
  {
    version: 3,
    name: 'unique ids as named indexes, so a first load can build them once; first source of an occurrence in its row',
    // An inline UNIQUE makes an index that can never be dropped; a named one can be dropped and rebuilt
    // around a bulk load (bulk-load.ts). Most occurrences have one source: keeping it in the row saves a
    // row per call; occurrence_fact keeps the further sources, occurrence_source shows them all.
    sql: `
      CREATE TABLE entity_v3 (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        kind TEXT NOT NULL,
        scheme TEXT NOT NULL,
        key TEXT NOT NULL,
        display TEXT NOT NULL,
        label TEXT NOT NULL,
        props TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        version INTEGER NOT NULL DEFAULT 0
      );
      INSERT INTO entity_v3 SELECT rid, id, kind, scheme, key, display, label, props, created_at, updated_at, version
        FROM entity;
      DROP TABLE entity;
      ALTER TABLE entity_v3 RENAME TO entity;
      CREATE UNIQUE INDEX entity_id ON entity (id);
      CREATE INDEX entity_kind ON entity (kind);
      CREATE INDEX entity_version ON entity (version);

      CREATE TABLE link_v3 (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
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
        updated_at INTEGER NOT NULL,
        version INTEGER NOT NULL DEFAULT 0
      );
      INSERT INTO link_v3 SELECT rid, id, kind, from_rid, to_rid, qualifier, props, occ_count, duration_s,
        amount_paise, first_at, last_at, created_at, updated_at, version FROM link;
      DROP TABLE link;
      ALTER TABLE link_v3 RENAME TO link;
      CREATE UNIQUE INDEX link_id ON link (id);
      CREATE INDEX link_from ON link (from_rid);
      CREATE INDEX link_to ON link (to_rid);
      CREATE INDEX link_version ON link (version);

      ALTER TABLE occurrence ADD COLUMN document_rid INTEGER;
      ALTER TABLE occurrence ADD COLUMN ref TEXT;
      ALTER TABLE occurrence ADD COLUMN imported_by TEXT;
      ALTER TABLE occurrence ADD COLUMN imported_at INTEGER;
      UPDATE occurrence SET (document_rid, ref, imported_by, imported_at) = (
        SELECT f.document_rid, f.ref, f.imported_by, f.imported_at FROM occurrence_fact f
        WHERE f.occurrence_rid = occurrence.rid ORDER BY f.imported_at, f.document_rid, f.ref LIMIT 1);
      DELETE FROM occurrence_fact WHERE EXISTS (
        SELECT 1 FROM occurrence o WHERE o.rid = occurrence_fact.occurrence_rid
          AND o.document_rid = occurrence_fact.document_rid AND o.ref = occurrence_fact.ref);
      CREATE VIEW occurrence_source AS
        SELECT rid AS occurrence_rid, document_rid, ref, imported_by, imported_at FROM occurrence
        UNION ALL
        SELECT occurrence_rid, document_rid, ref, imported_by, imported_at FROM occurrence_fact;
    `,
  },
  {
    version: 4,
    name: 'users, sessions, case access lists and the hash-chained audit trail',
    // Sessions live in the store, not in a process, so several instances behind a balancer share them;
    // only a hash of the session token is kept, so a copy of the file opens no session.
    sql: `
      CREATE TABLE app_user (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL,
        unit TEXT,
        password_hash TEXT NOT NULL,
        must_change_password INTEGER NOT NULL DEFAULT 0,
        disabled_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE session (
        token_hash TEXT PRIMARY KEY,
        user_rid INTEGER NOT NULL,
        csrf_secret TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        ip TEXT,
        user_agent TEXT
      ) WITHOUT ROWID;
      CREATE INDEX session_user ON session (user_rid);

      CREATE TABLE case_access (
        case_id TEXT NOT NULL,
        user_rid INTEGER NOT NULL,
        granted_by INTEGER,
        granted_at INTEGER NOT NULL,
        PRIMARY KEY (case_id, user_rid)
      ) WITHOUT ROWID;
      CREATE INDEX case_access_user ON case_access (user_rid);

      -- Failed sign-ins, counted per account and per address across instances for the rate limit.
      CREATE TABLE login_failure (
        rid INTEGER PRIMARY KEY,
        username TEXT NOT NULL COLLATE NOCASE,
        ip TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX login_failure_username ON login_failure (username, at);
      CREATE INDEX login_failure_ip ON login_failure (ip, at);

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor TEXT,
        role TEXT,
        action TEXT NOT NULL,
        case_id TEXT,
        target TEXT,
        detail TEXT NOT NULL,
        ip TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX audit_log_case ON audit_log (case_id, seq);
      CREATE INDEX audit_log_actor ON audit_log (actor, seq);
    `,
  },
  {
    version: 5,
    name: 'pseudonyms of protected persons, numbered once and for good',
    // A victim is "V-0007" on every screen and in every report for as long as the record lives, so
    // people can speak of them without naming them; the number says nothing of who they are.
    sql: `
      CREATE TABLE pseudonym (
        entity_id TEXT PRIMARY KEY,
        n INTEGER NOT NULL UNIQUE,
        assigned_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 6,
    name: 'provenance kept in the order it arrives: entity and link facts clustered by document',
    // A fact table keyed by the entity took each new fact at a random place in its tree; keyed by the
    // document first, a batch's facts land together at the end, which a half-million-fact import feels.
    // Reading an entity's or a link's sources goes through the index on its rid instead.
    sql: `
      CREATE TABLE entity_fact_v6 (
        entity_rid INTEGER NOT NULL,
        document_rid INTEGER NOT NULL,
        ref TEXT NOT NULL,
        props TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at INTEGER NOT NULL,
        PRIMARY KEY (document_rid, entity_rid, ref)
      ) WITHOUT ROWID;
      INSERT INTO entity_fact_v6 (entity_rid, document_rid, ref, props, imported_by, imported_at)
        SELECT entity_rid, document_rid, ref, props, imported_by, imported_at FROM entity_fact;
      DROP TABLE entity_fact;
      ALTER TABLE entity_fact_v6 RENAME TO entity_fact;
      CREATE INDEX entity_fact_entity ON entity_fact (entity_rid);

      CREATE TABLE link_fact_v6 (
        link_rid INTEGER NOT NULL,
        document_rid INTEGER NOT NULL,
        ref TEXT NOT NULL,
        props TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at INTEGER NOT NULL,
        PRIMARY KEY (document_rid, link_rid, ref)
      ) WITHOUT ROWID;
      INSERT INTO link_fact_v6 (link_rid, document_rid, ref, props, imported_by, imported_at)
        SELECT link_rid, document_rid, ref, props, imported_by, imported_at FROM link_fact;
      DROP TABLE link_fact;
      ALTER TABLE link_fact_v6 RENAME TO link_fact;
      CREATE INDEX link_fact_link ON link_fact (link_rid);
    `,
  },
  {
    version: 7,
    name: 'occurrences keyed by their identity: the table is its own unique index',
    // A call's identity (its link, time and what was measured) was a unique index beside the table, a
    // second tree written for every call. As the key of a WITHOUT ROWID table it is the table. Key
    // columns cannot be null: a measure not taken is kept as -1 (durations and amounts are never
    // negative) and a missing reference as '', exactly as the old index compared them. Further sources
    // point at the occurrence by the same key.
    sql: `
      DROP VIEW occurrence_source;
      CREATE TABLE occurrence_v7 (
        link_rid INTEGER NOT NULL,
        at INTEGER NOT NULL,
        duration_key INTEGER NOT NULL,
        amount_key INTEGER NOT NULL,
        txn_key TEXT NOT NULL,
        end_at INTEGER,
        props TEXT NOT NULL,
        document_rid INTEGER,
        ref TEXT,
        imported_by TEXT,
        imported_at INTEGER,
        PRIMARY KEY (link_rid, at, duration_key, amount_key, txn_key)
      ) WITHOUT ROWID;
      INSERT INTO occurrence_v7 SELECT link_rid, at, ifnull(duration_s, -1), ifnull(amount_paise, -1),
          ifnull(txn_ref, ''), end_at, props, document_rid, ref, imported_by, imported_at
        FROM occurrence;
      CREATE TABLE occurrence_fact_v7 (
        link_rid INTEGER NOT NULL,
        at INTEGER NOT NULL,
        duration_key INTEGER NOT NULL,
        amount_key INTEGER NOT NULL,
        txn_key TEXT NOT NULL,
        document_rid INTEGER NOT NULL,
        ref TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at INTEGER NOT NULL,
        PRIMARY KEY (link_rid, at, duration_key, amount_key, txn_key, document_rid, ref)
      ) WITHOUT ROWID;
      INSERT INTO occurrence_fact_v7 SELECT o.link_rid, o.at, ifnull(o.duration_s, -1), ifnull(o.amount_paise, -1),
          ifnull(o.txn_ref, ''), f.document_rid, f.ref, f.imported_by, f.imported_at
        FROM occurrence_fact f JOIN occurrence o ON o.rid = f.occurrence_rid;
      DROP TABLE occurrence_fact;
      DROP TABLE occurrence;
      ALTER TABLE occurrence_v7 RENAME TO occurrence;
      ALTER TABLE occurrence_fact_v7 RENAME TO occurrence_fact;
      CREATE VIEW occurrence_source AS
        SELECT link_rid, at, duration_key, amount_key, txn_key, document_rid, ref, imported_by, imported_at
          FROM occurrence
        UNION ALL
        SELECT link_rid, at, duration_key, amount_key, txn_key, document_rid, ref, imported_by, imported_at
          FROM occurrence_fact;
    `,
  },
  {
    version: 8,
    name: "a link's first source in its row",
    // As an occurrence's already is (schema 3): most links are stated by one document, and a separate
    // fact row for each cost a write per link. link_fact keeps the further sources; reads take both.
    sql: `
      ALTER TABLE link ADD COLUMN fact_document_rid INTEGER;
      ALTER TABLE link ADD COLUMN fact_ref TEXT;
      ALTER TABLE link ADD COLUMN fact_props TEXT;
      ALTER TABLE link ADD COLUMN fact_imported_by TEXT;
      ALTER TABLE link ADD COLUMN fact_imported_at INTEGER;
      UPDATE link SET (fact_document_rid, fact_ref, fact_props, fact_imported_by, fact_imported_at) = (
        SELECT f.document_rid, f.ref, f.props, f.imported_by, f.imported_at FROM link_fact f
        WHERE f.link_rid = link.rid ORDER BY f.imported_at, f.document_rid, f.ref LIMIT 1);
      DELETE FROM link_fact WHERE EXISTS (
        SELECT 1 FROM link l WHERE l.rid = link_fact.link_rid
          AND l.fact_document_rid = link_fact.document_rid AND l.fact_ref = link_fact.ref);
      CREATE INDEX link_document ON link (fact_document_rid);
    `,
  },
  {
    version: 9,
    name: 'alerts raised on cases by ingests, and the entities investigators watch',
    // Keyed by the alert's own id (what it is about), so an ingest that finds the same thing again
    // inserts nothing.
    sql: `
      CREATE TABLE case_alert (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        case_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        other_case_id TEXT,
        document_id TEXT NOT NULL,
        user_id TEXT,
        reason TEXT,
        link_id TEXT,
        raised_at INTEGER NOT NULL
      );
      CREATE INDEX case_alert_case ON case_alert (case_id, raised_at);
      CREATE TABLE watch (
        user_id TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        case_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, entity_id)
      ) WITHOUT ROWID;
      CREATE INDEX watch_entity ON watch (entity_id, user_id);
      CREATE INDEX watch_case ON watch (case_id, entity_id, user_id);
    `,
  },
  {
    version: 10,
    name: 'merges of persons a user decided are one, kept to be undone; pairs decided not the same',
    // A merge rewrites rows in place (the absorbed person's facts and links move to the survivor), so
    // what it moved is kept beside it, as JSON, to put back exactly. A person merged away is gone from
    // the entity table: entity_removed tells a projection catching up by version to drop it.
    sql: `
      CREATE TABLE person_merge (
        id TEXT PRIMARY KEY,
        survivor_id TEXT NOT NULL,
        absorbed_id TEXT NOT NULL,
        decided_by TEXT NOT NULL,
        decided_at INTEGER NOT NULL,
        undone_by TEXT,
        undone_at INTEGER,
        journal TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX person_merge_absorbed ON person_merge (absorbed_id);
      CREATE TABLE entity_removed (id TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID;
      CREATE INDEX entity_removed_version ON entity_removed (version);
      CREATE TABLE person_not_same (
        pair TEXT PRIMARY KEY,
        decided_by TEXT NOT NULL,
        decided_at INTEGER NOT NULL
      ) WITHOUT ROWID;
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
