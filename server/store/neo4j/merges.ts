/**
 * Merges of persons in Neo4j (issue 8), as the embedded store does them (sqlite/merges.ts): the absorbed
 * person's records and links move to the survivor, the person is deleted, and the Merge node keeps what
 * moved — the node's properties as they were, its facts, its links by id — so the undo puts it back
 * exactly. Every step runs in one write transaction behind the graph's lock.
 */
import neo4j, { isInt, type Integer, type Node } from 'neo4j-driver';
import { z } from 'zod';
import { CaseGraphError } from '../../domain/errors.js';
import type { EntityKind, Scheme } from '../../domain/kinds.js';
import {
  pairKey,
  type MergeRequest,
  type MergeView,
  type NotSameDecision,
  type ResolutionPerson,
} from '../../domain/merges.js';
import type { Executor, QueryRunner } from './executor.js';
import { props, safeInt, text, textOrNull, toNeo4jInt } from './map-records.js';

/** A node property as JSON can hold it: Neo4j's integers marked, so they come back as integers. */
const STORED = z.union([z.string(), z.number(), z.boolean(), z.null(), z.object({ int: z.string() })]);
const JOURNAL = z.object({
  entity: z.record(z.string(), STORED),
  facts: z.array(z.object({ documentId: z.string(), ref: z.string() })),
  linksFrom: z.array(z.string()),
  linksTo: z.array(z.string()),
});
type Journal = z.infer<typeof JOURNAL>;

const toStored = (v: unknown): z.infer<typeof STORED> => {
  if (isInt(v)) return { int: (v as Integer).toString() };
  return STORED.parse(v);
};
const fromStored = (v: z.infer<typeof STORED>): unknown =>
  v !== null && typeof v === 'object' ? neo4j.int(v.int) : v;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function toMergeView(node: Node): MergeView {
  const p = node.properties as Record<string, unknown>;
  const undoneAt = p.undoneAt === undefined || p.undoneAt === null ? null : safeInt(p.undoneAt, 'undone at');
  return {
    id: text(p.id, 'merge id'),
    survivorId: text(p.survivorId, 'survivor'),
    absorbedId: text(p.absorbedId, 'absorbed'),
    decidedBy: text(p.decidedBy, 'decided by'),
    decidedAt: iso(safeInt(p.decidedAt, 'decided at'))!,
    undoneBy: textOrNull(p.undoneBy ?? null, 'undone by'),
    undoneAt: iso(undoneAt),
  };
}

export class Neo4jMerges {
  constructor(private readonly executor: Executor) {}

  resolutionPersons(): Promise<ResolutionPerson[]> {
    return this.executor.read(async (q) => {
      const out: ResolutionPerson[] = [];
      await q.each('resolution-persons', {}, (r) => {
        const ids = r.get('ids') as string[];
        const kinds = r.get('kinds') as string[];
        const schemes = r.get('schemes') as string[];
        out.push({
          id: text(r.get('id'), 'person id'),
          props: props(r.get('props'), 'person props'),
          identifiers: ids.map((id, i) => ({
            id,
            kind: kinds[i] as EntityKind,
            scheme: schemes[i] as Scheme,
          })),
        });
      });
      return out;
    });
  }

  merge(m: MergeRequest): Promise<MergeView> {
    return this.executor.write(async (q) => {
      if (m.survivorId === m.absorbedId)
        throw new CaseGraphError('MERGE.CONFLICT', 'a person cannot be merged into itself');
      const version = await nextVersion(q, m.at);
      await requirePerson(q, m.survivorId, 'person kept');
      await requirePerson(q, m.absorbedId, 'person merged into it');
      const [c] = await q.all('merge-conflicts', { survivorId: m.survivorId, absorbedId: m.absorbedId });
      if (c && safeInt(c.get('links'), 'links between') > 0)
        throw new CaseGraphError(
          'MERGE.CONFLICT',
          'the two persons are linked to each other: the evidence records them as two people',
        );
      if (c && safeInt(c.get('sharedRows'), 'shared rows') > 0)
        throw new CaseGraphError(
          'MERGE.CONFLICT',
          'one row of one document names both persons: the evidence records them as two people',
        );
      const [s] = await q.all('person-snapshot', { id: m.absorbedId });
      const node = s!.get('b') as Node;
      const journal: Journal = {
        entity: Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, toStored(v)])),
        facts: (s!.get('facts') as { documentId: string | null; ref: string | null }[])
          .filter((f): f is { documentId: string; ref: string } => f.documentId !== null && f.ref !== null)
          .sort((a, b) => a.documentId.localeCompare(b.documentId) || a.ref.localeCompare(b.ref)),
        linksFrom: s!.get('linksFrom') as string[],
        linksTo: s!.get('linksTo') as string[],
      };
      const v = toNeo4jInt(version);
      const move = { fromId: m.absorbedId, toId: m.survivorId };
      await q.all('move-entity-facts', { ...move, facts: journal.facts });
      await q.all('move-links-out', { ...move, ids: journal.linksFrom, version: v });
      await q.all('move-links-in', { ...move, ids: journal.linksTo, version: v });
      await q.all('touch-entity', { id: m.survivorId, version: v });
      await q.all('remove-entity', { id: m.absorbedId, version: v });
      const merge = {
        id: m.id,
        survivorId: m.survivorId,
        absorbedId: m.absorbedId,
        decidedBy: m.decidedBy,
        decidedAt: toNeo4jInt(m.at.getTime()),
        journal: JSON.stringify(journal),
      };
      await q.all('create-merge', { merge });
      return {
        id: m.id,
        survivorId: m.survivorId,
        absorbedId: m.absorbedId,
        decidedBy: m.decidedBy,
        decidedAt: m.at.toISOString(),
        undoneBy: null,
        undoneAt: null,
      };
    });
  }

  undo(id: string, by: { undoneBy: string; at: Date }): Promise<MergeView> {
    return this.executor.write(async (q) => {
      const version = await nextVersion(q, by.at);
      const [r] = await q.all('merge-by-id', { id });
      if (!r) throw new CaseGraphError('MERGE.NOT_FOUND', `no merge ${id}`);
      const node = r.get('m') as Node;
      const merge = toMergeView(node);
      if (merge.undoneAt !== null)
        throw new CaseGraphError('MERGE.CONFLICT', `merge ${id} is undone already`);
      if (!(await q.all('entity-by-id', { id: merge.survivorId })).length)
        throw new CaseGraphError(
          'MERGE.CONFLICT',
          `the person kept by merge ${id} has been merged into another since: undo that merge first`,
        );
      if ((await q.all('entity-by-id', { id: merge.absorbedId })).length)
        throw new CaseGraphError(
          'MERGE.CONFLICT',
          `the person merged by ${id} has been stated again by new evidence since; merge the two again instead`,
        );
      const journal = JOURNAL.parse(JSON.parse(text(node.properties.journal, 'merge journal')));
      const v = toNeo4jInt(version);
      const entity = Object.fromEntries(Object.entries(journal.entity).map(([k, x]) => [k, fromStored(x)]));
      await q.all('restore-entity', { entity: { ...entity, version: v } });
      const move = { fromId: merge.survivorId, toId: merge.absorbedId };
      await q.all('move-entity-facts', { ...move, facts: journal.facts });
      await q.all('move-links-out', { ...move, ids: journal.linksFrom, version: v });
      await q.all('move-links-in', { ...move, ids: journal.linksTo, version: v });
      await q.all('touch-entity', { id: merge.survivorId, version: v });
      await q.all('mark-merge-undone', { id, undoneBy: by.undoneBy, at: toNeo4jInt(by.at.getTime()) });
      return { ...merge, undoneBy: by.undoneBy, undoneAt: by.at.toISOString() };
    });
  }

  get(id: string): Promise<MergeView | null> {
    return this.executor.read(async (q) => {
      const [r] = await q.all('merge-by-id', { id });
      return r ? toMergeView(r.get('m') as Node) : null;
    });
  }

  markNotSame(d: NotSameDecision): Promise<void> {
    return this.executor.write(async (q) => {
      await q.all('mark-not-same', {
        pair: pairKey(d.a, d.b),
        decidedBy: d.decidedBy,
        at: toNeo4jInt(d.at.getTime()),
      });
    });
  }

  notSamePairs(): Promise<Set<string>> {
    return this.executor.read(async (q) => {
      const records = await q.all('not-same-pairs', {});
      return new Set(records.map((r) => text(r.get('pair'), 'pair')));
    });
  }
}

async function requirePerson(q: QueryRunner, id: string, role: string): Promise<void> {
  const [r] = await q.all('entity-by-id', { id });
  if (!r) throw new CaseGraphError('ENTITY.NOT_FOUND', `no entity ${id} (the ${role})`);
  const kind = text((r.get('e') as Node).properties.kind, 'kind');
  if (kind !== 'person')
    throw new CaseGraphError('MERGE.NOT_PERSON', `${id} (the ${role}) is a ${kind}, not a person`);
}

/** Takes the graph's lock and the next graph version, as every write of the graph does. */
async function nextVersion(q: QueryRunner, at: Date): Promise<number> {
  const [m] = await q.all('lock-graph', { at: toNeo4jInt(at.getTime()) });
  if (!m) throw new Error('the Neo4j database has no graph counters: the schema step did not run');
  const version = safeInt(m.get('version'), 'graph version') + 1;
  await q.all('save-graph-counters', {
    version: toNeo4jInt(version),
    entitySeq: m.get('entitySeq') as Integer,
    linkSeq: m.get('linkSeq') as Integer,
    documentSeq: m.get('documentSeq') as Integer,
    occurrenceSeq: m.get('occurrenceSeq') as Integer,
  });
  return version;
}
