/**
 * The Neo4j adapter checked for real without a server: records built with the driver's own classes
 * (neo4j.int, Node, Relationship, Path, Record) mapped to the domain's shapes, integers beyond 2^53
 * refused rather than rounded, the write path's queries and parameters, user values travelling only as
 * parameters into query files sent unchanged, and a start against a closed port ending in one clear line.
 */
import neo4j, { Neo4jError, Record, type Integer } from 'neo4j-driver';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareBatch } from '../server/ingest/ingest-batch.js';
import { checkVersion, connect, Neo4jStartError, startErrorOf } from '../server/store/neo4j/connect.js';
import {
  Neo4jValueError,
  safeInt,
  stepsOf,
  toEntityView,
  toNeo4jInt,
  toLinkView,
} from '../server/store/neo4j/map-records.js';
import { Neo4jGraphStore } from '../server/store/neo4j/neo4j-store.js';
import { CYPHER_DIR, QUERY_PARAMS, queries } from '../server/store/neo4j/queries.js';
import { luceneQuery } from '../server/store/neo4j/search-text.js';
import { fakeDriver, fakeStore } from './support/fake-neo4j.js';
import { Neo4jExecutor } from '../server/store/neo4j/executor.js';
import { applySchema } from '../server/store/neo4j/schema.js';
import { airtelCdr, firBatch, TEST_KEYS } from './support/batches.js';
import { commandEnv, liveNeo4jOptIn } from './support/cli.js';

const { Node, Relationship, Path, PathSegment } = neo4j.types;
const BEYOND = '9007199254740993'; // 2^53 + 1: the first integer a JavaScript number cannot hold
const T0 = Date.parse('2026-06-01T09:00:00Z');

let nextIdentity = 1;
const entity = (id: string, props: object = {}, seq = nextIdentity) =>
  new Node(neo4j.int(nextIdentity++), ['Entity'], {
    id,
    kind: id.split(':')[0],
    scheme: id.startsWith('phone') ? 'phone' : 'person',
    key: `key of ${id}`,
    display: `display of ${id}`,
    label: `label of ${id}`,
    props: JSON.stringify(props),
    seq: neo4j.int(seq),
  });
type EntityNode = ReturnType<typeof entity>;
const link = (id: string, from: EntityNode, to: EntityNode, extra = {}) =>
  new Relationship(neo4j.int(nextIdentity++), from.identity, to.identity, 'LINK', {
    id,
    kind: 'called',
    props: '{}',
    count: neo4j.int(2),
    durationS: neo4j.int(77),
    amountPaise: neo4j.int(0),
    firstAt: neo4j.int(Date.parse('2026-04-15T04:42:00Z')),
    lastAt: neo4j.int(Date.parse('2026-04-16T16:10:05Z')),
    ...extra,
  });
const document = (id = 'document:aaaaaaaaaaaaaaaaaaaaaaaa', caseId: string | null = 'case:1') =>
  new Node(neo4j.int(nextIdentity++), ['Document'], {
    id,
    sha256: 'ab'.repeat(32),
    name: 'airtel-cdr-A.csv',
    type: 'cdr',
    sourceGrade: 'B',
    infoGrade: '2',
    ...(caseId ? { caseId } : {}),
    seq: neo4j.int(1),
  });

describe('Neo4j integers', () => {
  it('come over exactly within 2^53, and are refused by name beyond it, never rounded', () => {
    expect(safeInt(neo4j.int(42), 'a count')).toBe(42);
    expect(safeInt(neo4j.int(Number.MAX_SAFE_INTEGER), 'a count')).toBe(Number.MAX_SAFE_INTEGER);
    expect(safeInt(neo4j.int(-5), 'a count')).toBe(-5);
    expect(() => safeInt(neo4j.int(BEYOND), 'the occurrence count of link:x')).toThrow(
      new Neo4jValueError(
        `the occurrence count of link:x is ${BEYOND}, beyond the 2^53 a number holds exactly`,
      ),
    );
    expect(() => safeInt(2n ** 60n, 'a time')).toThrow(Neo4jValueError);
    expect(safeInt(123n, 'a time')).toBe(123);
    expect(() => safeInt(1.5, 'a count')).toThrow(/should be an integer, not the number 1.5/);
    expect(() => safeInt(null, 'a count')).toThrow(/should be an integer, not missing/);
  });

  it('beyond 2^53 in a store answer fail the read with the field named', async () => {
    const { store } = fakeStore({
      'count-graph': () => [
        new Record(
          ['version', 'entities', 'links', 'occurrences', 'documents'],
          [neo4j.int(3), neo4j.int(BEYOND), neo4j.int(1), neo4j.int(0), neo4j.int(1)],
        ),
      ],
    });
    await expect(store.stats()).rejects.toThrow(`entity count is ${BEYOND}`);
  });

  it('are sent to Neo4j as Integers, not as the floats a JavaScript number would become', async () => {
    const { store, sent } = fakeStore(counters());
    await store.ingest(prepareBatch(firBatch(), 'test', TEST_KEYS), { importedAt: new Date(T0) });
    const rows = sent.find((s) => s.name === 'merge-entities')!.params.rows as { seq: Integer }[];
    expect(rows.map((r) => neo4j.isInt(r.seq) && r.seq.toNumber())).toEqual([1, 2, 3]);
    expect(neo4j.isInt(sent.find((s) => s.name === 'merge-entities')!.params.at)).toBe(true);
  });
});

describe('numbers sent to Neo4j', () => {
  it('are whole numbers within 2^53 or refused: neo4j.int would store NaN as 0 and cut a fraction', async () => {
    expect(toNeo4jInt(42).toNumber()).toBe(42);
    for (const bad of [Number.NaN, 1.5, Number.MAX_SAFE_INTEGER + 2, Infinity])
      expect(() => toNeo4jInt(bad, 'a time')).toThrow(Neo4jValueError);
    expect(() => toNeo4jInt(1.5, 'a time')).toThrow(
      'a time should be a whole number within 2^53, not the number 1.5',
    );
    const { store, sent } = fakeStore(counters());
    await expect(
      store.ingest(prepareBatch(firBatch(), 'test', TEST_KEYS), { importedAt: new Date(Number.NaN) }),
    ).rejects.toThrow(Neo4jValueError);
    await expect(store.access.touchSession('token', 1.5)).rejects.toThrow(Neo4jValueError);
    expect(sent.filter((x) => x.name === 'touch-session' || x.name === 'merge-document')).toEqual([]);
  });
});

describe('records mapped to the domain with the driver’s classes', () => {
  it('gives an entity with its provenance, cases and degree from Node and Record', async () => {
    const phone = entity('phone:000000000000000000000001', { operator: 'Jio' });
    const doc = document();
    const { store } = fakeStore({
      'entity-by-id': () => [new Record(['e', 'degree'], [phone, neo4j.int(2)])],
      'entity-provenance': () => [
        new Record(
          ['ref', 'props', 'importedBy', 'importedAt', 'd'],
          ['row 2', '{"operator":"Airtel"}', 'contract-test', neo4j.int(T0), doc],
        ),
      ],
      'entity-cases': () => [new Record(['caseId'], ['case:1'])],
    });
    expect(await store.getEntity('phone:000000000000000000000001')).toEqual({
      id: 'phone:000000000000000000000001',
      kind: 'phone',
      scheme: 'phone',
      key: 'display of phone:000000000000000000000001',
      label: 'label of phone:000000000000000000000001',
      props: { operator: 'Jio' },
      provenance: [
        {
          document: {
            id: 'document:aaaaaaaaaaaaaaaaaaaaaaaa',
            sha256: 'ab'.repeat(32),
            name: 'airtel-cdr-A.csv',
            type: 'cdr',
            grading: { source: 'B', information: '2' },
            caseId: 'case:1',
          },
          ref: 'row 2',
          importedBy: 'contract-test',
          importedAt: '2026-06-01T09:00:00.000Z',
          props: { operator: 'Airtel' },
        },
      ],
      caseIds: ['case:1'],
      degree: 2,
    });
  });

  it('refuses a node that is not an entity, and properties that are not scalars', () => {
    expect(() => toEntityView(document())).toThrow(/expected a node labelled Entity/);
    const bad = entity('person:000000000000000000000009');
    (bad.properties as { props: string }).props = '{"nested":{"a":1}}';
    expect(() => toEntityView(bad)).toThrow(/properties of person:000000000000000000000009 is not a map/);
  });

  it('gives a link with its occurrences and their sources from Relationship and Record', async () => {
    const a = entity('phone:000000000000000000000001');
    const b = entity('phone:000000000000000000000002');
    const l = link('link:000000000000000000000003', a, b);
    const occurrence = new Node(neo4j.int(99), ['Occurrence'], {
      id: 'occ:x',
      linkId: 'link:000000000000000000000003',
      at: neo4j.int(Date.parse('2026-04-15T04:42:00Z')),
      durationS: neo4j.int(62),
      props: '{}',
      seq: neo4j.int(1),
    });
    const source = (name: string, id: string) => ({
      ref: 'row 13',
      importedBy: 'contract-test',
      importedAt: neo4j.int(T0),
      document: document(id),
    });
    const { store } = fakeStore({
      'link-by-id': () => [new Record(['l', 'from', 'to'], [l, a.properties.id, b.properties.id])],
      'link-occurrences': (p) => {
        expect((p.limit as Integer).toNumber()).toBe(2); // one more than asked, to know if it was cut
        return [
          new Record(
            ['o', 'sources'],
            [
              occurrence,
              [
                source('a', 'document:aaaaaaaaaaaaaaaaaaaaaaaa'),
                source('b', 'document:bbbbbbbbbbbbbbbbbbbbbbbb'),
              ],
            ],
          ),
        ];
      },
    });
    const detail = (await store.getLink('link:000000000000000000000003', 1))!;
    expect(detail).toMatchObject({
      id: 'link:000000000000000000000003',
      kind: 'called',
      from: 'phone:000000000000000000000001',
      to: 'phone:000000000000000000000002',
      directed: true,
      count: 2,
      durationS: 77,
      amount: 0,
      firstAt: '2026-04-15T04:42:00.000Z',
      lastAt: '2026-04-16T16:10:05.000Z',
      occurrencesTruncated: false,
    });
    expect(detail.occurrences[0]).toMatchObject({
      linkId: 'link:000000000000000000000003',
      at: '2026-04-15T04:42:00.000Z',
      endAt: null,
      durationS: 62,
      amount: null,
      txnRef: null,
    });
    expect(detail.occurrences[0]!.id).toMatch(/^occ:[0-9a-f]{24}$/);
    expect(detail.occurrences[0]!.provenance.map((p) => p.document.id)).toEqual([
      'document:aaaaaaaaaaaaaaaaaaaaaaaa',
      'document:bbbbbbbbbbbbbbbbbbbbbbbb',
    ]);
    const beyond = link('link:4', a, b, { lastAt: neo4j.int(BEYOND) });
    expect(() => toLinkView(beyond, 'x', 'y')).toThrow(`last time of link:4 is ${BEYOND}`);
  });

  it('walks a neighbourhood from paths of one step, whichever way each link points', async () => {
    const a = entity('person:00000000000000000000000a', {}, 1);
    const b = entity('phone:00000000000000000000000b', {}, 2);
    const c = entity('phone:00000000000000000000000c', {}, 3);
    const ab = link('link:ab', a, b, { kind: 'uses' });
    const cb = link('link:cb', c, b); // points into b: walked backwards from b
    const nodes = new Map([a, b, c].map((n) => [n.properties.id as string, n]));
    const step = (from: typeof a, rel: typeof ab, to: typeof a) =>
      new Record(['p'], [new Path(from, to, [new PathSegment(from, rel, to)])]);
    const { store } = fakeStore({
      'entities-by-ids': (p) => (p.ids as string[]).map((id) => new Record(['e'], [nodes.get(id)!])),
      neighbours: (p) =>
        (p.ids as string[]).flatMap((id) =>
          id === a.properties.id
            ? [step(a, ab, b)]
            : id === b.properties.id
              ? [step(b, ab, a), step(b, cb, c)]
              : [step(c, cb, b)],
        ),
      'links-from': (p) =>
        (p.ids as string[]).flatMap((id) =>
          id === a.properties.id
            ? [new Record(['l', 'from', 'to'], [ab, a.properties.id, b.properties.id])]
            : id === c.properties.id
              ? [new Record(['l', 'from', 'to'], [cb, c.properties.id, b.properties.id])]
              : [],
        ),
    });
    const g = await store.neighbourhood('person:00000000000000000000000a', { hops: 2, limit: 10 });
    expect(g.nodes.map((n) => n.id)).toEqual([a, b, c].map((n) => n.properties.id));
    expect(g.links.map((l) => l.id).sort()).toEqual(['link:ab', 'link:cb']);
    expect(stepsOf(new Path(b, a, [new PathSegment(b, ab, a)]))).toEqual([
      { from: b.properties.id, link: 'link:ab', other: a.properties.id },
    ]);
    const paths = await store.paths('person:00000000000000000000000a', 'phone:00000000000000000000000c', {
      maxHops: 3,
      limit: 5,
    });
    expect(paths.paths).toEqual([
      { nodes: [a, b, c].map((n) => n.properties.id), links: ['link:ab', 'link:cb'] },
    ]);
  });
});

/** Answers of an empty database: the counters at zero, nothing else known. */
function counters() {
  return {
    'lock-graph': () => [
      new Record(
        ['version', 'entitySeq', 'linkSeq', 'documentSeq', 'occurrenceSeq'],
        [neo4j.int(0), neo4j.int(0), neo4j.int(0), neo4j.int(0), neo4j.int(0)],
      ),
    ],
  };
}

describe('ingest on Neo4j', () => {
  it('writes a batch as chunked UNWIND … MERGE in one write transaction, and counts it', async () => {
    const { store, sent } = fakeStore(counters(), 2);
    const counts = await store.ingest(prepareBatch(firBatch(), 'test', TEST_KEYS), {
      importedAt: new Date(T0),
    });
    expect(counts).toEqual({
      entities: { created: 3, updated: 0, unchanged: 0 },
      links: { created: 2, updated: 0, unchanged: 0 },
      occurrences: { created: 0, unchanged: 0 },
      version: 1,
    });
    expect(sent.every((s) => s.mode === 'WRITE')).toBe(true);
    expect(sent.map((s) => s.name)).toEqual([
      'lock-graph',
      'document-by-id',
      'merge-document',
      'entities-to-merge',
      'entities-to-merge',
      'links-to-merge',
      'merge-entities',
      'merge-entities', // three entities in chunks of two
      'merge-entity-facts',
      'merge-entity-facts',
      'merge-links',
      'merge-link-facts',
      'save-graph-counters',
    ]);
    const saved = sent.at(-1)!.params as { [k: string]: Integer };
    expect(Object.fromEntries(Object.entries(saved).map(([k, v]) => [k, v.toNumber()]))).toEqual({
      version: 1,
      entitySeq: 3,
      linkSeq: 2,
      documentSeq: 1,
      occurrenceSeq: 0,
    });
    const victim = sent
      .filter((s) => s.name === 'merge-entities')
      .flatMap((s) => s.params.rows as object[])
      .find((r) => (r as { label: string }).label === 'Émira Testova');
    // Search text folded as the full-text query is; a minor flagged for the protection query.
    expect(victim).toMatchObject({ search: 'emira testova fir 0001 2026 v1', minor: true });
  });

  it('refuses a batch of a group before it writes anything, and writes the others', async () => {
    const { store, sent } = fakeStore(counters());
    const outcomes = await store.ingestMany(
      [prepareBatch(airtelCdr(), 'test', TEST_KEYS), prepareBatch(firBatch(), 'test', TEST_KEYS)],
      { importedAt: new Date(T0) },
    );
    // The CDR names the accused, whom neither the store nor its own batch holds.
    expect(outcomes.map((o) => o.ok)).toEqual([false, true]);
    expect(!outcomes[0]!.ok && outcomes[0]!.error.code).toBe('BATCH.UNKNOWN_ENTITY');
    const refused = sent.slice(
      0,
      sent.findIndex((s, i) => i > 1 && s.name === 'document-by-id'),
    );
    expect(refused.map((s) => s.name)).toEqual(['lock-graph', 'document-by-id', 'existing-entities']);
    expect(sent.filter((s) => s.name === 'save-graph-counters')).toHaveLength(1);
  });
});

describe('no query text is built from user values', () => {
  const hostile = "') DETACH DELETE n //";
  const files = new Set(
    Object.keys(QUERY_PARAMS).map((n) => readFileSync(join(CYPHER_DIR, `${n}.cypher`), 'utf8')),
  );

  it('a hostile search, id and name travel as parameters into query files sent unchanged', async () => {
    const { store, sent } = fakeStore(counters());
    await store.search({ ids: [hostile], text: hostile, limit: 10 });
    await store.getEntity(hostile);
    await store.getLink(hostile, 10);
    await store.neighbourhood(hostile, { hops: 2, limit: 10 });
    await store.subgraph({ caseId: hostile, limit: 10 });
    await store.occurrenceBins({ linkIds: [hostile], bins: 4 });
    await store.ingest(
      prepareBatch(
        {
          document: { name: hostile, sha256: 'cd'.repeat(32), type: 'statement' },
          entities: [{ kind: 'person', key: hostile, props: { name: hostile }, ref: hostile }],
        },
        'test',
        TEST_KEYS,
      ),
      { importedAt: new Date(T0) },
    );
    expect(sent.length).toBeGreaterThan(10);
    for (const s of sent) {
      expect(s.name, s.text).not.toBeNull();
      expect(files.has(s.text)).toBe(true);
      expect(s.text).not.toContain('DETACH DELETE');
    }
    const params = (name: string) => sent.filter((s) => s.name === name).map((s) => s.params);
    expect(params('entities-by-ids')[0]).toEqual({ ids: [hostile] });
    expect(params('search-entities')[0]).toMatchObject({ query: 'detach* AND delete* AND n*' });
    expect(params('entity-by-id')[0]).toEqual({ id: hostile });
    expect(params('link-by-id')[0]).toEqual({ id: hostile });
    expect(params('occurrence-span')[0]).toEqual({ ids: [hostile], from: null, to: null });
    expect(params('case-entities')[0]).toEqual({ caseIds: [hostile] });
    expect(params('merge-document')[0]!.document).toMatchObject({ name: hostile });
    const row = (params('merge-entities')[0]!.rows as { props: string }[])[0]!;
    expect(JSON.parse(row.props)).toEqual({ name: hostile });
    expect((params('merge-entity-facts')[0]!.rows as { ref: string }[])[0]!.ref).toBe(hostile);
  });

  it('the full-text query is letters and digits only, so it can carry no Lucene syntax either', () => {
    expect(luceneQuery(hostile)).toBe('detach* AND delete* AND n*');
    expect(luceneQuery('name:* OR "x"~ (a) Émira')).toBe('name* AND or* AND x* AND a* AND emira*');
    expect(luceneQuery('+-&|!(){}[]^"~*?:\\/')).toBeUndefined();
  });
});

describe('start-up against Neo4j', () => {
  const settings = (uri: string) => ({
    uri,
    user: 'neo4j',
    password: 'not-a-real-password',
    database: 'neo4j',
  });
  const closedPort = () =>
    new Promise<number>((ok) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => ok(port));
      });
    });

  it('ends with one line saying Neo4j cannot be reached and what to set, when the port is closed', async () => {
    const port = await closedPort();
    const err = await Neo4jGraphStore.open(settings(`bolt://127.0.0.1:${port}`)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Neo4jStartError);
    const message = (err as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toMatch(
      new RegExp(
        `^cannot reach Neo4j at bolt://127.0.0.1:${port} \\(connect ECONNREFUSED 127.0.0.1:${port}\\); start Neo4j, or set NEO4J_URI`,
      ),
    );
    expect(message).not.toContain('not-a-real-password');
  });

  it('npm start says it in one line on stderr and exits 2, with no stack trace', async () => {
    const port = await closedPort();
    const dir = mkdtempSync(join(tmpdir(), 'casegraph-neo4j-start-'));
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        env: {
          PATH: process.env.PATH,
          NEO4J_URI: `bolt://127.0.0.1:${port}`,
          NEO4J_PASSWORD: 'not-a-real-password',
          DATA_DIR: dir,
          LOG_LEVEL: 'silent',
        },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toEqual([
        `CaseGraph could not start: cannot reach Neo4j at bolt://127.0.0.1:${port} (connect ECONNREFUSED 127.0.0.1:${port}); start Neo4j, or set NEO4J_URI to where it listens`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names wrong credentials, a missing database, a bad address and an old server', async () => {
    const s = settings('bolt://db.example:7687');
    const error = (code: string) => new Neo4jError('the server said no', code, '', '');
    expect(startErrorOf(error('Neo.ClientError.Security.Unauthorized'), s).message).toBe(
      'Neo4j at bolt://db.example:7687 refused user "neo4j": wrong user name or password; set NEO4J_USER and NEO4J_PASSWORD',
    );
    expect(startErrorOf(error('Neo.ClientError.Database.DatabaseNotFound'), s).message).toBe(
      'Neo4j at bolt://db.example:7687 has no database "neo4j"; create it (CREATE DATABASE `neo4j`) or set NEO4J_DATABASE to one it has',
    );
    await expect(connect(settings('http://db.example:7474'))).rejects.toThrow(
      /^NEO4J_URI "http:\/\/db.example:7474" is not a Neo4j address/,
    );
    expect(() => checkVersion('4.4.30', s)).toThrow(/is version 4.4.30; CaseGraph needs 5.23 or newer/);
    expect(() => checkVersion('5.26.0', s)).not.toThrow();
    expect(() => checkVersion('2025.06.0', s)).not.toThrow();
  });
});

describe('communities in the database (Graph Data Science)', () => {
  const projected = (links: number | null) => () => [
    new Record(['nodes', 'links'], links === null ? [null, null] : [neo4j.int(4), neo4j.int(links)]),
  ];
  const gdsStore = (answers: Parameters<typeof fakeStore>[0]) => {
    const { store, sent } = fakeStore({ 'gds-project-graph': projected(2), ...answers });
    Object.assign(store.server, { gds: '2.13.2' });
    return { store, sent };
  };

  it('streams the edge list into typed arrays, and runs Louvain on a projection it always drops', async () => {
    const { store, sent } = gdsStore({
      'graph-version': () => [new Record(['version'], [neo4j.int(7)])],
      'edge-list-entities': () =>
        ['a', 'b', 'c', 'd'].map((id) => new Record(['id', 'kind', 'label'], [`person:${id}`, 'person', id])),
      'edge-list-links': () => [
        new Record(['from', 'to', 'count'], ['person:a', 'person:b', neo4j.int(3)]),
        new Record(['from', 'to', 'count'], ['person:c', 'person:d', neo4j.int(0)]),
      ],
      'gds-louvain': () => [
        new Record(['id', 'communityId'], ['person:a', neo4j.int(40)]),
        new Record(['id', 'communityId'], ['person:b', neo4j.int(40)]),
        new Record(['id', 'communityId'], ['person:c', neo4j.int(41)]),
        new Record(['id', 'communityId'], ['person:d', neo4j.int(41)]),
      ],
    });
    const list = await store.edgeList();
    expect(list).toMatchObject({ version: 7, ids: ['person:a', 'person:b', 'person:c', 'person:d'] });
    expect([...list.from]).toEqual([0, 2]);
    expect([...list.to]).toEqual([1, 3]);
    expect([...list.weight]).toEqual([3, 1]);
    const partition = await store.gdsLouvain(['person']);
    expect(Object.fromEntries(partition)).toEqual({
      'person:a': 40,
      'person:b': 40,
      'person:c': 41,
      'person:d': 41,
    });
    const gds = sent.filter((s) => s.name?.startsWith('gds-'));
    expect(gds.map((s) => s.name)).toEqual(['gds-project-graph', 'gds-louvain', 'gds-drop-graph']);
    expect(new Set(gds.map((s) => s.params.graphName)).size).toBe(1);
    expect(gds[0]!.params.kinds).toEqual(['person']);
  });

  it('projects under a new name when the driver runs the write again, and drops every one', async () => {
    const catalogue = new Set<string>();
    const { driver, sent } = fakeDriver({
      'gds-project-graph': (p) => {
        const name = p.graphName as string;
        if (catalogue.has(name))
          throw new Neo4jError(
            `A graph with name '${name}' already exists.`,
            'Neo.ClientError.Procedure.ProcedureCallFailed',
            '',
            '',
          );
        catalogue.add(name);
        return projected(2)();
      },
      'gds-louvain': () => [new Record(['id', 'communityId'], ['person:a', neo4j.int(1)])],
      'gds-drop-graph': (p) => {
        catalogue.delete(p.graphName as string);
        return [];
      },
    });
    // As the driver does when the commit fails transiently: the work runs again, the projection stays.
    const session = driver.session.bind(driver);
    let retried = false;
    (driver as { session: unknown }).session = (opts: Parameters<typeof driver.session>[0]) => {
      const s = session(opts);
      const write = s.executeWrite.bind(s);
      return Object.assign(s, {
        async executeWrite(work: (tx: unknown) => Promise<unknown>) {
          if (!retried) {
            retried = true;
            await write(work);
          }
          return write(work);
        },
      });
    };
    const store = new Neo4jGraphStore(
      new Neo4jExecutor(driver, 'neo4j', queries()),
      { batchSize: 1000 },
      { version: '5.26.0', edition: 'community', gds: '2.13.2' },
    );
    expect(Object.fromEntries(await store.gdsLouvain(['person']))).toEqual({ 'person:a': 1 });
    const names = sent.filter((x) => x.name === 'gds-project-graph').map((x) => x.params.graphName);
    expect(new Set(names).size).toBe(2);
    expect(catalogue.size).toBe(0);
  });

  it('runs no Louvain when no link joins the kinds projected: every entity is alone', async () => {
    for (const links of [null, 0]) {
      const { store, sent } = gdsStore({
        'gds-project-graph': projected(links),
        'gds-louvain': () => {
          throw new Neo4jError(
            "Graph with name 'x' does not exist",
            'Neo.ClientError.Procedure.ProcedureCallFailed',
            '',
            '',
          );
        },
      });
      expect((await store.gdsLouvain(['person'])).size).toBe(0);
      expect(sent.filter((x) => x.name?.startsWith('gds-')).map((x) => x.name)).toEqual([
        'gds-project-graph',
        'gds-drop-graph',
      ]);
    }
  });

  it('drops the projection when Louvain fails', async () => {
    const { store, sent } = gdsStore({
      'gds-louvain': () => {
        throw new Neo4jError('out of memory', 'Neo.TransientError.General.OutOfMemoryError', '', '');
      },
    });
    await expect(store.gdsLouvain(['person'])).rejects.toThrow();
    expect(sent.at(-1)!.name).toBe('gds-drop-graph');
  });
});

describe('the schema step', () => {
  it('applies every statement of cypher/schema/ in order, each on its own, then the counters', async () => {
    const { driver, sent } = fakeDriver({});
    await applySchema(new Neo4jExecutor(driver, 'neo4j', queries()), queries());
    const statements = queries().schema.map((s) => s.text);
    expect(statements.length).toBeGreaterThan(20);
    expect(sent.slice(0, statements.length).map((s) => s.text)).toEqual(statements);
    expect(sent.slice(statements.length).map((s) => s.name)).toEqual([
      'init-graph-meta',
      'init-audit-head',
      'await-indexes',
    ]);
  });

  it('takes a rule another instance made at the same moment as made, and stops at any other failure', async () => {
    const failing = (code: string) =>
      fakeDriver({
        schema: (file) => {
          if (file.includes('entity-id')) throw new Neo4jError('exists', code, '', '');
        },
      }).driver;
    await expect(
      applySchema(
        new Neo4jExecutor(
          failing('Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists'),
          'neo4j',
          queries(),
        ),
        queries(),
      ),
    ).resolves.toBeUndefined();
    await expect(
      applySchema(
        new Neo4jExecutor(failing('Neo.ClientError.Security.Forbidden'), 'neo4j', queries()),
        queries(),
      ),
    ).rejects.toThrow('exists');
  });
});

describe('a server that goes away', () => {
  it('is the store’s STORE.UNAVAILABLE, which the API answers 503, not an internal error', async () => {
    const { store } = fakeStore({
      'graph-version': () => {
        throw new Neo4jError('Connection was closed by server', 'ServiceUnavailable', '', '');
      },
    });
    const err = await store.version().catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'CaseGraphError', code: 'STORE.UNAVAILABLE' });
    expect((err as Error).message).toBe('Neo4j is unavailable: Connection was closed by server');
  });
});

describe('locks and transaction timeouts', () => {
  /** The node a lock query takes the write lock of: `(x:Meta {name: '…'})`. */
  const lockedNode = (name: 'lock-graph' | 'lock-audit-head' | 'lock-pseudonyms') =>
    /\(\w+:Meta \{name: '(\w+)'\}\)/.exec(queries().text(name))?.[1];

  it('numbering pseudonyms locks a node of its own, not the graph’s an import holds', () => {
    expect(lockedNode('lock-graph')).toBe('graph');
    expect(lockedNode('lock-audit-head')).toBe('audit');
    expect(lockedNode('lock-pseudonyms')).toBe('pseudonyms');
  });

  /** The fake driver, with the transaction config each executeRead / executeWrite was given. */
  const configured = (answers: Parameters<typeof fakeDriver>[0] = {}) => {
    const { driver } = fakeDriver(answers);
    const configs: { mode: string; timeout?: unknown }[] = [];
    const session = driver.session.bind(driver);
    (driver as { session: unknown }).session = (opts: Parameters<typeof driver.session>[0]) => {
      const s = session(opts);
      const wrap =
        (mode: string, run: (w: never) => unknown) => (work: never, config?: { timeout?: unknown }) => {
          configs.push({ mode, timeout: config?.timeout });
          return run(work);
        };
      return Object.assign(s, {
        executeRead: wrap('READ', s.executeRead.bind(s) as never),
        executeWrite: wrap('WRITE', s.executeWrite.bind(s) as never),
      });
    };
    return { driver, configs };
  };

  it('short writes carry the timeout (10 s unless configured); imports, GDS and reads do not', async () => {
    const { driver, configs } = configured({
      ...counters(),
      'gds-project-graph': () => [new Record(['nodes', 'links'], [neo4j.int(2), neo4j.int(1)])],
    });
    const executor = new Neo4jExecutor(driver, 'neo4j', queries());
    await executor.write((q) => q.all('pseudonyms', {}));
    await executor.read((q) => q.all('pseudonyms', {}));
    await executor.write((q) => q.all('pseudonyms', {}), { long: true });
    expect(configs).toEqual([
      { mode: 'WRITE', timeout: 10_000 },
      { mode: 'READ', timeout: undefined },
      { mode: 'WRITE', timeout: undefined },
    ]);
    configs.length = 0;
    const store = new Neo4jGraphStore(
      new Neo4jExecutor(driver, 'neo4j', queries(), 2_500),
      { batchSize: 1000 },
      { version: '5.26.0', edition: 'community', gds: '2.13.2' },
    );
    await store.ingest(prepareBatch(firBatch(), 'test', TEST_KEYS), { importedAt: new Date(T0) });
    await store.gdsLouvain(['person']);
    await store.audit
      .append({
        at: T0,
        actor: null,
        role: null,
        action: 'test',
        caseId: null,
        target: null,
        detail: {},
        ip: null,
      })
      .catch(() => undefined);
    expect(configs.map((c) => c.timeout)).toEqual([undefined, undefined, undefined, 2_500, 2_500]);
  });

  it('a write that times out waiting for a lock is STORE.UNAVAILABLE, as on the busy embedded store', async () => {
    const { store } = fakeStore({
      'protected-persons': () => [
        new Record(['e', 'reason'], [entity('person:000000000000000000000001'), 'victim']),
      ],
      'lock-pseudonyms': () => {
        throw new Neo4jError(
          'The transaction has been terminated. … timeout 10s',
          'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
          '',
          '',
        );
      },
    });
    const err = await store.protectedEntities().catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'CaseGraphError', code: 'STORE.UNAVAILABLE' });
    expect((err as Error).message).toMatch(/busy with another writer; try again shortly/);
  });
});

describe('start-up failures after the server answered', () => {
  const settings = { uri: 'bolt://db.example:7687', user: 'casegraph', password: 'x', database: 'cases' };
  const startOn = (answers: Parameters<typeof fakeDriver>[0]) =>
    Neo4jGraphStore.startOn(
      new Neo4jExecutor(fakeDriver(answers).driver, 'cases', queries()),
      settings,
      { batchSize: 1000 },
      queries(),
      { version: '5.26.0', edition: 'community' },
    ).catch((e: unknown) => e);
  const neo4jError = (message: string, code: string) => () => {
    throw new Neo4jError(message, code, '', '');
  };

  it('end in one line each: no schema rights, an index FAILED or not online in time, anything else', async () => {
    const forbidden = await startOn({
      schema: neo4jError(
        "Schema operations are not allowed for user 'casegraph' with roles [reader].\nMore",
        'Neo.ClientError.Security.Forbidden',
      ),
    });
    expect(forbidden).toBeInstanceOf(Neo4jStartError);
    expect((forbidden as Error).message).toBe(
      'user "casegraph" may not create CaseGraph\'s constraints and indexes in the database "cases" on Neo4j at bolt://db.example:7687 (Schema operations are not allowed for user \'casegraph\' with roles [reader]. More); grant it schema rights there (or start CaseGraph once as a user who has them), or set NEO4J_USER to one who has',
    );
    const failed = await startOn({
      'await-indexes': neo4jError(
        'Failed to invoke procedure `db.awaitIndexes`: Caused by: java.lang.IllegalStateException: Index entity_search entered a FAILED state.',
        'Neo.ClientError.Procedure.ProcedureCallFailed',
      ),
    });
    expect(failed).toBeInstanceOf(Neo4jStartError);
    expect((failed as Error).message).toMatch(
      /^the indexes of the database "cases" on Neo4j at bolt:\/\/db.example:7687 did not come online \(.*FAILED state\.\); look for a FAILED one with SHOW INDEXES/,
    );
    const other = await startOn({
      'init-graph-meta': neo4jError('boom\nat line 2', 'Neo.DatabaseError.General.UnknownError'),
    });
    expect(other).toBeInstanceOf(Neo4jStartError);
    expect((other as Error).message).toBe(
      'the database "cases" on Neo4j at bolt://db.example:7687 failed at the schema step: boom at line 2',
    );
    for (const e of [forbidden, failed, other]) expect((e as Error).message).not.toContain('\n');
  });
});

describe('tests keep off a live Neo4j unless asked', () => {
  const shell = {
    PATH: '/bin',
    NEO4J_URI: 'bolt://prod:7687',
    NEO4J_PASSWORD: 'secret',
    NEO4J_DATABASE: 'cases',
  };

  it('a NEO4J_URI left in the shell neither runs the wiping suite nor sends commands to Neo4j', () => {
    expect(liveNeo4jOptIn(shell)).toBe(false);
    const env = commandEnv('/tmp/x', shell);
    expect(Object.keys(env).filter((k) => k.startsWith('NEO4J_'))).toEqual([]);
    expect(env).toMatchObject({ PATH: '/bin', DATA_DIR: join('/tmp/x', 'data') });
  });

  it('NEO4J_TEST_WIPE=yes opts into both', () => {
    const optedIn = { ...shell, NEO4J_TEST_WIPE: 'yes' };
    expect(liveNeo4jOptIn(optedIn)).toBe(true);
    expect(commandEnv('/tmp/x', optedIn)).toMatchObject({ NEO4J_URI: 'bolt://prod:7687' });
  });
});

describe('one owner of the driver', () => {
  it('only executor.ts (and connect.ts, before there is one) call .run( in the adapter', () => {
    const dir = join(CYPHER_DIR, '../server/store/neo4j');
    const running = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && /\.run\(/.test(readFileSync(join(dir, f), 'utf8')))
      .sort();
    expect(running).toEqual(['connect.ts', 'executor.ts']);
  });
});
