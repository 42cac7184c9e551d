/**
 * A stand-in for neo4j-driver's Driver, for tests of the Neo4j adapter without a server: the adapter's
 * real executor runs against it, every query text and parameter map it would send is recorded, and
 * answers are scripted per query with the driver's own Record, Node, Relationship and Path classes.
 */
import type { Driver, Record as Neo4jRecord } from 'neo4j-driver';
import { Neo4jExecutor } from '../../server/store/neo4j/executor.js';
import { Neo4jGraphStore } from '../../server/store/neo4j/neo4j-store.js';
import { QUERY_PARAMS, queries, type QueryName } from '../../server/store/neo4j/queries.js';

export interface Sent {
  /** The query file whose text was sent unchanged, or null when the text matches no file. */
  name: QueryName | null;
  text: string;
  params: Record<string, unknown>;
  mode: 'READ' | 'WRITE';
}

export type Answers = Partial<Record<QueryName, (params: Record<string, unknown>) => Neo4jRecord[]>> & {
  /** A statement of cypher/schema/, by file name: what running it does. */
  schema?: (file: string) => void;
};

const schemaFileOf = new Map(queries().schema.map((s) => [s.text, s.file]));

const byText = new Map<string, QueryName>(
  (Object.keys(QUERY_PARAMS) as QueryName[]).map((name) => [queries().text(name), name]),
);

/** What tx.run returns: awaitable for all records, and async-iterable record by record, as the driver's. */
function result(records: () => Promise<Neo4jRecord[]>) {
  return {
    then<T>(ok: (r: { records: Neo4jRecord[] }) => T, fail?: (e: unknown) => T) {
      return records()
        .then((r) => ({ records: r }))
        .then(ok, fail);
    },
    async *[Symbol.asyncIterator]() {
      yield* await records();
    },
  };
}

/**
 * One write lock, as Neo4j takes on a node a query SETs: held by one transaction from the first query
 * that takes it until that transaction ends, others waiting for it.
 */
class WriteLock {
  private holder: object | null = null;
  private waiting: (() => void)[] = [];
  async take(tx: object): Promise<void> {
    while (this.holder !== null && this.holder !== tx) await new Promise<void>((ok) => this.waiting.push(ok));
    this.holder = tx;
  }
  release(tx: object): void {
    if (this.holder !== tx) return;
    this.holder = null;
    this.waiting.splice(0).forEach((wake) => wake());
  }
}

/** How a stateful stand-in keeps a write transaction all-or-nothing: state taken before, put back on failure. */
export interface Transactions {
  begin(): unknown;
  rollback(saved: unknown): void;
  /** Queries that take the write lock of the node they lock (lock-graph, lock-audit-head …). */
  locking?: QueryName[];
}

/** One lock per database: drivers of several instances on the same model share it. */
const locks = new WeakMap<object, WriteLock>();
function lockOf(transactions: Transactions | undefined): WriteLock {
  if (!transactions) return new WriteLock();
  if (!locks.has(transactions)) locks.set(transactions, new WriteLock());
  return locks.get(transactions)!;
}

export function fakeDriver(answers: Answers = {}, transactions?: Transactions) {
  const sent: Sent[] = [];
  const lock = lockOf(transactions);
  const locking = new Set(transactions?.locking ?? []);
  const driver = {
    session({ defaultAccessMode }: { defaultAccessMode: 'READ' | 'WRITE' }) {
      const transaction = () => {
        const tx = {
          /** What to put back if it fails: taken when it first writes or locks, so it holds what others committed before. */
          saved: undefined as { state: unknown } | undefined,
          run(text: string, params: Record<string, unknown> = {}) {
            const name = byText.get(text) ?? null;
            sent.push({ name, text, params, mode: defaultAccessMode });
            return result(async () => {
              if (name && locking.has(name)) await lock.take(tx);
              if (defaultAccessMode === 'WRITE') tx.saved ??= { state: transactions?.begin() };
              const schemaFile = schemaFileOf.get(text);
              if (schemaFile) answers.schema?.(schemaFile);
              return name ? (answers[name]?.(params) ?? []) : [];
            });
          },
        };
        return tx;
      };
      return {
        executeRead: (work: (t: ReturnType<typeof transaction>) => unknown) => work(transaction()),
        async executeWrite(work: (t: ReturnType<typeof transaction>) => unknown) {
          const tx = transaction();
          try {
            return await work(tx);
          } catch (error) {
            if (tx.saved) transactions?.rollback(tx.saved.state);
            throw error;
          } finally {
            lock.release(tx);
          }
        },
        close: async () => {},
      };
    },
    close: async () => {},
  };
  return { driver: driver as unknown as Driver, sent };
}

export function fakeStore(answers: Answers = {}, batchSize = 1000, transactions?: Transactions) {
  const { driver, sent } = fakeDriver(answers, transactions);
  const store = new Neo4jGraphStore(
    new Neo4jExecutor(driver, 'neo4j', queries()),
    { batchSize },
    { version: '5.26.0', edition: 'community', gds: null },
  );
  return { store, sent };
}
