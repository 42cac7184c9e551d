/**
 * Merges of persons in the embedded store (issue 8). A merge moves the absorbed person's provenance
 * records and links to the survivor in place and deletes the absorbed row; what it moved is kept in
 * person_merge's journal, so an undo puts back exactly the rows it took — the same entity row, the same
 * facts, each link at its old end. Occurrences and link evidence hang on the link, so they move with it.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { CaseGraphError } from '../../domain/errors.js';
import type { EntityKind, Scheme } from '../../domain/kinds.js';
import { searchText } from '../../domain/labels.js';
import {
  pairKey,
  type MergeRequest,
  type MergeView,
  type NotSameDecision,
  type ResolutionPerson,
} from '../../domain/merges.js';
import { iso, parseProps } from './rows.js';

const ENTITY_ROW = z.object({
  rid: z.number(),
  id: z.string(),
  kind: z.string(),
  scheme: z.string(),
  key: z.string(),
  display: z.string(),
  label: z.string(),
  props: z.string(),
  created_at: z.number(),
  updated_at: z.number(),
  version: z.number(),
});
type EntityRecord = z.infer<typeof ENTITY_ROW>;

/** What a merge moved, to be put back by its undo. */
const JOURNAL = z.object({
  entity: ENTITY_ROW,
  /** The absorbed person's facts, by (document_rid, ref): the key they keep on the survivor. */
  facts: z.array(z.tuple([z.number(), z.string()])),
  linksFrom: z.array(z.number()),
  linksTo: z.array(z.number()),
});
type Journal = z.infer<typeof JOURNAL>;

interface MergeRow {
  id: string;
  survivor_id: string;
  absorbed_id: string;
  decided_by: string;
  decided_at: number;
  undone_by: string | null;
  undone_at: number | null;
  journal: string;
}

const toMergeView = (r: MergeRow): MergeView => ({
  id: r.id,
  survivorId: r.survivor_id,
  absorbedId: r.absorbed_id,
  decidedBy: r.decided_by,
  decidedAt: iso(r.decided_at),
  undoneBy: r.undone_by,
  undoneAt: r.undone_at === null ? null : iso(r.undone_at),
});

/** The links that make a person's identifiers: what merge candidates compare. */
const IDENTIFYING_LINKS = "('uses', 'holds', 'seen-at')";

export class SqliteMerges {
  private readonly st;

  constructor(private readonly db: Database.Database) {
    this.st = {
      entityById: db.prepare<[string], EntityRecord>('SELECT * FROM entity WHERE id = ?'),
      ridTaken: db.prepare<[number], number>('SELECT 1 FROM entity WHERE rid = ?').pluck(),
      linkBetween: db
        .prepare<[number, number, number, number], number>(
          'SELECT 1 FROM link WHERE (from_rid = ? AND to_rid = ?) OR (from_rid = ? AND to_rid = ?) LIMIT 1',
        )
        .pluck(),
      sharedRow: db
        .prepare<[number, number], number>(
          `SELECT 1 FROM entity_fact a JOIN entity_fact b
             ON b.document_rid = a.document_rid AND b.ref = a.ref AND b.entity_rid = ?
           WHERE a.entity_rid = ? LIMIT 1`,
        )
        .pluck(),
      factsOf: db.prepare<[number], [number, string]>(
        'SELECT document_rid, ref FROM entity_fact WHERE entity_rid = ? ORDER BY document_rid, ref',
      ),
      linksFrom: db.prepare<[number], number>('SELECT rid FROM link WHERE from_rid = ? ORDER BY rid').pluck(),
      linksTo: db.prepare<[number], number>('SELECT rid FROM link WHERE to_rid = ? ORDER BY rid').pluck(),
      moveFacts: db.prepare<[number, number]>('UPDATE entity_fact SET entity_rid = ? WHERE entity_rid = ?'),
      moveFact: db.prepare<[number, number, number, string]>(
        'UPDATE entity_fact SET entity_rid = ? WHERE entity_rid = ? AND document_rid = ? AND ref = ?',
      ),
      setFrom: db.prepare<[number, number, number]>(
        'UPDATE link SET from_rid = ?, version = ? WHERE rid = ?',
      ),
      setTo: db.prepare<[number, number, number]>('UPDATE link SET to_rid = ?, version = ? WHERE rid = ?'),
      touchEntity: db.prepare<[number, number]>('UPDATE entity SET version = ? WHERE rid = ?'),
      deleteEntity: db.prepare<[number]>('DELETE FROM entity WHERE rid = ?'),
      deleteText: db.prepare<[number]>('DELETE FROM entity_text WHERE rowid = ?'),
      insertText: db.prepare<[number, string]>('INSERT INTO entity_text (rowid, text) VALUES (?, ?)'),
      insertEntity: db.prepare<Omit<EntityRecord, 'rid'> & { rid: number | null }>(
        `INSERT INTO entity (rid, id, kind, scheme, key, display, label, props, created_at, updated_at, version)
         VALUES (@rid, @id, @kind, @scheme, @key, @display, @label, @props, @created_at, @updated_at, @version)`,
      ),
      removed: db.prepare<[string, number]>(
        'INSERT INTO entity_removed (id, version) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET version = excluded.version',
      ),
      unremoved: db.prepare<[string]>('DELETE FROM entity_removed WHERE id = ?'),
      version: db.prepare<[], string>("SELECT value FROM meta WHERE key = 'graph_version'").pluck(),
      setVersion: db.prepare<[string]>("UPDATE meta SET value = ? WHERE key = 'graph_version'"),
      insertMerge: db.prepare<MergeRow>(
        `INSERT INTO person_merge (id, survivor_id, absorbed_id, decided_by, decided_at, undone_by, undone_at, journal)
         VALUES (@id, @survivor_id, @absorbed_id, @decided_by, @decided_at, @undone_by, @undone_at, @journal)`,
      ),
      mergeById: db.prepare<[string], MergeRow>('SELECT * FROM person_merge WHERE id = ?'),
      markUndone: db.prepare<[string, number, string]>(
        'UPDATE person_merge SET undone_by = ?, undone_at = ? WHERE id = ?',
      ),
      persons: db.prepare<[], { id: string; props: string }>(
        "SELECT id, props FROM entity WHERE kind = 'person' ORDER BY rid",
      ),
      personIdentifiers: db.prepare<[], { person: string; id: string; kind: string; scheme: string }>(
        `SELECT p.id AS person, x.id, x.kind, x.scheme FROM link l
           JOIN entity p ON p.rid = l.from_rid JOIN entity x ON x.rid = l.to_rid
         WHERE l.kind IN ${IDENTIFYING_LINKS} AND p.kind = 'person' ORDER BY l.rid`,
      ),
      notSame: db.prepare<[string, string, number]>(
        'INSERT INTO person_not_same (pair, decided_by, decided_at) VALUES (?, ?, ?) ON CONFLICT (pair) DO NOTHING',
      ),
      notSamePairs: db.prepare<[], string>('SELECT pair FROM person_not_same').pluck(),
    };
  }

  resolutionPersons(): ResolutionPerson[] {
    return this.db.transaction(() => {
      const byId = new Map<string, ResolutionPerson>();
      for (const p of this.st.persons.iterate())
        byId.set(p.id, { id: p.id, props: parseProps(p.props), identifiers: [] });
      for (const r of this.st.personIdentifiers.iterate())
        byId
          .get(r.person)
          ?.identifiers.push({ id: r.id, kind: r.kind as EntityKind, scheme: r.scheme as Scheme });
      return [...byId.values()];
    })();
  }

  private person(id: string, role: string): EntityRecord {
    const row = this.st.entityById.get(id);
    if (!row) throw new CaseGraphError('ENTITY.NOT_FOUND', `no entity ${id} (the ${role})`);
    if (row.kind !== 'person')
      throw new CaseGraphError('MERGE.NOT_PERSON', `${id} (the ${role}) is a ${row.kind}, not a person`);
    return row;
  }

  private bumpVersion(): number {
    const next = Number(this.st.version.get()) + 1;
    this.st.setVersion.run(String(next));
    return next;
  }

  merge(m: MergeRequest): MergeView {
    return this.db
      .transaction(() => {
        if (m.survivorId === m.absorbedId)
          throw new CaseGraphError('MERGE.CONFLICT', 'a person cannot be merged into itself');
        const a = this.person(m.survivorId, 'person kept');
        const b = this.person(m.absorbedId, 'person merged into it');
        if (this.st.linkBetween.get(a.rid, b.rid, b.rid, a.rid))
          throw new CaseGraphError(
            'MERGE.CONFLICT',
            'the two persons are linked to each other: the evidence records them as two people',
          );
        if (this.st.sharedRow.get(a.rid, b.rid))
          throw new CaseGraphError(
            'MERGE.CONFLICT',
            'one row of one document names both persons: the evidence records them as two people',
          );
        const journal: Journal = {
          entity: b,
          facts: this.st.factsOf.raw().all(b.rid) as [number, string][],
          linksFrom: this.st.linksFrom.all(b.rid),
          linksTo: this.st.linksTo.all(b.rid),
        };
        const version = this.bumpVersion();
        this.st.moveFacts.run(a.rid, b.rid);
        for (const rid of journal.linksFrom) this.st.setFrom.run(a.rid, version, rid);
        for (const rid of journal.linksTo) this.st.setTo.run(a.rid, version, rid);
        this.st.touchEntity.run(version, a.rid);
        this.st.deleteText.run(b.rid);
        this.st.deleteEntity.run(b.rid);
        this.st.removed.run(b.id, version);
        const row: MergeRow = {
          id: m.id,
          survivor_id: a.id,
          absorbed_id: b.id,
          decided_by: m.decidedBy,
          decided_at: m.at.getTime(),
          undone_by: null,
          undone_at: null,
          journal: JSON.stringify(journal),
        };
        this.st.insertMerge.run(row);
        return toMergeView(row);
      })
      .immediate();
  }

  undo(id: string, by: { undoneBy: string; at: Date }): MergeView {
    return this.db
      .transaction(() => {
        const row = this.st.mergeById.get(id);
        if (!row) throw new CaseGraphError('MERGE.NOT_FOUND', `no merge ${id}`);
        if (row.undone_at !== null)
          throw new CaseGraphError('MERGE.CONFLICT', `merge ${id} is undone already`);
        const a = this.st.entityById.get(row.survivor_id);
        if (!a)
          throw new CaseGraphError(
            'MERGE.CONFLICT',
            `the person kept by merge ${id} has been merged into another since: undo that merge first`,
          );
        if (this.st.entityById.get(row.absorbed_id))
          throw new CaseGraphError(
            'MERGE.CONFLICT',
            `the person merged by ${id} has been stated again by new evidence since; merge the two again instead`,
          );
        const journal = JOURNAL.parse(JSON.parse(row.journal));
        const version = this.bumpVersion();
        const e = journal.entity;
        // Its own row id when still free, so everything ordered by arrival reads as before.
        const rid = this.st.ridTaken.get(e.rid) ? null : e.rid;
        const inserted = this.st.insertEntity.run({ ...e, rid, version });
        const b = Number(inserted.lastInsertRowid);
        this.st.insertText.run(b, searchText(e.kind as EntityKind, e.display, e.label, parseProps(e.props)));
        for (const [doc, ref] of journal.facts) this.st.moveFact.run(b, a.rid, doc, ref);
        for (const l of journal.linksFrom) this.st.setFrom.run(b, version, l);
        for (const l of journal.linksTo) this.st.setTo.run(b, version, l);
        this.st.touchEntity.run(version, a.rid);
        this.st.unremoved.run(e.id);
        this.st.markUndone.run(by.undoneBy, by.at.getTime(), id);
        return toMergeView({ ...row, undone_by: by.undoneBy, undone_at: by.at.getTime() });
      })
      .immediate();
  }

  get(id: string): MergeView | null {
    const row = this.st.mergeById.get(id);
    return row ? toMergeView(row) : null;
  }

  markNotSame(d: NotSameDecision): void {
    this.st.notSame.run(pairKey(d.a, d.b), d.decidedBy, d.at.getTime());
  }

  notSamePairs(): Set<string> {
    return new Set(this.st.notSamePairs.all());
  }
}
