import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entityId, linkId } from '../../domain/ids.js';
import { ENTITY_KINDS } from '../../domain/kinds.js';
import { IdTable } from './id-table.js';

// Few digit strings, so that ids of different kinds often share theirs.
const hex = fc.oneof(
  fc.stringMatching(/^[0-9a-f]{24}$/),
  fc.constantFrom('0123456789abcdef01234567', 'ffffffffffffffffffffffff', '000000000000000000000001'),
);
const kinds = [...ENTITY_KINDS, 'link', 'occ'];
/** Ids as domain/ids.ts makes them, and texts that only look like one. */
const someId = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...kinds), hex).map(([k, h]) => `${k}:${h}`) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...kinds), hex).map(([k, h]) => `${k}:${h.toUpperCase()}`),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...kinds), hex).map(([k, h]) => `${k}:${h.slice(1)}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...kinds), hex).map(([k, h]) => `${k}:${h}0`) },
  { weight: 1, arbitrary: hex.map((h) => `phone:${h.slice(0, 23)}\u00e9`) },
  { weight: 1, arbitrary: hex.map((h) => `:${h}`) },
  { weight: 1, arbitrary: fc.string() },
);
const value = fc.integer({ min: 1, max: 0x7fffffff });

describe("the bulk load's table of ids", () => {
  it('answers as a Map would, for ids and for texts that only look like one', () => {
    const op = fc.oneof(
      fc.tuple(fc.constant('set' as const), someId, value),
      fc.tuple(fc.constant('get' as const), someId, fc.constant(0)),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), fc.nat(64), (ops, expected) => {
        const table = new IdTable(expected);
        const model = new Map<string, number>();
        for (const [what, id, v] of ops) {
          if (what === 'set') {
            table.set(id, v);
            model.set(id, v);
          }
          // A lookup of the id just set, and of one set earlier, after every step.
          expect(table.get(id)).toBe(model.get(id) ?? 0);
          expect(table.has(id)).toBe(model.has(id));
        }
        expect(table.size).toBe(model.size);
        for (const [id, v] of model) expect(table.get(id)).toBe(v);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a missed lookup apart from the next id set', () => {
    const table = new IdTable();
    const x = linkId(
      'called',
      entityId('phone', 'phone', '+919800000001'),
      entityId('phone', 'phone', '+919800000002'),
    );
    const y = linkId(
      'called',
      entityId('phone', 'phone', '+919800000003'),
      entityId('phone', 'phone', '+919800000004'),
    );
    expect(table.get(x)).toBe(0);
    expect(table.get(y)).toBe(0);
    table.set(x, 7);
    expect(table.get(y)).toBe(0);
    table.set(y, 9);
    expect([table.get(x), table.get(y)]).toEqual([7, 9]);
  });

  it('tells apart ids of different kinds with the same digits', () => {
    const table = new IdTable(1);
    const digits = '0123456789abcdef01234567';
    kinds.forEach((k, i) => table.set(`${k}:${digits}`, i + 1));
    kinds.forEach((k, i) => expect(table.get(`${k}:${digits}`)).toBe(i + 1));
    expect(table.size).toBe(kinds.length);
  });

  it('finds every one of two hundred thousand ids after growing from sixteen slots', () => {
    const table = new IdTable(1);
    const ids = Array.from({ length: 200_000 }, (_, i) =>
      entityId('phone', 'phone', `+91${9_000_000_000 + i}`),
    );
    // Each id is asked for as soon as it is set, as the load does: a growth can misplace the last one.
    const missed = ids.filter((id, i) => {
      table.set(id, i + 1);
      return table.get(id) !== i + 1;
    });
    expect(missed).toEqual([]);
    expect(table.size).toBe(ids.length);
    expect(ids.every((id, i) => table.get(id) === i + 1)).toBe(true);
    expect(table.get(entityId('phone', 'phone', '+918000000000'))).toBe(0);
    table.set(ids[5]!, 42);
    expect([table.get(ids[5]!), table.size]).toEqual([42, ids.length]);
  });

  it('refuses a value it cannot keep, and forgets everything when cleared', () => {
    const table = new IdTable();
    const id = entityId('person', 'person', 'a');
    for (const bad of [0, -1, 1.5, 2 ** 31, Number.NaN]) expect(() => table.set(id, bad)).toThrow(RangeError);
    expect(table.size).toBe(0);
    table.set(id, 3);
    table.set('not an id', 4);
    table.clear();
    expect([table.get(id), table.get('not an id'), table.size]).toEqual([0, 0, 0]);
    table.set(id, 5);
    expect(table.get(id)).toBe(5);
  });
});
