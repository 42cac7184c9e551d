/** POST /api/imports and its preview, progress and rejected rows, over real HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdrText, type CdrRow } from '../seed/files/cdr-layouts.js';
import { startTestServer, type TestServer } from './support/server.js';

const TARGET = '+919820123456';
const T0 = Date.UTC(2026, 3, 15, 4, 42, 0);
const ROWS: CdrRow[] = Array.from({ length: 40 }, (_, i) => ({
  other: `+9198333${String(i % 7).padStart(5, '0')}`,
  kind: i % 5 === 0 ? 'messaged' : 'called',
  dir: i % 2 ? 'in' : 'out',
  t: T0 + i * 3_600_000,
  durationS: 10 + i,
  imei: '490154203237518',
  cell: '404-98-8331-230711555',
  lat: 21.29669,
  lon: 72.8915,
}));

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer({ IMPORT_LIMIT: '64kb' });
});
afterAll(() => api.dispose());

const upload = (path: string, text: string) => api.post(path, null, { raw: text, contentType: 'text/csv' });

describe('imports over HTTP', () => {
  it('lists its templates', async () => {
    const r = await api.get('/api/imports/templates');
    expect(r.status).toBe(200);
    expect(r.body.map((t: { id: string }) => t.id)).toEqual(
      expect.arrayContaining([
        'cdr-airtel',
        'cdr-jio',
        'cdr-vi',
        'cdr-bsnl',
        'tower-dump',
        'one-row-one-link',
      ]),
    );
  });

  it('previews a Jio CDR without writing anything', async () => {
    const before = (await api.get('/api/health')).body.graphVersion;
    const r = await upload('/api/imports/preview', cdrText('Jio', TARGET, ROWS));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ template: { id: 'cdr-jio' }, delimiter: ',', headerRow: 4 });
    expect(r.body.banner[0]).toMatch(/^Ticket Number/);
    expect(r.body.columns).toContainEqual({
      header: 'Called Party Telephone Number',
      field: 'bParty',
      required: true,
    });
    expect(r.body.rows).toHaveLength(20);
    expect(r.body.rows.every((x: { ok: boolean }) => x.ok)).toBe(true);
    expect(r.body.records.links.length).toBeGreaterThan(0);
    expect((await api.get('/api/health')).body.graphVersion).toBe(before);
  });

  it('imports an Airtel CDR, reports it, and a second import of the same file changes nothing', async () => {
    const text = cdrText('Airtel', TARGET, ROWS);
    const r = await upload('/api/imports?name=airtel-cdr-A.csv&wait=true', text);
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({
      state: 'done',
      name: 'airtel-cdr-A.csv',
      progress: { rowsRead: 40, rowsAccepted: 40, rowsRejected: 0 },
      result: { template: 'cdr-airtel', headerRow: 4 },
    });
    expect(r.body.result.counts.occurrences.created).toBeGreaterThan(40);
    const job = await api.get(`/api/imports/${r.body.id}`);
    expect(job.body.state).toBe('done');
    const found = await api.get('/api/search?q=9820123456');
    expect(JSON.stringify(found.body)).toContain('+91 98201 23456');
    const phoneId = JSON.stringify(found.body).match(/"id":"(phone:[0-9a-f]+)"/)![1]!;
    const phone = await api.get(`/api/entities/${phoneId}`);
    expect(phone.body.provenance[0]).toMatchObject({
      document: { name: 'airtel-cdr-A.csv', sha256: r.body.sha256 },
      ref: 'row 5',
      importedBy: 'test-admin',
    });

    const again = await upload('/api/imports?name=airtel-cdr-A.csv&wait=true', text);
    const c = again.body.result.counts;
    expect(
      c.entities.created + c.links.created + c.occurrences.created + c.entities.updated + c.links.updated,
    ).toBe(0);
  });

  it('reports progress while it runs', async () => {
    const r = await upload('/api/imports?name=vi-cdr.csv', cdrText('Vi', '+919820123457', ROWS));
    expect(r.status).toBe(202);
    expect(['queued', 'running', 'done']).toContain(r.body.state);
    let job = r.body;
    for (let i = 0; i < 100 && job.state !== 'done'; i++) {
      await new Promise((ok) => setTimeout(ok, 50));
      job = (await api.get(`/api/imports/${r.body.id}`)).body;
    }
    expect(job).toMatchObject({ state: 'done', progress: { rowsAccepted: 40 } });
  });

  it('refuses a file with bad rows, all-or-nothing, naming every bad row and column', async () => {
    const before = (await api.get('/api/health')).body.graphVersion;
    const text = cdrText('BSNL', '+919820123458', ROWS)
      .replace('15/04/2026', '31/04/2026')
      .replace(',IN,', ',SIDEWAYS,');
    const r = await upload('/api/imports?name=bsnl.csv&wait=true', text);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('IMPORT.ROWS_INVALID');
    expect(r.body.error.issues).toEqual([
      expect.objectContaining({ row: 5, column: 'Call Date' }),
      expect.objectContaining({ column: 'Call Type' }),
    ]);
    expect((await api.get('/api/health')).body.graphVersion).toBe(before);
  });

  it('or imports the good rows and keeps the rejected ones as CSV with a reason', async () => {
    const text = cdrText('BSNL', '+919820123459', ROWS).replace('15/04/2026', '31/04/2026');
    const r = await upload('/api/imports?name=bsnl-2.csv&wait=true&mode=good-rows', text);
    expect(r.body).toMatchObject({ state: 'done', progress: { rowsAccepted: 39, rowsRejected: 1 } });
    const csv = await api.get(r.body.rejectedUrl);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/csv/);
    expect(String(csv.body)).toMatch(/^row,column,reason,Target\/A-Party Number/);
    expect(String(csv.body)).toMatch(/\r\n5,Call Date,"""31\/04\/2026"" is not a date/);
  });

  it('refuses bad files as they are uploaded', async () => {
    const bin = await upload('/api/imports?name=photo.csv', 'PK\u0001\u0002binary\u0000\u0003');
    expect(bin.status).toBe(422);
    expect(bin.body.error.code).toBe('IMPORT.UNREADABLE');
    const missing = await upload(
      '/api/imports?name=x.csv',
      cdrText('Airtel', TARGET, ROWS).replace('Target No', 'Subscriber'),
    );
    expect(missing.status).toBe(422);
    expect(missing.body.error.code).toBe('IMPORT.MISSING_COLUMN');
    const big = await upload('/api/imports?name=big.csv', 'a,b\n'.repeat(20_000));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('REQUEST.TOO_LARGE');
  });

  it('takes a corrected mapping, saved for the unit and picked by name on the next file', async () => {
    const text = 'MSISDN A,Party B,Dt,Tm,Typ\n9820123460,9833300001,15/04/2026,10:12:00,OUT\n';
    const unknown = await upload('/api/imports/preview', text);
    expect(unknown.status).toBe(422);
    const columns = { target: 'MSISDN A', bParty: 'Party B', date: 'Dt', time: 'Tm', callType: 'Typ' };
    const saved = await api.post('/api/imports/mappings', {
      name: 'Synthetic Telecom CDR',
      template: 'cdr',
      columns,
    });
    expect(saved.status).toBe(200);
    expect((await api.get('/api/imports/mappings')).body).toEqual([
      expect.objectContaining({
        name: 'Synthetic Telecom CDR',
        template: 'cdr',
        columns,
        savedBy: 'test-admin',
      }),
    ]);
    const preview = await upload(
      `/api/imports/preview?mapping=${encodeURIComponent('Synthetic Telecom CDR')}`,
      text,
    );
    expect(preview.body).toMatchObject({ template: { id: 'cdr' }, rows: [{ row: 2, ok: true }] });
    const r = await upload(
      `/api/imports?name=telecom.csv&wait=true&mapping=${encodeURIComponent('Synthetic Telecom CDR')}`,
      text,
    );
    expect(r.body).toMatchObject({ state: 'done', progress: { rowsAccepted: 1 } });
    const none = await upload('/api/imports/preview?mapping=nothing', text);
    expect(none.body.error.code).toBe('REQUEST.INVALID');
  });

  it('needs the ingest permission', async () => {
    const prosecutor = await api.signInAs('prosecutor');
    const r = await prosecutor.post('/api/imports?name=x.csv', null, {
      raw: 'a,b\n',
      contentType: 'text/csv',
    });
    expect(r.status).toBe(403);
  });
});
