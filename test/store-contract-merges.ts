/**
 * The GraphStore contract for merges of persons (issue 8), run by every adapter from store-contract.ts:
 * a merge moves one person's records and links to the other and keeps every provenance record; its undo
 * gives back the graph as it was; a merge the evidence contradicts is refused and writes nothing.
 */
import { expect, it } from 'vitest';
import { Projection } from '../server/analytics/projection.js';
import type { IngestBatchInput } from '../server/domain/batch.js';
import { CaseGraphError } from '../server/domain/errors.js';
import { pairKey } from '../server/domain/merges.js';
import type { GraphStore } from '../server/store/graph-store.js';
import { ingestBatch } from '../server/ingest/ingest-batch.js';
import { TEST_KEYS, sha } from './support/batches.js';

const FIR9 = 'MH/Mumbai City/Test Nagar PS/0009/2026';
const T0 = new Date('2026-06-01T09:00:00Z');
const T1 = new Date('2026-06-02T09:00:00Z');

/** An FIR naming an accused with a phone, and a hotel register naming a guest with another spelling of his name. */
export function mergeBatches(): IngestBatchInput[] {
  return [
    {
      document: { name: 'fir-0009.pdf', sha256: sha('fir-0009'), type: 'fir', case: FIR9 },
      entities: [
        { kind: 'case', key: FIR9, props: { policeStation: 'Test Nagar PS' }, ref: 'page 1' },
        {
          kind: 'person',
          key: 'FIR-0009-2026-A1',
          props: { name: 'Mohammed Zorvan Quillet', dob: '1988-04-02' },
          ref: 'page 1',
        },
        { kind: 'person', key: 'FIR-0009-2026-A2', props: { name: 'Qexa Plixora' }, ref: 'page 1' },
        { kind: 'person', key: 'FIR-0009-2026-A3', props: { name: 'Zorvan Quillet' }, ref: 'page 3' },
        { kind: 'phone', key: '9820155555', ref: 'page 2' },
      ],
      links: [
        {
          kind: 'involves',
          from: { kind: 'case', key: FIR9 },
          to: { kind: 'person', key: 'FIR-0009-2026-A1' },
          role: 'accused',
          ref: 'page 1',
        },
        {
          kind: 'uses',
          from: { kind: 'person', key: 'FIR-0009-2026-A1' },
          to: { kind: 'phone', key: '9820155555' },
          ref: 'page 2',
        },
        {
          kind: 'associate-of',
          from: { kind: 'person', key: 'FIR-0009-2026-A1' },
          to: { kind: 'person', key: 'FIR-0009-2026-A2' },
          ref: 'page 2',
        },
      ],
    },
    {
      document: {
        name: 'register-lodge.csv',
        sha256: sha('register-lodge'),
        type: 'hotel-register',
        case: FIR9,
      },
      entities: [
        {
          kind: 'person',
          key: 'REG-LODGE-17',
          props: { name: 'Mohd Zorvan Quillet', dob: '1988-04-02' },
          ref: 'row 17',
        },
        { kind: 'hotel', key: 'Hotel Testview, Mumbai', ref: 'row 17' },
        { kind: 'id-document', scheme: 'pan', key: 'ABCPQ1234Z', ref: 'row 17' },
      ],
      links: [
        {
          kind: 'uses',
          from: { kind: 'person', key: 'REG-LODGE-17' },
          to: { kind: 'phone', key: '+91 98201 55555' },
          ref: 'row 17',
        },
        {
          kind: 'holds',
          from: { kind: 'person', key: 'REG-LODGE-17' },
          to: { kind: 'id-document', scheme: 'pan', key: 'ABCPQ1234Z' },
          ref: 'row 17',
        },
        {
          kind: 'stayed-at',
          from: { kind: 'person', key: 'REG-LODGE-17' },
          to: { kind: 'hotel', key: 'Hotel Testview, Mumbai' },
          ref: 'row 17',
          occurrences: [
            { at: '2026-03-01T14:00:00+05:30', endAt: '2026-03-03T10:00:00+05:30', ref: 'row 17' },
          ],
        },
      ],
    },
  ];
}

/** Everything a reader can see of the graph, in a fixed order; versions aside (they only grow). */
export async function graphSnapshot(store: GraphStore) {
  const sub = await store.subgraph({ limit: 10_000 });
  const nodes = [...sub.nodes].sort((a, b) => a.id.localeCompare(b.id));
  const links = [...sub.links].sort((a, b) => a.id.localeCompare(b.id));
  const entities = await Promise.all(nodes.map((n) => store.getEntity(n.id)));
  const details = await Promise.all(links.map((l) => store.getLink(l.id, 100)));
  const { version: _v, ...stats } = await store.stats();
  const found = await store.search({ ids: [], text: 'zorvan', limit: 10 });
  const protectedIds = (await store.protectedEntities()).map((p) => [p.id, p.pseudonym]).sort();
  return { nodes, links, entities, details, stats, found: found.map((f) => f.id).sort(), protectedIds };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CaseGraphError) return e.code;
    throw e;
  }
  return 'no error';
}

/** Registers the merge tests inside an adapter's contract suite. */
export function mergeContract(
  store: () => GraphStore,
  idOf: (kind: 'person' | 'phone' | 'case', key: string) => string,
) {
  const load = async () => {
    for (const b of mergeBatches())
      await ingestBatch(b, 'contract-test', { store: store(), keys: TEST_KEYS, now: () => T0 });
  };
  const a = () => idOf('person', 'FIR-0009-2026-A1');
  const b = () => idOf('person', 'REG-LODGE-17');
  const merge = (id: string, survivorId: string, absorbedId: string) =>
    store().mergePersons({ id, survivorId, absorbedId, decidedBy: 'officer.a', at: T1 });

  it('reads every person with the identifiers it uses or holds, for merge candidates', async () => {
    await load();
    const persons = await store().resolutionPersons();
    const guest = persons.find((p) => p.id === b());
    expect(guest?.props.name).toBe('Mohd Zorvan Quillet');
    expect(guest?.identifiers.map((i) => i.kind).sort()).toEqual(['id-document', 'phone']);
    expect(persons.find((p) => p.id === a())?.identifiers.map((i) => i.id)).toEqual([
      idOf('phone', '9820155555'),
    ]);
  });

  it('merges one person into another keeping every record, and the undo gives back the graph as it was', async () => {
    await load();
    const before = await graphSnapshot(store());
    const v0 = await store().version();
    const projection = new Projection(store());
    await projection.refresh();

    const m = await merge('merge:000000000000000000000001', a(), b());
    expect(m).toMatchObject({ survivorId: a(), absorbedId: b(), decidedBy: 'officer.a', undoneAt: null });
    expect(await store().getEntity(b())).toBeNull();
    const kept = (await store().getEntity(a()))!;
    // The register's row is now a record of the accused; the FIR's records are still there.
    expect(kept.provenance.map((p) => `${p.document.name} ${p.ref}`).sort()).toEqual([
      'fir-0009.pdf page 1',
      'register-lodge.csv row 17',
    ]);
    expect(kept.provenance.find((p) => p.ref === 'row 17')?.props.name).toBe('Mohd Zorvan Quillet');
    const merged = await graphSnapshot(store());
    expect(merged.stats.entities).toBe(before.stats.entities - 1);
    expect(merged.stats.links).toBe(before.stats.links);
    expect(merged.stats.occurrences).toBe(before.stats.occurrences);
    const stay = merged.links.find((l) => l.kind === 'stayed-at')!;
    expect(stay.from).toBe(a());
    expect((await store().getLink(stay.id, 10))!.occurrences).toHaveLength(1);
    expect(merged.links.filter((l) => l.kind === 'uses' && l.from === a())).toHaveLength(2);
    const degreeOf = (id: string) => before.entities.find((e) => e!.id === id)!.degree;
    expect(kept.degree).toBe(degreeOf(a()) + degreeOf(b()));

    const changes = await store().changesSince(v0);
    expect(changes.removed).toEqual([b()]);
    expect(changes.entities.map((e) => e.id)).toContain(a());
    await projection.refresh();
    expect(projection.graph.hasNode(b())).toBe(false);
    expect(projection.graph.source(stay.id)).toBe(a());

    const vMerged = await store().version();
    expect(vMerged).toBeGreaterThan(v0);
    const undone = await store().undoMerge(m.id, { undoneBy: 'officer.b', at: T1 });
    expect(undone).toMatchObject({ id: m.id, undoneBy: 'officer.b', undoneAt: T1.toISOString() });
    expect(await graphSnapshot(store())).toEqual(before);
    expect(await store().getMerge(m.id)).toEqual(undone);
    const back = await store().changesSince(vMerged);
    expect(back.removed).toEqual([]);
    expect(back.entities.map((e) => e.id).sort()).toEqual([a(), b()].sort());
    await projection.refresh();
    const fresh = new Projection(store());
    await fresh.refresh();
    // The same nodes and edges; a node put back comes last in graphology's order, which says nothing.
    const sorted = (g: Projection['graph']) => {
      const x = g.export();
      const byKey = (p: { key: string }, q: { key: string }) => p.key.localeCompare(q.key);
      return {
        nodes: [...x.nodes].sort(byKey),
        edges: [...x.edges].sort((p, q) => byKey(p as { key: string }, q as { key: string })),
      };
    };
    expect(sorted(projection.graph)).toEqual(sorted(fresh.graph));
    expect(projection.graph.source(stay.id)).toBe(b());
  });

  it('refuses a merge the evidence contradicts, or of what is not a person, writing nothing', async () => {
    await load();
    const before = await graphSnapshot(store());
    const v = await store().version();
    const id = 'merge:000000000000000000000002';
    expect(await codeOf(merge(id, a(), idOf('person', 'FIR-0009-2026-A2')))).toBe('MERGE.CONFLICT');
    expect(await codeOf(merge(id, a(), a()))).toBe('MERGE.CONFLICT');
    expect(await codeOf(merge(id, a(), idOf('phone', '9820155555')))).toBe('MERGE.NOT_PERSON');
    expect(await codeOf(merge(id, idOf('case', FIR9), b()))).toBe('MERGE.NOT_PERSON');
    expect(await codeOf(merge(id, a(), idOf('person', 'NOBODY-1')))).toBe('ENTITY.NOT_FOUND');
    expect(await store().version()).toBe(v);
    expect(await graphSnapshot(store())).toEqual(before);
    expect(await store().getMerge(id)).toBeNull();
  });

  it('refuses to undo a merge that is not there or is undone already', async () => {
    await load();
    expect(await codeOf(store().undoMerge('merge:00000000000000000000dead', { undoneBy: 'x', at: T1 }))).toBe(
      'MERGE.NOT_FOUND',
    );
    const m = await merge('merge:000000000000000000000003', b(), a());
    await store().undoMerge(m.id, { undoneBy: 'x', at: T1 });
    const v = await store().version();
    expect(await codeOf(store().undoMerge(m.id, { undoneBy: 'x', at: T1 }))).toBe('MERGE.CONFLICT');
    expect(await store().version()).toBe(v);
  });

  it('undoes merges in reverse order only: a survivor merged on since must be split off first', async () => {
    await load();
    const before = await graphSnapshot(store());
    const first = await merge('merge:000000000000000000000004', a(), b());
    const second = await merge('merge:000000000000000000000005', idOf('person', 'FIR-0009-2026-A3'), a());
    const v = await store().version();
    expect(await codeOf(store().undoMerge(first.id, { undoneBy: 'x', at: T1 }))).toBe('MERGE.CONFLICT');
    expect(await store().version()).toBe(v);
    await store().undoMerge(second.id, { undoneBy: 'x', at: T1 });
    await store().undoMerge(first.id, { undoneBy: 'x', at: T1 });
    expect(await graphSnapshot(store())).toEqual(before);
  });

  it('refuses to undo a merge when new evidence has stated the merged person again since', async () => {
    await load();
    const m = await merge('merge:000000000000000000000007', a(), b());
    await ingestBatch(
      {
        document: { name: 'register-lodge-2.csv', sha256: sha('register-lodge-2'), type: 'hotel-register' },
        entities: [
          { kind: 'person', key: 'REG-LODGE-17', props: { name: 'Mohd Zorvan Quillet' }, ref: 'row 3' },
        ],
      },
      'contract-test',
      { store: store(), keys: TEST_KEYS, now: () => T1 },
    );
    expect(await codeOf(store().undoMerge(m.id, { undoneBy: 'x', at: T1 }))).toBe('MERGE.CONFLICT');
    expect((await store().getMerge(m.id))?.undoneAt).toBeNull();
  });

  it('keeps "not the same person" decisions, once, whichever way the pair is named', async () => {
    await load();
    await store().markNotSame({ a: a(), b: b(), decidedBy: 'officer.a', at: T1 });
    await store().markNotSame({ a: b(), b: a(), decidedBy: 'officer.b', at: T1 });
    expect([...(await store().notSamePairs())]).toEqual([pairKey(a(), b())]);
  });
}
