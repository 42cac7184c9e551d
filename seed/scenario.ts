/**
 * The scenario generator's entry points. `streamScenario` yields ingest batches one document at a time —
 * a million entities never sit in memory as batches — and returns the ground truth when it is done;
 * `generateScenario` collects both for small worlds (demo, tests).
 *
 * Plan first, then stream: the rings are planned whole (their identities are a small share of the world),
 * which fixes how many entities they own; the background is then sized to bring the total to N and
 * generated one neighbourhood at a time.
 */
import { z } from 'zod';
import type { IngestBatchInput } from '../server/domain/batch.js';
import type { EntityKind } from '../server/domain/kinds.js';
import { neighbourhoodDocs } from './evidence/background-docs.js';
import { ringDocs } from './evidence/ring-docs.js';
import { duplicateDocs } from './evidence/duplicate-docs.js';
import { DuplicatePlanner } from './world/duplicates.js';
import { BatchWriter, type MakeWriter } from './evidence/writer.js';
import { TruthCollector, type GroundTruth } from './truth.js';
import { planBackground, type BgDegrees } from './world/background.js';
import { attachBridges } from './world/bridges.js';
import { castCases } from './world/cases.js';
import { worldContext } from './world/context.js';
import { neighbourhood } from './world/neighbourhood.js';
import { planOverlaps, planOverlapStays } from './world/overlaps.js';
import { ringEvents } from './world/ring-events.js';
import { planRing, ringEntities, type RingPlan } from './world/ring-plan.js';
import type { Ent } from './world/types.js';
import { scenarioFile } from './files/from-batches.js';
import type { ScenarioFile } from './files/types.js';

export type { GroundTruth } from './truth.js';

export const scenarioOptionsSchema = z
  .object({
    entities: z
      .number()
      .int()
      .min(250, 'at least 250 entities (three small rings and their background)')
      .max(5_000_000),
    seed: z.union([z.string().min(1).max(200), z.number().int()]),
    rings: z.number().int().min(1).max(2000).optional(),
    /** Background persons to plant again under other spellings of their name (merge candidates' truth). */
    duplicates: z.number().int().min(0).max(100_000).optional(),
  })
  .strict();
export type ScenarioOptions = z.input<typeof scenarioOptionsSchema>;

export interface Scenario {
  batches: IngestBatchInput[];
  truth: GroundTruth;
}

/** A document of the scenario: its batch, and the file it is received as when it is one (INDIA.md layouts). */
export interface ScenarioDocument {
  batch: IngestBatchInput;
  /** Made on demand: the CDRs, tower dumps, statements, registers and Form C returns; undefined otherwise. */
  file: () => ScenarioFile | undefined;
}

/** Rings grow in number slowly with N: 3 at a demo's 300 entities, ~58 at 100k, ~180 at 1M. */
export function defaultRings(entities: number): number {
  return Math.min(300, Math.max(3, Math.round(Math.sqrt(entities / 30))));
}

/** The rings' share of the entities: under half in a demo, a few percent at benchmark sizes. */
function ringShare(entities: number): number {
  return Math.min(0.42, Math.max(0.06, 0.4 * (500 / entities) ** 0.3));
}

/** Links per entity: sparse enough to read at demo size, 5 (the benchmark's ratio) from 20k entities. */
function linkRatio(entities: number): number {
  if (entities >= 20_000) return 5;
  return 2.5 + (2.5 * Math.log(Math.max(1, entities / 300))) / Math.log(20_000 / 300);
}

/** Smallest ring the planner builds; below it the roles and planted patterns do not fit. */
const MIN_RING = 45;
/** The rings' minimum size may take at most this share of N; the rest is background. */
const MAX_RING_SHARE = 0.6;
/** Links a ring makes per entity it owns, measured; used only to leave the background its share. */
const RING_LINKS_PER_ENTITY = 2.4;

function degrees(links: number, persons: number): BgDegrees {
  // Per person, uses, in-device, holds, seen-at and payments make about 5.8 links; calls and SMS the rest.
  const pay = 2;
  const rest = Math.max(0, links / Math.max(1, persons) - 5.8);
  return { call: Math.max(1, (0.75 * rest) / 1.12), message: (0.25 * rest) / 1.12, pay };
}

export class ScenarioError extends RangeError {
  override name = 'ScenarioError';
}

/** Checks the options (schema, and whether the rings fit in N); throws a ScenarioError naming the option. */
export function parseScenarioOptions(options: ScenarioOptions): z.output<typeof scenarioOptionsSchema> {
  const parsed = scenarioOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ScenarioError(
      `invalid scenario option ${issue?.path.join('.') || ''}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const { entities, rings = defaultRings(entities) } = parsed.data;
  if (rings * MIN_RING > entities * MAX_RING_SHARE) {
    throw new ScenarioError(
      `invalid scenario option rings: ${rings} rings need at least ${Math.ceil((rings * MIN_RING) / MAX_RING_SHARE)} entities, not ${entities}`,
    );
  }
  return parsed.data;
}

/**
 * Yields the scenario's batches in ingest order and returns its ground truth. `onTruth` receives the
 * truth too, for callers that consume the stream with for…of (which drops a generator's return value).
 */
export function* streamScenario(
  options: ScenarioOptions,
  onTruth?: (truth: GroundTruth) => void,
): Generator<IngestBatchInput, GroundTruth, undefined> {
  const docs = scenarioDocuments(options, onTruth);
  for (let r = docs.next(); ; r = docs.next()) {
    if (r.done) return r.value;
    yield r.value.batch;
  }
}

/** The scenario's documents in ingest order, each batch with the file it is received as (ScenarioDocument). */
export function* scenarioDocuments(
  options: ScenarioOptions,
  onTruth?: (truth: GroundTruth) => void,
): Generator<ScenarioDocument, GroundTruth, undefined> {
  const opts = parseScenarioOptions(options);
  const N = opts.entities;
  const ctx = worldContext(opts.seed);
  const ringCount = opts.rings ?? defaultRings(N);

  // Plan the rings, their overlaps, and size the background to make up the rest.
  const mean = Math.max(MIN_RING, (N * ringShare(N)) / ringCount);
  const sizes = ctx.rng.fork('ring-sizes');
  const rings: RingPlan[] = [];
  for (let i = 0; i < ringCount; i++)
    rings.push(planRing(ctx, i, Math.max(MIN_RING, Math.round(mean * (0.6 + 0.8 * sizes.next())))));
  const overlaps = planOverlaps(rings);
  planOverlapStays(rings, overlaps, ctx.rng.fork('overlap-stays'));
  const caseCount = rings.reduce((n, r) => n + r.cases.length, 0);
  const ringOwned = new Set(rings.flatMap((r) => ringEntities(r).map((e) => e.id))).size + caseCount;
  const bgBudget = N - ringOwned;
  if (bgBudget < 40)
    throw new ScenarioError(`${N} entities leave no room for a background beside ${ringOwned} ring entities`);
  const bgPersons = bgBudget / 3.95;
  const bg = planBackground(
    ctx,
    bgBudget,
    degrees(Math.max(0, linkRatio(N) * N - ringOwned * RING_LINKS_PER_ENTITY), bgPersons),
  );
  attachBridges(rings, bg, ctx);
  castCases(rings, overlaps, ctx);
  const named = new Set(rings.flatMap((r) => r.cases.flatMap((c) => c.involved.map((i) => i.e.id))));
  const planned = new Set(rings.flatMap((r) => ringEntities(r, named).map((e) => e.id)));

  const truth = new TruthCollector();
  let ordinal = 0;
  const make: MakeWriter = (meta, spelling) =>
    new BatchWriter(
      meta,
      `casegraph-seed\u0000${ctx.seed}\u0000${++ordinal}\u0000${meta.type}\u0000${meta.name}`,
      spelling,
    );
  const caseKey = new Map(rings.flatMap((r) => r.cases.map((c) => [c.key, (c.ent as Ent).key] as const)));

  // Rings: entities and links counted as emitted, since rings share some of them.
  const ringSeen = new Set<string>();
  const ringLinks = new Set<string>();
  for (const ring of rings) {
    const facts = ringEvents(ring, overlaps, ctx.rng.fork('events', ring.index));
    const emitted = new Set<string>();
    for (const w of ringDocs(ring, facts, make, ctx.rng.fork('ring-docs', ring.index))) {
      const batch = w.build();
      const c = batch.document.case === undefined ? undefined : caseKey.get(batch.document.case);
      for (const e of w.declared()) {
        if (c) truth.mention(c, e);
        if (!e.bg && !ringSeen.has(e.id)) {
          ringSeen.add(e.id);
          truth.countEntity(e.kind as EntityKind);
        }
      }
      for (const id of w.listedIds()) emitted.add(id);
      for (const id of w.linkIds()) {
        emitted.add(id);
        if (!ringLinks.has(id)) {
          ringLinks.add(id);
          truth.countLink(id.slice(0, id.indexOf('>')));
        }
      }
      if (c)
        for (const f of w.facts()) if (f.kind === 'involves' && f.role) truth.involvement(c, f.to, f.role);
      truth.occurrences += w.occurrences;
      truth.countDocument(batch.document.type);
      yield document(w, batch);
    }
    for (const id of facts.facts.byId.keys())
      if (!emitted.has(id))
        throw new Error(`seed invariant: ${ring.id} planned ${id} but no document carries it`);
  }
  if (ringSeen.size !== planned.size || [...planned].some((id) => !ringSeen.has(id))) {
    const missing = [...planned].filter((id) => !ringSeen.has(id)).slice(0, 3);
    const extra = [...ringSeen].filter((id) => !planned.has(id)).slice(0, 3);
    throw new Error(
      `seed invariant: ring entities planned ≠ emitted (missing ${missing.join(', ')}; extra ${extra.join(', ')})`,
    );
  }

  // Background: counted by construction; its links are unique to their neighbourhood.
  const personKeys: string[] = [];
  const planner = new DuplicatePlanner(ctx, ctx.rng.fork('duplicates'), opts.duplicates ?? 0, bg.persons);
  for (let h = 0; h < bg.neighbourhoods; h++) {
    const nb = neighbourhood(bg, ctx, h);
    const links = new Set<string>();
    for (const p of nb.persons) {
      if (opts.duplicates) planner.take(p);
      personKeys.push(p.ent.key);
      truth.countEntity('person');
      truth.countEntity('phone', p.phones.length);
      truth.countEntity('device', p.devices.length);
      if (p.upi) truth.countEntity('account');
      if (p.bank) truth.countEntity('account');
    }
    truth.countEntity('location', nb.cells.length);
    for (const w of neighbourhoodDocs(bg, ctx, nb, make, ctx.rng.fork('neighbourhood-docs', h))) {
      for (const id of w.linkIds()) {
        if (links.has(id)) continue;
        links.add(id);
        truth.countLink(id.slice(0, id.indexOf('>')));
      }
      truth.occurrences += w.occurrences;
      const batch = w.build();
      truth.countDocument(batch.document.type);
      yield document(w, batch);
    }
  }

  // Planted duplicates: registers of new lodges naming background persons again under other spellings.
  if (opts.duplicates) {
    for (const { kind, n } of planner.newEntities()) truth.countEntity(kind, n);
    for (const { writer, hotel } of duplicateDocs(planner, ctx, make, ctx.rng.fork('duplicate-docs'))) {
      if (hotel) truth.countEntity(hotel.kind as EntityKind);
      for (const id of writer.linkIds()) truth.countLink(id.slice(0, id.indexOf('>')));
      truth.occurrences += writer.occurrences;
      const batch = writer.build();
      truth.countDocument(batch.document.type);
      yield document(writer, batch);
    }
  }

  const result = truth.finish({
    entities: N,
    seed: ctx.seed,
    rings,
    overlaps,
    bg,
    personKeys,
    emitted: ringSeen,
  });
  if (opts.duplicates) result.duplicates = planner.truth();
  onTruth?.(result);
  return result;
}

function document(w: BatchWriter, batch: IngestBatchInput): ScenarioDocument {
  return { batch, file: w.file ?? (() => scenarioFile(batch)) };
}

/** The whole scenario in memory: for demo and test sizes. */
export function generateScenario(options: ScenarioOptions): Scenario {
  const batches: IngestBatchInput[] = [];
  const it = streamScenario(options);
  for (let r = it.next(); ; r = it.next()) {
    if (r.done) return { batches, truth: r.value };
    batches.push(r.value);
  }
}
