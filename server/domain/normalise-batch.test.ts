import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../seed/scenario.js';
import { TEST_KEYS } from '../../test/support/batches.js';
import { checkEnds } from '../store/batch-checks.js';
import { normaliseBatch, type NormalisedBatch } from './normalise-batch.js';

function normalised(raw: Parameters<typeof normaliseBatch>[0]): NormalisedBatch {
  const r = normaliseBatch(raw, TEST_KEYS, 'test');
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.batch;
}

const phone = (key: string) => ({ kind: 'phone' as const, key });
const doc = { name: 'cdr.csv', sha256: 'c'.repeat(64), type: 'cdr' as const };

describe("a link end's place among the batch's entities", () => {
  it('points at the first entity with that id in every batch of a scenario', () => {
    let declared = 0;
    for (const raw of generateScenario({ entities: 400, seed: 'positions' }).batches) {
      const b = normalised(raw as Parameters<typeof normaliseBatch>[0]);
      const ids = b.entities.map((e) => e.id);
      for (const l of b.links)
        for (const [at, id] of [
          [l.fromEntity, l.fromId],
          [l.toEntity, l.toId],
        ] as const) {
          if (at === undefined) {
            expect(ids).not.toContain(id);
          } else {
            expect(at).toBe(ids.indexOf(id));
            declared++;
          }
        }
    }
    expect(declared).toBeGreaterThan(100);
  });

  it('is the first place of an entity named twice, and the batch is then not of distinct ids', () => {
    const b = normalised({
      document: doc,
      entities: [phone('9820100001'), phone('9820100002'), { ...phone('09820100001'), ref: 'row 3' }],
      links: [{ kind: 'called', from: phone('9820100002'), to: phone('+91 98201 00001') }],
    });
    expect(b.links[0]).toMatchObject({ fromEntity: 1, toEntity: 0 });
    expect(b.distinctIds).toBe(false);
  });

  it('spares the store the question for a declared end, and asks it for the others', () => {
    const b = normalised({
      document: doc,
      entities: [phone('9820100001')],
      links: [{ kind: 'called', from: phone('9820100001'), to: phone('9820100003') }],
    });
    const asked: string[] = [];
    checkEnds(b, (id) => (asked.push(id), true));
    expect(asked).toEqual([b.links[0]!.toId]);
    expect(() => checkEnds(b, () => false)).toThrow(/exists nowhere/);
  });

  it("resolves a link's ends as it would if the batch declared no entities", () => {
    let links = 0;
    for (const raw of generateScenario({ entities: 400, seed: 'declared-ends' }).batches) {
      const batch = raw as Parameters<typeof normaliseBatch>[0];
      const withEntities = normalised(batch).links;
      const alone = normalised({ ...batch, entities: [] }).links;
      expect(withEntities.map((l) => [l.id, l.fromId, l.toId])).toEqual(
        alone.map((l) => [l.id, l.fromId, l.toId]),
      );
      links += alone.length;
    }
    expect(links).toBeGreaterThan(1000);
  });

  it('takes the same key under another scheme for another entity', () => {
    const cell = '405-861-7825-784266508';
    const b = normalised({
      document: { ...doc, type: 'tower-dump' },
      entities: [{ kind: 'location', scheme: 'cell', key: cell }, phone('9820100001')],
      links: [
        {
          kind: 'seen-at',
          from: phone('9820100001'),
          to: { kind: 'location', scheme: 'address', key: cell },
        },
        { kind: 'seen-at', from: phone('9820100001'), to: { kind: 'location', scheme: 'cell', key: cell } },
      ],
    });
    expect(b.links.map((l) => l.toEntity)).toEqual([undefined, 0]);
    expect(b.links[0]!.toId).not.toBe(b.entities[0]!.id);
    expect(b.links[1]!.toId).toBe(b.entities[0]!.id);
  });
});
