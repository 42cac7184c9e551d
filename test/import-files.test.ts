/**
 * The importer end to end below HTTP: operator CDRs written as each operator sends them become the same
 * calls, handsets and cells; bad files are refused naming row and column, with nothing written.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { CaseGraphError } from '../server/domain/errors.js';
import { entityId, linkId } from '../server/domain/ids.js';
import { runImport, type ImportOptions } from '../server/ingest/import/run-import.js';
import { spareImportWorker } from '../server/ingest/import/spare-worker.js';
import { SqliteGraphStore } from '../server/store/sqlite/sqlite-store.js';
import { cdrText, type CdrRow } from '../seed/files/cdr-layouts.js';
import type { Operator } from '../seed/places.js';
import { TEST_KEYS } from './support/batches.js';
import { makeXlsx } from './support/xlsx.js';
import { IPDR, REGISTER, STATEMENT_ACCOUNT, STATEMENT_BANNER, STATEMENTS } from './support/import-samples.js';

const dir = mkdtempSync(join(tmpdir(), 'casegraph-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TARGET = '+919820123456';
const OTHER = '+919833300001';
const IMEI = '490154203237518';
const T0 = Date.UTC(2026, 3, 15, 4, 42, 0); // 15/04/2026 10:12:00 IST

const ROWS: CdrRow[] = [
  {
    other: OTHER,
    kind: 'called',
    dir: 'out',
    t: T0,
    durationS: 62,
    imei: IMEI,
    cell: '404-98-8331-230711555',
    lat: 21.29669,
    lon: 72.8915,
  },
  {
    other: OTHER,
    kind: 'called',
    dir: 'in',
    t: T0 + 3_600_000,
    durationS: 5,
    imei: IMEI,
    cell: '404-98-8331-230711555',
    lat: 21.29669,
    lon: 72.8915,
  },
  { other: '+919833300002', kind: 'messaged', dir: 'out', t: T0 + 7_200_000 },
];

let store: SqliteGraphStore;
beforeEach(() => {
  store = new SqliteGraphStore(':memory:');
});

let n = 0;
function file(text: string | Buffer, name = `f${++n}.csv`): ImportOptions {
  const path = join(dir, name);
  writeFileSync(path, text);
  const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
  return { path, document: { name, sha256 }, importedBy: 'test-officer' };
}

const deps = () => ({ store, keys: TEST_KEYS });

async function failure(p: Promise<unknown>): Promise<CaseGraphError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CaseGraphError) return e;
    throw e;
  }
  throw new Error('expected the import to fail');
}

describe('operator CDRs', () => {
  it.each(['Airtel', 'Jio', 'Vi', 'BSNL'] as Operator[])(
    '%s: banner, header, codes and number forms read alike',
    async (op) => {
      const result = await runImport(file(cdrText(op, TARGET, ROWS)), deps());
      expect(result.template).toBe(`cdr-${op.toLowerCase()}`);
      expect(result).toMatchObject({ rowsRead: 3, rowsAccepted: 3, rowsRejected: 0 });
      expect(result.counts.occurrences.created).toBeGreaterThanOrEqual(3);
      const phone = await store.getEntity(entityId('phone', 'phone', TARGET));
      expect(phone?.provenance[0]).toMatchObject({ ref: expect.stringMatching(/^row \d+$/) });
      expect(await store.getEntity(entityId('device', 'imei', IMEI))).not.toBeNull();
      const cell = await store.getEntity(entityId('location', 'cell', '404-98-8331-230711555'));
      if (op === 'Airtel' || op === 'BSNL')
        expect(cell?.props).toMatchObject({ lat: 21.29669, lon: 72.8915 });
      const call = await store.getLink(
        linkId('called', entityId('phone', 'phone', TARGET), entityId('phone', 'phone', OTHER)),
        10,
      );
      expect(call?.occurrences.map((o) => [o.at, o.durationS])).toEqual([['2026-04-15T04:42:00.000Z', 62]]);
      const stats = await store.stats();
      // target, two others, a handset and a cell ; called both ways, messaged, in-device, seen-at.
      expect(stats).toMatchObject({ entities: 5, links: 5, occurrences: 5 });
    },
  );

  it('reads the same in a worker thread, as large files are', async () => {
    const here = await runImport(file(cdrText('Jio', TARGET, ROWS)), deps());
    const there = await runImport({ ...file(cdrText('Jio', TARGET, ROWS)), inWorker: true }, deps());
    expect(there).toMatchObject({ rowsAccepted: 3, batches: 1 });
    expect(there.counts.occurrences.unchanged).toBe(here.counts.occurrences.created);
    const bad = cdrText('Vi', TARGET, ROWS).replace('15-04-2026', '15-15-2026');
    const e = await failure(runImport({ ...file(bad), inWorker: true }, deps()));
    expect(e.issues).toEqual([expect.objectContaining({ row: 5, column: 'Call date' })]);
  });

  it('reads the same in a worker started ahead of it, as a large upload starts one', async () => {
    const here = await runImport(file(cdrText('Airtel', TARGET, ROWS)), deps());
    spareImportWorker();
    const there = await runImport({ ...file(cdrText('Airtel', TARGET, ROWS)), inWorker: true }, deps());
    expect(there).toMatchObject({ rowsAccepted: here.rowsAccepted, batches: 1 });
    expect(there.counts.occurrences.unchanged).toBe(here.counts.occurrences.created);
  });

  it('re-importing the same file changes nothing', async () => {
    const f = file(cdrText('Airtel', TARGET, ROWS));
    await runImport(f, deps());
    const before = await store.stats();
    const again = await runImport(f, deps());
    expect(
      again.counts.entities.created + again.counts.links.created + again.counts.occurrences.created,
    ).toBe(0);
    expect(await store.stats()).toEqual(before);
  });
});

describe('bad files: a clear error naming row and column, and nothing written', () => {
  const airtel = () => cdrText('Airtel', TARGET, ROWS);

  it('a wrong delimiter', async () => {
    const e = await failure(runImport({ ...file(airtel()), settings: { delimiter: ';' } }, deps()));
    expect(e.code).toBe('IMPORT.UNREADABLE');
    expect(e.issues[0]).toMatchObject({ row: 4 });
    expect(e.message).toMatch(/separated by ","/);
  });

  it('a missing required column', async () => {
    const text = airtel().replace('B Party No', 'Something Else');
    const e = await failure(runImport(file(text), deps()));
    expect(e.code).toBe('IMPORT.MISSING_COLUMN');
    expect(e.issues[0]).toMatchObject({ row: 4 });
    expect(e.issues[0]!.column).toMatch(/B Party No/);
  });

  it('unreadable dates', async () => {
    const text = airtel().replace("'15/04/2026'", "'15/14/2026'");
    const e = await failure(runImport(file(text), deps()));
    expect(e.code).toBe('IMPORT.ROWS_INVALID');
    expect(e.issues).toEqual([expect.objectContaining({ row: 5, column: 'Date' })]);
    expect((await store.stats()).entities).toBe(0);
  });

  it('a row with too few fields', async () => {
    const lines = airtel().split('\r\n');
    lines[5] = lines[5]!.split(',').slice(0, 8).join(',');
    const e = await failure(runImport(file(lines.join('\r\n')), deps()));
    expect(e.issues).toEqual([expect.objectContaining({ row: 6, column: 'Dur(s)' })]);
    expect((await store.stats()).entities).toBe(0);
  });

  it('a binary file named .csv', async () => {
    const e = await failure(runImport(file(Buffer.from([0x42, 0x41, 0x0a, 0x00, 0x01, 0x02, 0x03])), deps()));
    expect(e.code).toBe('IMPORT.UNREADABLE');
    expect(e.issues[0]).toMatchObject({ row: 2 });
  });

  it('a UTF-16 file without a byte-order mark is refused; with one it is read', async () => {
    const e = await failure(runImport(file(Buffer.from(airtel(), 'utf16le')), deps()));
    expect(e.message).toMatch(/UTF-16/);
    const ok = await runImport(
      file(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(airtel(), 'utf16le')])),
      deps(),
    );
    expect(ok.rowsAccepted).toBe(3);
  });

  it('keeps the good rows and the rejected ones, with their reason, when asked', async () => {
    const text = airtel().replace("'15/04/2026'", 'someday');
    const f = file(text);
    const rejectPath = join(dir, 'rejected.csv');
    const result = await runImport({ ...f, keepGoodRows: true, rejectPath }, deps());
    expect(result).toMatchObject({ rowsAccepted: 2, rowsRejected: 1 });
    const rejected = readFileSync(rejectPath, 'utf8').split('\r\n');
    expect(rejected[0]).toMatch(/^row,column,reason,Target No,/);
    expect(rejected[1]).toMatch(/^5,Date,"""someday"" is not a date/);
  });
});

describe('bank statements of the four banks', () => {
  const OWN = STATEMENT_ACCOUNT;
  it.each(STATEMENTS)(
    '%s: the narration names the counter-party, the banner the account',
    async (id, text) => {
      const result = await runImport(file(text), deps());
      expect(result).toMatchObject({ template: id, rowsAccepted: 3, rowsRejected: 0 });
      const own = entityId('account', 'bank', OWN);
      const zorvan = entityId('account', 'upi', 'zorvan.q@okhdfcbank');
      const emira = entityId('account', 'upi', 'emira.t@oksbi');
      const out = await store.getLink(linkId('paid', own, zorvan), 10);
      expect(out?.occurrences.map((o) => [o.amount, o.txnRef])).toEqual([
        [expect.anything(), '512345678901'],
      ]);
      expect(out?.amount).toBe(123456);
      const inward = await store.getLink(linkId('paid', emira, own), 10);
      expect(inward?.amount).toBe(5000);
      expect((await store.getEntity(own))?.props.holderName).toBe('SYNTHETIC HOLDER ONE');
    },
  );

  it('reads a UPI payment to an account number (account@IFSC.ifsc.npci) as a payment to that bank account', async () => {
    const text =
      `${STATEMENT_BANNER}Date,Narration,Value Dt,Chq./Ref.No.,Withdrawal Amt.,Deposit Amt.,Closing Balance\n` +
      '15/01/24,UPI-ZORVAN Q-50100012345678@HDFC0001234.ifsc.npci-HDFC0001234-512345678901-rent,15/01/24,0000512345678901,"25,000.00",,2000.00\n' +
      '16/01/24,UPI-EMIRA T-emira.t@oksbi-SBIN0000002-612345678902-food,16/01/24,0000612345678902,,"5,000.00",7000.00\n';
    const result = await runImport(file(text), deps());
    expect(result).toMatchObject({ template: 'statement-hdfc', rowsAccepted: 2, rowsRejected: 0 });
    const own = entityId('account', 'bank', OWN);
    const rent = await store.getLink(
      linkId('paid', own, entityId('account', 'bank', 'HDFC0001234:50100012345678')),
      10,
    );
    expect(rent?.occurrences.map((o) => [o.amount, o.txnRef])).toEqual([[25000, '512345678901']]);
    expect(
      await store.getEntity(entityId('account', 'upi', '50100012345678@hdfc0001234.ifsc.npci')),
    ).toBeNull();
  });

  it('asks for the account when the statement does not say it', async () => {
    const text = STATEMENTS[0]![1].split('\n').slice(3).join('\n');
    const e = await failure(runImport(file(text), deps()));
    expect(e.message).toMatch(/account=IFSC:ACCOUNT/);
    const ok = await runImport({ ...file(text), settings: { account: OWN } }, deps());
    expect(ok.rowsAccepted).toBe(3);
  });
});

describe('hotel registers', () => {
  it('makes stays, documents, phones and companions; Form C rows keep passport and visa', async () => {
    const result = await runImport(
      { ...file(REGISTER), keepGoodRows: true, rejectPath: join(dir, 'hotel-rejected.csv') },
      deps(),
    );
    expect(result).toMatchObject({ template: 'hotel-register', rowsAccepted: 2, rowsRejected: 1 });
    expect(result.issues[0]).toMatchObject({ row: 5, column: 'Check-in Date' });
    const graph = await store.subgraph({ limit: 100 });
    const hotel = graph.nodes.find((n) => n.kind === 'hotel')!.id;
    const stays = graph.links.filter((l) => l.kind === 'stayed-at');
    expect(stays).toHaveLength(3); // two guests and a companion
    expect(stays.map((l) => l.to)).toEqual([hotel, hotel, hotel]);
    const pan = await store.getEntity(entityId('id-document', 'pan', 'ABCPQ1234R'));
    expect(pan).not.toBeNull();
    const persons = graph.nodes.filter((n) => n.kind === 'person');
    expect(persons.map((n) => n.props.name).sort()).toEqual([
      'Emira Testova',
      'Ivo Synthetico',
      'Zorvan Quillet',
    ]);
    expect(persons.find((n) => n.props.name === 'Ivo Synthetico')?.props).toMatchObject({
      nationality: 'Utopian',
      visa: 'V-00042',
    });
  });
});

describe('hotel registers: entries without a document, birth dates and Form C', () => {
  const header =
    'Guest Name,Age,Gender,Date of Birth,Nationality,ID Type,ID Number,Mobile,Room,Check-in Date,Check-in Time,Check-out Date,Check-out Time\n';
  const copy = (volume: string, rows: string) =>
    `Hotel : Synthetic Residency, Mumbai\nRegister volume : ${volume}\n${header}${rows}`;

  it('keys a guest without a document by name and check-in, so two volumes of one hotel do not mix their rows', async () => {
    // Rows 4 and 5 of the two volumes are other guests; row 6 is the same entry, copied into both.
    const first = copy(
      'I',
      'Quorix Vane,30,M,,Indian,,,,101,01/04/2026,10:00,02/04/2026,09:00\n' +
        'Yleqim Zanmox,22,F,14/08/2003,Indian,,,,102,03/04/2026,11:30,04/04/2026,08:00\n' +
        'Thyxrue Plix,41,M,,Indian,,,,103,05/04/2026,18:15,06/04/2026,07:45\n',
    );
    const second = copy(
      'II',
      'Zoqua Drav,35,M,,Indian,,,,201,07/05/2026,10:00,08/05/2026,09:00\n' +
        'Xaqim Fenq,28,F,,Indian,,,,202,09/05/2026,12:00,10/05/2026,09:00\n' +
        'Thyxrue Plix,41,M,,Indian,,,,103,05/04/2026,18:15,06/04/2026,07:45\n',
    );
    for (const text of [first, second])
      expect(await runImport(file(text), deps())).toMatchObject({ rowsAccepted: 3, rowsRejected: 0 });
    const persons = (await store.subgraph({ limit: 100 })).nodes.filter((n) => n.kind === 'person');
    expect(persons.map((p) => p.props.name).sort()).toEqual([
      'Quorix Vane',
      'Thyxrue Plix',
      'Xaqim Fenq',
      'Yleqim Zanmox',
      'Zoqua Drav',
    ]);
    expect(persons.find((p) => p.props.name === 'Yleqim Zanmox')?.props).toMatchObject({
      dob: '2003-08-14',
      age: 22,
    });
  });

  it('refuses a birth date or an arrival in India that is no date, naming the row and column', async () => {
    const text = copy(
      'III',
      'Quorix Vane,30,M,someday,Indian,,,,101,01/04/2026,10:00,02/04/2026,09:00\n' +
        'Yleqim Zanmox,22,F,14/08/2003,Indian,,,,102,03/04/2026,11:30,04/04/2026,08:00\n',
    ).replace('Check-out Time\n', 'Check-out Time,Date of Arrival in India\n');
    const bad = text.replace('08:00\n', '08:00,soon\n').replace('09:00\n', '09:00,\n');
    const e = await failure(runImport(file(bad), deps()));
    expect(e.code).toBe('IMPORT.ROWS_INVALID');
    expect(e.issues.map((i) => [i.row, i.column])).toEqual([
      [4, 'Date of Birth'],
      [5, 'Date of Arrival in India'],
    ]);
    expect((await store.subgraph({ limit: 10 })).nodes).toEqual([]);
  });

  it('reads a Form C: passport with its issue, visa, arrival in India and in the hotel', async () => {
    const formC =
      'Hotel : Synthetic Residency, Mumbai\n' +
      'Name,Gender,Nationality,Passport No,Passport Date of Issue,Passport Place of Issue,Visa No,Date of Arrival in India,Date of Arrival in Hotel,Time of Arrival in Hotel,Date of Departure,Time of Departure,Address in India\n' +
      'Ivo Synthetico,M,Utopian,Z1234567,12/03/2021,Sample City,V-00042,10/04/2026,15/04/2026,22:12,17/04/2026,09:00,"Synthetic Residency, Mumbai"\n';
    expect(await runImport(file(formC), deps())).toMatchObject({
      template: 'hotel-register',
      rowsAccepted: 1,
    });
    const graph = await store.subgraph({ limit: 100 });
    const guest = graph.nodes.find((n) => n.kind === 'person')!;
    expect(guest.props).toMatchObject({
      name: 'Ivo Synthetico',
      nationality: 'Utopian',
      visa: 'V-00042',
      arrivedInIndia: '2026-04-10',
      addressInIndia: 'Synthetic Residency, Mumbai',
    });
    expect((await store.getEntity(entityId('id-document', 'passport', 'Z1234567')))?.props).toMatchObject({
      issuedOn: '2021-03-12',
      issuedAt: 'Sample City',
    });
    const stay = graph.links.find((l) => l.kind === 'stayed-at')!;
    expect([stay.firstAt, stay.lastAt].map((t) => Date.parse(String(t)))).toEqual([
      Date.parse('2026-04-15T22:12:00+05:30'),
      Date.parse('2026-04-17T09:00:00+05:30'),
    ]);
  });
});

describe('Excel workbooks', () => {
  // Excel keeps dates as serial days and times as fractions of a day: 15/04/2026 is 46127, 10:12 is 0.425.
  const sheet = [
    ['BHARTI AIRTEL LIMITED'],
    [],
    ['Target No', 'Call Type', 'B Party No', 'Date', 'Time', 'Dur(s)', 'First CGI', 'IMEI'],
    ['9820123456', 'OUT', '9833300001', '46127', '0.425', '62', '404-98-8331-230711555', '490154203237518'],
    ['9820123456', 'IN', '9833300001', '46127', '0.466666666667', '5', '404-98-8331-230711555', ''],
  ];

  it('reads the first sheet, its rows numbered as Excel numbers them', async () => {
    const result = await runImport(file(makeXlsx(sheet), 'cdr.xlsx'), deps());
    expect(result).toMatchObject({ template: 'cdr-airtel', headerRow: 3, rowsAccepted: 2 });
    const call = await store.getLink(
      linkId('called', entityId('phone', 'phone', TARGET), entityId('phone', 'phone', OTHER)),
      10,
    );
    expect(call?.occurrences[0]).toMatchObject({ at: '2026-04-15T04:42:00.000Z', durationS: 62 });
    expect(call?.provenance[0]?.ref).toBe('row 4');
  });

  it('refuses a truncated workbook, and a bad cell names its Excel row', async () => {
    const whole = makeXlsx(sheet);
    const e = await failure(runImport(file(whole.subarray(0, whole.length >> 1), 'cut.xlsx'), deps()));
    expect(e.code).toBe('IMPORT.UNREADABLE');
    expect(e.message).toMatch(/cut short/);
    const bad = sheet.map((r) => [...r]);
    bad[4]![3] = 'yesterday';
    const rows = await failure(runImport(file(makeXlsx(bad), 'bad.xlsx'), deps()));
    expect(rows.issues).toEqual([expect.objectContaining({ row: 5, column: 'Date' })]);
  });
});

describe('IPDRs', () => {
  it('a session is a sighting of the public address the number went out from, with its start and end', async () => {
    const result = await runImport(file(IPDR), deps());
    expect(result).toMatchObject({ template: 'ipdr', rowsAccepted: 1 });
    const ip = (await store.subgraph({ limit: 20 })).nodes.filter((n) => n.kind === 'ip');
    expect(ip.map((n) => n.key)).toEqual(['2001:db8:1:2:3:4:5:6']);
  });
});

describe('one row, one link', () => {
  const table = (dates: string[]) =>
    'From kind,From,Link,To kind,To,Date,Amount,Reference\n' +
    dates
      .map(
        (d, i) => `account:upi,payer${i}@oksbi,paid,account:upi,payee@ybl,${d},"1,23,456.50",51234567890${i}`,
      )
      .join('\n') +
    '\n';

  it('flags a date column that reads both ways, and reads it day-first', async () => {
    const result = await runImport(file(table(['03/04/2026', '05/06/2026'])), deps());
    expect(result.template).toBe('one-row-one-link');
    expect(result.warnings).toEqual([
      expect.objectContaining({
        column: 'Date',
        message: expect.stringMatching(/both day-first and month-first/),
      }),
    ]);
    const link = await store.getLink(
      linkId('paid', entityId('account', 'upi', 'payer0@oksbi'), entityId('account', 'upi', 'payee@ybl')),
      5,
    );
    expect(link?.occurrences[0]).toMatchObject({
      at: '2026-04-02T18:30:00.000Z',
      amount: 123456.5,
      txnRef: '512345678900',
    });
  });

  it('is not flagged once a day above 12 settles the order', async () => {
    const result = await runImport(file(table(['03/04/2026', '25/06/2026'])), deps());
    expect(result.warnings).toEqual([]);
  });
});
