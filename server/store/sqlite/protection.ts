/** Who is protected (domain/protection.ts), found in the embedded store, and their pseudonyms. */
import type Database from 'better-sqlite3';
import type { EntityKind } from '../../domain/kinds.js';
import {
  ownsPseudonym,
  pseudonymOf,
  secretsOf,
  type ProtectedEntity,
  type ProtectionReason,
} from '../../domain/protection.js';

interface Row {
  rid: number;
  id: string;
  kind: string;
  key: string;
  display: string;
  label: string;
  props: string;
  reason: ProtectionReason;
  person_id: string;
}

// Victims by an involves link of role victim, minors by their properties; the other persons who hold an
// identity document they hold (domain/protection.ts: documents extend protection, phones do not); then
// what they use or hold, and the home addresses they or those records give, each credited to the
// earliest protected person.
const PROTECTED = `
  WITH person(rid, reason) AS (
    SELECT to_rid, 'victim' FROM link WHERE kind = 'involves' AND qualifier = 'victim'
    UNION ALL
    SELECT rid, 'minor' FROM entity WHERE kind = 'person'
      AND (json_extract(props, '$.minor') = 1 OR json_extract(props, '$.age') < 18)
  ),
  protected_person(rid, reason) AS (SELECT rid, max(reason) FROM person GROUP BY rid),
  same_document(rid, person_rid) AS (
    SELECT other.from_rid, min(mine.from_rid) FROM link mine
      JOIN protected_person p ON p.rid = mine.from_rid
      JOIN entity d ON d.rid = mine.to_rid AND d.kind = 'id-document'
      JOIN link other ON other.to_rid = mine.to_rid AND other.kind = 'holds'
    WHERE mine.kind = 'holds' AND other.from_rid NOT IN (SELECT rid FROM protected_person)
    GROUP BY other.from_rid
  ),
  address(rid) AS (SELECT rid FROM entity WHERE kind = 'location' AND scheme = 'address'),
  identifier(rid, person_rid) AS (
    SELECT to_rid, min(person_rid) FROM (
      SELECT l.to_rid, l.from_rid AS person_rid FROM link l JOIN protected_person p ON p.rid = l.from_rid
      WHERE l.kind IN ('uses', 'holds')
        OR (l.kind = 'located-at' AND l.to_rid IN (SELECT rid FROM address))
      UNION ALL
      SELECT l.to_rid, s.person_rid FROM link l JOIN same_document s ON s.rid = l.from_rid
      WHERE l.kind = 'located-at' AND l.to_rid IN (SELECT rid FROM address)
    )
    WHERE to_rid NOT IN (SELECT rid FROM protected_person)
    GROUP BY to_rid
  )
  SELECT e.rid, e.id, e.kind, e.key, e.display, e.label, e.props, p.reason, e.id AS person_id
    FROM protected_person p JOIN entity e ON e.rid = p.rid
  UNION ALL
  SELECT e.rid, e.id, e.kind, e.key, e.display, e.label, e.props, 'identifier', pe.id
    FROM identifier i JOIN entity e ON e.rid = i.rid JOIN entity pe ON pe.rid = i.person_rid
  UNION ALL
  SELECT e.rid, e.id, e.kind, e.key, e.display, e.label, e.props, 'same-document', pe.id
    FROM same_document s JOIN entity e ON e.rid = s.rid JOIN entity pe ON pe.rid = s.person_rid
  ORDER BY 1`;

export class SqliteProtection {
  private readonly find: Database.Statement<[], Row>;
  private readonly numbered: Database.Statement<[], { entity_id: string; n: number }>;
  private readonly assign: Database.Statement<[string, number, number]>;
  private readonly list: () => ProtectedEntity[];

  constructor(db: Database.Database) {
    this.find = db.prepare(PROTECTED);
    this.numbered = db.prepare('SELECT entity_id, n FROM pseudonym');
    this.assign = db.prepare('INSERT INTO pseudonym (entity_id, n, assigned_at) VALUES (?, ?, ?)');
    const read = (): { rows: Row[]; numbers: Map<string, number> } => ({
      rows: this.find.all(),
      numbers: new Map(this.numbered.all().map((p) => [p.entity_id, p.n])),
    });
    const unnumbered = (rows: Row[], numbers: Map<string, number>) =>
      rows.filter((r) => ownsPseudonym(r.reason) && !numbers.has(r.id));
    // Numbering writes, under the write lock, so a person newly protected is numbered once even if two
    // instances ask at once. Most calls find everyone numbered and take no lock: a reader must not wait
    // for an import that holds it.
    const numberNew = db.transaction(() => {
      const { rows, numbers } = read();
      let next = Math.max(0, ...numbers.values()) + 1;
      const now = Date.now();
      for (const r of unnumbered(rows, numbers)) {
        numbers.set(r.id, next);
        this.assign.run(r.id, next++, now);
      }
      return { rows, numbers };
    });
    this.list = () => {
      let found = db.transaction(read).deferred();
      if (unnumbered(found.rows, found.numbers).length) found = numberNew.immediate();
      return found.rows.map((r) => ({
        id: r.id,
        kind: r.kind as EntityKind,
        reason: r.reason,
        pseudonym: pseudonymOf(found.numbers.get(r.person_id)!),
        secrets: secretsOf(r.key, r.display, r.label, JSON.parse(r.props) as Record<string, unknown>),
      }));
    };
  }

  protectedEntities(): ProtectedEntity[] {
    return this.list();
  }
}
