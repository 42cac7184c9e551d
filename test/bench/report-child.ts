/**
 * The measured side of the report benchmark (report.bench.ts), in a process of its own so that its
 * peak memory is the step's own: `ingest DIR N` loads a generated scenario of N entities as one joint
 * case into a fresh store in DIR; `report DIR` opens that store and makes the case's report, printing
 * the time, the peak RSS and the report's size as JSON.
 */
import { join } from 'node:path';
import { generateScenario } from '../../seed/scenario.js';
import { entityId } from '../../server/domain/ids.js';
import { normaliseKey } from '../../server/domain/keys.js';
import { maskSet } from '../../server/domain/mask.js';
import { ingestBulk } from '../../server/ingest/bulk.js';
import { buildReport } from '../../server/reports/report.js';
import { SqliteGraphStore } from '../../server/store/sqlite/sqlite-store.js';
import { JOINT_FIR, jointCaseBatches } from '../support/reports.js';

const [mode, dir, n] = process.argv.slice(2) as ['ingest' | 'report', string, string?];
const keys = { defaultRegion: 'IN' as const, aadhaarKey: 'bench-only-aadhaar-key-0123456789abcdef' };
const store = new SqliteGraphStore(join(dir, 'casegraph.db'));
if (mode === 'ingest') {
  const batches = jointCaseBatches(generateScenario({ entities: Number(n), seed: `report-bench-${n}` }));
  const items = batches.map((raw, i) => ({ where: `batch ${i}`, raw }));
  for await (const o of ingestBulk(items, 'bench', { store, keys })) if (!o.ok) throw o.error;
  await store.close();
} else {
  const key = normaliseKey('fir', JOINT_FIR, keys);
  if (!key.ok) throw new Error(key.reason);
  const caseId = entityId('case', 'fir', key.key);
  const stages: Record<string, number> = {};
  let last = performance.now();
  let stage = 'start';
  const t0 = performance.now();
  const masks = maskSet(await store.protectedEntities());
  const r = await buildReport(
    store,
    caseId,
    masks,
    {
      court: 'Bench Court',
      preparedBy: { name: 'Bench', username: 'bench', role: 'prosecutor', unit: null },
      generatedAt: new Date('2026-01-01T00:00:00Z'),
      version: 'bench',
      host: 'bench',
      storeName: 'sqlite',
      nodeVersion: process.version,
    },
    (s) => {
      if (s === stage) return;
      const now = performance.now();
      stages[stage] = (stages[stage] ?? 0) + (now - last) / 1000;
      last = now;
      stage = s;
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  stages[stage] = (stages[stage] ?? 0) + (performance.now() - last) / 1000;
  await store.close();
  process.stdout.write(
    JSON.stringify({
      seconds,
      stages,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
      entities: r.data.entities.length,
      links: r.data.links.length,
      pages: r.pages,
      bytes: r.pdf.length,
    }),
  );
}
