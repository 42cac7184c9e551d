/** What the service and its analytics worker say to each other. */
import type { EntityKind, LinkKind } from '../domain/kinds.js';

/** The part of the graph a question is about: the whole projection, a case, or a filtered subgraph. */
export interface AnalyticsScope {
  caseId?: string;
  /** Several cases at once (a user's assigned cases): the union of their graphs. */
  caseIds?: string[];
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
  | { id: number; ok: false; error: AnalyticsError };

/**
 * Where the worker finds the store. For Neo4j it reads the connection settings from its own environment
 * (server/config.ts), which it inherits: a password must not travel on a command line others can list.
 */
export type AnalyticsWorkerInput =
  | { store: 'sqlite'; dbPath: string; cacheMiB: number }
  | {
      store: 'neo4j';
      /** Whole-graph communities of at least this many links run as gds.louvain where GDS is installed. */
      gdsMinLinks: number;
    };
