/**
 * Cases as records over real HTTP (issue 9): an investigator opens an FIR, edits it, attaches entities
 * with roles and the documents behind them, withdraws a role and closes the case; a case that arrived
 * with evidence is the same record; bad input is refused with its field named and nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityId } from '../server/domain/ids.js';
import { FIR, firBatch, sha } from './support/batches.js';
import { contentDigest, startTestServer, type Client, type TestServer } from './support/server.js';
import { idOf } from './store-contract.js';

let server: TestServer;
let officer: Client;
let outsider: Client;
let auditor: Client;

const NEW = {
  state: 'WB',
  district: 'Kolkata',
  policeStation: 'Burtolla PS',
  firNumber: '0311/2026',
  registeredOn: '2026-03-04',
  occurredFrom: '2026-02-20',
  sections: ['ITPA 5', 'bns s.143(3)', 'POCSO s.6', 'ITPA s.5'],
  officer: 'SI Test Officer',
};
const NEW_FIR = 'WB/Kolkata/Burtolla PS/0311/2026';
const newId = idOf('case', NEW_FIR);
const q = encodeURIComponent;

/** A statement filed in the new case, naming a person: what a role is given on. */
const statement = () => ({
  document: { name: 'statement-0311.pdf', sha256: sha('statement-0311'), type: 'statement', case: NEW_FIR },
  entities: [
    { kind: 'person', key: 'FIR-0311-2026-A1', props: { name: 'Testo Recruitwala' }, ref: 'page 2' },
  ],
  links: [],
});
const person = idOf('person', 'FIR-0311-2026-A1');
const statementId = entityId('document', 'sha256', sha('statement-0311'));

beforeAll(async () => {
  server = await startTestServer();
  officer = await server.signInAs('investigator', 'officer.das');
  outsider = await server.signInAs('investigator', 'officer.other');
  auditor = await server.signInAs('auditor', 'auditor.case');
  expect((await server.post('/api/ingest', firBatch())).status).toBe(200);
});
afterAll(async () => server?.dispose());

/** Each bad request answers its 4xx and code, names the field, and leaves the store as it was. */
async function refused(
  call: () => Promise<{ status: number; body: any }>,
  status: number,
  code: string,
  path?: string,
) {
  const before = contentDigest(server.dbPath);
  const r = await call();
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.body.error.code).toBe(code);
  if (path) expect(r.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
  expect(contentDigest(server.dbPath)).toBe(before);
  return r;
}

describe('a case as a record', () => {
  it('is opened with its FIR, sections read one way, and assigned to whoever opened it', async () => {
    const r = await officer.post('/api/cases', NEW);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      id: newId,
      fir: NEW_FIR,
      firNumber: '0311/2026',
      policeStation: 'Burtolla PS',
      registeredOn: '2026-03-04',
      occurredFrom: '2026-02-20',
      sections: ['ITPA s.5', 'BNS s.143(3)', 'POCSO s.6'],
      status: 'open',
      officer: 'SI Test Officer',
      unit: 'AHTU Test Unit',
      roles: [],
    });
    // The record is the graph's case node: the case list and the graph know it by the same id.
    expect((await officer.get('/api/cases')).body.cases.map((c: { id: string }) => c.id)).toEqual([newId]);
    const graph = await officer.get(`/api/graph?case=${q(NEW_FIR)}`);
    expect(graph.body.nodes.map((n: { key: string }) => n.key)).toEqual([newId]);
    expect((await officer.get(`/api/cases/${q(NEW_FIR)}`)).body.id).toBe(newId);
    // Another investigator's case is a hit, not a record.
    const other = await outsider.get(`/api/cases/${newId}`);
    expect(other.status).toBe(403);
    expect(JSON.stringify(other.body)).not.toMatch(/0311|SI Test Officer/);
  });

  it('refuses bad input with the field named, writing nothing', async () => {
    await refused(() => officer.post('/api/cases', NEW), 409, 'CASE.EXISTS', 'firNumber');
    // The same number written with spaces round the slashes is the same FIR of the same station.
    await refused(
      () => officer.post('/api/cases', { ...NEW, policeStation: ' Burtolla  PS ' }),
      409,
      'CASE.EXISTS',
    );
    await refused(
      () => officer.post('/api/cases', { ...NEW, firNumber: '0312/2026', sections: ['BNS 999'] }),
      400,
      'REQUEST.INVALID',
      'sections[0]',
    );
    await refused(
      () => officer.post('/api/cases', { ...NEW, firNumber: '0312/2026', sections: ['XYZ s.4'] }),
      400,
      'REQUEST.INVALID',
      'sections[0]',
    );
    await refused(
      () => officer.post('/api/cases', { ...NEW, firNumber: '0312/2025' }),
      400,
      'REQUEST.INVALID',
      'firNumber',
    );
    await refused(
      () => officer.post('/api/cases', { ...NEW, firNumber: '0312/2026', occurredFrom: '2026-04-01' }),
      400,
      'REQUEST.INVALID',
      'occurredFrom',
    );
    await refused(
      () => officer.post('/api/cases/WB%2FX%2FY%20PS%2F0001%2F2026/edits', { officer: 'x' }),
      404,
      'CASE.NOT_FOUND',
    );
    await refused(() => officer.post(`/api/cases/${newId}/edits`, {}), 400, 'REQUEST.INVALID');
    await refused(
      () => officer.post(`/api/cases/${newId}/edits`, { colour: 'red' }),
      400,
      'REQUEST.INVALID',
      'colour',
    );
  });

  it('is edited field by field, each change on record with who made it', async () => {
    const r = await officer.post(`/api/cases/${newId}/edits`, {
      sections: ['ITPA s.5', 'ITPA s.6'],
      occurredTo: '2026-03-01',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      sections: ['ITPA s.5', 'ITPA s.6'],
      occurredTo: '2026-03-01',
      officer: 'SI Test Officer',
    });
    await refused(
      () => officer.post(`/api/cases/${newId}/edits`, { occurredTo: '2026-01-01' }),
      400,
      'REQUEST.INVALID',
      'occurredTo',
    );
    const entity = await officer.get(`/api/entities/${newId}`);
    expect(
      entity.body.provenance.map((p: { importedBy: string; document: { name: string } }) => [
        p.importedBy,
        p.document.name,
      ]),
    ).toEqual([
      ['officer.das', `case record opened: ${NEW_FIR}`],
      ['officer.das', `case record changed: ${NEW_FIR}`],
    ]);
  });

  it('attaches an entity with a role and the document behind it; bad roles, entities and documents change nothing', async () => {
    expect((await officer.post('/api/ingest', statement())).status).toBe(200);
    const body = { entity: person, role: 'recruiter', document: statementId, ref: 'page 2' };
    await refused(
      () => officer.post(`/api/cases/${newId}/roles`, { ...body, role: 'kingpin' }),
      400,
      'REQUEST.INVALID',
      'role',
    );
    await refused(
      () => officer.post(`/api/cases/${newId}/roles`, { ...body, entity: idOf('person', 'NOBODY-1') }),
      404,
      'ENTITY.NOT_FOUND',
      'entity',
    );
    await refused(
      () =>
        officer.post(`/api/cases/${newId}/roles`, {
          ...body,
          document: entityId('document', 'sha256', sha('x')),
        }),
      404,
      'DOCUMENT.NOT_FOUND',
      'document',
    );
    // A document of another case does not support a role in this one.
    await refused(
      () =>
        officer.post(`/api/cases/${newId}/roles`, {
          ...body,
          document: entityId('document', 'sha256', sha('fir-0001.pdf')),
        }),
      400,
      'REQUEST.INVALID',
      'document',
    );
    await refused(
      () => officer.post(`/api/cases/${newId}/roles`, { ...body, entity: newId }),
      400,
      'REQUEST.INVALID',
      'entity',
    );
    await refused(
      () => officer.post(`/api/cases/${idOf('case', 'WB/X/Y PS/1/2026')}/roles`, body),
      404,
      'CASE.NOT_FOUND',
    );
    // An entity only another case holds is not the officer's to take: the hit names the unit.
    await refused(
      () =>
        officer.post(`/api/cases/${newId}/roles`, { ...body, entity: idOf('person', 'FIR-0001-2026-A1') }),
      403,
      'CASE.NOT_ASSIGNED',
    );

    const r = await officer.post(`/api/cases/${newId}/roles`, body);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.roles).toEqual([
      expect.objectContaining({
        role: 'recruiter',
        detached: false,
        entity: expect.objectContaining({ id: person, label: 'Testo Recruitwala' }),
        evidence: [{ document: statementId, name: 'statement-0311.pdf', type: 'statement', ref: 'page 2' }],
      }),
    ]);
    const graph = await officer.get(`/api/graph?case=${newId}`);
    expect(graph.body.edges.map((e: { attributes: { kind: string } }) => e.attributes.kind)).toEqual([
      'involves',
    ]);
  });

  it('withdraws a role with a reason, keeping it on record', async () => {
    await refused(
      () =>
        officer.post(`/api/cases/${newId}/roles/detach`, {
          entity: person,
          role: 'financier',
          reason: 'named by mistake in the statement',
        }),
      404,
      'ENTITY.NOT_FOUND',
      'role',
    );
    await refused(
      () =>
        officer.post(`/api/cases/${newId}/roles/detach`, { entity: person, role: 'recruiter', reason: 'no' }),
      400,
      'REQUEST.INVALID',
      'reason',
    );
    const r = await officer.post(`/api/cases/${newId}/roles/detach`, {
      entity: person,
      role: 'recruiter',
      reason: 'statement retracted on review',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.roles).toEqual([expect.objectContaining({ role: 'recruiter', detached: true })]);
    expect(r.body.roles[0].evidence.map((e: { name: string }) => e.name)).toEqual([
      'statement-0311.pdf',
      `case record role withdrawn: ${NEW_FIR}`,
    ]);
    // Withdrawn twice is no role to withdraw.
    await refused(
      () =>
        officer.post(`/api/cases/${newId}/roles/detach`, {
          entity: person,
          role: 'recruiter',
          reason: 'statement retracted on review',
        }),
      404,
      'ENTITY.NOT_FOUND',
    );
  });

  it('closes with a reason, then takes no more changes', async () => {
    await refused(
      () => officer.post(`/api/cases/${newId}/close`, { reason: 'solved', closedOn: '2026-06-01' }),
      400,
      'REQUEST.INVALID',
      'reason',
    );
    await refused(
      () => officer.post(`/api/cases/${newId}/close`, { reason: 'chargesheeted', closedOn: '2026-01-01' }),
      400,
      'REQUEST.INVALID',
      'closedOn',
    );
    const r = await officer.post(`/api/cases/${newId}/close`, {
      reason: 'chargesheeted',
      closedOn: '2026-06-01',
      note: 'chargesheet filed',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await officer.get('/api/cases')).body.cases).toEqual([
      expect.objectContaining({ id: newId, status: 'closed' }),
    ]);
    expect(r.body).toMatchObject({
      status: 'closed',
      closeReason: 'chargesheeted',
      closedOn: '2026-06-01',
      closeNote: 'chargesheet filed',
    });
    await refused(
      () => officer.post(`/api/cases/${newId}/edits`, { officer: 'SI Someone Else' }),
      409,
      'CASE.CLOSED',
    );
    await refused(
      () =>
        officer.post(`/api/cases/${newId}/roles`, { entity: person, role: 'accused', document: statementId }),
      409,
      'CASE.CLOSED',
    );
  });

  it('is what a case that came with evidence already is: its roles, its victim by pseudonym', async () => {
    const r = await server.get(`/api/cases/${q(FIR)}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      id: idOf('case', FIR),
      fir: FIR,
      status: 'open',
      sections: ['ITPA s.5', 'BNS s.143'],
    });
    expect(r.body.roles.map((x: { role: string }) => x.role)).toEqual(['accused', 'victim']);
    expect(r.body.roles[1].entity.label).toMatch(/^(Victim|Minor) V-\d{4}$/);
    expect(JSON.stringify(r.body)).not.toMatch(/Émira|Testova/);
  });

  it('puts every change on the audit trail by id, never by name or number', async () => {
    const r = await auditor.get('/api/audit?afterSeq=0&limit=1000');
    const mine = (
      r.body.entries as { actor: string; action: string; caseId: string; target: string | null }[]
    ).filter((e) => e.actor === 'officer.das' && e.action.startsWith('case.'));
    expect(mine.map((e) => e.action)).toEqual([
      'case.create',
      'case.edit',
      'case.attach',
      'case.detach',
      'case.close',
    ]);
    expect(mine.every((e) => e.caseId === newId)).toBe(true);
    expect(mine.find((e) => e.action === 'case.attach')!.target).toBe(person);
    expect(JSON.stringify(r.body)).not.toMatch(/Recruitwala|Burtolla|0311/);
  });
});
