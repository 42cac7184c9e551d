/**
 * The worker that prepares an import runs at most a window of batches ahead of the writer and is given
 * credit back as the writer takes them. However narrow the window, every batch arrives once and in
 * order, and the store ends the same.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../server/ingest/bulk.js';
import { SqliteGraphStore } from '../server/store/sqlite/sqlite-store.js';
import { generateScenario } from '../seed/scenario.js';
import { TEST_KEYS } from './support/batches.js';

const dir = mkdtempSync(join(tmpdir(), 'casegraph-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { batches } = generateScenario({ entities: 300, seed: 'windows' });
const file = join(dir, 'scenario.ndjson');
writeFileSync(file, batches.map((b) => JSON.stringify(b)).join('\n') + '\n');

async function importWith(window: number) {
  const store = new SqliteGraphStore(join(dir, `window-${window}.db`));
  const deps = { store, keys: TEST_KEYS, now: () => new Date('2026-11-24T10:00:00Z') };
  const unreadable: string[] = [];
  const outcomes = [];
  for await (const r of ingestFiles([file], 'tester', deps, (_, why) => unreadable.push(why), { window }))
    outcomes.push(r.ok ? { where: r.where, counts: r.counts } : { where: r.where, error: r.error.code });
  const stats = await store.stats();
  await store.close();
  return { outcomes, unreadable, stats };
}

describe('importing files through the preparing worker', () => {
  it('gives every batch once, in order, whatever the window', { timeout: 60_000 }, async () => {
    expect(batches.length).toBeGreaterThan(40);
    const wide = await importWith(64);
    expect(wide.unreadable).toEqual([]);
    expect(wide.outcomes.map((o) => o.where)).toEqual(batches.map((_, i) => `${file} line ${i + 1}`));
    expect(wide.outcomes.every((o) => 'counts' in o)).toBe(true);
    for (const window of [1, 2, 3, 5]) expect(await importWith(window)).toEqual(wide);
  });
});
