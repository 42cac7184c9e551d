/** What the service and its analytics worker say to each other. */
import type { EntityKind, LinkKind } from '../domain/kinds.js';

/** The part of the graph a question is about: the whole projection, a case, or a filtered subgraph. */
export interface AnalyticsScope {
  caseId?: string;
  /** Several cases at once (a user's assigned cases): the union of their graphs. */
  caseIds?: string[];
  /**
   * With caseId: 1 adds the entities one hop beyond the case that the caller may read, as the links of
   * the case show them (server/store/case-reach.ts); `readable` is that caller's cases.
   */
  reach?: 0 | 1;
  readable?: 'all' | string[];
  kinds?: EntityKind[];
  linkKinds?: LinkKind[];
  from?: number;
  to?: number;
  limit?: number;
}

export interface AnalyticsRequest {
  id: number;
  op: string;
  scope: AnalyticsScope;
  params: Record<string, unknown>;
}

export interface AnalyticsError {
  name: string;
  message: string;
  /** The parameter at fault, for errors of the caller's input. */
  field?: string;
}

export type AnalyticsReply =
  | { id: number; ok: true; version: number; /** The whole answer as JSON text. */ body: string }
  | {
      id: number;
      ok: true;
      version: number;
      /** A file in the spool holding the answer's JSON text. */ file: string;
    }
  | { id: number; ok: false; error: AnalyticsError };

/**
 * Answers longer than this many characters travel through a file in the spool, not the IPC channel: a
 * community map of a million links is megabytes, and taking it off the channel, copying it and encoding
 * it for the socket once cost the service's thread a quarter of a second in one piece. A file is read
 * into the response in small chunks, so other requests are served between them.
 */
export const SPOOL_ABOVE_CHARS = 256 * 1024;

/**
 * Where the worker finds the store. For Neo4j it reads the connection settings from its own environment
 * (server/config.ts), which it inherits: a password must not travel on a command line others can list.
 */
export type AnalyticsWorkerInput = (
  | { store: 'sqlite'; dbPath: string; cacheMiB: number }
  | {
      store: 'neo4j';
      /** Whole-graph communities of at least this many links run as gds.louvain where GDS is installed. */
      gdsMinLinks: number;
    }
) & {
  /** A folder only this service reads (in the data folder: answers hold case data) for large answers. */
  spoolDir?: string;
};
