import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ingestBatchSchema } from './batch.js';
import { fastParseBatch } from './batch-fast-parse.js';
import { streamScenario } from '../../seed/scenario.js';

/** Values that sit on either side of each rule of the schema, so that generated batches test the edges. */
const text = (max: number) =>
  fc.oneof(
    { arbitrary: fc.string({ minLength: 1, maxLength: 12 }), weight: 4 },
    fc.constantFrom('', ' ', '  x  ', '\t+91 98201 23456\n', 'é', 'a'.repeat(max), 'a'.repeat(max + 1)),
    fc.constantFrom(' '.repeat(3) + 'a'.repeat(max) + ' ', 'a'.repeat(max - 1) + '  '),
  );
const weird = fc.constantFrom(undefined, null, 0, 1.5, true, [], {}, 'x', -1);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
const rarely = (v: unknown) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 30 }, { arbitrary: fc.constant(v), weight: 1 });
const orWeird = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: arb, weight: 15 }, { arbitrary: weird, weight: 1 });

const scalar = fc.oneof(
  text(4000),
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(Infinity, -0, [], {}),
);
const propKey = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('', 'name', 'a'.repeat(80), 'a'.repeat(81), '__proto__', 'constructor', 'toString'),
);
const props = fc.oneof(
  fc.dictionary(propKey, scalar, { maxKeys: 4 }),
  fc.constant(Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`p${i}`, i]))),
  fc.constant(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`p${i}`, i]))),
  fc.constant(JSON.parse('{"__proto__": {"polluted": 1}, "a": 1}')),
  fc.constant(JSON.parse('{"__proto__": null, "a": 1}')),
  fc.constant(JSON.parse('{"__proto__": "x", "a": 1}')),
  weird,
);

const kind = fc.oneof(
  fc.constantFrom('person', 'phone', 'account', 'document', 'case'),
  fc.constantFrom('Phone', ''),
);
const scheme = fc.constantFrom('phone', 'upi', 'bank', 'fir', 'nope', '');
const entityRef = fc.record(
  { kind: orWeird(kind), scheme: maybe(orWeird(scheme)), key: orWeird(text(500)) },
  { requiredKeys: [] },
);
const entity = fc.record(
  {
    kind: orWeird(kind),
    scheme: maybe(orWeird(scheme)),
    key: orWeird(text(500)),
    props: maybe(props),
    ref: maybe(orWeird(text(200))),
    extra: rarely(1),
  },
  { requiredKeys: ['kind', 'key'] },
);
const dateTime = fc.oneof(
  fc
    .date({ min: new Date('1990-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom(
    '2026-04-15T10:12:00+05:30',
    '2024-02-29T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2026-04-15T10:12:00',
    '2026-04-15 10:12:00+05:30',
    '2026-04-15T10:12:00.123456+05:30',
    '2026-13-01T00:00:00Z',
    '15/04/2026',
  ),
);
const occurrence = fc.record(
  {
    at: orWeird(dateTime),
    endAt: maybe(orWeird(dateTime)),
    durationS: maybe(
      orWeird(fc.oneof(fc.integer({ min: -2, max: 31 * 86400 + 2 }), fc.constantFrom(1.5, 2 ** 60))),
    ),
    amount: maybe(
      orWeird(fc.oneof(fc.double({ min: -1, max: 1e12 + 1 }), fc.constantFrom(0.1, 0.29, 12.345, 1e12, 5))),
    ),
    txnRef: maybe(orWeird(text(64))),
    props: maybe(props),
    ref: maybe(orWeird(text(200))),
  },
  { requiredKeys: [] },
);
const link = fc.record(
  {
    kind: orWeird(fc.constantFrom('calls', 'involves', 'pays', 'knows', 'nope')),
    from: orWeird(entityRef),
    to: orWeird(entityRef),
    role: maybe(orWeird(fc.constantFrom('accused', 'victim', 'boss'))),
    props: maybe(props),
    ref: maybe(orWeird(text(200))),
    occurrences: maybe(orWeird(fc.array(orWeird(occurrence), { maxLength: 3 }))),
  },
  { requiredKeys: ['kind', 'from', 'to'] },
);
const document = fc.record(
  {
    name: orWeird(text(300)),
    sha256: orWeird(fc.oneof(fc.stringMatching(/^[0-9a-fA-F]{64}$/), fc.constantFrom('ab', 'z'.repeat(64)))),
    type: orWeird(fc.constantFrom('cdr', 'bank-statement', 'nope')),
    grading: maybe(
      orWeird(
        fc.record(
          { source: fc.constantFrom('A', 'F', 'G'), information: fc.constantFrom('1', '6', '7', 1) },
          { requiredKeys: [] },
        ),
      ),
    ),
    case: maybe(orWeird(text(200))),
    receivedFrom: maybe(orWeird(text(200))),
  },
  { requiredKeys: ['name', 'sha256', 'type'] },
);
const batch = fc.record(
  {
    document: orWeird(document),
    entities: maybe(orWeird(fc.array(orWeird(entity), { maxLength: 3 }))),
    links: maybe(orWeird(fc.array(orWeird(link), { maxLength: 3 }))),
    extra: rarely('x'),
  },
  { requiredKeys: [] },
);

/** Every path into a JSON value, so that a mutation can be aimed at any field of a batch. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof v !== 'object' || v === null) return [at];
  const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return [at, ...keys.flatMap((k) => paths((v as Record<string | number, unknown>)[k], [...at, k]))];
}
const EDGES: unknown[] = [
  undefined,
  null,
  0,
  -1,
  1.5,
  0.001,
  1e12,
  1e12 + 1,
  31 * 86400,
  31 * 86400 + 1,
  true,
  [],
  {},
  '',
  ' ',
  'x',
  'a'.repeat(65),
  'a'.repeat(201),
  'a'.repeat(301),
  'a'.repeat(501),
  '2026-04-15T10:12:00',
  '2026-04-15T10:12:00+05:30',
  '1990-01-01T00:00:00Z',
  'calls',
  'involves',
  'person',
  'phone',
  'victim',
  'upi',
  'A',
  '7',
  'F',
  '6',
  'cdr',
  'Z'.repeat(64),
  'ab'.repeat(32),
];

// Batches arrive as JSON: what JSON cannot carry (undefined, -0, Infinity) is not a batch anyone sends.
const asJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v) ?? 'null');

describe('the fast batch check', () => {
  it('never accepts what zod refuses, and returns what zod returns', () => {
    let fast = 0;
    fc.assert(
      fc.property(batch, (b) => {
        for (const input of [b, asJson(b)]) {
          const ours = fastParseBatch(input);
          const zod = ingestBatchSchema.safeParse(input);
          if (ours === undefined) continue;
          fast++;
          expect(zod.success).toBe(true);
          expect(ours).toStrictEqual(zod.data);
        }
      }),
      { numRuns: 4000 },
    );
    // The property means little if generated batches never take the fast path.
    expect(fast).toBeGreaterThan(100);
  });

  it('agrees with zod on well-formed batches with one field changed, removed or added', () => {
    const seeds = [...streamScenario({ entities: 300, seed: 'fast-parse-mutations' })]
      .map(asJson)
      .filter((b) => JSON.stringify(b).length < 20_000);
    let fast = 0;
    let refused = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.nat(),
        fc.nat(EDGES.length),
        fc.constantFrom('set', 'delete', 'add'),
        (seed, pick, edge, how) => {
          const b = structuredClone(seed) as Record<string, unknown>;
          const all = paths(b).filter((p) => p.length > 0);
          const path = all[pick % all.length]!;
          type Node = Record<string | number, unknown>;
          const parent = path.slice(0, -1).reduce((o, k) => o[k] as Node, b as Node);
          const last = path[path.length - 1]!;
          if (how === 'delete' && !Array.isArray(parent)) delete parent[last];
          else if (how === 'add' && !Array.isArray(parent)) parent['unknownField'] = EDGES[edge];
          else parent[last] = EDGES[edge];
          const ours = fastParseBatch(b);
          const zod = ingestBatchSchema.safeParse(b);
          if (!zod.success) refused++;
          if (ours === undefined) return;
          fast++;
          expect(zod.success).toBe(true);
          expect(ours).toStrictEqual(zod.data);
        },
      ),
      { numRuns: 6000 },
    );
    expect(fast).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(500);
  });

  it("takes the fast path for the seed's batches, which are all well formed", () => {
    let n = 0;
    for (const b of streamScenario({ entities: 600, seed: 'fast-parse' })) {
      const input = asJson(b);
      const ours = fastParseBatch(input);
      expect(ours).toStrictEqual(ingestBatchSchema.parse(input));
      n++;
    }
    expect(n).toBeGreaterThan(10);
  });

  it('leaves a batch with a bad field to zod, which names it', () => {
    const bad = {
      document: { name: 'x.csv', sha256: 'a'.repeat(64), type: 'cdr' },
      entities: [{ kind: 'phone', key: '  ' }],
    };
    expect(fastParseBatch(bad)).toBeUndefined();
    const zod = ingestBatchSchema.safeParse(bad);
    expect(zod.success).toBe(false);
    expect(zod.error?.issues[0]?.path).toEqual(['entities', 0, 'key']);
  });
});
