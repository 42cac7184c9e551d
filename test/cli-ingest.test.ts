/** `npm run ingest -- FILE…` as an officer runs it: real process, real store in a temporary DATA_DIR. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteGraphStore } from '../server/store/sqlite/sqlite-store.js';
import { airtelCdr, firBatch, jioCdr, sha } from './support/batches.js';
import { runCommand } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'casegraph-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ingest = (...files: string[]) => runCommand('server/cli/ingest.ts', dir, files);

describe('npm run ingest', () => {
  const fir = join(dir, 'fir.json');
  const cdr = join(dir, 'cdr.ndjson');
  writeFileSync(fir, JSON.stringify(firBatch()));
  writeFileSync(cdr, JSON.stringify(airtelCdr()) + '\n');

  it('loads batch files and says what each created', () => {
    const r = ingest(fir, cdr);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`${fir}: entities 3 created, 0 updated, 0 unchanged; links 2 created`);
    expect(r.out).toContain(`${cdr}: entities 3 created`);
  });

  it('changes nothing when run again', () => {
    const r = ingest(fir);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'entities 0 created, 0 updated, 3 unchanged; links 0 created, 0 updated, 2 unchanged',
    );
  });

  it('rejects a bad batch with its fields and exits 1, writing nothing of it', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        document: { name: 'bad.csv', sha256: sha('bad'), type: 'cdr' },
        entities: [{ kind: 'device', key: '490154203237519' }],
      }),
    );
    const r = ingest(bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('rejected (BATCH.INVALID)');
    expect(r.err).toMatch(/entities\[0\]\.key: .*(check digit|Luhn)/i);
    const store = new SqliteGraphStore(join(dir, 'data', 'casegraph.db'));
    expect((await store.stats()).documents).toBe(2);
    await store.close();
  });

  it('reads a folder in name order, a BOM-prefixed file, and goes on past an unreadable one', () => {
    const folder = join(dir, 'folder');
    mkdirSync(join(folder, 'sub.json'), { recursive: true }); // a folder named like a file is skipped
    writeFileSync(join(folder, '2-cdr.json'), '\uFEFF' + JSON.stringify(airtelCdr()));
    writeFileSync(join(folder, '1-fir.json'), '{\n  "document": {\n');
    const r = ingest(folder);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `${join(folder, '1-fir.json')}: cannot read it as JSON or NDJSON (not valid JSON`,
    );
    expect(r.out).toContain(`${join(folder, '2-cdr.json')}: entities 0 created`);
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const none = ingest(empty);
    expect(none.code).toBe(2);
    expect(none.err).toContain('no batch files');
  });

  it('reports a line of an NDJSON file that is not JSON by its number, and loads the other lines', async () => {
    const documents = async () => {
      const store = new SqliteGraphStore(join(dir, 'data', 'casegraph.db'));
      const n = (await store.stats()).documents;
      await store.close();
      return n;
    };
    const mixed = join(dir, 'mixed.ndjson');
    const other = { ...airtelCdr(), document: { ...airtelCdr().document, sha256: sha('mixed-3') } };
    writeFileSync(mixed, `${JSON.stringify(jioCdr())}\n{"document": \n${JSON.stringify(other)}\n`);
    const before = await documents();
    const r = ingest(mixed);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${mixed}: cannot read it as JSON or NDJSON (line 2:`);
    expect(r.out).toContain(`${mixed} line 1: entities`);
    expect(r.out).toContain(`${mixed} line 3: entities`);
    expect(await documents()).toBe(before + 2);
  });

  it('says so when a file is not JSON, and shows usage without files', () => {
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, 'name,phone\nA,1\n');
    const r = ingest(junk);
    expect(r.code).toBe(1);
    expect(r.err).toContain('cannot read it as JSON or NDJSON');
    const usage = ingest();
    expect(usage.code).toBe(2);
    expect(usage.out).toContain('usage: npm run ingest');
  });
});
