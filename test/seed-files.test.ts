/**
 * The seed's scenario written as operator files (every operator's CDRs, its tower dumps) and imported
 * gives the graph its JSON batches give: the same entities and links, every call and SMS with the same
 * count, duration and first and last time. Handset and cell sightings are compared as links: the importer
 * keeps one a day, the batches a few a document.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IngestBatchInput } from '../server/domain/batch.js';
import type { Subgraph } from '../server/domain/views.js';
import { ingestBulk } from '../server/ingest/bulk.js';
import { runImport } from '../server/ingest/import/run-import.js';
import { SqliteGraphStore } from '../server/store/sqlite/sqlite-store.js';
import { scenarioFile } from '../seed/files/from-batches.js';
import { generateScenario } from '../seed/scenario.js';
import { TEST_KEYS } from './support/batches.js';

const dir = mkdtempSync(join(tmpdir(), 'casegraph-seed-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function ingestJson(store: SqliteGraphStore, batches: IngestBatchInput[]): Promise<void> {
  for await (const o of ingestBulk(
    batches.map((raw, i) => ({ where: `batch ${i}`, raw })),
    'seed',
    { store, keys: TEST_KEYS },
  ))
    if (!o.ok) throw new Error(`${o.where}: ${o.error.message}`);
}

function shape(g: Subgraph) {
  const sightings = new Set(['in-device', 'seen-at', 'used-ip']);
  return {
    nodes: g.nodes.map((n) => `${n.kind} ${n.id}`).sort(),
    links: g.links
      .map((l) =>
        sightings.has(l.kind)
          ? `${l.kind} ${l.id}`
          : `${l.kind} ${l.id} ×${l.count} ${l.durationS}s ${l.firstAt} ${l.lastAt}`,
      )
      .sort(),
    cells: g.nodes
      .filter((n) => n.kind === 'location')
      .map((n) => `${n.id} ${String(n.props.lat)} ${String(n.props.lon)}`)
      .sort(),
  };
}

describe('the scenario as operator files', () => {
  it('imports to the graph its batches make', async () => {
    const { batches } = generateScenario({ entities: 400, seed: 'files-1' });
    const viaJson = new SqliteGraphStore(':memory:');
    const viaFiles = new SqliteGraphStore(':memory:');
    await ingestJson(viaJson, batches);

    const kinds = new Map<string, number>();
    let pending: IngestBatchInput[] = [];
    for (const batch of batches) {
      const file = scenarioFile(batch);
      if (!file) {
        pending.push(batch);
        continue;
      }
      await ingestJson(viaFiles, pending);
      pending = [];
      const path = join(dir, file.name);
      writeFileSync(path, file.text);
      const result = await runImport(
        {
          path,
          document: {
            name: file.name,
            sha256: createHash('sha256').update(file.text).digest('hex'),
            type: file.type,
            ...(file.case ? { case: file.case } : {}),
          },
          importedBy: 'seed',
          settings: { template: file.template },
        },
        { store: viaFiles, keys: TEST_KEYS },
      );
      expect(result.rowsRejected, file.name).toBe(0);
      kinds.set(`${file.template} ${file.type}`, (kinds.get(`${file.template} ${file.type}`) ?? 0) + 1);
    }
    await ingestJson(viaFiles, pending);

    // Every operator's CDR and a tower dump were among the files.
    expect([...kinds.keys()].sort()).toEqual(
      expect.arrayContaining(['cdr-airtel cdr', 'cdr-jio cdr', 'cdr-vi cdr', 'cdr-bsnl cdr']),
    );
    expect([...kinds.keys()].some((k) => k.endsWith('tower-dump'))).toBe(true);

    const a = shape(await viaJson.subgraph({ limit: 1_000_000 }));
    const b = shape(await viaFiles.subgraph({ limit: 1_000_000 }));
    expect(a.links.length).toBeGreaterThan(500);
    expect(b.nodes).toEqual(a.nodes);
    expect(b.cells).toEqual(a.cells);
    expect(b.links).toEqual(a.links);
  }, 120_000);
});
