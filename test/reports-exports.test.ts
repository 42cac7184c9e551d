/**
 * Open exports of a case (issue 10) over real HTTP: GEXF read back with graphology-gexf, GraphML with
 * graphology-graphml (what Gephi-side tools read), i2 ANX with a small XML reader, graphology JSON with Graph.from,
 * CSV by its rows — each gives the same entities and links as the case's graph, links with their
 * provenance; none carries a protected person's identifiers; access and audit as every read.
 */
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoScenario } from '../seed/demo.js';
import { entityId } from '../server/domain/ids.js';
import { normaliseKey } from '../server/domain/keys.js';
import { TEST_KEYS } from './support/batches.js';
import { startTestServer, type Client, type TestServer } from './support/server.js';
import { fetchBytes, protectedSecrets, rawSession } from './support/reports.js';
import { findAll, parseXml } from './support/xml.js';

const scenario = demoScenario();
const written = scenario.truth.cases.find((c) => c.involved.some((i) => i.role === 'victim'))!.written;
const key = normaliseKey('fir', written, TEST_KEYS);
if (!key.ok) throw new Error(key.reason);
const CASE_ID = entityId('case', 'fir', key.key);

let server: TestServer;
let analyst: Client;
let nodes: string[];
let edges: string[];
let secrets: string[];
const files = new Map<string, { text: string; sha: string }>();

/** "id source target", sorted: what two files must agree on. */
const edgeLine = (id: string, s: string, t: string) => `${id} ${s} ${t}`;

beforeAll(async () => {
  server = await startTestServer({ SEED_DEMO: 'true' });
  analyst = await server.signInAs('analyst', 'an.rao', [CASE_ID]);
  const graph = await analyst.get(`/api/graph?case=${encodeURIComponent(CASE_ID)}&limit=20000`);
  expect(graph.status).toBe(200);
  nodes = (graph.body.nodes as { key: string }[]).map((n) => n.key).sort();
  edges = (graph.body.edges as { key: string; source: string; target: string }[])
    .map((e) => edgeLine(e.key, e.source, e.target))
    .sort();
  const s = await rawSession(server, 'an.rao');
  for (const format of ['gexf', 'graphml', 'anx', 'csv', 'json']) {
    const r = await fetchBytes(server, s, `/api/cases/${CASE_ID}/export?format=${format}`);
    expect(r.status, format).toBe(200);
    files.set(format, { text: r.bytes.toString('utf8'), sha: r.headers.get('x-export-sha256')! });
  }
  secrets = await protectedSecrets(server, scenario);
}, 120_000);
afterAll(async () => server?.dispose());

describe('exports of a case', () => {
  it('GEXF parses back with graphology-gexf to the same nodes and edges', () => {
    const g = parseGexf(Graph, files.get('gexf')!.text, { addMissingNodes: false });
    expect(g.nodes().sort()).toEqual(nodes);
    expect(g.mapEdges((e, _a, s, t) => edgeLine(e, s, t)).sort()).toEqual(edges);
    const anEdge = g.edges()[0]!;
    expect(g.getEdgeAttribute(anEdge, 'evidence')).toMatch(/sha256 [0-9a-f]{64}/);
  });

  it('GraphML parses back with graphology-graphml to the same nodes and edges, each link with its provenance', () => {
    const g = parseGraphml(Graph, files.get('graphml')!.text, { addMissingNodes: false });
    expect(g.nodes().sort()).toEqual(nodes);
    expect(g.mapEdges((e, _a, s, t) => edgeLine(e, s, t)).sort()).toEqual(edges);
    g.forEachEdge((e, a) => expect(String(a.evidence), e).toMatch(/\(sha256 [0-9a-f]{64}\)/));
    const aNode = g.nodes()[0]!;
    expect(g.getNodeAttribute(aNode, 'label')).toEqual(expect.any(String));
  });

  it("graphology JSON imports with Graph.from, the service's own format", () => {
    const g = Graph.from(JSON.parse(files.get('json')!.text));
    expect(g.nodes().sort()).toEqual(nodes);
    expect(g.mapEdges((e, _a, s, t) => edgeLine(e, s, t)).sort()).toEqual(edges);
  });

  it('CSV has a row per entity and per link, links with document and row', () => {
    const [nodePart, linkPart] = files.get('csv')!.text.split('\r\n\r\n');
    const nodeRows = nodePart!.trim().split('\r\n');
    expect(nodeRows[0]).toBe('id,label,kind,key,scheme,roles,protected');
    expect(
      nodeRows
        .slice(1)
        .map((r) => r.split(',')[0])
        .sort(),
    ).toEqual(nodes);
    const linkRows = linkPart!.trim().split('\r\n');
    expect(linkRows[0]).toMatch(/^id,source,target,directed,kind,.*,evidence$/);
    expect(linkRows.length - 1).toBe(edges.length);
    for (const row of linkRows.slice(1)) expect(row).toMatch(/sha256 [0-9a-f]{64}\)/);
  });

  it('i2 ANX holds every entity with a mapped type and every link with its label and evidence', () => {
    const doc = parseXml(files.get('anx')!.text);
    const types = findAll(doc, 'EntityType').map((t) => t.attributes.Name);
    expect(types).toEqual(expect.arrayContaining(['Person', 'Telephone']));
    const entities = findAll(doc, 'Entity');
    expect(entities.map((e) => e.attributes.EntityId!).sort()).toEqual(nodes);
    for (const e of entities) expect(types).toContain(findAll(e, 'IconStyle')[0]!.attributes.Type);
    const items = findAll(doc, 'ChartItem').filter((c) => findAll(c, 'Link').length);
    const got = items.map((c) => {
      const l = findAll(c, 'Link')[0]!;
      return `${l.attributes.End1Id} ${l.attributes.End2Id}`;
    });
    expect(got.sort()).toEqual(edges.map((e) => e.split(' ').slice(1).join(' ')).sort());
    const linkTypes = findAll(doc, 'LinkType').map((t) => t.attributes.Name);
    expect(linkTypes).toEqual(expect.arrayContaining(['Uses', 'Involves']));
    for (const c of items) expect(c.attributes.Description).toMatch(/sha256 [0-9a-f]{64}/);
  });

  it("carries no protected person's name, phone or key in any format", () => {
    expect(secrets.length).toBeGreaterThan(10);
    for (const [format, { text }] of files)
      for (const s of secrets) {
        const at = text.indexOf(s);
        expect(at < 0, `${format} holds "${s}": …${text.slice(Math.max(0, at - 200), at + 60)}…`).toBe(true);
      }
    expect(files.get('csv')!.text).toMatch(/Victim V-\d{4}/);
  });

  it('is on the audit trail with its SHA-256, and closed to those without the case', async () => {
    const trail = await server.get('/api/audit?action=export&limit=1000');
    const recorded = (trail.body.entries as { detail: { sha256?: string; format?: string } }[]).map(
      (e) => `${e.detail.format} ${e.detail.sha256}`,
    );
    for (const [format, { sha }] of files) expect(recorded).toContain(`${format} ${sha}`);
    const v = await analyst.get(`/api/reports/verify?sha256=${files.get('graphml')!.sha}`);
    expect(v.body.files[0]).toMatchObject({
      file: 'export',
      format: 'graphml',
      caseId: CASE_ID,
      producedFor: 'an.rao',
    });
    const stranger = await server.signInAs('prosecutor', 'pp.stranger', []);
    expect((await stranger.get(`/api/cases/${CASE_ID}/export?format=gexf`)).body.error.code).toBe(
      'CASE.NOT_ASSIGNED',
    );
    expect((await server.anonymous.get(`/api/cases/${CASE_ID}/export?format=gexf`)).status).toBe(401);
    expect((await analyst.get(`/api/cases/${CASE_ID}/export?format=pptx`)).status).toBe(400);
  });

  it("exports a view too: the caller's cases with a filter, the same as /api/graph shows them", async () => {
    const asked = 'linkKinds=paid,holds&kinds=person,account';
    const graph = await analyst.get(`/api/graph?${asked}&limit=20000`);
    expect(graph.status).toBe(200);
    const view = await analyst.get(`/api/export?format=graphml&${asked}&limit=20000`);
    expect(view.status).toBe(200);
    const g = parseGraphml(Graph, view.body as string, { addMissingNodes: false });
    expect(g.nodes().sort()).toEqual((graph.body.nodes as { key: string }[]).map((n) => n.key).sort());
    expect(g.mapEdges((e, _a, s, t) => edgeLine(e, s, t)).sort()).toEqual(
      (graph.body.edges as { key: string; source: string; target: string }[])
        .map((e) => edgeLine(e.key, e.source, e.target))
        .sort(),
    );
    for (const s of secrets) expect((view.body as string).includes(s), s).toBe(false);
    const stranger = await server.signInAs('analyst', 'an.none', []);
    expect((await stranger.get('/api/export?format=csv')).body.error.code).toBe('CASE.NOT_ASSIGNED');
  });
});
