/**
 * The statements that write a fact together with its source, one set per importer: the importer is
 * written into the SQL as a literal, and null is bound for the properties of facts that have none. An
 * import writes millions of such rows for one importer, and better-sqlite3 spends more on binding a text
 * (~0.17 µs: a UTF-8 copy, then SQLite's own copy) than on binding all of a row's numbers; occurrences
 * bound three texts each, two of them the same for nearly every row of an import (measured on the
 * ingest bench's 1.06 M occurrences: 0.3 s of the writing thread, the thread that bounds an import).
 * Both write paths use these, so the rows they write stay the same.
 */
import type Database from 'better-sqlite3';
import { RowBuffer, type RowShape } from './row-buffer.js';

/** What a fact without properties holds as their JSON. */
export const EMPTY_PROPS = '{}';

/** The columns of a new link's row after its rid and id. */
const COLUMNS = [
  'kind',
  'from_rid',
  'to_rid',
  'qualifier',
  'props',
  'occ_count',
  'duration_s',
  'amount_paise',
  'first_at',
  'last_at',
  'created_at',
  'updated_at',
  'version',
  'fact_document_rid',
  'fact_ref',
  'fact_props',
  'fact_imported_by',
  'fact_imported_at',
] as const;

const LINK_ROW_COLUMNS = COLUMNS.join(', ');

/** Where a fact's properties are bound: null stands for none, which costs less to bind than '{}'. */
const PROPS = `ifnull(?, '${EMPTY_PROPS}')`;

/** The properties as bound to PROPS. */
export const boundProps = (json: string): string | null => (json === EMPTY_PROPS ? null : json);

/** The values clause of a new link's row after its rid and id, the importer (an SQL literal) written in. */
function linkRowPlaceholders(importerLiteral: string): string[] {
  return COLUMNS.map((c) =>
    c === 'fact_imported_by' ? importerLiteral : c === 'props' || c === 'fact_props' ? PROPS : '?',
  );
}

/** A text as an SQL string literal. */
export function sqlText(value: string): string {
  // SQLite ends a statement's text at a NUL; no importer's name holds one.
  if (value.includes('\u0000')) throw new Error('a text with a NUL character cannot be written as SQL');
  return `'${value.replaceAll("'", "''")}'`;
}

/** A row's shape from its values clause; the importer's literal is written in, not bound. */
function shape(into: string, placeholders: string[], importerLiteral: string): RowShape {
  return {
    into,
    row: `(${placeholders.join(', ')})`,
    width: placeholders.filter((p) => p !== importerLiteral).length,
  };
}

/** The rows written with a source, for one importer. */
function rowShapes(by: string) {
  const fact = (table: string, owner: string) =>
    shape(
      `INTO ${table} (${owner}, document_rid, ref, props, imported_by, imported_at) VALUES `,
      ['?', '?', '?', PROPS, by, '?'],
      by,
    );
  return {
    entityFact: fact('entity_fact', 'entity_rid'),
    linkFact: fact('link_fact', 'link_rid'),
    // A new link carries its first source in its row (schema 8); further sources go to link_fact.
    linkAt: shape(
      `INTO link (rid, id, ${LINK_ROW_COLUMNS}) VALUES `,
      ['?', '?', ...linkRowPlaceholders(by)],
      by,
    ),
    // A new occurrence carries its first source in its row; further sources go to occurrence_fact. The
    // key columns hold -1 / '' for a measure or reference not given (schema 7).
    occurrence: shape(
      `INTO occurrence (link_rid, at, end_at, duration_key, amount_key, txn_key, props, document_rid, ref,
         imported_by, imported_at) VALUES `,
      ['?', '?', '?', 'ifnull(?, -1)', 'ifnull(?, -1)', "ifnull(?, '')", PROPS, '?', '?', by, '?'],
      by,
    ),
  };
}

/**
 * `chosenRowIds`: new links are written with the row id the caller chose (the bulk load, which knows
 * every id and has dropped the unique index a conflict target needs), and the statements come with
 * buffers that write rows known to be new several to a statement; otherwise SQLite picks the row id
 * and a link already on record is left alone.
 */
function sourceStatements(db: Database.Database, importedBy: string, chosenRowIds: boolean) {
  const by = sqlText(importedBy);
  const rows = rowShapes(by);
  const single = (r: RowShape) => db.prepare(`INSERT OR IGNORE ${r.into}${r.row}`);
  return {
    importedBy,
    insertEntityFact: single(rows.entityFact),
    // Insert first, look up only on conflict: most links of a large import are new.
    insertLink: db.prepare<unknown[], { rid: number }>(
      chosenRowIds
        ? `INSERT ${rows.linkAt.into}${rows.linkAt.row}`
        : `INSERT INTO link (id, ${LINK_ROW_COLUMNS}) VALUES (?, ${linkRowPlaceholders(by).join(', ')})
           ON CONFLICT (id) DO NOTHING RETURNING rid`,
    ),
    insertLinkFact: single(rows.linkFact),
    insertOccurrence: single(rows.occurrence),
    insertOccurrenceFact: db.prepare(
      `INSERT OR IGNORE INTO occurrence_fact (link_rid, at, duration_key, amount_key, txn_key, document_rid, ref,
         imported_by, imported_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ${by}, ?)`,
    ),
    buffered: chosenRowIds
      ? {
          entityFact: new RowBuffer(db, rows.entityFact),
          link: new RowBuffer(db, rows.linkAt),
          linkFact: new RowBuffer(db, rows.linkFact),
          occurrence: new RowBuffer(db, rows.occurrence),
        }
      : undefined,
  };
}

export type SourceStatements = ReturnType<typeof sourceStatements>;
export type SourceRowBuffers = NonNullable<SourceStatements['buffered']>;

/** A connection's source statements by importer: an import has one, the service a few users at a time. */
export function sourceStatementsOf(
  db: Database.Database,
  chosenRowIds = false,
): (importedBy: string) => SourceStatements {
  const byImporter = new Map<string, SourceStatements>();
  let last: SourceStatements | undefined;
  return (importedBy) => {
    if (last?.importedBy === importedBy) return last;
    let found = byImporter.get(importedBy);
    if (!found) {
      if (byImporter.size >= 32) byImporter.clear();
      byImporter.set(importedBy, (found = sourceStatements(db, importedBy, chosenRowIds)));
    }
    return (last = found);
  };
}
