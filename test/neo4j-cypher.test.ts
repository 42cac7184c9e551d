/**
 * Every query of the Neo4j adapter passes Neo4j's own parser and semantic analysis
 * (@neo4j-cypher/language-support's lintCypherQuery) with no diagnostic at all, against the data model
 * the adapter declares (server/store/neo4j/model.ts) and Neo4j's catalogue of functions and procedures
 * (GDS's included) as the language support ships it; and each uses exactly the parameters the adapter
 * declares for it, which TypeScript makes every caller supply. No server is needed.
 */
import { lintCypherQuery, parseParameters, testData, type DbSchema } from '@neo4j-cypher/language-support';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LABELS, PROPERTY_KEYS, RELATIONSHIP_TYPES } from '../server/store/neo4j/model.js';
import {
  CYPHER_DIR,
  loadQueries,
  QUERY_PARAMS,
  QueryFileError,
  type QueryName,
} from '../server/store/neo4j/queries.js';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';

const queries = loadQueries();
const names = Object.keys(QUERY_PARAMS) as QueryName[];

const schema = (parameters: Record<string, unknown>): DbSchema => ({
  labels: [...LABELS],
  relationshipTypes: [...RELATIONSHIP_TYPES],
  propertyKeys: [...PROPERTY_KEYS],
  functions: testData.mockSchema.functions,
  procedures: testData.mockSchema.procedures,
  parameters,
});

const messages = (query: string, parameters: Record<string, unknown>) =>
  lintCypherQuery(query, schema(parameters)).diagnostics.map(
    (d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`,
  );

/**
 * A Cypher literal of the type the adapter sends for each parameter name (see the callers in
 * server/store/neo4j/): integers as Neo4j Integers, lists, maps of the rows UNWIND reads.
 */
const SAMPLES: Record<string, string> = {
  absorbedId: "'person:2'",
  action: "'read.entity'",
  actor: "'officer.a'",
  afterSeq: '0',
  at: '1767225600000',
  bins: '48',
  bound: '7',
  caseId: "'case:1'",
  caseIds: "['case:1']",
  change: '{updatedAt: 1767225600000}',
  decidedBy: "'officer.a'",
  document: "{id: 'document:1', seq: 1}",
  documentId: "'document:1'",
  documentSeq: '1',
  entity: "{id: 'person:2', kind: 'person', seq: 1, version: 6}",
  entityId: "'phone:1'",
  entitySeq: '1',
  facts: "[{documentId: 'document:1', ref: 'row 2'}]",
  entry: "{seq: 1, at: 1767225600000, hash: 'h', prevHash: 'p'}",
  from: '1767225600000',
  fromId: "'person:2'",
  genesis: "'0000'",
  grantedBy: "'user:1'",
  hi: '1769904000000',
  graphName: "'casegraph-0'",
  id: "'entity:1'",
  idleBefore: '1767225600000',
  ids: "['entity:1']",
  importedBy: "'test'",
  ip: "'10.0.0.1'",
  kinds: "['person']",
  limit: '10',
  linkKinds: "['called']",
  linkSeq: '1',
  lo: '1767225600000',
  merge: "{id: 'merge:1', survivorId: 'person:1', absorbedId: 'person:2', journal: '{}'}",
  now: '1767225600000',
  occurrenceSeq: '1',
  pair: "'person:1 person:2'",
  query: "'name*'",
  rows: "[{id: 'x', entityId: 'x', linkId: 'x', fromId: 'a', toId: 'b', kind: 'called', n: 1, seq: 1, ref: 'r', props: '{}'}]",
  session: "{tokenHash: 't', userId: 'user:1'}",
  since: '1767225600000',
  survivorId: "'person:1'",
  timeoutSeconds: '300',
  to: '1767225600000',
  toId: "'person:1'",
  tokenHash: "'t'",
  undoneBy: "'officer.a'",
  user: "{id: 'user:1', usernameKey: 'a'}",
  userId: "'user:1'",
  usernameKey: "'a'",
  version: '6',
  watch: "{userId: 'user:1', entityId: 'phone:1', caseId: 'case:1', createdAt: 1767225600000}",
};
const withSamples = (query: string) =>
  query.replace(/\$(\w+)/g, (_, name: string) => {
    const sample = SAMPLES[name];
    if (sample === undefined) throw new Error(`no typed sample for $${name}: add one to SAMPLES`);
    return sample;
  });

/** The parameters a query uses, as Neo4j's parser finds them. */
const parametersUsed = (query: string): string[] => [...new Set(parseParameters(query, false))].sort();

describe('cypher/: every query passes Neo4j’s parser and semantic check', () => {
  it('has one file per query the adapter runs, and no other', () => {
    const files = readdirSync(CYPHER_DIR)
      .filter((f) => f.endsWith('.cypher'))
      .map((f) => f.slice(0, -'.cypher'.length))
      .sort();
    expect(files).toEqual([...names].sort());
  });

  it.each(names)('%s: no diagnostic, and exactly the parameters the adapter supplies', (name) => {
    const text = queries.text(name);
    const declared = [...QUERY_PARAMS[name]].sort();
    const supplied = Object.fromEntries(declared.map((p) => [p, null]));
    expect(messages(text, supplied)).toEqual([]);
    expect(parametersUsed(text)).toEqual(declared);
  });

  it.each(names)('%s: no diagnostic either with typed sample values in place of its parameters', (name) => {
    // The linter checks a parameter only for being declared, not its type; a literal of the type the
    // adapter sends (an integer for LIMIT, a list for IN and UNWIND …) is type-checked.
    const typed = withSamples(queries.text(name));
    expect(typed).not.toMatch(/\$\w/);
    expect(messages(typed, {})).toEqual([]);
  });

  it('the typed check would catch a parameter of the wrong type', () => {
    expect(messages(withSamples('MATCH (e:Entity) RETURN e LIMIT $query'), {}).join('\n')).toMatch(
      /Integer|type/i,
    );
  });

  it.each(queries.schema.map((s) => [s.file, s.text] as const))(
    'schema/%s: no diagnostic, idempotent, no parameter',
    (_file, text) => {
      expect(messages(text, {})).toEqual([]);
      expect(text).toMatch(/\bIF NOT EXISTS\b/);
    },
  );

  it('would catch a mistake: a misspelt property, an unknown variable, a parameter nobody passes', () => {
    const text = queries.text('entity-by-id').replace('e, COUNT', 'e.kindd, x, COUNT');
    const found = messages(text, { id: null }).join('\n');
    expect(found).toMatch(/kindd is not present/);
    expect(found).toMatch(/Variable `x` not defined/);
    expect(parametersUsed('MATCH (e:Entity {id: $id}) RETURN e LIMIT $limit')).toEqual(['id', 'limit']);
  });
});

describe('loading the query files', () => {
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'casegraph-cypher-'));
    mkdirSync(join(dir, 'schema'));
    for (const name of names) writeFileSync(join(dir, `${name}.cypher`), queries.text(name));
    return dir;
  };

  it('refuses a folder with a query missing, empty or unknown to the adapter', () => {
    const dir = copy();
    try {
      expect(() => loadQueries(dir)).not.toThrow();
      writeFileSync(join(dir, 'drop-everything.cypher'), 'MATCH (n) DETACH DELETE n');
      expect(() => loadQueries(dir)).toThrow(/does not know: drop-everything/);
      rmSync(join(dir, 'drop-everything.cypher'));
      writeFileSync(join(dir, 'entity-by-id.cypher'), '  \n');
      expect(() => loadQueries(dir)).toThrow(QueryFileError);
      rmSync(join(dir, 'entity-by-id.cypher'));
      expect(() => loadQueries(dir)).toThrow(/entity-by-id.cypher is missing/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
