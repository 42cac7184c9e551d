/**
 * An import prepares its chunks of rows directly (server/ingest/import/prepare-chunk.ts) instead of
 * building the batch an ingest reads and preparing that. The two must give the store the same thing:
 * every template's file is read here in chunks of a few rows, and each chunk prepared both ways.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CaseGraphError } from '../server/domain/errors.js';
import { prepareBatch } from '../server/ingest/ingest-batch.js';
import { inspectFile, type ImportSettings } from '../server/ingest/import/inspect.js';
import { chunksOf, type Pass } from '../server/ingest/import/map-file.js';
import { ChunkPreparer } from '../server/ingest/import/prepare-chunk.js';
import { ChunkBuilder, RowEmitter } from '../server/ingest/import/row-view.js';
import { cdrText, type CdrRow } from '../seed/files/cdr-layouts.js';
import type { Operator } from '../seed/places.js';
import { TEST_KEYS } from './support/batches.js';
import { makeXlsx } from './support/xlsx.js';
import { IPDR, REGISTER, STATEMENT_ACCOUNT, STATEMENTS } from './support/import-samples.js';

const dir = mkdtempSync(join(tmpdir(), 'casegraph-prepare-chunk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TARGET = '+919820123456';
const T0 = Date.UTC(2026, 3, 15, 4, 42, 0);

/** Calls both ways, SMS from a sender id, a second handset, days that repeat and change, a VoWiFi address. */
function cdrRows(): CdrRow[] {
  const rows: CdrRow[] = [];
  for (let i = 0; i < 40; i++)
    rows.push({
      other: i % 9 === 4 ? 'AD-AIRTEL-S' : `+9198333000${String(i % 7).padStart(2, '0')}`,
      kind: i % 3 === 0 ? 'messaged' : 'called',
      dir: i % 2 ? 'in' : 'out',
      t: T0 + i * 5 * 3_600_000,
      ...(i % 3 === 0 ? {} : { durationS: (i * 37) % 900 }),
      imei: i % 5 === 0 ? '353322110001230' : '490154203237518',
      cell: i % 11 === 10 ? '10.20.30.40:5060' : `404-98-8331-2307115${50 + (i % 4)}`,
      lat: 21.29669 + (i % 4) / 1000,
      lon: 72.8915,
    });
  return rows;
}

let n = 0;
function write(content: string | Buffer, ext = 'csv') {
  const name = `f${++n}.${ext}`;
  const path = join(dir, name);
  writeFileSync(path, content);
  return { path, document: { name, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') } };
}

/** Every chunk of the file (three rows each) prepared directly and through the batch, side by side. */
async function bothWays(content: string | Buffer, settings: ImportSettings = {}, ext = 'csv') {
  const { path, document } = write(content, ext);
  const inspected = await inspectFile(path, settings);
  const pass: Pass = { rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, issues: [] };
  const input = { ...document, type: inspected.found.template.documentType };
  const preparer = new ChunkPreparer(input, 'test-officer', TEST_KEYS);
  const pairs = [];
  for await (const chunk of chunksOf({ path, chunkRows: 3 }, inspected, TEST_KEYS, pass, 'writing')) {
    const through = prepareBatch(chunk.build(input), 'test-officer', TEST_KEYS);
    pairs.push({ direct: preparer.direct(chunk, through.document), through });
  }
  expect(pass.rowsRejected).toBe(0);
  return pairs;
}

describe('a chunk prepared directly is the batch an ingest of its rows would write', () => {
  const files: [string, string, ImportSettings?][] = [
    ...(['Airtel', 'Jio', 'Vi', 'BSNL'] as Operator[]).map((op): [string, string] => [
      `${op} CDR`,
      cdrText(op, TARGET, cdrRows()),
    ]),
    ...STATEMENTS.map(([id, text]): [string, string] => [id, text]),
    [
      'a statement whose account is given',
      STATEMENTS[0]![1].split('\n').slice(3).join('\n'),
      { account: STATEMENT_ACCOUNT },
    ],
    [
      'a hotel register',
      REGISTER.split('\n')
        .filter((l) => !l.startsWith('Nobody'))
        .join('\n'),
    ],
    ['an IPDR', IPDR],
    [
      'one row, one link',
      'From kind,From,Link,To kind,To,Date,Amount,Reference\n' +
        'account:upi,payer@oksbi,paid,account:upi,payee@ybl,25/06/2026,"1,23,456.50",512345678900\n' +
        'account:upi,payer@oksbi,paid,account:upi,payee@ybl,26/06/2026,99.00,512345678901\n' +
        'phone,9820123456,called,phone,+91 98333 00001,27/06/2026,,\n',
    ],
  ];

  it.each(files)('%s', async (_, text, settings) => {
    const pairs = await bothWays(text, settings);
    expect(pairs.length).toBeGreaterThan(0);
    for (const { direct, through } of pairs) {
      // Declining would also be correct, but then the fast way would serve no real file.
      expect(direct).toBeDefined();
      expect(direct).toEqual(through);
    }
  });

  it('an Excel CDR, whose times are fractions of a day', async () => {
    const sheet = [
      ['BHARTI AIRTEL LIMITED'],
      [],
      ['Target No', 'Call Type', 'B Party No', 'Date', 'Time', 'Dur(s)', 'First CGI', 'IMEI'],
      ['9820123456', 'OUT', '9833300001', '46127', '0.425', '62', '404-98-8331-230711555', '490154203237518'],
      ['9820123456', 'IN', '9833300001', '46127', '0.466666666667', '5', '404-98-8331-230711555', ''],
      ['9820123456', 'SMO', '9833300002', '46128.3', '', '', '404-98-8331-230711556', '490154203237518'],
    ];
    const pairs = await bothWays(makeXlsx(sheet), {}, 'xlsx');
    for (const { direct, through } of pairs) expect(direct).toEqual(through);
  });

  it('keeps the same ids across chunks, as the link ids it remembers must', async () => {
    const pairs = await bothWays(cdrText('Airtel', TARGET, cdrRows()));
    expect(pairs.length).toBeGreaterThan(5);
    const ids = pairs.flatMap((p) => p.direct!.links.map((l) => l.id));
    expect(new Set(ids).size).toBeLessThan(ids.length);
  });
});

describe('what the direct way leaves to the batch checks', () => {
  it('a property of the wrong type is refused as an ingest would refuse it', () => {
    const emit = new RowEmitter(TEST_KEYS);
    const chunk = new ChunkBuilder();
    const phone = emit.key('phone', undefined, '9820123456', 'target')!;
    emit.entity(phone, { operator: 42 });
    emit.commit(chunk, 4);
    const document = { name: 'x.csv', sha256: 'a'.repeat(64), type: 'cdr' as const };
    const preparer = new ChunkPreparer(document, 'test-officer', TEST_KEYS);
    expect(
      preparer.direct(chunk, prepareBatch({ document }, 'test-officer', TEST_KEYS).document),
    ).toBeUndefined();
    let refused: unknown;
    try {
      preparer.prepare(chunk);
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(CaseGraphError);
    expect((refused as CaseGraphError).issues).toEqual([
      expect.objectContaining({ path: 'entities[0].props.operator' }),
    ]);
  });
});
