/** What the routes are given: the port to the store and the settings that shape requests. */
import type { KeyContext } from '../domain/keys.js';
import type { GraphStore } from '../store/graph-store.js';
import type { AccessStore } from '../store/access-store.js';
import type { Sessions } from '../auth/sessions.js';
import type { AuditRecorder } from '../audit/record.js';
import type { AuditStore } from '../store/audit-store.js';
import type { Masking } from './masking.js';
import type { AnalyticsClient } from '../workers/analytics-client.js';

export interface AppContext {
  store: GraphStore;
  access: AccessStore;
  sessions: Sessions;
  audit: AuditRecorder;
  masking: Masking;
  /** The trail itself, for the auditors' routes. */
  auditStore: AuditStore;
  /** The analytics worker: questions about the graph are answered there, off this thread. */
  analytics: Pick<AnalyticsClient, 'run'>;
  storeName: string;
  keys: KeyContext;
  bodyLimit: string;
  /** Imports of uploaded files: where the files are kept and how large one may be. */
  imports: { dir: string; limitBytes: number };
  version: string;
  /** The store was seeded with the synthetic demo scenario: the client says so. */
  demo: boolean;
  startedAt: number;
}
