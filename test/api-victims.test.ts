/**
 * Victim protection over real HTTP (issue 5): the real name, phone and any identifying property of a
 * victim or minor never appear in any answer — checked by scanning the bytes of every read route, for
 * every role, admin included — until an allowed role reveals them with a reason, which is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestBatchInput } from '../server/domain/batch.js';
import { FIR, airtelCdr, firBatch, sha } from './support/batches.js';
import { startTestServer, type Client, type TestServer } from './support/server.js';
import { idOf } from './store-contract.js';

/** The victim of the test FIR uses a phone and holds an identity document; a trafficker calls her. */
function victimsPhone(): IngestBatchInput {
  return {
    document: { name: 'statement-v1.pdf', sha256: sha('statement-v1'), type: 'statement', case: FIR },
    entities: [
      {
        kind: 'person',
        key: 'FIR-0001-2026-V1',
        props: { name: 'Émira Testova', dob: '2011-02-03', gender: 'female' },
      },
      { kind: 'phone', key: '98111 22233', ref: 'page 2' },
      { kind: 'id-document', scheme: 'passport', key: 'Z1234567', ref: 'page 2' },
    ],
    links: [
      {
        kind: 'uses',
        from: { kind: 'person', key: 'FIR-0001-2026-V1' },
        to: { kind: 'phone', key: '9811122233' },
      },
      {
        kind: 'holds',
        from: { kind: 'person', key: 'FIR-0001-2026-V1' },
        to: { kind: 'id-document', scheme: 'passport', key: 'Z1234567' },
      },
      {
        kind: 'called',
        from: { kind: 'phone', key: '9820123456' },
        to: { kind: 'phone', key: '+91 98111 22233' },
        occurrences: [{ at: '2026-04-17T23:10:00+05:30', durationS: 40, ref: 'row 9' }],
      },
    ],
  };
}

/**
 * Her phone's CDR, named as operators' exports are, after the number: the file name travels in the
 * provenance of everything the file records, the trafficker's phone and the call included. The
 * trafficker shares her nationality: a word many people share must not be masked in his answers.
 */
function victimsCdr(): IngestBatchInput {
  return {
    document: { name: 'jio-cdr-9811122233.csv', sha256: sha('jio-cdr-v1'), type: 'cdr', case: FIR },
    entities: [
      { kind: 'phone', key: '9820123456', ref: 'row 3' },
      { kind: 'person', key: 'FIR-0001-2026-A1', props: { nationality: 'Indian' }, ref: 'row 1' },
      { kind: 'person', key: 'FIR-0001-2026-V1', props: { nationality: 'Indian' }, ref: 'row 1' },
    ],
    links: [
      {
        kind: 'called',
        from: { kind: 'phone', key: '9820123456' },
        to: { kind: 'phone', key: '919811122233' },
        ref: 'row 3',
        occurrences: [{ at: '2026-04-18T08:05:00+05:30', durationS: 20, ref: 'row 3' }],
      },
    ],
  };
}

const SECRETS = [
  'Émira',
  'Emira',
  'Testova',
  'FIR-0001-2026-V1',
  '2011-02-03',
  '9811122233',
  '98111 22233',
  'Z1234567',
];

let server: TestServer;
let analyst: Client;
let investigator: Client;
const victim = idOf('person', 'FIR-0001-2026-V1');
const accused = idOf('person', 'FIR-0001-2026-A1');
const phone = idOf('phone', '9811122233');
const tradersPhone = idOf('phone', '9820123456');

beforeAll(async () => {
  server = await startTestServer();
  for (const b of [firBatch(), airtelCdr(), victimsPhone(), victimsCdr()])
    expect((await server.post('/api/ingest', b)).status).toBe(200);
  analyst = await server.signInAs('analyst', 'analyst.k', [idOf('case', FIR)]);
  investigator = await server.signInAs('investigator', 'officer.m', [idOf('case', FIR)]);
});
afterAll(async () => server?.dispose());

const inCase = `case=${encodeURIComponent(FIR)}`;
/** Every read, scoped to the case (as the assigned roles must); the admin also reads the whole graph. */
const READS = (whole: boolean) => [
  ...(whole
    ? [
        '/api/graph',
        '/api/analytics/communities',
        '/api/analytics/centrality?metric=pagerank',
        `/api/graph?around=${victim}&hops=2`,
      ]
    : []),
  `/api/graph?${inCase}`,
  `/api/graph?around=${victim}&hops=1`,
  `/api/entities/${victim}`,
  `/api/entities/${phone}`,
  `/api/entities/${tradersPhone}`,
  `/api/entities/${accused}`,
  `/api/search?q=${encodeURIComponent('Émira')}`,
  `/api/search?q=9811122233`,
  `/api/analytics/communities?${inCase}`,
  `/api/analytics/centrality?metric=pagerank&${inCase}`,
  `/api/analytics/centrality?metric=betweenness&${inCase}`,
  `/api/analytics/components?${inCase}`,
  `/api/analytics/kcore?k=1&${inCase}`,
  `/api/analytics/brokers?${inCase}`,
  `/api/analytics/shared?entity=${accused}&${inCase}`,
  `/api/analytics/paths?from=${accused}&to=${victim}&max=4&${inCase}`,
  `/api/cases/${encodeURIComponent(FIR)}`,
  `/api/cases/${idOf('case', FIR)}/links`,
  `/api/cases/${idOf('case', FIR)}/hits`,
  `/api/cases/${idOf('case', FIR)}/alerts`,
  `/api/timeline?entities=${victim},${phone},${tradersPhone}`,
];

describe('a victim in every answer', () => {
  it('never shows her name, number, key or date of birth to any role, admin included', async () => {
    for (const who of [server as Client, analyst, investigator]) {
      for (const path of READS(who === server)) {
        const r = await who.get(path);
        expect(r.status, `${who.username} ${path}: ${JSON.stringify(r.body).slice(0, 200)}`).toBe(200);
        const bytes = JSON.stringify(r.body);
        for (const secret of SECRETS)
          expect(bytes, `${who.username} ${path} shows ${secret}`).not.toContain(secret);
      }
    }
  });

  it('masks her number inside the name of a file it was taken from, and no word she shares with others', async () => {
    const trader = await analyst.get(`/api/entities/${tradersPhone}`);
    const file = trader.body.provenance.find((p: { ref: string }) => p.ref === 'row 3');
    expect(file.document.name).toMatch(/^jio-cdr-Phone of V-\d{4}\.csv$/);
    const him = await analyst.get(`/api/entities/${accused}`);
    expect(him.body.props.nationality).toBe('Indian');
    expect(JSON.stringify(him.body.props)).not.toMatch(/V-\d{4}/);
  });

  it('shows her as a stable pseudonym, and her phone as hers, with nothing that singles her out', async () => {
    const r = await analyst.get(`/api/entities/${victim}`);
    expect(r.body.label).toMatch(/^Victim V-\d{4}$/);
    expect(r.body.key).toBe(r.body.label.slice('Victim '.length));
    expect(r.body.props).toEqual({ protected: true, pseudonym: r.body.key, gender: 'female' });
    expect((await analyst.get(`/api/entities/${victim}`)).body.label).toBe(r.body.label);
    const p = await analyst.get(`/api/entities/${phone}`);
    expect(p.body.label).toBe(`Phone of ${r.body.key}`);
    const graph = await analyst.get(`/api/graph?case=${encodeURIComponent(FIR)}`);
    const node = graph.body.nodes.find((n: { key: string }) => n.key === victim);
    expect(node.attributes.label).toBe(r.body.label);
    // The network keeps its shape: the victim is still linked to her case and her phone.
    expect(graph.body.edges.some((e: { target: string }) => e.target === victim)).toBe(true);
  });

  it('is revealed to an investigator who gives a reason, on the audit trail; to nobody else', async () => {
    const denied = await analyst.post(`/api/entities/${victim}/reveal`, {
      reason: 'I would like to see her name',
    });
    expect(denied.status).toBe(403);
    const noReason = await investigator.post(`/api/entities/${victim}/reveal`, { reason: 'why' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues[0].path).toBe('reason');
    const reason = 'Preparing her statement for the court, case 0001/2026';
    const shown = await investigator.post(`/api/entities/${victim}/reveal`, { reason });
    expect(shown.status).toBe(200);
    expect(shown.body.props.name).toBe('Émira Testova');
    const auditor = await server.signInAs('auditor');
    const entries = (await auditor.get('/api/audit?limit=1000')).body.entries as {
      action: string;
      actor: string;
      target: string;
      detail: { reason?: string };
    }[];
    const reveal = entries.filter((e) => e.action === 'reveal');
    expect(reveal).toHaveLength(1);
    expect(reveal[0]).toMatchObject({ actor: investigator.username, target: victim });
    expect(reveal[0]!.detail.reason).toContain('Preparing her statement for the court');
    // Revealing once changes nothing for the next answer.
    expect(JSON.stringify((await investigator.get(`/api/entities/${victim}`)).body)).not.toContain('Testova');
  });
});
