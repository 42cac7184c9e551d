/**
 * The seed's scenario written as the files a unit receives (`npm run seed -- --files`: every operator's
 * CDR, tower dumps, the four banks' statements with their UPI, NEFT and IMPS narrations, lodge registers
 * and Form C returns) and imported through the templates gives the graph its JSON batches give: the same
 * entities with the same properties, the same links with the same properties, and every call, SMS,
 * payment and stay with the same count, duration, amount and first and last time. Handset and cell
 * sightings are compared as links: the importer keeps one a day, the batches a few a document.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestBatchInput } from '../server/domain/batch.js';
import type { Subgraph } from '../server/domain/views.js';
import { ingestBulk } from '../server/ingest/bulk.js';
import { runImport } from '../server/ingest/import/run-import.js';
import { parseNarration } from '../server/ingest/import/narration.js';
import { SqliteGraphStore } from '../server/store/sqlite/sqlite-store.js';
import { main } from '../seed/cli.js';
import type { ScenarioFile } from '../seed/files/types.js';
import { TEST_KEYS } from './support/batches.js';

type Entry = Omit<ScenarioFile, 'text'> & { batch: string };

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

const sorted = (props: Record<string, unknown>) =>
  JSON.stringify(Object.fromEntries(Object.entries(props).sort(([a], [b]) => (a < b ? -1 : 1))));

function shape(g: Subgraph) {
  const sightings = new Set(['in-device', 'seen-at', 'used-ip']);
  return {
    nodes: g.nodes.map((n) => `${n.kind} ${n.id} ${sorted(n.props)}`).sort(),
    links: g.links
      .map((l) =>
        sightings.has(l.kind)
          ? `${l.kind} ${l.id}`
          : `${l.kind} ${l.id} ${sorted(l.props)} ×${l.count} ${l.durationS}s ₹${l.amount} ${l.firstAt} ${l.lastAt}`,
      )
      .sort(),
  };
}

let out: string;
let manifest: Entry[];
let batchFiles: string[];
const readBatch = (name: string) =>
  JSON.parse(readFileSync(join(out, 'batches', name), 'utf8')) as IngestBatchInput;

beforeAll(() => {
  out = join(dir, 'scenario');
  // 400 entities and this seed give every operator, every bank's layout and a foreign guest (Form C).
  expect(
    main(['--entities', '400', '--seed', 'files-1', '--files', '--out', out], { out() {}, err() {} }),
  ).toBe(0);
  manifest = JSON.parse(readFileSync(join(out, 'files', 'manifest.json'), 'utf8')) as Entry[];
  batchFiles = readdirSync(join(out, 'batches')).sort();
}, 60_000);

describe('the scenario as the files a unit receives', () => {
  it('writes every operator’s CDR, a tower dump, every bank’s statement, registers and Form C', () => {
    const templates = new Set(manifest.map((f) => f.template));
    for (const t of [
      'cdr-airtel',
      'cdr-jio',
      'cdr-vi',
      'cdr-bsnl',
      'statement-sbi',
      'statement-hdfc',
      'statement-axis',
      'statement-icici',
      'hotel-register',
    ])
      expect(templates, t).toContain(t);
    expect(manifest.some((f) => f.type === 'tower-dump')).toBe(true);
    expect(manifest.some((f) => f.name.startsWith('form-c-'))).toBe(true);
    // Each names the batch it stands for; no other batch is of a kind a file carries.
    const filed = new Set(manifest.map((f) => f.batch));
    for (const name of batchFiles) {
      const type = readBatch(name).document.type;
      if (['cdr', 'tower-dump', 'bank-statement', 'upi-statement', 'hotel-register'].includes(type))
        expect(filed.has(name), name).toBe(true);
    }
  });

  it('narrates payments by UPI, NEFT and IMPS, naming the other account only where the layout does', () => {
    const narrations = manifest
      .filter((f) => f.template.startsWith('statement-'))
      .flatMap((f) => readFileSync(join(out, 'files', f.name), 'utf8').split('\r\n'))
      .map((line) => parseNarration(line.split(',').find((c) => /UPI|NEFT|IMPS/.test(c)) ?? ''))
      .filter((n) => n.channel !== 'OTHER');
    expect(new Set(narrations.map((n) => n.channel))).toEqual(new Set(['UPI', 'NEFT', 'IMPS']));
    expect(narrations.some((n) => n.vpa)).toBe(true);
    expect(narrations.some((n) => n.channel === 'UPI' && !n.vpa && n.name)).toBe(true);
  });

  it('imports to the graph its batches make', async () => {
    const viaJson = new SqliteGraphStore(':memory:');
    const viaFiles = new SqliteGraphStore(':memory:');
    await ingestJson(viaJson, batchFiles.map(readBatch));

    const fileOf = new Map(manifest.map((f) => [f.batch, f]));
    let pending: IngestBatchInput[] = [];
    for (const name of batchFiles) {
      const file = fileOf.get(name);
      if (!file) {
        pending.push(readBatch(name));
        continue;
      }
      await ingestJson(viaFiles, pending);
      pending = [];
      const path = join(out, 'files', file.name);
      const result = await runImport(
        {
          path,
          document: {
            name: file.name,
            sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
            type: file.type,
            ...(file.case ? { case: file.case } : {}),
          },
          importedBy: 'seed',
          settings: { template: file.template },
        },
        { store: viaFiles, keys: TEST_KEYS },
      );
      expect(result.rowsRejected, `${file.name}: ${JSON.stringify(result.issues[0])}`).toBe(0);
      expect(result.rowsAccepted, file.name).toBeGreaterThan(0);
    }
    await ingestJson(viaFiles, pending);

    const a = shape(await viaJson.subgraph({ limit: 1_000_000 }));
    const b = shape(await viaFiles.subgraph({ limit: 1_000_000 }));
    for (const kind of ['paid', 'stayed-at', 'holds', 'uses', 'called'])
      expect(a.links.filter((l) => l.startsWith(`${kind} `)).length, kind).toBeGreaterThan(5);
    expect(b.nodes).toEqual(a.nodes);
    expect(b.links).toEqual(a.links);
  }, 180_000);
});
