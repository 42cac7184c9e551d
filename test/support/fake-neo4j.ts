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

export type Answers = Partial<Record<QueryName, (params: Record<string, unknown>) => Neo4jRecord[]>>;

const byText = new Map<string, QueryName>(
  (Object.keys(QUERY_PARAMS) as QueryName[]).map((name) => [queries().text(name), name]),
);

/** What tx.run returns: awaitable for all records, and async-iterable record by record, as the driver's. */
function result(records: Neo4jRecord[]) {
  return {
    then<T>(ok: (r: { records: Neo4jRecord[] }) => T, fail?: (e: unknown) => T) {
      return Promise.resolve({ records }).then(ok, fail);
    },
    async *[Symbol.asyncIterator]() {
      yield* records;
    },
  };
}

/** How a stateful stand-in keeps a write transaction all-or-nothing: state taken before, put back on failure. */
export interface Transactions {
  begin(): unknown;
  rollback(saved: unknown): void;
}

export function fakeDriver(answers: Answers = {}, transactions?: Transactions) {
  const sent: Sent[] = [];
  const driver = {
    session({ defaultAccessMode }: { defaultAccessMode: 'READ' | 'WRITE' }) {
      const tx = {
        run(text: string, params: Record<string, unknown> = {}) {
          const name = byText.get(text) ?? null;
          sent.push({ name, text, params, mode: defaultAccessMode });
          return result(name ? (answers[name]?.(params) ?? []) : []);
        },
      };
      return {
        executeRead: (work: (t: typeof tx) => unknown) => work(tx),
        async executeWrite(work: (t: typeof tx) => unknown) {
          const saved = transactions?.begin();
          try {
            return await work(tx);
          } catch (error) {
            transactions?.rollback(saved);
            throw error;
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
