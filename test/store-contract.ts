/**
 * The GraphStore contract: what every adapter must do, written once. test/sqlite-store.test.ts runs it
 * on a temporary SQLite file; the Neo4j adapter (issue 7) is to run the same suite when NEO4J_URI is set.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseGraphError } from '../server/domain/errors.js';
import { entityId } from '../server/domain/ids.js';
import { normaliseKey } from '../server/domain/keys.js';
import type { EntityKind, Scheme } from '../server/domain/kinds.js';
import type { GraphStore } from '../server/store/graph-store.js';
import { ingestBatch, prepareBatch } from '../server/ingest/ingest-batch.js';
import type { IngestBatchInput } from '../server/domain/batch.js';
import {
  FIR,
  OTHER_FIR,
  TEST_KEYS,
  airtelCdr,
  firBatch,
  jioCdr,
  otherFirBatch,
  scenario,
  sha,
} from './support/batches.js';
import { mergeContract } from './store-contract-merges.js';
import { caseWorkContract } from './case-work-contract.js';
import { occurrenceBinsContract } from './store-contract-occurrence-bins.js';

export function idOf(kind: EntityKind, key: string, scheme?: Scheme): string {
  const s = scheme ?? (kind as Scheme);
  const r = normaliseKey(kind === 'case' ? 'fir' : s, key, TEST_KEYS);
  if (!r.ok) throw new Error(`test key ${key}: ${r.reason}`);
  return entityId(kind, kind === 'case' ? 'fir' : s, r.key);
}

export interface StoreHarness {
  open(): Promise<GraphStore>;
  /** Close and open the same store again, as a restart does. */
  reopen?(store: GraphStore): Promise<GraphStore>;
  cleanup(): Promise<void>;
}

const T0 = new Date('2026-06-01T09:00:00Z');

async function load(store: GraphStore, batches: IngestBatchInput[]) {
  const out = [];
  for (const b of batches)
    out.push(await ingestBatch(b, 'contract-test', { store, keys: TEST_KEYS, now: () => T0 }));
  return out;
}

export function describeStoreContract(name: string, harness: StoreHarness): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;
    beforeEach(async () => {
      store = await harness.open();
    });
    afterEach(async () => {
      await store.close();
      await harness.cleanup();
    });

    const accused = () => idOf('person', 'FIR-0001-2026-A1');
    const victim = () => idOf('person', 'FIR-0001-2026-V1');
    const phoneA = () => idOf('phone', '9820123456');
    const phoneB = () => idOf('phone', '9820199999');
    const caseId = () => idOf('case', FIR);

    describe('merges of persons', () => mergeContract(() => store, idOf));
    describe('occurrences over time', () =>
      occurrenceBinsContract(
        () => store,
        (batches) => load(store, batches),
      ));

    it('creates what a batch names and counts it', async () => {
      const [counts] = await load(store, [firBatch()]);
      expect(counts!.entities).toEqual({ created: 3, updated: 0, unchanged: 0 });
      expect(counts!.links).toEqual({ created: 2, updated: 0, unchanged: 0 });
      expect(counts!.version).toBe(1);
      expect(await store.stats()).toMatchObject({ entities: 3, links: 2, documents: 1, version: 1 });
    });

    it('counts a record the batch names twice once, and keeps both its sources', async () => {
      const [counts] = await load(store, [
        {
          document: { name: 'cdr-twice.csv', sha256: sha('cdr-twice'), type: 'cdr' },
          entities: [
            { kind: 'phone', key: '9820123456', ref: 'row 2' },
            { kind: 'phone', key: '9820199999', ref: 'row 2' },
            { kind: 'phone', key: '+91 98201 23456', ref: 'row 5' },
          ],
          links: [
            {
              kind: 'called',
              from: { kind: 'phone', key: '9820123456' },
              to: { kind: 'phone', key: '9820199999' },
              ref: 'row 2',
              occurrences: [{ at: '2026-04-15T10:12:00+05:30', durationS: 62, ref: 'row 2' }],
            },
            {
              kind: 'called',
              from: { kind: 'phone', key: '09820123456' },
              to: { kind: 'phone', key: '9820199999' },
              ref: 'row 5',
              occurrences: [{ at: '2026-04-16T21:40:05+05:30', durationS: 15, ref: 'row 5' }],
            },
          ],
        },
      ]);
      expect(counts!.entities).toEqual({ created: 2, updated: 0, unchanged: 0 });
      expect(counts!.links).toEqual({ created: 1, updated: 0, unchanged: 0 });
      expect(counts!.occurrences.created).toBe(2);
      expect(await store.stats()).toMatchObject({ entities: 2, links: 1, occurrences: 2 });
      const phone = await store.getEntity(phoneA());
      expect(phone!.provenance.map((p) => p.ref).sort()).toEqual(['row 2', 'row 5']);
    });

    it('changes nothing when the same batch comes again', async () => {
      const first = await load(store, scenario());
      const before = await store.stats();
      const again = await load(store, scenario());
      for (const c of again) {
        expect(c.entities.created + c.entities.updated).toBe(0);
        expect(c.links.created + c.links.updated).toBe(0);
        expect(c.occurrences.created).toBe(0);
      }
      expect(again.at(-1)!.version).toBe(first.at(-1)!.version);
      expect(await store.stats()).toEqual(before);
    });

    it('writes a group of batches together, each still all-or-nothing and reported in order', async () => {
      const prepare = (b: IngestBatchInput) => prepareBatch(b, 'contract-test', TEST_KEYS);
      const bad = prepare({
        document: { name: 'bad-in-group.csv', sha256: sha('bad-in-group'), type: 'cdr' },
        entities: [{ kind: 'phone', key: '9820188888' }],
        links: [
          {
            kind: 'called',
            from: { kind: 'phone', key: '9820188888' },
            to: { kind: 'phone', key: '9820166666' },
          },
        ],
      });
      // The CDR names the accused declared by the FIR earlier in the same group.
      const outcomes = await store.ingestMany([prepare(firBatch()), bad, prepare(airtelCdr())], {
        importedAt: T0,
      });
      expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
      expect(!outcomes[1]!.ok && outcomes[1]!.error.code).toBe('BATCH.UNKNOWN_ENTITY');
      expect(outcomes.map((o) => (o.ok ? o.counts.version : null))).toEqual([1, null, 2]);
      expect(await store.getEntity(idOf('phone', '9820188888'))).toBeNull();
      const separately = await store.stats();

      const again = await store.ingestMany([prepare(firBatch()), prepare(airtelCdr())], { importedAt: T0 });
      expect(again.every((o) => o.ok && o.counts.entities.created + o.counts.links.created === 0)).toBe(true);
      expect(await store.stats()).toEqual(separately);
      expect(separately).toMatchObject({ entities: 6, links: 5, documents: 2 });
    });

    it('refuses a known file sent again under another case or grading, writing nothing', async () => {
      await load(store, [firBatch(), airtelCdr(), otherFirBatch()]);
      const before = await store.stats();
      const moved = airtelCdr();
      moved.document = { ...moved.document, case: OTHER_FIR, grading: { source: 'F', information: '6' } };
      const err = await load(store, [moved]).catch((e: unknown) => e);
      expect((err as CaseGraphError).code).toBe('DOCUMENT.CONFLICT');
      expect((err as CaseGraphError).issues.map((i) => i.path)).toEqual([
        'document.case',
        'document.grading',
      ]);
      expect(await store.stats()).toEqual(before);
    });

    it('changes nothing when an earlier file is sent again after a later one', async () => {
      const doc = (n: string) => ({ name: n, sha256: sha(n), type: 'statement' as const });
      const person = (name: string) => [
        { kind: 'person' as const, key: 'P-ORDER-1', props: { name }, ref: 'row 1' },
      ];
      const a: IngestBatchInput = { document: doc('a'), entities: person('Name From A') };
      const b: IngestBatchInput = { document: doc('b'), entities: person('Name From B') };
      await load(store, [a, b]);
      const before = {
        stats: await store.stats(),
        entity: await store.getEntity(idOf('person', 'P-ORDER-1')),
      };
      const [again] = await load(store, [a]);
      expect(again!.entities).toEqual({ created: 0, updated: 0, unchanged: 1 });
      expect(await store.stats()).toEqual(before.stats);
      expect(await store.getEntity(idOf('person', 'P-ORDER-1'))).toEqual(before.entity);
      expect(before.entity!.label).toBe('Name From B');
    });

    it('makes one phone of three spellings from two operators, keeping both records', async () => {
      await load(store, [firBatch(), airtelCdr(), jioCdr()]);
      const phone = await store.getEntity(phoneB());
      expect(phone).not.toBeNull();
      expect(phone!.key).toBe('+91 98201 99999');
      expect(phone!.props.operator).toBe('Jio');
      const docs = phone!.provenance.map((p) => [p.document.name, p.ref]);
      expect(docs).toEqual([
        ['airtel-cdr-A.csv', 'row 2'],
        ['jio-cdr-B.csv', 'row 7'],
      ]);
      expect(phone!.provenance[0]!.document.grading).toEqual({ source: 'B', information: '2' });
      expect(phone!.provenance[0]!.importedBy).toBe('contract-test');
      expect(phone!.provenance[0]!.importedAt).toBe(T0.toISOString());
    });

    it('counts a call recorded in both CDRs once, with both sources', async () => {
      const counts = await load(store, [firBatch(), airtelCdr(), jioCdr()]);
      expect(counts[2]!.occurrences).toEqual({ created: 0, unchanged: 1 });
      expect(counts[2]!.links.updated).toBe(1); // a new source for a known call is news
      const graph = await store.subgraph({ caseId: caseId(), limit: 100 });
      const call = graph.links.find((l) => l.kind === 'called' && l.to === phoneB())!;
      expect(call.count).toBe(2);
      expect(call.durationS).toBe(77);
      expect(call.firstAt).toBe('2026-04-15T04:42:00.000Z');
      expect(call.lastAt).toBe('2026-04-16T16:10:05.000Z');
      const detail = (await store.getLink(call.id, 10))!;
      expect(detail.occurrences).toHaveLength(2);
      expect(detail.occurrences[0]!.provenance.map((p) => p.document.name)).toEqual([
        'airtel-cdr-A.csv',
        'jio-cdr-B.csv',
      ]);
      expect(detail.provenance.map((p) => p.ref)).toEqual(['row 2', 'row 7']);
    });

    it("keeps the importer's name exactly as given on every source it writes", async () => {
      // Quotes, an SQL comment and letters outside ASCII: the SQLite adapter writes the name into its SQL.
      const importer = `o'brien "x" -- ' || 'ग`;
      for (const [i, b] of [firBatch(), airtelCdr(), jioCdr()].entries())
        await ingestBatch(b, i === 0 ? 'contract-test' : importer, { store, keys: TEST_KEYS, now: () => T0 });
      const phone = (await store.getEntity(phoneB()))!;
      expect(phone.provenance.map((p) => p.importedBy)).toEqual([importer, importer]);
      const graph = await store.subgraph({ caseId: caseId(), limit: 100 });
      const call = graph.links.find((l) => l.kind === 'called' && l.to === phoneB())!;
      const detail = (await store.getLink(call.id, 10))!;
      // The link's first source and a further one; an occurrence's first source and a further one.
      expect(detail.provenance.map((p) => p.importedBy)).toEqual([importer, importer]);
      expect(detail.occurrences.flatMap((o) => o.provenance.map((p) => p.importedBy))).toEqual([
        importer,
        importer,
        importer,
      ]);
    });

    it('rejects a batch whose link names an entity that exists nowhere, writing nothing of it', async () => {
      await load(store, [firBatch()]);
      const before = await store.stats();
      const bad: IngestBatchInput = {
        document: { name: 'bad.csv', sha256: sha('bad'), type: 'cdr' },
        entities: [{ kind: 'phone', key: '9820155555', ref: 'row 1' }],
        links: [
          {
            kind: 'uses',
            from: { kind: 'person', key: 'FIR-0001-2026-A1' },
            to: { kind: 'phone', key: '9820155555' },
          },
          {
            kind: 'called',
            from: { kind: 'phone', key: '9820155555' },
            to: { kind: 'phone', key: '9820166666' },
          },
        ],
      };
      const err = await load(store, [bad]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CaseGraphError);
      expect((err as CaseGraphError).code).toBe('BATCH.UNKNOWN_ENTITY');
      expect((err as CaseGraphError).issues).toEqual([
        expect.objectContaining({
          index: 1,
          path: 'links[1].to',
          message: expect.stringContaining('+91 98201 66666'),
        }),
      ]);
      expect(await store.stats()).toEqual(before);
      expect(await store.getEntity(idOf('phone', '9820155555'))).toBeNull();
    });

    it('treats an association as one link whichever way it is written', async () => {
      await load(store, [firBatch()]);
      const doc = (n: string) => ({ name: n, sha256: sha(n), type: 'statement' as const });
      const a = { kind: 'person' as const, key: 'FIR-0001-2026-A1' };
      const v = { kind: 'person' as const, key: 'FIR-0001-2026-V1' };
      const [one, two] = await load(store, [
        {
          document: doc('s1'),
          links: [{ kind: 'associate-of', from: a, to: v, props: { relation: 'cousin' } }],
        },
        { document: doc('s2'), links: [{ kind: 'associate-of', from: v, to: a }] },
      ]);
      expect(one!.links.created).toBe(1);
      expect(two!.links).toEqual({ created: 0, updated: 1, unchanged: 0 });
    });

    it('finds entities by exact id and by name, forgiving case and accents', async () => {
      await load(store, scenario());
      const byName = await store.search({ ids: [], text: 'emira TEST', limit: 10 });
      expect(byName.map((e) => e.id)).toEqual([victim()]);
      const byId = await store.search({ ids: [phoneA()], text: 'zzzz', limit: 10 });
      expect(byId.map((e) => e.id)).toEqual([phoneA()]);
      const digits = await store.search({ ids: [], text: '98201', limit: 10 });
      expect(digits.map((e) => e.id).sort()).toEqual([phoneA(), phoneB()].sort());
      const onlyPhones = await store.search({ ids: [], text: 'test', kinds: ['hotel'], limit: 10 });
      expect(onlyPhones.map((e) => e.kind)).toEqual(['hotel']);
    });

    it("gives a case's graph: the case, what it involves and what its own evidence says", async () => {
      await load(store, scenario());
      const g = await store.subgraph({ caseId: caseId(), limit: 100 });
      const ids = new Set(g.nodes.map((n) => n.id));
      expect(ids).toEqual(
        new Set([caseId(), accused(), victim(), phoneA(), phoneB(), idOf('phone', '7000012345')]),
      );
      expect(g.links.map((l) => l.kind).sort()).toEqual(['called', 'called', 'involves', 'involves', 'uses']);
      expect(g.truncated).toBe(false);
      const other = await store.subgraph({ caseId: idOf('case', OTHER_FIR), limit: 100 });
      expect(other.nodes.map((n) => n.kind).sort()).toEqual([
        'account',
        'account',
        'case',
        'hotel',
        'person',
        'person',
        'person',
      ]);
      expect(other.links.some((l) => l.kind === 'called')).toBe(false);
    });

    it('keeps the case and what it involves when its graph is cut to a limit, before the evidence', async () => {
      // The phones were known before the case: in arrival order they come before its people.
      const { case: _case, ...unfiled } = jioCdr().document;
      await load(store, [{ ...jioCdr(), document: { ...unfiled, sha256: sha('unfiled') } }, ...scenario()]);
      const g = await store.subgraph({ caseId: caseId(), limit: 3 });
      expect(g.nodes.map((n) => n.id)).toEqual([caseId(), accused(), victim()]);
      expect(g.truncated).toBe(true);
    });

    it("gives several cases' graphs as their union", async () => {
      await load(store, scenario());
      const ids = async (q: Parameters<GraphStore['subgraph']>[0]) =>
        new Set((await store.subgraph(q)).nodes.map((n) => n.id));
      const a = await ids({ caseId: idOf('case', FIR), limit: 1000 });
      const b = await ids({ caseId: idOf('case', OTHER_FIR), limit: 1000 });
      const both = await ids({ caseIds: [idOf('case', FIR), idOf('case', OTHER_FIR)], limit: 1000 });
      expect([...both].sort()).toEqual([...new Set([...a, ...b])].sort());
      expect(b.size).toBeGreaterThan(0);
      expect([...b].some((id) => !a.has(id))).toBe(true);
    });

    it('filters a subgraph by kind, link kind, time and size', async () => {
      await load(store, scenario());
      const people = await store.subgraph({ kinds: ['person'], limit: 100 });
      expect(people.nodes.every((n) => n.kind === 'person')).toBe(true);
      expect(people.nodes).toHaveLength(3);
      const calls = await store.subgraph({ linkKinds: ['called'], limit: 100 });
      expect(calls.links.map((l) => l.kind)).toEqual(['called', 'called']);
      const april = await store.subgraph({
        linkKinds: ['called'],
        from: Date.parse('2026-04-01T00:00:00Z'),
        to: Date.parse('2026-04-30T23:59:59Z'),
        limit: 100,
      });
      expect(april.links).toHaveLength(1);
      const small = await store.subgraph({ limit: 4 });
      expect(small.nodes).toHaveLength(4);
      expect(small.truncated).toBe(true);
    });

    it('walks a neighbourhood hop by hop within its limit', async () => {
      await load(store, scenario());
      const one = await store.neighbourhood(accused(), { hops: 1, limit: 100 });
      expect(new Set(one.nodes.map((n) => n.id))).toEqual(
        new Set([accused(), caseId(), phoneA(), idOf('account', 'zq.test@okhdfcbank', 'upi')]),
      );
      const two = await store.neighbourhood(accused(), { hops: 2, limit: 100 });
      expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
      expect(two.nodes.map((n) => n.id)).toContain(phoneB());
      const capped = await store.neighbourhood(accused(), { hops: 3, limit: 3 });
      expect(capped.nodes).toHaveLength(3);
      expect(capped.truncated).toBe(true);
      expect(capped.nodes[0]!.id).toBe(accused());
    });

    it('finds the paths between two entities, shortest first, within the hop limit', async () => {
      await load(store, scenario());
      const hotel = idOf('hotel', 'Hotel Testview Lodge, Mumbai');
      const r = await store.paths(phoneB(), hotel, { maxHops: 5, limit: 10 });
      expect(r.paths.length).toBeGreaterThan(0);
      const lengths = r.paths.map((p) => p.links.length);
      expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
      // phone B ← called ← phone A ← uses ← accused ← involves ← case → involves → victim → stayed-at → hotel is 5 hops.
      const first = r.paths[0]!;
      expect(first.nodes[0]).toBe(phoneB());
      expect(first.nodes.at(-1)).toBe(hotel);
      expect(first.links).toHaveLength(5);
      for (const p of r.paths) expect(new Set(p.nodes).size).toBe(p.nodes.length);
      const linkIds = new Set(r.links.map((l) => l.id));
      for (const p of r.paths) for (const l of p.links) expect(linkIds.has(l)).toBe(true);
      expect((await store.paths(phoneB(), hotel, { maxHops: 4, limit: 10 })).paths).toEqual([]);
      const one = await store.paths(phoneB(), hotel, { maxHops: 6, limit: 1 });
      expect(one.paths).toHaveLength(1);
    });

    it('gives an entity its cases and degree', async () => {
      await load(store, scenario());
      const v = (await store.getEntity(victim()))!;
      expect(v.caseIds.sort()).toEqual([caseId(), idOf('case', OTHER_FIR)].sort());
      expect(v.degree).toBe(2);
      expect(await store.getEntity('person:000000000000000000000000')).toBeNull();
    });

    it('keeps every amount to the paisa and every time to the second', async () => {
      await load(store, scenario());
      const g = await store.subgraph({ linkKinds: ['paid'], limit: 100 });
      expect(g.links[0]!.amount).toBe(1500.5);
      const d = (await store.getLink(g.links[0]!.id, 10))!;
      expect(d.occurrences[0]).toMatchObject({
        amount: 1500.5,
        txnRef: '612345678901',
        at: '2026-04-20T16:25:00.000Z',
      });
    });

    it('gives what changed after a version, for a projection to catch up', async () => {
      await load(store, scenario());
      const all = await store.changesSince(0);
      const stats = await store.stats();
      expect(all.version).toBe(stats.version);
      expect(all.entities).toHaveLength(stats.entities);
      expect(all.links).toHaveLength(stats.links);

      const before = all.version;
      const next: IngestBatchInput = {
        document: { name: 'vi-cdr-C.csv', sha256: sha('vi-cdr-C'), type: 'cdr' },
        entities: [
          { kind: 'phone', key: '09820177777', ref: 'row 1' },
          {
            kind: 'person',
            key: 'FIR-0001-2026-A1',
            props: { name: 'Zorvan Quillet', alias: 'ZQ' },
            ref: 'row 1',
          },
        ],
        links: [
          {
            kind: 'called',
            from: { kind: 'phone', key: '09820177777' },
            to: { kind: 'phone', key: '09820123456' },
            ref: 'row 1',
          },
          {
            kind: 'called',
            from: { kind: 'phone', key: '09820123456' },
            to: { kind: 'phone', key: '09820199999' },
            ref: 'row 2',
            occurrences: [{ at: '2026-06-01T09:00:00+05:30', durationS: 5, ref: 'row 2' }],
          },
        ],
      };
      await load(store, [next]);
      const delta = await store.changesSince(before);
      expect(delta.version).toBe(before + 1);
      expect(delta.entities.map((e) => e.id).sort()).toEqual([accused(), idOf('phone', '9820177777')].sort());
      expect(delta.entities.find((e) => e.id === accused())!.props.alias).toBe('ZQ');
      expect(delta.links).toHaveLength(2);
      expect(delta.links.find((l) => l.to === phoneB())!.count).toBe(3);

      await load(store, [next]);
      expect(await store.changesSince(delta.version)).toEqual({
        version: delta.version,
        entities: [],
        links: [],
        removed: [],
      });
    });

    it('names the protected: victims, minors and what they use or hold, each with a pseudonym kept for good', async () => {
      await load(store, [firBatch()]);
      const first = await store.protectedEntities();
      expect(first.map((p) => [p.id, p.reason])).toEqual([[victim(), 'victim']]);
      expect(first[0]!.pseudonym).toBe('V-0001');
      expect(first[0]!.secrets).toEqual(expect.arrayContaining(['Émira Testova', 'FIR-0001-2026-V1']));
      // A minor who is no victim, and the victim's phone; the first pseudonym does not move.
      await load(store, [
        {
          document: { name: 'minor.pdf', sha256: sha('minor'), type: 'statement' },
          entities: [
            { kind: 'person', key: 'W-17', props: { name: 'Young Witness', age: 16 } },
            { kind: 'person', key: 'FIR-0001-2026-V1' },
            { kind: 'phone', key: '9811122233' },
          ],
          links: [
            {
              kind: 'uses',
              from: { kind: 'person', key: 'FIR-0001-2026-V1' },
              to: { kind: 'phone', key: '9811122233' },
            },
          ],
        },
      ]);
      const after = await store.protectedEntities();
      const by = new Map(after.map((p) => [p.id, p]));
      expect(by.get(victim())).toMatchObject({ reason: 'victim', pseudonym: 'V-0001' });
      expect(by.get(idOf('person', 'W-17'))).toMatchObject({ reason: 'minor', pseudonym: 'V-0002' });
      expect(by.get(idOf('phone', '9811122233'))).toMatchObject({
        reason: 'identifier',
        pseudonym: 'V-0001',
      });
      expect(by.get(idOf('phone', '9811122233'))!.secrets).toEqual(expect.arrayContaining(['+919811122233']));
      expect(by.has(accused())).toBe(false);
      expect(await store.protectedEntities()).toEqual(after);
    });

    it("protects a person who holds a victim's or minor's ID document, under her pseudonym; not one who shares only her phone", async () => {
      const passport = (key: string) => ({ kind: 'id-document' as const, scheme: 'passport' as const, key });
      const person = (key: string) => ({ kind: 'person' as const, key });
      await load(store, [
        firBatch(),
        {
          document: { name: 'statement-v1.pdf', sha256: sha('statement-v1'), type: 'statement' },
          entities: [
            person('FIR-0001-2026-V1'),
            { ...person('W-17'), props: { name: 'Young Witness', age: 16 } },
            passport('Z1234567'),
            passport('K7654321'),
            { kind: 'phone', key: '9811122233' },
          ],
          links: [
            { kind: 'holds', from: person('FIR-0001-2026-V1'), to: passport('Z1234567') },
            { kind: 'uses', from: person('FIR-0001-2026-V1'), to: { kind: 'phone', key: '9811122233' } },
            { kind: 'holds', from: person('W-17'), to: passport('K7654321') },
          ],
        },
        {
          // A lodge register names its guests as records of its own, by the document they showed.
          document: { name: 'register-c.csv', sha256: sha('register-c'), type: 'hotel-register' },
          entities: [
            { ...person('REG-C-1'), props: { name: 'E. Testova', gender: 'female' } },
            { ...person('REG-C-2'), props: { name: 'Y. Witness' } },
            { ...person('REG-C-3'), props: { name: 'Both Papers' } },
            passport('Z1234567'),
            passport('K7654321'),
            { kind: 'phone', key: '9820100001' },
          ],
          links: [
            { kind: 'holds', from: person('REG-C-1'), to: passport('Z1234567') },
            { kind: 'uses', from: person('REG-C-1'), to: { kind: 'phone', key: '9820100001' } },
            { kind: 'holds', from: person('REG-C-2'), to: passport('K7654321') },
            { kind: 'holds', from: person('REG-C-3'), to: passport('K7654321') },
            { kind: 'holds', from: person('REG-C-3'), to: passport('Z1234567') },
          ],
        },
        {
          // The accused answers her phone: he shares her number, not her identity.
          document: { name: 'seizure-memo.pdf', sha256: sha('seizure-memo'), type: 'statement' },
          entities: [person('FIR-0001-2026-A1'), { kind: 'phone', key: '9811122233' }],
          links: [
            { kind: 'uses', from: person('FIR-0001-2026-A1'), to: { kind: 'phone', key: '9811122233' } },
          ],
        },
      ]);
      const list = await store.protectedEntities();
      const by = new Map(list.map((p) => [p.id, p]));
      expect(by.get(victim())).toMatchObject({ reason: 'victim', pseudonym: 'V-0001' });
      expect(by.get(idOf('person', 'W-17'))).toMatchObject({ reason: 'minor', pseudonym: 'V-0002' });
      expect(by.get(idOf('person', 'REG-C-1'))).toMatchObject({
        reason: 'same-document',
        pseudonym: 'V-0001',
      });
      expect(by.get(idOf('person', 'REG-C-1'))!.secrets).toEqual(
        expect.arrayContaining(['E. Testova', 'REG-C-1']),
      );
      expect(by.get(idOf('person', 'REG-C-2'))).toMatchObject({
        reason: 'same-document',
        pseudonym: 'V-0002',
      });
      // Holding both women's documents, a record is credited to the one the graph knew first.
      expect(by.get(idOf('person', 'REG-C-3'))).toMatchObject({
        reason: 'same-document',
        pseudonym: 'V-0001',
      });
      expect(by.get(idOf('id-document', 'Z1234567', 'passport'))).toMatchObject({
        reason: 'identifier',
        pseudonym: 'V-0001',
      });
      // Not the accused who shares only her phone, nor the number a register wrote beside her name.
      expect(by.has(accused())).toBe(false);
      expect(by.has(idOf('phone', '9820100001'))).toBe(false);
      expect(
        list
          .filter((p) => p.kind === 'person')
          .map((p) => p.reason)
          .sort(),
      ).toEqual(['minor', 'same-document', 'same-document', 'same-document', 'victim']);
      // A record that borrows a pseudonym takes no number of its own: the next victim is V-0003.
      await load(store, [
        {
          document: { name: 'minor-2.pdf', sha256: sha('minor-2'), type: 'statement' },
          entities: [{ ...person('W-18'), props: { name: 'Second Witness', age: 14 } }],
          links: [],
        },
      ]);
      const after = await store.protectedEntities();
      expect(after.find((p) => p.id === idOf('person', 'W-18'))!.pseudonym).toBe('V-0003');
      expect(after.filter((p) => p.id !== idOf('person', 'W-18'))).toEqual(list);
    });

    it("protects the home address a victim, a minor or her register record gives; not a hotel's, nor one only the accused gives", async () => {
      const passport = { kind: 'id-document' as const, scheme: 'passport' as const, key: 'Z1234567' };
      const person = (key: string) => ({ kind: 'person' as const, key });
      const address = (key: string) => ({ kind: 'location' as const, scheme: 'address' as const, key });
      const hotel = { kind: 'hotel' as const, key: 'Hotel Testview, Howrah' };
      const homes = {
        victim: '12 Testa Lane, Howrah',
        minor: 'Flat 3, Minorly Street, Kolkata',
        register: 'Room 9, Lakeview Road, Siliguri',
        hotel: '1 Hotel Road, Howrah',
        accused: '7 Dealer Street, Howrah',
        shared: '44 Shared Court, Howrah',
      };
      await load(store, [
        firBatch(),
        {
          document: { name: 'statement-v1.pdf', sha256: sha('statement-v1-home'), type: 'statement' },
          entities: [
            person('FIR-0001-2026-V1'),
            { ...person('W-17'), props: { name: 'Young Witness', age: 16 } },
            person('FIR-0001-2026-A1'),
            passport,
            ...Object.values(homes).map(address),
          ],
          links: [
            { kind: 'holds', from: person('FIR-0001-2026-V1'), to: passport },
            { kind: 'located-at', from: person('FIR-0001-2026-V1'), to: address(homes.victim) },
            { kind: 'located-at', from: person('W-17'), to: address(homes.minor) },
            { kind: 'located-at', from: person('FIR-0001-2026-A1'), to: address(homes.accused) },
            // The house he keeps her in: her address, whoever else gives it.
            { kind: 'located-at', from: person('FIR-0001-2026-A1'), to: address(homes.shared) },
            { kind: 'located-at', from: person('FIR-0001-2026-V1'), to: address(homes.shared) },
          ],
        },
        {
          document: { name: 'register-h.csv', sha256: sha('register-h'), type: 'hotel-register' },
          entities: [
            { ...person('REG-H-1'), props: { name: 'E. Testova' } },
            passport,
            hotel,
            address(homes.register),
            address(homes.hotel),
          ],
          links: [
            { kind: 'holds', from: person('REG-H-1'), to: passport },
            { kind: 'located-at', from: person('REG-H-1'), to: address(homes.register) },
            { kind: 'located-at', from: hotel, to: address(homes.hotel) },
          ],
        },
      ]);
      const by = new Map((await store.protectedEntities()).map((p) => [p.id, p]));
      const home = (key: string) => by.get(idOf('location', key, 'address'));
      expect(home(homes.victim)).toMatchObject({ reason: 'identifier', pseudonym: 'V-0001' });
      expect(home(homes.victim)!.secrets).toEqual(expect.arrayContaining([homes.victim]));
      expect(home(homes.shared)).toMatchObject({ reason: 'identifier', pseudonym: 'V-0001' });
      expect(home(homes.minor)).toMatchObject({ reason: 'identifier', pseudonym: 'V-0002' });
      // Her register record's address, under her pseudonym.
      expect(by.get(idOf('person', 'REG-H-1'))).toMatchObject({
        reason: 'same-document',
        pseudonym: 'V-0001',
      });
      expect(home(homes.register)).toMatchObject({ reason: 'identifier', pseudonym: 'V-0001' });
      expect(home(homes.hotel)).toBeUndefined();
      expect(home(homes.accused)).toBeUndefined();
      expect(by.has(accused())).toBe(false);
    });

    if (harness.reopen) {
      it('keeps everything across closing and reopening', async () => {
        await load(store, scenario());
        const before = {
          protected: await store.protectedEntities(),
          stats: await store.stats(),
          entity: await store.getEntity(phoneB()),
          graph: await store.subgraph({ limit: 1000 }),
        };
        store = await harness.reopen!(store);
        expect(await store.stats()).toEqual(before.stats);
        expect(await store.protectedEntities()).toEqual(before.protected);
        expect(await store.getEntity(phoneB())).toEqual(before.entity);
        expect(await store.subgraph({ limit: 1000 })).toEqual(before.graph);
      });
    }

    caseWorkContract(
      () => store,
      () => load(store, scenario()),
    );
  });
}
