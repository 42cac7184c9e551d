/**
 * An in-memory model of what each graph query of cypher/ does, written from the query files, so that the
 * adapter's own logic — what ingest decides and counts, how reads are assembled, traversal, protection —
 * can run the GraphStore contract suite without a server. It is not Neo4j and says nothing about whether
 * Neo4j runs the Cypher as modelled here: that is what test/neo4j-store.test.ts checks against a live
 * server, and test/neo4j-cypher.test.ts with Neo4j's parser. Answers are built with the driver's own
 * classes, integers as neo4j Integers, as a server would send them.
 */
import neo4j, { Neo4jError, Record } from 'neo4j-driver';
import type { Answers, Transactions } from './fake-neo4j.js';

const { Node, Relationship, Path, PathSegment } = neo4j.types;
type Props = { [key: string]: unknown };
type P = { [key: string]: unknown };

/** Values as Neo4j would store them: Integers as plain numbers inside the model. */
function stored(value: unknown): unknown {
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  return value;
}
/** And as Neo4j would send them back: whole numbers as Integers. */
function sent(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(sent);
  return value;
}
const sentProps = (p: Props): Props =>
  Object.fromEntries(
    Object.entries(p)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, sent(v)]),
  );
/** SET n.x = null removes x; SET n += map likewise. */
function setAll(target: Props, values: Props): void {
  for (const [k, v] of Object.entries(values)) {
    const s = stored(v);
    if (s === null || s === undefined) delete target[k];
    else target[k] = s;
  }
}

interface State {
  meta: Props | null;
  documents: Map<string, Props>;
  entities: Map<string, Props>;
  /** key: entityId|documentId|ref */
  entityFacts: Map<string, Props>;
  links: Map<string, Props>;
  linkFacts: Map<string, Props>;
  occurrences: Map<string, Props>;
  /** key: occurrenceId|documentId|ref */
  occurrenceSources: Map<string, Props>;
  pseudonyms: Map<string, Props>;
  merges: Map<string, Props>;
  /** Removed markers: entity id to the version it was removed at. */
  removed: Map<string, Props>;
  notSame: Map<string, Props>;
  alerts: Map<string, Props>;
  /** key: userId|entityId */
  watches: Map<string, Props>;
}

const empty = (): State => ({
  meta: null,
  documents: new Map(),
  entities: new Map(),
  entityFacts: new Map(),
  links: new Map(),
  linkFacts: new Map(),
  occurrences: new Map(),
  occurrenceSources: new Map(),
  pseudonyms: new Map(),
  merges: new Map(),
  removed: new Map(),
  notSame: new Map(),
  alerts: new Map(),
  watches: new Map(),
});

function copy(s: State): State {
  const m = <V extends Props>(map: Map<string, V>) => new Map([...map].map(([k, v]) => [k, { ...v }]));
  return {
    meta: s.meta && { ...s.meta },
    documents: m(s.documents),
    entities: m(s.entities),
    entityFacts: m(s.entityFacts),
    links: m(s.links),
    linkFacts: m(s.linkFacts),
    occurrences: m(s.occurrences),
    occurrenceSources: m(s.occurrenceSources),
    pseudonyms: m(s.pseudonyms),
    merges: m(s.merges),
    removed: m(s.removed),
    notSame: m(s.notSame),
    alerts: m(s.alerts),
    watches: m(s.watches),
  };
}

const num = (v: unknown) => v as number;
const record = (fields: { [key: string]: unknown }) => new Record(Object.keys(fields), Object.values(fields));

export function neo4jModel(): { answers: Answers; transactions: Transactions; state: () => State } {
  let s = empty();
  let identity = 0;
  const identities = new Map<string, number>();
  const idOf = (key: string) => {
    if (!identities.has(key)) identities.set(key, ++identity);
    return identities.get(key)!;
  };
  const entityNode = (id: string) =>
    new Node(neo4j.int(idOf(id)), ['Entity'], sentProps(s.entities.get(id)!), `e:${id}`);
  const documentNode = (id: string) =>
    new Node(neo4j.int(idOf(id)), ['Document'], sentProps(s.documents.get(id)!), `d:${id}`);
  const linkRel = (id: string) => {
    const l = s.links.get(id)!;
    const { from, to, ...props } = l;
    return new Relationship(
      neo4j.int(idOf(id)),
      neo4j.int(idOf(from as string)),
      neo4j.int(idOf(to as string)),
      'LINK',
      sentProps(props),
      `l:${id}`,
      `e:${from as string}`,
      `e:${to as string}`,
    );
  };
  const linkRecord = (id: string) => {
    const l = s.links.get(id)!;
    return record({ l: linkRel(id), from: l.from, to: l.to });
  };
  const bySeq = (a: Props, b: Props) => num(a.seq) - num(b.seq);
  const sortedLinks = () => [...s.links.values()].sort(bySeq);
  const factRecord = (f: Props) =>
    record({
      ref: f.ref,
      props: f.props,
      importedBy: f.importedBy,
      importedAt: sent(f.importedAt),
      d: documentNode(f.documentId as string),
    });
  const factOrder = (a: Props, b: Props) =>
    num(a.importedAt) - num(b.importedAt) ||
    num(s.documents.get(a.documentId as string)!.seq) - num(s.documents.get(b.documentId as string)!.seq) ||
    String(a.ref).localeCompare(String(b.ref));
  const rows = (p: P) => p.rows as Props[];
  const watchRecord = (w: Props) =>
    record({
      w: new Node(neo4j.int(idOf(`w:${String(w.userId)}|${String(w.entityId)}`)), ['Watch'], sentProps(w)),
    });
  const ids = (p: P) => p.ids as string[];
  /** The alerts that pass, newest first, up to the query's limit (case-alerts, watch-alerts). */
  const newestAlerts = (p: P, keep: (a: Props) => boolean) =>
    [...s.alerts.values()]
      .filter(keep)
      .sort((a, b) => num(b.raisedAt) - num(a.raisedAt) || String(a.id).localeCompare(String(b.id)))
      .slice(0, stored(p.limit) as number)
      .map((a) => record({ a: new Node(neo4j.int(idOf(`a:${String(a.id)}`)), ['CaseAlert'], sentProps(a)) }));
  const counters = ['version', 'entitySeq', 'linkSeq', 'documentSeq', 'occurrenceSeq'];

  /** The named links at one end of a person, moved to another person under the same id. */
  const moveLinks = (p: P, end: 'from' | 'to') => {
    if (!s.entities.has(p.toId as string)) return [];
    for (const l of s.links.values())
      if (l[end] === p.fromId && ids(p).includes(l.id as string))
        setAll(l, { [end]: p.toId, version: p.version });
    return [];
  };

  const answers: Answers = {
    // --- start-up
    'init-graph-meta': () => {
      s.meta ??= { version: 0, entitySeq: 0, linkSeq: 0, documentSeq: 0, occurrenceSeq: 0 };
      return [];
    },
    'init-audit-head': () => [],
    'await-indexes': () => [],
    // --- writes
    'lock-graph': () =>
      s.meta ? [record(Object.fromEntries(counters.map((k) => [k, sent(s.meta![k])])))] : [],
    'save-graph-counters': (p) => {
      setAll(s.meta!, p as Props);
      return [];
    },
    'document-by-id': (p) => {
      const d = s.documents.get(p.id as string);
      return d
        ? [
            record({
              type: d.type,
              sourceGrade: d.sourceGrade,
              infoGrade: d.infoGrade,
              caseId: d.caseId ?? null,
            }),
          ]
        : [];
    },
    'merge-document': (p) => {
      const d = p.document as Props;
      if (!s.documents.has(d.id as string)) {
        const doc: Props = {};
        setAll(doc, { ...d, firstImportedAt: p.at });
        s.documents.set(d.id as string, doc);
      }
      return [];
    },
    'existing-entities': (p) =>
      ids(p)
        .filter((id) => s.entities.has(id))
        .map((id) => record({ id })),
    'entities-to-merge': (p) =>
      ids(p)
        .filter((id) => s.entities.has(id))
        .map((id) => {
          const e = s.entities.get(id)!;
          const refs = [...s.entityFacts.values()]
            .filter((f) => f.entityId === id && f.documentId === p.documentId)
            .map((f) => f.ref);
          return record({ id, kind: e.kind, display: e.display, props: e.props, refs });
        }),
    'merge-entities': (p) => {
      for (const row of rows(p)) {
        let e = s.entities.get(row.id as string);
        if (!e) {
          e = {};
          setAll(e, {
            id: row.id,
            kind: row.kind,
            scheme: row.scheme,
            key: row.key,
            display: row.display,
            seq: row.seq,
            createdAt: p.at,
          });
          s.entities.set(row.id as string, e);
        }
        setAll(e, {
          props: row.props,
          label: row.label,
          search: row.search,
          minor: row.minor,
          updatedAt: p.at,
          version: p.version,
        });
      }
      return [];
    },
    'merge-entity-facts': (p) => {
      if (!s.documents.has(p.documentId as string)) return [];
      for (const row of rows(p)) {
        if (!s.entities.has(row.id as string)) continue;
        const key = `${row.id as string}|${p.documentId as string}|${row.ref as string}`;
        if (!s.entityFacts.has(key))
          s.entityFacts.set(key, {
            entityId: row.id,
            documentId: p.documentId,
            ref: row.ref,
            props: row.props,
            importedBy: p.importedBy,
            importedAt: stored(p.at),
          });
      }
      return [];
    },
    'links-to-merge': (p) =>
      ids(p)
        .filter((id) => s.links.has(id))
        .map((id) => {
          const l = s.links.get(id)!;
          const refs = [...s.linkFacts.values()]
            .filter((f) => f.linkId === id && f.documentId === p.documentId)
            .map((f) => f.ref);
          return record({
            id,
            props: l.props,
            count: sent(l.count),
            durationS: sent(l.durationS),
            amountPaise: sent(l.amountPaise),
            firstAt: sent(l.firstAt ?? null),
            lastAt: sent(l.lastAt ?? null),
            refs,
          });
        }),
    'occurrences-to-merge': (p) =>
      ids(p)
        .filter((id) => s.occurrences.has(id))
        .map((id) =>
          record({
            id,
            refs: [...s.occurrenceSources.values()]
              .filter((o) => o.occurrenceId === id && o.documentId === p.documentId)
              .map((o) => o.ref),
          }),
        ),
    'merge-links': (p) => {
      for (const row of rows(p)) {
        if (!s.entities.has(row.fromId as string) || !s.entities.has(row.toId as string)) continue;
        let l = s.links.get(row.id as string);
        if (!l) {
          l = {};
          setAll(l, {
            id: row.id,
            from: row.fromId,
            to: row.toId,
            kind: row.kind,
            qualifier: row.qualifier,
            seq: row.seq,
            createdAt: p.at,
          });
          s.links.set(row.id as string, l);
        } else if (l.from !== row.fromId || l.to !== row.toId) {
          throw new Error(`model: MERGE would make a second LINK with id ${row.id as string}`);
        }
        const { id: _id, fromId: _f, toId: _t, kind: _k, qualifier: _q, seq: _s, ...rest } = row;
        setAll(l, { ...rest, updatedAt: p.at, version: p.version });
      }
      return [];
    },
    'update-links': (p) => {
      for (const row of rows(p)) {
        const l = s.links.get(row.id as string);
        if (!l) continue;
        const { id: _id, fromId: _f, toId: _t, kind: _k, qualifier: _q, seq: _s, ...rest } = row;
        setAll(l, { ...rest, updatedAt: p.at, version: p.version });
      }
      return [];
    },
    'merge-link-facts': (p) => {
      if (!s.documents.has(p.documentId as string)) return [];
      for (const row of rows(p)) {
        const key = `${row.linkId as string}|${p.documentId as string}|${row.ref as string}`;
        if (!s.linkFacts.has(key))
          s.linkFacts.set(key, {
            linkId: row.linkId,
            documentId: p.documentId,
            ref: row.ref,
            props: row.props,
            importedBy: p.importedBy,
            importedAt: stored(p.at),
          });
      }
      return [];
    },
    'merge-occurrences': (p) => {
      if (!s.documents.has(p.documentId as string)) return [];
      for (const row of rows(p)) {
        const id = row.id as string;
        if (!s.occurrences.has(id)) {
          const o: Props = {};
          const { ref: _r, ...rest } = row;
          setAll(o, rest);
          s.occurrences.set(id, o);
        }
        const key = `${id}|${p.documentId as string}|${row.ref as string}`;
        if (!s.occurrenceSources.has(key))
          s.occurrenceSources.set(key, {
            occurrenceId: id,
            documentId: p.documentId,
            ref: row.ref,
            importedBy: p.importedBy,
            importedAt: stored(p.at),
          });
      }
      return [];
    },
    // --- reads
    'graph-version': () => (s.meta ? [record({ version: sent(s.meta.version) })] : []),
    'count-graph': () =>
      s.meta
        ? [
            record({
              version: sent(s.meta.version),
              entities: neo4j.int(s.entities.size),
              links: neo4j.int(s.links.size),
              occurrences: neo4j.int(s.occurrences.size),
              documents: neo4j.int(s.documents.size),
            }),
          ]
        : [],
    'entity-by-id': (p) => {
      const id = p.id as string;
      if (!s.entities.has(id)) return [];
      const degree = [...s.links.values()].filter((l) => l.from === id || l.to === id).length;
      return [record({ e: entityNode(id), degree: neo4j.int(degree) })];
    },
    'entity-provenance': (p) =>
      [...s.entityFacts.values()]
        .filter((f) => f.entityId === p.id)
        .sort(factOrder)
        .map(factRecord),
    // --- the investigator's case work
    'document-view': (p) =>
      s.documents.has(p.id as string) ? [record({ d: documentNode(p.id as string) })] : [],
    'add-case-alerts': (p) =>
      rows(p).flatMap((row) => {
        if (s.alerts.has(row.id as string)) return [];
        const a: Props = {};
        setAll(a, row);
        s.alerts.set(row.id as string, a);
        return [record({ id: row.id })];
      }),
    'case-alerts': (p) => newestAlerts(p, (a) => a.caseId === p.caseId),
    'watch-alerts': (p) =>
      newestAlerts(
        p,
        (a) =>
          a.caseId === p.caseId && a.kind === 'watch' && a.entityId === p.entityId && a.userId === p.userId,
      ),
    'merge-watch': (p) => {
      const w = p.watch as Props;
      const key = `${String(w.userId)}|${String(w.entityId)}`;
      const old = s.watches.get(key);
      s.watches.set(key, {
        ...(old ?? { userId: w.userId, entityId: w.entityId, createdAt: stored(w.createdAt) }),
        caseId: w.caseId,
      });
      return [];
    },
    'delete-watch': (p) => {
      const deleted = s.watches.delete(`${String(p.userId)}|${String(p.entityId)}`);
      return [record({ deleted: neo4j.int(deleted ? 1 : 0) })];
    },
    'watches-of-user': (p) =>
      [...s.watches.values()]
        .filter((w) => w.userId === p.userId)
        .sort(
          (a, b) =>
            num(a.createdAt) - num(b.createdAt) || String(a.entityId).localeCompare(String(b.entityId)),
        )
        .map(watchRecord),
    'watches-for-cases': (p) =>
      [...s.watches.values()]
        .filter((w) => (p.caseIds as string[]).includes(w.caseId as string))
        .sort(
          (a, b) =>
            String(a.caseId).localeCompare(String(b.caseId)) ||
            String(a.entityId).localeCompare(String(b.entityId)) ||
            String(a.userId).localeCompare(String(b.userId)),
        )
        .map(watchRecord),
    'watches-on-entities': (p) =>
      [...s.watches.values()]
        .filter((w) => ids(p).includes(w.entityId as string))
        .sort(
          (a, b) =>
            String(a.entityId).localeCompare(String(b.entityId)) ||
            String(a.userId).localeCompare(String(b.userId)),
        )
        .map(watchRecord),
    'entity-cases': (p) => {
      const id = p.id as string;
      if (!s.entities.has(id)) return [];
      const cases = new Set<string>();
      const caseOf = (documentId: unknown) =>
        s.documents.get(documentId as string)?.caseId as string | undefined;
      for (const f of s.entityFacts.values())
        if (f.entityId === id && caseOf(f.documentId)) cases.add(caseOf(f.documentId)!);
      for (const l of s.links.values()) {
        if (l.from !== id && l.to !== id) continue;
        for (const f of s.linkFacts.values())
          if (f.linkId === l.id && caseOf(f.documentId)) cases.add(caseOf(f.documentId)!);
        if (l.kind === 'involves' && l.to === id) cases.add(l.from as string);
      }
      return [...cases].sort().map((caseId) => record({ caseId }));
    },
    'link-by-id': (p) => (s.links.has(p.id as string) ? [linkRecord(p.id as string)] : []),
    'link-provenance': (p) =>
      [...s.linkFacts.values()]
        .filter((f) => f.linkId === p.id)
        .sort(factOrder)
        .map(factRecord),
    'link-occurrences': (p) =>
      [...s.occurrences.values()]
        .filter((o) => o.linkId === p.id)
        .sort((a, b) => num(a.at) - num(b.at) || num(a.seq) - num(b.seq))
        .slice(0, stored(p.limit) as number)
        .map((o) => {
          const sources = [...s.occurrenceSources.values()]
            .filter((x) => x.occurrenceId === o.id)
            .sort(
              (a, b) =>
                num(s.documents.get(a.documentId as string)!.seq) -
                  num(s.documents.get(b.documentId as string)!.seq) ||
                String(a.ref).localeCompare(String(b.ref)),
            )
            .map((x) => ({
              ref: x.ref,
              importedBy: x.importedBy,
              importedAt: sent(x.importedAt),
              document: documentNode(x.documentId as string),
            }));
          return record({
            o: new Node(neo4j.int(idOf(o.id as string)), ['Occurrence'], sentProps(o)),
            sources,
          });
        }),
    'occurrence-span': (p) => {
      const from = stored(p.from) as number | null;
      const to = stored(p.to) as number | null;
      const links = new Set(ids(p));
      const ats = [...s.occurrences.values()]
        .filter((o) => links.has(o.linkId as string))
        .map((o) => num(o.at))
        .filter((at) => (from === null || at >= from) && (to === null || at <= to));
      // An aggregation without grouping keys gives one row, of nulls when nothing matched.
      return [
        record({
          lo: ats.length ? sent(Math.min(...ats)) : null,
          hi: ats.length ? sent(Math.max(...ats)) : null,
          n: neo4j.int(ats.length),
        }),
      ];
    },
    'occurrence-bins': (p) => {
      const [lo, hi, bins] = [stored(p.lo), stored(p.hi), stored(p.bins)] as number[];
      const counts = new Map<string, { kind: string; bin: number; n: number }>();
      for (const id of ids(p)) {
        const link = s.links.get(id);
        if (!link) continue;
        for (const o of s.occurrences.values()) {
          if (o.linkId !== id || num(o.at) < lo! || num(o.at) > hi!) continue;
          // Integer division as Cypher's: truncated.
          const raw = hi === lo ? 0 : Math.trunc(((num(o.at) - lo!) * bins!) / (hi! - lo!));
          const bin = raw >= bins! ? bins! - 1 : raw;
          const key = `${link.kind as string}|${bin}`;
          const c = counts.get(key) ?? { kind: link.kind as string, bin, n: 0 };
          c.n++;
          counts.set(key, c);
        }
      }
      return [...counts.values()]
        .sort((a, b) => a.kind.localeCompare(b.kind) || a.bin - b.bin)
        .map((c) => record({ kind: c.kind, bin: neo4j.int(c.bin), n: neo4j.int(c.n) }));
    },
    'entities-by-ids': (p) =>
      ids(p)
        .filter((id) => s.entities.has(id))
        .map((id) => record({ e: entityNode(id) })),
    'search-entities': (p) => {
      // Lucene: every `word*` must prefix a token of the indexed text.
      const words = (p.query as string).split(' AND ').map((w) => w.slice(0, -1));
      const kinds = p.kinds as string[] | null;
      return [...s.entities.values()]
        .filter((e) => {
          const tokens = String(e.search).split(' ');
          return words.every((w) => tokens.some((t) => t.startsWith(w)));
        })
        .filter((e) => !kinds || kinds.includes(e.kind as string))
        .sort(bySeq)
        .slice(0, stored(p.limit) as number)
        .map((e) => record({ e: entityNode(e.id as string) }));
    },
    'entities-in-order': (p) => {
      const kinds = p.kinds as string[] | null;
      return [...s.entities.values()]
        .filter((e) => !kinds || kinds.includes(e.kind as string))
        .sort(bySeq)
        .slice(0, stored(p.limit) as number)
        .map((e) => record({ e: entityNode(e.id as string) }));
    },
    'links-from': (p) => {
      const from = stored(p.from) as number | null;
      const to = stored(p.to) as number | null;
      const kinds = p.linkKinds as string[] | null;
      const members = new Set(ids(p));
      return sortedLinks()
        .filter((l) => members.has(l.from as string))
        .filter((l) => !kinds || kinds.includes(l.kind as string))
        .filter(
          (l) =>
            l.count === 0 ||
            (from === null && to === null) ||
            [...s.occurrences.values()].some(
              (o) => o.linkId === l.id && num(o.at) >= (from ?? num(o.at)) && num(o.at) <= (to ?? num(o.at)),
            ),
        )
        .map((l) => linkRecord(l.id as string));
    },
    'case-entities': (p) => {
      const rows = new Map<string, { caseId: string; documentSeq: number; e: Props }>();
      for (const caseId of p.caseIds as string[])
        for (const f of s.entityFacts.values()) {
          const d = s.documents.get(f.documentId as string);
          if (d?.caseId !== caseId) continue;
          rows.set(`${caseId}|${num(d.seq)}|${f.entityId as string}`, {
            caseId,
            documentSeq: num(d.seq),
            e: s.entities.get(f.entityId as string)!,
          });
        }
      return [...rows.values()]
        .sort((x, y) => x.documentSeq - y.documentSeq || bySeq(x.e, y.e))
        .map((x) =>
          record({ caseId: x.caseId, documentSeq: sent(x.documentSeq), id: x.e.id, seq: sent(x.e.seq) }),
        );
    },
    'case-links': (p) => {
      const rows = new Map<string, { caseId: string; documentSeq: number; l: Props }>();
      for (const caseId of p.caseIds as string[]) {
        for (const l of s.links.values())
          if (l.kind === 'involves' && l.from === caseId)
            rows.set(`${caseId}|-1|${l.id as string}`, { caseId, documentSeq: -1, l });
        for (const f of s.linkFacts.values()) {
          const d = s.documents.get(f.documentId as string);
          const l = s.links.get(f.linkId as string);
          if (d?.caseId !== caseId || !l) continue;
          rows.set(`${caseId}|${num(d.seq)}|${l.id as string}`, { caseId, documentSeq: num(d.seq), l });
        }
      }
      return [...rows.values()]
        .sort((x, y) => x.documentSeq - y.documentSeq || bySeq(x.l, y.l))
        .map((x) =>
          record({
            caseId: x.caseId,
            documentSeq: sent(x.documentSeq),
            id: x.l.id,
            seq: sent(x.l.seq),
            from: x.l.from,
            to: x.l.to,
          }),
        );
    },
    neighbours: (p) => {
      const kinds = p.linkKinds as string[] | null;
      const out: { seq: number; r: Record }[] = [];
      for (const id of ids(p)) {
        if (!s.entities.has(id)) continue;
        for (const l of s.links.values()) {
          if (kinds && !kinds.includes(l.kind as string)) continue;
          if (l.from !== id && l.to !== id) continue;
          const other = l.from === id ? l.to : l.from;
          const a = entityNode(id);
          const b = entityNode(other as string);
          out.push({
            seq: num(l.seq),
            r: record({ p: new Path(a, b, [new PathSegment(a, linkRel(l.id as string), b)]) }),
          });
        }
      }
      return out.sort((x, y) => x.seq - y.seq).map((x) => x.r);
    },
    'entities-changed-since': (p) =>
      [...s.entities.values()]
        .filter((e) => num(e.version) > (stored(p.version) as number))
        .sort(bySeq)
        .map((e) => record({ e: entityNode(e.id as string) })),
    'links-changed-since': (p) =>
      sortedLinks()
        .filter(
          (l) =>
            num(l.version) > (stored(p.version) as number) && num(l.version) <= (stored(p.bound) as number),
        )
        .map((l) =>
          record({
            l: linkRel(l.id as string),
            from: l.from,
            fromVersion: sent(s.entities.get(l.from as string)!.version),
            to: l.to,
            toVersion: sent(s.entities.get(l.to as string)!.version),
          }),
        ),
    // --- merges of persons
    'resolution-persons': () =>
      [...s.entities.values()]
        .filter((e) => e.kind === 'person')
        .sort(bySeq)
        .map((p) => {
          const xs = sortedLinks()
            .filter((l) => l.from === p.id && ['uses', 'holds', 'seen-at'].includes(l.kind as string))
            .map((l) => s.entities.get(l.to as string)!);
          return record({
            id: p.id,
            props: p.props,
            ids: xs.map((x) => x.id),
            kinds: xs.map((x) => x.kind),
            schemes: xs.map((x) => x.scheme),
          });
        }),
    'merge-conflicts': (p) => {
      const [a, b] = [p.survivorId as string, p.absorbedId as string];
      if (!s.entities.has(a) || !s.entities.has(b)) return [];
      const links = [...s.links.values()].filter(
        (l) => (l.from === a && l.to === b) || (l.from === b && l.to === a),
      ).length;
      const factsOf = (id: string) =>
        [...s.entityFacts.values()]
          .filter((f) => f.entityId === id)
          .map((f) => `${f.documentId as string}|${f.ref as string}`);
      const ofB = new Set(factsOf(b));
      const sharedRows = factsOf(a).filter((k) => ofB.has(k)).length;
      return [record({ links: neo4j.int(links), sharedRows: neo4j.int(sharedRows) })];
    },
    'person-snapshot': (p) => {
      const id = p.id as string;
      if (!s.entities.has(id)) return [];
      const facts = [...s.entityFacts.values()]
        .filter((f) => f.entityId === id)
        .map((f) => ({ documentId: f.documentId, ref: f.ref }));
      const linksFrom = sortedLinks()
        .filter((l) => l.from === id)
        .map((l) => l.id);
      const linksTo = sortedLinks()
        .filter((l) => l.to === id)
        .map((l) => l.id);
      return [record({ b: entityNode(id), facts, linksFrom, linksTo })];
    },
    'move-entity-facts': (p) => {
      const [from, to] = [p.fromId as string, p.toId as string];
      if (!s.entities.has(to)) return [];
      for (const f of p.facts as { documentId: string; ref: string }[]) {
        const key = `${from}|${f.documentId}|${f.ref}`;
        const fact = s.entityFacts.get(key);
        if (!fact) continue;
        s.entityFacts.delete(key);
        s.entityFacts.set(`${to}|${f.documentId}|${f.ref}`, { ...fact, entityId: to });
      }
      return [];
    },
    'move-links-out': (p) => moveLinks(p, 'from'),
    'move-links-in': (p) => moveLinks(p, 'to'),
    'remove-entity': (p) => {
      const id = p.id as string;
      s.entities.delete(id);
      for (const [k, f] of s.entityFacts) if (f.entityId === id) s.entityFacts.delete(k);
      for (const [k, l] of s.links) if (l.from === id || l.to === id) s.links.delete(k);
      const r: Props = { id };
      setAll(r, { version: p.version });
      s.removed.set(id, r);
      return [];
    },
    'restore-entity': (p) => {
      const e: Props = {};
      setAll(e, p.entity as Props);
      s.entities.set(e.id as string, e);
      s.removed.delete(e.id as string);
      return [];
    },
    'touch-entity': (p) => {
      const e = s.entities.get(p.id as string);
      if (e) setAll(e, { version: p.version });
      return [];
    },
    'create-merge': (p) => {
      const m: Props = {};
      setAll(m, p.merge as Props);
      if (s.merges.has(m.id as string)) throw new Error(`model: a second Merge with id ${m.id as string}`);
      s.merges.set(m.id as string, m);
      return [];
    },
    'merge-by-id': (p) => {
      const m = s.merges.get(p.id as string);
      return m
        ? [
            record({
              m: new Node(
                neo4j.int(idOf(`m:${p.id as string}`)),
                ['Merge'],
                sentProps(m),
                `m:${p.id as string}`,
              ),
            }),
          ]
        : [];
    },
    'mark-merge-undone': (p) => {
      const m = s.merges.get(p.id as string);
      if (m) setAll(m, { undoneBy: p.undoneBy, undoneAt: p.at });
      return [];
    },
    'removed-since': (p) =>
      [...s.removed.values()]
        .filter(
          (r) =>
            num(r.version) > (stored(p.version) as number) && num(r.version) <= (stored(p.bound) as number),
        )
        .map((r) => r.id as string)
        .sort()
        .map((id) => record({ id })),
    'mark-not-same': (p) => {
      if (!s.notSame.has(p.pair as string))
        s.notSame.set(p.pair as string, { pair: p.pair, decidedBy: p.decidedBy, decidedAt: stored(p.at) });
      return [];
    },
    'not-same-pairs': () => [...s.notSame.keys()].map((pair) => record({ pair })),
    // --- protection
    'protected-persons': () => {
      const reasons = new Map<string, string[]>();
      const add = (id: string, r: string) => reasons.set(id, [...(reasons.get(id) ?? []), r]);
      for (const l of s.links.values())
        if (l.kind === 'involves' && l.qualifier === 'victim') add(l.to as string, 'victim');
      for (const e of s.entities.values())
        if (e.kind === 'person' && e.minor === true) add(e.id as string, 'minor');
      return [...reasons]
        .map(([id, r]) => ({ e: s.entities.get(id)!, reason: r.includes('victim') ? 'victim' : 'minor' }))
        .sort((a, b) => bySeq(a.e, b.e))
        .map(({ e, reason }) => record({ e: entityNode(e.id as string), reason }));
    },
    'protected-identifiers': (p) => {
      const persons = new Set(ids(p));
      const personOf = new Map<string, Props>();
      const credit = (x: string, person: Props) => {
        if (persons.has(x)) return;
        const known = personOf.get(x);
        if (!known || num(person.seq) < num(known.seq)) personOf.set(x, person);
      };
      const isAddress = (id: string) => {
        const e = s.entities.get(id)!;
        return e.kind === 'location' && e.scheme === 'address';
      };
      const links = [...s.links.values()];
      for (const l of links) {
        if (!persons.has(l.from as string)) continue;
        const person = s.entities.get(l.from as string)!;
        if (['uses', 'holds'].includes(l.kind as string)) credit(l.to as string, person);
        if (l.kind === 'located-at' && isAddress(l.to as string)) credit(l.to as string, person);
        // A record that holds her identity document: the home address it gives is hers.
        if (l.kind !== 'holds' || s.entities.get(l.to as string)!.kind !== 'id-document') continue;
        for (const other of links) {
          const record = other.from as string;
          if (other.kind !== 'holds' || other.to !== l.to || persons.has(record)) continue;
          if (s.entities.get(record)!.kind !== 'person') continue;
          for (const home of links)
            if (home.from === record && home.kind === 'located-at' && isAddress(home.to as string))
              credit(home.to as string, person);
        }
      }
      return [...personOf]
        .map(([id, person]) => ({ x: s.entities.get(id)!, person }))
        .sort((a, b) => bySeq(a.x, b.x))
        .map(({ x, person }) => record({ e: entityNode(x.id as string), personId: person.id }));
    },
    'same-document-persons': (p) => {
      const persons = new Set(ids(p));
      const holders = new Map<string, Props[]>();
      for (const l of s.links.values())
        if (l.kind === 'holds' && s.entities.get(l.to as string)!.kind === 'id-document')
          holders.set(l.to as string, [
            ...(holders.get(l.to as string) ?? []),
            s.entities.get(l.from as string)!,
          ]);
      const personOf = new Map<string, Props>();
      for (const held of holders.values())
        for (const owner of held.filter((h) => persons.has(h.id as string)))
          for (const x of held.filter((h) => h.kind === 'person' && !persons.has(h.id as string))) {
            const known = personOf.get(x.id as string);
            if (!known || num(owner.seq) < num(known.seq)) personOf.set(x.id as string, owner);
          }
      return [...personOf]
        .map(([id, person]) => ({ x: s.entities.get(id)!, person }))
        .sort((a, b) => bySeq(a.x, b.x))
        .map(({ x, person }) => record({ e: entityNode(x.id as string), personId: person.id }));
    },
    pseudonyms: () => [...s.pseudonyms.values()].map((x) => record({ entityId: x.entityId, n: sent(x.n) })),
    'lock-pseudonyms': () => [record({ name: 'pseudonyms' })],
    'assign-pseudonyms': (p) => {
      for (const row of rows(p)) {
        if (s.pseudonyms.has(row.entityId as string)) continue;
        if ([...s.pseudonyms.values()].some((x) => x.n === stored(row.n)))
          throw new Error('model: pseudonym number taken (uniqueness constraint)');
        s.pseudonyms.set(row.entityId as string, {
          entityId: row.entityId,
          n: stored(row.n),
          assignedAt: stored(p.at),
        });
      }
      return [];
    },
  };

  return {
    answers,
    transactions: {
      locking: ['lock-graph', 'lock-pseudonyms'],
      begin: () => copy(s),
      rollback: (saved) => {
        s = saved as State;
      },
    },
    state: () => s,
  };
}

/** The same for the queries of users, sessions, case access and the audit trail. */
export function accessAuditModel(): {
  answers: Answers;
  transactions: Transactions;
  /** The audit entries as stored, to edit by hand as someone with access to the database might. */
  audit: () => Props[];
} {
  interface AccessState {
    users: Map<string, Props>;
    sessions: Map<string, Props>;
    grants: Map<string, Props>;
    failures: Props[];
    audit: Props[];
    head: Props | null;
  }
  let s: AccessState = {
    users: new Map(),
    sessions: new Map(),
    grants: new Map(),
    failures: [],
    audit: [],
    head: null,
  };
  let identity = 0;
  const node = (label: string, p: Props) => new Node(neo4j.int(++identity), [label], sentProps(p));
  const user = (u: Props | undefined) => (u ? [record({ u: node('User', u) })] : []);
  const byName = (key: unknown) => [...s.users.values()].find((u) => u.usernameKey === key);
  const constraint = (what: string) =>
    new Neo4jError(
      `already exists with ${what}`,
      'Neo.ClientError.Schema.ConstraintValidationFailed',
      '',
      '',
    );
  const count = (n: number) => [record({ n: neo4j.int(n) })];
  const answers: Answers = {
    'init-audit-head': (p) => {
      s.head ??= { seq: 0, hash: p.genesis };
      return [];
    },
    'count-users': () => count(s.users.size),
    'create-user': (p) => {
      const u: Props = {};
      setAll(u, p.user as Props);
      if (byName(u.usernameKey)) throw constraint('usernameKey');
      s.users.set(u.id as string, u);
      return user(u);
    },
    'user-by-id': (p) => user(s.users.get(p.id as string)),
    'user-by-username': (p) => user(byName(p.usernameKey)),
    'list-users': () =>
      [...s.users.values()]
        .sort((a, b) => String(a.usernameKey).localeCompare(String(b.usernameKey)))
        .flatMap((u) => user(u)),
    'update-user': (p) => {
      const u = byName(p.usernameKey);
      if (u) setAll(u, p.change as Props);
      return user(u);
    },
    'create-session': (p) => {
      const session: Props = {};
      setAll(session, p.session as Props);
      if (!s.users.has(session.userId as string)) return [];
      if (s.sessions.has(session.tokenHash as string)) throw constraint('tokenHash');
      s.sessions.set(session.tokenHash as string, session);
      return [];
    },
    'session-by-token': (p) => {
      const x = s.sessions.get(p.tokenHash as string);
      return x ? [record({ s: node('Session', x) })] : [];
    },
    'touch-session': (p) => {
      const x = s.sessions.get(p.tokenHash as string);
      if (x) x.lastSeenAt = stored(p.at);
      return [];
    },
    'delete-session': (p) => {
      s.sessions.delete(p.tokenHash as string);
      return [];
    },
    'delete-sessions-of-user': (p) => {
      const gone = [...s.sessions.values()].filter((x) => x.userId === p.userId);
      for (const x of gone) s.sessions.delete(x.tokenHash as string);
      return count(gone.length);
    },
    'delete-expired-sessions': (p) => {
      const gone = [...s.sessions.values()].filter(
        (x) =>
          num(x.expiresAt) <= (stored(p.now) as number) ||
          num(x.lastSeenAt) <= (stored(p.idleBefore) as number),
      );
      for (const x of gone) s.sessions.delete(x.tokenHash as string);
      return count(gone.length);
    },
    'grant-case': (p) => {
      const key = `${p.caseId as string}|${p.userId as string}`;
      if (s.users.has(p.userId as string) && !s.grants.has(key))
        s.grants.set(key, {
          caseId: p.caseId,
          userId: p.userId,
          grantedBy: p.grantedBy,
          grantedAt: stored(p.at),
        });
      return [];
    },
    'revoke-case': (p) => {
      s.grants.delete(`${p.caseId as string}|${p.userId as string}`);
      return [];
    },
    'cases-of-user': (p) =>
      [...s.grants.values()]
        .filter((g) => g.userId === p.userId)
        .map((g) => g.caseId as string)
        .sort()
        .map((caseId) => record({ caseId })),
    'record-login-failure': (p) => {
      s.failures.push({ usernameKey: p.usernameKey, ip: p.ip, at: stored(p.at) });
      return [];
    },
    'login-failures-of-username': (p) =>
      count(
        s.failures.filter((f) => f.usernameKey === p.usernameKey && num(f.at) > (stored(p.since) as number))
          .length,
      ),
    'login-failures-from-ip': (p) =>
      count(s.failures.filter((f) => f.ip === p.ip && num(f.at) > (stored(p.since) as number)).length),
    'clear-login-failures': (p) => {
      s.failures = s.failures.filter((f) => f.usernameKey !== p.usernameKey);
      return [];
    },
    'lock-audit-head': () => (s.head ? [record({ seq: sent(s.head.seq), hash: s.head.hash })] : []),
    'append-audit-entry': (p) => {
      const entry: Props = {};
      setAll(entry, p.entry as Props);
      if (s.audit.some((a) => a.seq === entry.seq)) throw constraint('seq');
      s.audit.push(entry);
      s.head = { seq: entry.seq, hash: entry.hash };
      return [];
    },
    'audit-head': () => (s.head ? [record({ seq: sent(s.head.seq), hash: s.head.hash })] : []),
    'audit-entries': (p) =>
      s.audit
        .filter(
          (a) =>
            // Cypher compares a number with a number only: text edited into seq matches nothing.
            typeof a.seq === 'number' &&
            num(a.seq) > (stored(p.afterSeq) as number) &&
            (p.caseId === null || a.caseId === p.caseId) &&
            (p.actor === null || a.actor === p.actor) &&
            (p.action === null || a.action === p.action),
        )
        .sort((a, b) => num(a.seq) - num(b.seq))
        .slice(0, stored(p.limit) as number)
        .map((a) => record({ a: node('AuditEntry', a) })),
  };
  return {
    answers,
    transactions: {
      locking: ['lock-audit-head'],
      begin: () => structuredClone(s),
      rollback: (saved) => {
        s = saved as AccessState;
      },
    },
    audit: () => s.audit,
  };
}
