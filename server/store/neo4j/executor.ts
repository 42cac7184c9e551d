/**
 * The one owner of the Neo4j driver: every query of the adapter runs through here, by name, in a managed
 * transaction (executeRead / executeWrite, which the driver retries on transient failures such as a
 * leader switch), with sessions closed in `finally` and the driver's connection errors mapped to the
 * store's own. The adapter's modules see only the Executor interface, so tests can run them without a
 * server and see exactly which query text and which parameters would have been sent.
 */
import type { Driver, ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import { Neo4jError } from 'neo4j-driver';
import { CaseGraphError } from '../../domain/errors.js';
import type { Queries, QueryName, QueryParams } from './queries.js';

export interface QueryRunner {
  /** Runs a query and gives its records once all have arrived: for answers known to be small. */
  all<Q extends QueryName>(name: Q, params: QueryParams<Q>): Promise<Neo4jRecord[]>;
  /** Runs a query and hands each record over as it arrives, so a large answer is never held whole. */
  each<Q extends QueryName>(
    name: Q,
    params: QueryParams<Q>,
    onRecord: (record: Neo4jRecord) => void,
  ): Promise<void>;
}

export interface WriteOptions {
  /**
   * A write that may rightly take long (an import's batches, a Graph Data Science run) is not held to
   * the transaction timeout; every other write is, so one waiting on a lock ends as STORE.UNAVAILABLE.
   */
  long?: boolean;
}

export interface Executor {
  read<T>(work: (q: QueryRunner) => Promise<T>): Promise<T>;
  /** One transaction: all of `work` commits or none of it does. It may run again if the driver retries. */
  write<T>(work: (q: QueryRunner) => Promise<T>, options?: WriteOptions): Promise<T>;
  /** Runs one statement of cypher/schema/ in a transaction of its own, as schema changes must. */
  schema(statement: { file: string; text: string }): Promise<void>;
  close(): Promise<void>;
}

/** Connection failures the caller may retry later; everything else is a fault and goes up as it is. */
const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

/** A transaction that ran past its timeout, mostly waiting for a lock another writer holds. */
const TIMED_OUT = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/**
 * How long a write other than a long one may take, waiting for locks included, before it gives up as
 * STORE.UNAVAILABLE: the embedded store's busy timeout (SQLITE_BUSY_TIMEOUT_MS) has the same default.
 */
export const DEFAULT_TX_TIMEOUT_MS = 10_000;

export function asStoreError(error: unknown): unknown {
  if (error instanceof Neo4jError && TIMED_OUT.has(error.code))
    return new CaseGraphError(
      'STORE.UNAVAILABLE',
      'the store is busy with another writer; try again shortly (Neo4j transaction timed out)',
    );
  if (error instanceof Neo4jError && (UNAVAILABLE.has(error.code) || error.retriable))
    return new CaseGraphError('STORE.UNAVAILABLE', `Neo4j is unavailable: ${error.message.split('\n')[0]}`);
  return error;
}

function runner(tx: ManagedTransaction, queries: Queries): QueryRunner {
  return {
    async all(name, params) {
      const result = await tx.run(queries.text(name), params);
      return result.records;
    },
    async each(name, params, onRecord) {
      // Records are taken from the stream one by one; the driver pulls further batches as they are used.
      for await (const record of tx.run(queries.text(name), params)) onRecord(record);
    },
  };
}

export class Neo4jExecutor implements Executor {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly queries: Queries,
    /** Timeout of a write that is not long, in milliseconds. */
    private readonly txTimeoutMs: number = DEFAULT_TX_TIMEOUT_MS,
  ) {}

  private async session<T>(
    mode: 'READ' | 'WRITE',
    work: (q: QueryRunner) => Promise<T>,
    timeoutMs?: number,
  ): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: mode });
    // Reads take no locks in Neo4j, so they wait for no writer; a stream of millions may rightly be long.
    const config = {
      metadata: { app: 'casegraph' },
      ...(timeoutMs === undefined ? {} : { timeout: timeoutMs }),
    };
    try {
      return mode === 'READ'
        ? await session.executeRead((tx) => work(runner(tx, this.queries)), config)
        : await session.executeWrite((tx) => work(runner(tx, this.queries)), config);
    } catch (error) {
      throw asStoreError(error);
    } finally {
      await session.close();
    }
  }

  read<T>(work: (q: QueryRunner) => Promise<T>): Promise<T> {
    return this.session('READ', work);
  }

  write<T>(work: (q: QueryRunner) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    return this.session('WRITE', work, options.long ? undefined : this.txTimeoutMs);
  }

  async schema(statement: { file: string; text: string }): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: 'WRITE' });
    try {
      await session.executeWrite((tx) => tx.run(statement.text));
    } catch (error) {
      throw asStoreError(error);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
