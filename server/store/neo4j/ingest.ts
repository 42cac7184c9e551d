/**
 * The write path on Neo4j. A batch is one managed write transaction (all-or-nothing, retried by the
 * driver on transient failures); a group of batches from an import shares one, each batch still checked
 * whole before it writes anything, so a refused batch leaves no trace and the others go in — as on the
 * embedded store. What the store already holds of a batch's entities, links and occurrences is read
 * first, the outcome of each fact decided here with the domain's own rules (merging properties, labels,
 * search text), and the result written as `UNWIND … MERGE` in chunks of a configurable size.
 *
 * Every write transaction starts by locking the graph's Meta node (cypher/lock-graph.cypher), so writers
 * on several instances queue: the version counter and the sequence numbers never race, and what was
 * read at the start of a batch is still true when it is written.
 */
import { CaseGraphError } from '../../domain/errors.js';
import { occurrenceId } from '../../domain/ids.js';
import type { EntityKind } from '../../domain/kinds.js';
import { entityLabel, searchText } from '../../domain/labels.js';
import type { NormalisedBatch, NormalisedLink } from '../../domain/normalise-batch.js';
import { mergeProps, type Props } from '../../domain/props.js';
import type { IngestCounts } from '../../domain/views.js';
import type { IngestContext, IngestOutcome } from '../graph-store.js';
import { checkDocument, checkEnds, countOutcomes } from '../batch-checks.js';
import type { Executor, QueryRunner } from './executor.js';
import { props, propsText, safeInt, safeIntOrNull, text, textOrNull, toNeo4jInt } from './map-records.js';
import type { QueryName, QueryParams } from './queries.js';
import { indexedText } from './search-text.js';

/** Integers go to Neo4j as its 64-bit integers, not as the floats a JavaScript number would become. */
const int = (n: number) => toNeo4jInt(n);
const intOrNull = (n: number | null | undefined) => (n === null || n === undefined ? null : int(n));

/** An import's transaction takes as long as its batches need: it is not held to the transaction timeout. */
const LONG = { long: true } as const;

interface Counters {
  version: number;
  entitySeq: number;
  linkSeq: number;
  documentSeq: number;
  occurrenceSeq: number;
}

interface KnownEntity {
  kind: EntityKind;
  scheme: string;
  key: string;
  display: string;
  props: Props;
  /** Rows of this batch's document already on record for it. */
  refs: Set<string>;
  /** Set when new in this batch: its sequence number. */
  seq?: number;
  dirty: boolean;
}

interface KnownLink {
  link: NormalisedLink;
  props: Props;
  count: number;
  durationS: number;
  amountPaise: number;
  firstAt: number | null;
  lastAt: number | null;
  refs: Set<string>;
  seq?: number;
  dirty: boolean;
}

const emptyCounts = (): IngestCounts => ({
  entities: { created: 0, updated: 0, unchanged: 0 },
  links: { created: 0, updated: 0, unchanged: 0 },
  occurrences: { created: 0, unchanged: 0 },
  version: 0,
});

/** A person the law protects for their age: flagged at write time so the protection query can index it. */
function isMinor(kind: EntityKind, p: Props): boolean {
  return kind === 'person' && (p.minor === true || (typeof p.age === 'number' && p.age < 18));
}

export class Neo4jIngest {
  constructor(
    private readonly executor: Executor,
    /** Rows per UNWIND statement: large enough to amortise a round trip, small enough for the heap. */
    private readonly batchSize: number,
  ) {
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new RangeError(`Neo4j batch size must be a positive integer, not ${batchSize}`);
  }

  ingest(batch: NormalisedBatch, ctx: IngestContext): Promise<IngestCounts> {
    return this.executor.write(async (q) => {
      const counters = await lock(q, ctx.importedAt.getTime());
      const counts = await this.write(q, batch, ctx, counters);
      await save(q, counters);
      return counts;
    }, LONG);
  }

  ingestMany(batches: NormalisedBatch[], ctx: IngestContext): Promise<IngestOutcome[]> {
    return this.executor.write(async (q) => {
      const counters = await lock(q, ctx.importedAt.getTime());
      const outcomes: IngestOutcome[] = [];
      for (const batch of batches) {
        try {
          outcomes.push({ ok: true, counts: await this.write(q, batch, ctx, counters) });
        } catch (error) {
          // Refusals are raised by check(), before the batch writes anything; anything else aborts all.
          if (error instanceof CaseGraphError) outcomes.push({ ok: false, error });
          else throw error;
        }
      }
      await save(q, counters);
      return outcomes;
    }, LONG);
  }

  /** Runs a write query over rows in chunks of the batch size. */
  private async chunked<Q extends QueryName>(
    q: QueryRunner,
    name: Q,
    rows: unknown[],
    params: Omit<QueryParams<Q>, 'rows'>,
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += this.batchSize)
      await q.all(name, { ...params, rows: rows.slice(i, i + this.batchSize) } as QueryParams<Q>);
  }

  private async check(q: QueryRunner, batch: NormalisedBatch): Promise<{ documentKnown: boolean }> {
    const [doc] = await q.all('document-by-id', { id: batch.document.id });
    checkDocument(
      doc && {
        type: text(doc.get('type'), 'document type'),
        source_grade: text(doc.get('sourceGrade'), 'document grading'),
        info_grade: text(doc.get('infoGrade'), 'document grading'),
        case_id: textOrNull(doc.get('caseId'), 'document case'),
      },
      batch,
    );
    const declared = new Set(batch.entities.map((e) => e.id));
    const named = new Set<string>();
    if (batch.document.caseId && !declared.has(batch.document.caseId)) named.add(batch.document.caseId);
    for (const l of batch.links) for (const id of [l.fromId, l.toId]) if (!declared.has(id)) named.add(id);
    const inStore = new Set<string>();
    if (named.size)
      for (const r of await q.all('existing-entities', { ids: [...named] }))
        inStore.add(text(r.get('id'), 'entity id'));
    checkEnds(batch, (id) => inStore.has(id));
    return { documentKnown: doc !== undefined };
  }

  private async write(
    q: QueryRunner,
    batch: NormalisedBatch,
    ctx: IngestContext,
    counters: Counters,
  ): Promise<IngestCounts> {
    const { documentKnown } = await this.check(q, batch);
    const at = ctx.importedAt.getTime();
    const next = counters.version + 1;
    const documentId = batch.document.id;
    const counts = emptyCounts();
    // Sequence numbers are taken from a copy, kept only if the batch is written whole.
    const seq = { ...counters };

    if (!documentKnown) {
      const d = batch.document;
      await q.all('merge-document', {
        at: int(at),
        document: {
          id: d.id,
          sha256: d.sha256,
          name: d.name,
          type: d.type,
          sourceGrade: d.grading.source,
          infoGrade: d.grading.information,
          caseId: d.caseId ?? null,
          receivedFrom: d.receivedFrom ?? null,
          seq: int(++seq.documentSeq),
        },
      });
    }

    // Entities.
    const entities = new Map<string, KnownEntity>();
    const entityIds = [...new Set(batch.entities.map((e) => e.id))];
    for (let i = 0; i < entityIds.length; i += this.batchSize) {
      const ids = entityIds.slice(i, i + this.batchSize);
      for (const r of await q.all('entities-to-merge', { ids, documentId })) {
        const id = text(r.get('id'), 'entity id');
        entities.set(id, {
          kind: text(r.get('kind'), `kind of ${id}`) as EntityKind,
          scheme: '',
          key: '',
          display: text(r.get('display'), `key of ${id}`),
          props: props(r.get('props'), `properties of ${id}`),
          refs: new Set((r.get('refs') as unknown[]).map((x) => text(x, `row of ${id}`))),
          dirty: false,
        });
      }
    }
    const entityFacts: unknown[] = [];
    countOutcomes(
      batch.entities,
      (e) => {
        const ref = e.ref ?? '';
        const known = entities.get(e.id);
        if (!known) {
          entities.set(e.id, {
            kind: e.kind,
            scheme: e.scheme,
            key: e.key,
            display: e.display,
            props: e.props,
            refs: new Set([ref]),
            seq: ++seq.entitySeq,
            dirty: true,
          });
          entityFacts.push({ id: e.id, ref, props: propsText(e.props) });
          return 'created';
        }
        if (known.refs.has(ref)) return 'unchanged';
        // A statement already on record says nothing new; only a new one is merged (see sqlite/ingest.ts).
        known.refs.add(ref);
        entityFacts.push({ id: e.id, ref, props: propsText(e.props) });
        const { merged, changed } = mergeProps(known.props, e.props);
        if (changed) {
          known.props = merged;
          known.dirty = true;
        }
        return 'updated';
      },
      counts.entities,
      batch.distinctIds,
    );

    // Links and their occurrences.
    const links = new Map<string, KnownLink>();
    const firstOf = new Map<string, NormalisedLink>();
    for (const l of batch.links) if (!firstOf.has(l.id)) firstOf.set(l.id, l);
    const linkIds = [...firstOf.keys()];
    for (let i = 0; i < linkIds.length; i += this.batchSize) {
      const ids = linkIds.slice(i, i + this.batchSize);
      for (const r of await q.all('links-to-merge', { ids, documentId })) {
        const id = text(r.get('id'), 'link id');
        links.set(id, {
          link: firstOf.get(id)!,
          props: props(r.get('props'), `properties of ${id}`),
          count: safeInt(r.get('count'), `occurrence count of ${id}`),
          durationS: safeInt(r.get('durationS'), `duration of ${id}`),
          amountPaise: safeInt(r.get('amountPaise'), `amount of ${id}`),
          firstAt: safeIntOrNull(r.get('firstAt'), `first time of ${id}`),
          lastAt: safeIntOrNull(r.get('lastAt'), `last time of ${id}`),
          refs: new Set((r.get('refs') as unknown[]).map((x) => text(x, `row of ${id}`))),
          dirty: false,
        });
      }
    }
    const occurrenceRefs = new Map<string, Set<string>>();
    const occurrenceIds = [
      ...new Set(
        batch.links.flatMap((l) =>
          l.occurrences.map((o) => occurrenceId(l.id, o.at, o.durationS, o.amountPaise, o.txnRef)),
        ),
      ),
    ];
    for (let i = 0; i < occurrenceIds.length; i += this.batchSize) {
      const ids = occurrenceIds.slice(i, i + this.batchSize);
      for (const r of await q.all('occurrences-to-merge', { ids, documentId })) {
        const id = text(r.get('id'), 'occurrence id');
        occurrenceRefs.set(id, new Set((r.get('refs') as unknown[]).map((x) => text(x, `row of ${id}`))));
      }
    }

    const linkFacts: unknown[] = [];
    const occurrenceRows: unknown[] = [];
    countOutcomes(
      batch.links,
      (l) => {
        const ref = l.ref ?? '';
        let known = links.get(l.id);
        let outcome: 'created' | 'updated' | 'unchanged';
        if (!known) {
          known = {
            link: l,
            props: l.props,
            count: 0,
            durationS: 0,
            amountPaise: 0,
            firstAt: null,
            lastAt: null,
            refs: new Set([ref]),
            seq: ++seq.linkSeq,
            dirty: true,
          };
          links.set(l.id, known);
          linkFacts.push({ linkId: l.id, ref, props: propsText(l.props) });
          outcome = 'created';
        } else if (!known.refs.has(ref)) {
          known.refs.add(ref);
          linkFacts.push({ linkId: l.id, ref, props: propsText(l.props) });
          const { merged, changed } = mergeProps(known.props, l.props);
          if (changed) {
            known.props = merged;
            known.dirty = true;
          }
          outcome = 'updated';
        } else outcome = 'unchanged';

        let news = false;
        for (const occ of l.occurrences) {
          const id = occurrenceId(l.id, occ.at, occ.durationS, occ.amountPaise, occ.txnRef);
          const oref = occ.ref ?? '';
          const refs = occurrenceRefs.get(id);
          if (refs) {
            counts.occurrences.unchanged++;
            if (refs.has(oref)) continue;
            refs.add(oref);
          } else {
            occurrenceRefs.set(id, new Set([oref]));
            counts.occurrences.created++;
            known.count++;
            known.durationS += occ.durationS ?? 0;
            known.amountPaise += occ.amountPaise ?? 0;
            known.firstAt = Math.min(known.firstAt ?? occ.at, occ.at);
            known.lastAt = Math.max(known.lastAt ?? occ.at, occ.endAt ?? occ.at);
            known.dirty = true;
          }
          news = true;
          occurrenceRows.push({
            id,
            linkId: l.id,
            at: int(occ.at),
            endAt: intOrNull(occ.endAt),
            durationS: intOrNull(occ.durationS),
            amountPaise: intOrNull(occ.amountPaise),
            txnRef: occ.txnRef ?? null,
            props: propsText(occ.props),
            ref: oref,
            seq: int(++seq.occurrenceSeq),
          });
        }
        return outcome === 'unchanged' && news ? 'updated' : outcome;
      },
      counts.links,
      batch.distinctIds,
    );

    const changed =
      counts.entities.created +
        counts.entities.updated +
        counts.links.created +
        counts.links.updated +
        counts.occurrences.created >
      0;
    counts.version = changed ? next : counters.version;
    if (!changed) {
      // A new document that says nothing new is still on record, with its sequence number.
      Object.assign(counters, seq, { version: counters.version });
      return counts;
    }

    const version = int(next);
    const atInt = int(at);
    const entityRows = [...entities.entries()]
      .filter(([, e]) => e.dirty)
      .map(([id, e]) => {
        const label = entityLabel(e.kind, e.display, e.props);
        return {
          id,
          kind: e.kind,
          scheme: e.scheme,
          key: e.key,
          display: e.display,
          seq: e.seq === undefined ? null : int(e.seq),
          props: propsText(e.props),
          label,
          search: indexedText(searchText(e.kind, e.display, label, e.props)),
          minor: isMinor(e.kind, e.props),
        };
      });
    await this.chunked(q, 'merge-entities', entityRows, { at: atInt, version });
    await this.chunked(q, 'merge-entity-facts', entityFacts, {
      at: atInt,
      documentId,
      importedBy: batch.importedBy,
    });
    const linkRow = (l: KnownLink) => ({
      id: l.link.id,
      fromId: l.link.fromId,
      toId: l.link.toId,
      kind: l.link.kind,
      qualifier: l.link.qualifier,
      seq: l.seq === undefined ? null : int(l.seq),
      props: propsText(l.props),
      count: int(l.count),
      durationS: int(l.durationS),
      amountPaise: int(l.amountPaise),
      firstAt: intOrNull(l.firstAt),
      lastAt: intOrNull(l.lastAt),
    });
    const dirty = [...links.values()].filter((l) => l.dirty);
    await this.chunked(q, 'merge-links', dirty.filter((l) => l.seq !== undefined).map(linkRow), {
      at: atInt,
      version,
    });
    await this.chunked(q, 'update-links', dirty.filter((l) => l.seq === undefined).map(linkRow), {
      at: atInt,
      version,
    });
    await this.chunked(q, 'merge-link-facts', linkFacts, {
      at: atInt,
      documentId,
      importedBy: batch.importedBy,
    });
    await this.chunked(q, 'merge-occurrences', occurrenceRows, {
      at: atInt,
      documentId,
      importedBy: batch.importedBy,
    });
    Object.assign(counters, seq, { version: next });
    return counts;
  }
}

async function lock(q: QueryRunner, at: number): Promise<Counters> {
  const [m] = await q.all('lock-graph', { at: int(at) });
  if (!m)
    throw new Error(
      'the Neo4j database has no graph counters: the schema step did not run (see README, Neo4j)',
    );
  return {
    version: safeInt(m.get('version'), 'graph version'),
    entitySeq: safeInt(m.get('entitySeq'), 'entity sequence'),
    linkSeq: safeInt(m.get('linkSeq'), 'link sequence'),
    documentSeq: safeInt(m.get('documentSeq'), 'document sequence'),
    occurrenceSeq: safeInt(m.get('occurrenceSeq'), 'occurrence sequence'),
  };
}

async function save(q: QueryRunner, c: Counters): Promise<void> {
  await q.all('save-graph-counters', {
    version: int(c.version),
    entitySeq: int(c.entitySeq),
    linkSeq: int(c.linkSeq),
    documentSeq: int(c.documentSeq),
    occurrenceSeq: int(c.occurrenceSeq),
  });
}
