/**
 * The queries of the Neo4j adapter: one file each in cypher/, read once at start and sent to the server
 * exactly as written. Each query's parameters are declared here, so TypeScript makes every caller supply
 * exactly those, and the parser test (test/neo4j-cypher.test.ts) checks each file against the same list:
 * no value is ever spliced into query text, and no query waits for a parameter nobody passes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CYPHER_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../cypher');

export const QUERY_PARAMS = {
  // the graph: writes
  'lock-graph': ['at'],
  'save-graph-counters': ['version', 'entitySeq', 'linkSeq', 'documentSeq', 'occurrenceSeq'],
  'document-by-id': ['id'],
  'merge-document': ['document', 'at'],
  'existing-entities': ['ids'],
  'entities-to-merge': ['ids', 'documentId'],
  'merge-entities': ['rows', 'at', 'version'],
  'merge-entity-facts': ['rows', 'documentId', 'importedBy', 'at'],
  'links-to-merge': ['ids', 'documentId'],
  'occurrences-to-merge': ['ids', 'documentId'],
  'merge-links': ['rows', 'at', 'version'],
  'update-links': ['rows', 'at', 'version'],
  'merge-link-facts': ['rows', 'documentId', 'importedBy', 'at'],
  'merge-occurrences': ['rows', 'documentId', 'importedBy', 'at'],
  // the graph: reads
  'graph-version': [],
  'count-graph': [],
  'entity-by-id': ['id'],
  'entity-provenance': ['id'],
  'entity-cases': ['id'],
  'link-by-id': ['id'],
  'link-provenance': ['id'],
  'link-occurrences': ['id', 'limit'],
  'entities-by-ids': ['ids'],
  'search-entities': ['query', 'kinds', 'limit'],
  'entities-in-order': ['kinds', 'limit'],
  'links-from': ['ids', 'linkKinds', 'from', 'to'],
  'case-entities': ['caseIds'],
  'case-links': ['caseIds'],
  neighbours: ['ids', 'linkKinds'],
  'entities-changed-since': ['version'],
  'links-changed-since': ['version', 'bound'],
  'edge-list-entities': [],
  'edge-list-links': [],
  'occurrence-span': ['ids', 'from', 'to'],
  'occurrence-bins': ['ids', 'lo', 'hi', 'bins'],
  // merges of persons (merges.ts)
  'resolution-persons': [],
  'merge-conflicts': ['survivorId', 'absorbedId'],
  'person-snapshot': ['id'],
  'move-entity-facts': ['facts', 'fromId', 'toId'],
  'move-links-out': ['ids', 'fromId', 'toId', 'version'],
  'move-links-in': ['ids', 'fromId', 'toId', 'version'],
  'remove-entity': ['id', 'version'],
  'restore-entity': ['entity'],
  'touch-entity': ['id', 'version'],
  'create-merge': ['merge'],
  'merge-by-id': ['id'],
  'mark-merge-undone': ['id', 'undoneBy', 'at'],
  'removed-since': ['version', 'bound'],
  'mark-not-same': ['pair', 'decidedBy', 'at'],
  'not-same-pairs': [],
  // protection
  'protected-persons': [],
  'protected-identifiers': ['ids'],
  'same-document-persons': ['ids'],
  pseudonyms: [],
  'lock-pseudonyms': ['at'],
  'assign-pseudonyms': ['rows', 'at'],
  // start-up
  'server-components': [],
  'await-indexes': ['timeoutSeconds'],
  'init-graph-meta': [],
  'init-audit-head': ['genesis'],
  // Graph Data Science
  'gds-version': [],
  'gds-project-graph': ['graphName', 'kinds'],
  'gds-louvain': ['graphName'],
  'gds-drop-graph': ['graphName'],
  // access
  'count-users': [],
  'create-user': ['user'],
  'user-by-id': ['id'],
  'user-by-username': ['usernameKey'],
  'list-users': [],
  'update-user': ['usernameKey', 'change'],
  'create-session': ['session'],
  'session-by-token': ['tokenHash'],
  'touch-session': ['tokenHash', 'at'],
  'delete-session': ['tokenHash'],
  'delete-sessions-of-user': ['userId'],
  'delete-expired-sessions': ['now', 'idleBefore'],
  'grant-case': ['caseId', 'userId', 'grantedBy', 'at'],
  'revoke-case': ['caseId', 'userId'],
  'cases-of-user': ['userId'],
  'record-login-failure': ['usernameKey', 'ip', 'at'],
  'login-failures-of-username': ['usernameKey', 'since'],
  'login-failures-from-ip': ['ip', 'since'],
  'clear-login-failures': ['usernameKey'],
  // audit
  'lock-audit-head': ['at'],
  'append-audit-entry': ['entry'],
  'audit-head': [],
  'audit-entries': ['afterSeq', 'caseId', 'actor', 'action', 'limit'],
  // the investigator's case work
  'document-view': ['id'],
  'add-case-alerts': ['rows'],
  'case-alerts': ['caseId', 'limit'],
  'watch-alerts': ['caseId', 'entityId', 'userId', 'limit'],
  'merge-watch': ['watch'],
  'delete-watch': ['userId', 'entityId'],
  'watches-of-user': ['userId'],
  'watches-on-entities': ['ids'],
  'watches-for-cases': ['caseIds'],
} as const satisfies Record<string, readonly string[]>;

export type QueryName = keyof typeof QUERY_PARAMS;
export type QueryParams<Q extends QueryName> = { [K in (typeof QUERY_PARAMS)[Q][number]]: unknown };

export interface Queries {
  text(name: QueryName): string;
  /** The schema statements (constraints and indexes), in the order their file names give. */
  schema: readonly { file: string; text: string }[];
}

export class QueryFileError extends Error {
  override readonly name = 'QueryFileError';
}

/** Reads every query file once; a file missing, unexpected or empty is an error of the installation. */
export function loadQueries(dir: string = CYPHER_DIR): Queries {
  const declared = new Set<string>(Object.keys(QUERY_PARAMS));
  const files = readdirSync(dir).filter((f) => f.endsWith('.cypher'));
  const unknown = files.map((f) => f.slice(0, -'.cypher'.length)).filter((n) => !declared.has(n));
  if (unknown.length)
    throw new QueryFileError(`${dir} holds queries the adapter does not know: ${unknown.join(', ')}`);
  const texts = new Map<string, string>();
  for (const name of declared) {
    const path = join(dir, `${name}.cypher`);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new QueryFileError(`the Neo4j query ${path} is missing`);
    }
    if (!text.trim()) throw new QueryFileError(`the Neo4j query ${path} is empty`);
    texts.set(name, text);
  }
  const schemaDir = join(dir, 'schema');
  const schema = readdirSync(schemaDir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(schemaDir, file), 'utf8') }));
  return { text: (name) => texts.get(name)!, schema };
}

let loaded: Queries | undefined;
/** The queries of this installation, read on first use and kept. */
export function queries(): Queries {
  loaded ??= loadQueries();
  return loaded;
}
