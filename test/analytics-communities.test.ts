/**
 * Community quality on data nobody tuned to: Zachary's karate club (modularity) and the seed's planted
 * rings, ingested through the real SQLite store (normalised mutual information against the truth).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Graph from 'graphology';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario, type GroundTruth } from '../seed/scenario.js';
import { buildGraph, type AnalyticsGraph } from '../server/analytics/graph.js';
import { detectCommunities, nmi, type CommunityResult } from '../server/analytics/communities/index.js';
import { entityId } from '../server/domain/ids.js';
import { normaliseKey, type KeyContext } from '../server/domain/keys.js';
import { ingestBulk } from '../server/ingest/bulk.js';
import { SqliteGraphStore } from '../server/store/sqlite/sqlite-store.js';

const KARATE = resolve(import.meta.dirname, '../../shared/data/karate');

function readCsv(file: string): string[][] {
  return readFileSync(join(KARATE, file), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(','));
}

function karate(): AnalyticsGraph {
  const graph: AnalyticsGraph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  for (const [id, label] of readCsv('nodes.csv'))
    graph.addNode(id!, { kind: 'person', label: `Member ${label}`, key: id!, scheme: 'person', props: {} });
  for (const [source, target] of readCsv('edges.csv'))
    graph.addUndirectedEdge(source!, target!, {
      kind: 'associate-of',
      weight: 1,
      count: 0,
      durationS: 0,
      amount: 0,
      firstAt: null,
      lastAt: null,
      props: {},
    });
  return graph;
}

describe("Zachary's karate club", () => {
  it('reaches modularity >= 0.41', () => {
    const graph = karate();
    expect(graph.order).toBe(34);
    expect(graph.size).toBe(78);
    const result = detectCommunities(graph);
    console.log(
      `karate: modularity ${result.modularity.toFixed(4)}, ${result.communities.length} communities, ` +
        `split ${result.parameters.splitDisconnected}`,
    );
    expect(result.modularity).toBeGreaterThanOrEqual(0.41);
  });
});

describe('planted rings of a generated 5,000-entity scenario', () => {
  const keys: KeyContext = { defaultRegion: 'IN', aadhaarKey: 'test-only-aadhaar-key-0123456789abcdef' };
  let dir: string;
  let store: SqliteGraphStore;
  let truth: GroundTruth;
  let graph: AnalyticsGraph;
  let result: CommunityResult;

  beforeAll(async () => {
    let t = performance.now();
    const scenario = generateScenario({ entities: 5000, seed: 'communities-quality' });
    truth = scenario.truth;
    dir = mkdtempSync(join(tmpdir(), 'casegraph-communities-'));
    store = new SqliteGraphStore(join(dir, 'graph.db'));
    const items = scenario.batches.map((raw, i) => ({ where: `batch ${i}`, raw }));
    for await (const outcome of ingestBulk(items, 'test', { store, keys }))
      if (!outcome.ok) throw outcome.error;
    const ingestMs = performance.now() - t;
    t = performance.now();
    graph = buildGraph(await store.subgraph({ limit: 1_000_000 }));
    const buildMs = performance.now() - t;
    t = performance.now();
    result = detectCommunities(graph);
    console.log(
      `scenario: ${graph.order} nodes, ${graph.size} links; ingest ${ingestMs.toFixed(0)} ms, ` +
        `read+build ${buildMs.toFixed(0)} ms, communities ${(performance.now() - t).toFixed(0)} ms; ` +
        `${result.communities.length} communities, modularity ${result.modularity.toFixed(4)}, ` +
        `split ${result.parameters.splitDisconnected}`,
    );
  });

  afterAll(async () => {
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Scored: the ring members of the truth (`truth.rings[].members`, each ring's own people: recruiters,
   * transporters, managers …), labelled by their ring, against the community each was put in. Not
   * scored: victims (one rescued twice appears in two rings' evidence), customers and bridge contacts
   * (tied to a ring without belonging to it), the background population (it has no true ring, so any
   * label for it would be invented), and identifiers (phones, accounts, hotels), whose ring is a property
   * of their holder rather than a fact of their own. NMI is Danon et al.'s (arithmetic normalisation).
   *
   * Measured at the defaults (resolution 1): NMI 0.82 — every ring lies whole in one community, but
   * rings the generator ties together (a shared hotel, cross-ring calls, a payment) are merged in pairs.
   * That is modularity's resolution limit (Fortunato & Barthélemy 2007), not a failure to optimise:
   * between adjacent rings the link weight l (6–9) exceeds d_A·d_B/2m (2–4), so merging them raises Q,
   * and keeping every ring apart (the rest re-optimised) gives Q 0.7128 against 0.7139 found. The
   * threshold is the and is left as it is.
   */
  it('finds the rings: NMI >= 0.90 over the ring members', () => {
    const found: number[] = [];
    const planted: string[] = [];
    for (const ring of truth.rings)
      for (const { person } of ring.members) {
        const normalised = normaliseKey('person', person.key, keys);
        if (!normalised.ok) throw new Error(`unreadable person key ${person.key}`);
        const id = entityId('person', 'person', normalised.key);
        const community = result.communityOf[id];
        expect(community, `ring member ${person.key} of ${ring.id} is in the graph`).toBeDefined();
        found.push(community!);
        planted.push(ring.id);
      }
    const score = nmi(found, planted);
    const ringsPer = new Map<number, Set<string>>();
    found.forEach((c, i) => ringsPer.set(c, (ringsPer.get(c) ?? new Set()).add(planted[i]!)));
    const whole = truth.rings.filter((r) => new Set(found.filter((_, i) => planted[i] === r.id)).size === 1);
    console.log(
      `scenario: ${truth.rings.length} rings, ${planted.length} members scored, NMI ${score.toFixed(4)}; ` +
        `${whole.length} rings whole in one community; ${ringsPer.size} communities hold ring members, ` +
        `${[...ringsPer.values()].filter((r) => r.size > 1).length} of them members of several rings`,
    );
    expect(score).toBeGreaterThanOrEqual(0.9);
  });
});
