import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testGraph, type TestLink } from '../paths/test-graph.js';
import { rankSharedAcrossGraph } from './rank-shared.js';
import { sharedIdentifiers } from './shared-identifiers.js';

function expectError(fn: () => unknown, field: string) {
  expect(fn).toThrow(expect.objectContaining({ name: 'AnalyticsInputError', field }));
}

const stay = (person: string, hotel: string, from: string | null, to: string | null, count = 1): TestLink => [
  person,
  hotel,
  'stayed-at',
  count,
  { firstAt: from, lastAt: to },
];

/** P1 and P2 share a phone; P3 and P4 stayed, with 48 others, at one busy hotel at the same time. */
function phoneAndBusyHotel(): TestLink[] {
  const links: TestLink[] = [
    ['P1', 'phone:x', 'uses'],
    ['P2', 'phone:x', 'uses'],
    ['P1', 'phone:own', 'uses'],
    stay('P3', 'hotel:busy', '2026-04-01T00:00:00Z', '2026-04-03T00:00:00Z'),
    stay('P4', 'hotel:busy', '2026-04-02T00:00:00Z', '2026-04-02T00:00:00Z'),
    ['Alone', 'phone:alone', 'uses'],
    ['Alone', 'hotel:empty', 'stayed-at'],
  ];
  for (let i = 0; i < 48; i++)
    links.push(stay(`G${i}`, 'hotel:busy', '2026-04-01T00:00:00Z', '2026-04-05T00:00:00Z'));
  return links;
}

describe('sharedIdentifiers', () => {
  it('ranks two persons sharing a phone above two guests of a busy hotel', () => {
    const g = testGraph(phoneAndBusyHotel());
    const p1 = sharedIdentifiers(g, 'P1');
    expect(p1.person).toEqual({ id: 'P1', label: 'L(P1)' });
    expect(p1.ties).toEqual([
      {
        person: { id: 'P2', label: 'L(P2)' },
        score: 1,
        via: [
          {
            id: 'phone:x',
            kind: 'phone',
            label: 'L(phone:x)',
            how: 'both use phone L(phone:x)',
            persons: 2,
            score: 1,
            links: ['l0', 'l1'],
          },
        ],
      },
    ]);
    const p3 = sharedIdentifiers(g, 'P3', { limit: 100 });
    expect(p3.ties).toHaveLength(49);
    const p4 = p3.ties.find((t) => t.person.id === 'P4')!;
    expect(p4.score).toBeCloseTo(1 / Math.log2(50));
    expect(p4.score).toBeLessThan(p1.ties[0]!.score);
    expect(p4.via[0]!.how).toBe('both stayed at hotel L(hotel:busy); their stays overlap from 2026-04-02');

    const all = rankSharedAcrossGraph(g, { limit: 3, maxHolders: 1000 });
    expect(all.pairs[0]).toMatchObject({ a: { id: 'P1' }, b: { id: 'P2' }, score: 1 });
    expect(all.pairs[1]!.via[0]!.id).toBe('hotel:busy');
    expect(all.truncated).toBe(true);
    expect(all.crowded).toEqual([]);
  });

  it('gives an empty list to a person who shares nothing', () => {
    const g = testGraph(phoneAndBusyHotel());
    expect(sharedIdentifiers(g, 'Alone')).toEqual({
      person: { id: 'Alone', label: 'L(Alone)' },
      ties: [],
      truncated: false,
    });
    expect(sharedIdentifiers(testGraph([], ['Nobody']), 'Nobody').ties).toEqual([]);
  });

  it('cuts the list at limit and says so', () => {
    const g = testGraph(phoneAndBusyHotel());
    const r = sharedIdentifiers(g, 'P3', { limit: 5 });
    expect(r.ties).toHaveLength(5);
    expect(r.truncated).toBe(true);
  });

  it('rejects a non-person, an unknown id and bad options, naming the field', () => {
    const g = testGraph(phoneAndBusyHotel());
    expectError(() => sharedIdentifiers(g, 'phone:x'), 'person');
    expectError(() => sharedIdentifiers(g, 'nobody'), 'person');
    for (const limit of [0, 501, 2.5]) expectError(() => sharedIdentifiers(g, 'P1', { limit }), 'limit');
    expectError(() => sharedIdentifiers(g, 'P1', { identifierKinds: [] }), 'identifierKinds');
    expectError(() => sharedIdentifiers(g, 'P1', { identifierKinds: ['ad' as never] }), 'identifierKinds');
    expectError(() => rankSharedAcrossGraph(g, 0), 'limit');
    expectError(() => rankSharedAcrossGraph(g, { maxHolders: 1 }), 'maxHolders');
  });

  it('ties persons through a device, directly or through phones that were in it', () => {
    const g = testGraph([
      ['A', 'phone:a', 'uses'],
      ['phone:a', 'device:d', 'in-device'],
      ['B', 'phone:b', 'uses'],
      ['phone:b', 'device:d', 'in-device'],
      ['C', 'phone:a', 'uses'],
      ['D', 'device:d', 'uses'],
    ]);
    const a = sharedIdentifiers(g, 'A');
    const byId = Object.fromEntries(a.ties.map((t) => [t.person.id, t]));
    // A and C share phone:a; the device they reach only through it adds nothing of its own.
    expect(byId.C!.via.map((v) => v.id)).toEqual(['phone:a']);
    expect(byId.C!.score).toBe(1);
    // Device held by A, B, C, D: 1 / log2(4).
    expect(byId.B!.via.map((v) => [v.id, v.score])).toEqual([['device:d', 0.5]]);
    expect(byId.B!.via[0]!.how).toBe(
      'device L(device:d): L(A) uses phone L(phone:a), which was in it; L(B) uses phone L(phone:b), which was in it',
    );
    expect(byId.D!.via[0]!.how).toBe(
      'device L(device:d): L(A) uses phone L(phone:a), which was in it; L(D) uses it',
    );
    expect(a.ties.map((t) => t.person.id)).toEqual(['C', 'B', 'D']);
    // Without devices, only the phone ties anyone.
    expect(sharedIdentifiers(g, 'A', { identifierKinds: ['phone'] }).ties.map((t) => t.person.id)).toEqual([
      'C',
    ]);
  });

  it('weighs a shared hotel by overlapping stays, or by the stays recorded', () => {
    const g = testGraph([
      stay('X', 'hotel:k', '2026-04-01T00:00:00Z', '2026-04-01T00:00:00Z'),
      stay('Y', 'hotel:k', '2026-04-02T00:00:00Z', '2026-04-04T00:00:00Z'),
      stay('X', 'hotel:k2', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'),
      stay('Z', 'hotel:k2', '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z'),
      stay('X', 'hotel:k3', null, null, 3),
      stay('W', 'hotel:k3', null, null, 2),
    ]);
    const r = sharedIdentifiers(g, 'X');
    expect(r.ties.map((t) => [t.person.id, t.score])).toEqual([
      ['Y', 1],
      ['W', 0.666667],
      ['Z', 0.25],
    ]);
    expect(r.ties[1]!.via[0]!.how).toBe(
      'both stayed at hotel L(hotel:k3); 3 and 2 stays, dates not recorded',
    );
    expect(r.ties[2]!.via[0]!.how).toBe('both stayed at hotel L(hotel:k2); their stays do not overlap');
  });

  it('ties persons through accounts, documents, vehicles and places, IP addresses only when asked', () => {
    const g = testGraph([
      ['A', 'account:u', 'holds'],
      ['B', 'account:u', 'holds'],
      ['A', 'id-document:pan', 'holds'],
      ['C', 'id-document:pan', 'holds'],
      ['A', 'vehicle:v', 'uses'],
      ['D', 'vehicle:v', 'uses'],
      ['A', 'location:l', 'located-at'],
      ['E', 'location:l', 'seen-at'],
      ['A', 'ip:1', 'uses'],
      ['F', 'ip:1', 'uses'],
      ['A', 'G', 'associate-of'],
    ]);
    const how = Object.fromEntries(sharedIdentifiers(g, 'A').ties.map((t) => [t.person.id, t.via[0]!.how]));
    expect(how).toEqual({
      B: 'both hold account L(account:u)',
      C: 'both hold identity document L(id-document:pan)',
      D: 'both use vehicle L(vehicle:v)',
      E: 'L(A) located at and L(E) seen at L(location:l)',
    });
    const withIp = sharedIdentifiers(g, 'A', { identifierKinds: ['ip'] });
    expect(withIp.ties.map((t) => [t.person.id, t.via[0]!.how])).toEqual([
      ['F', 'both used IP address L(ip:1)'],
    ]);
  });
});

describe('rankSharedAcrossGraph', () => {
  it('lists crowded identifiers and adds their share only to pairs tied otherwise', () => {
    const g = testGraph([
      ['P1', 'phone:x', 'uses'],
      ['P2', 'phone:x', 'uses'],
      ['P1', 'hotel:h', 'stayed-at', 1],
      ['P2', 'hotel:h', 'stayed-at', 1],
      ['P3', 'hotel:h', 'stayed-at', 1],
      ['P4', 'hotel:h', 'stayed-at', 1],
    ]);
    const r = rankSharedAcrossGraph(g, { maxHolders: 3 });
    expect(r.crowded).toEqual([{ id: 'hotel:h', kind: 'hotel', label: 'L(hotel:h)', persons: 4 }]);
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0]!.via.map((v) => v.id)).toEqual(['phone:x', 'hotel:h']);
    expect(r.pairs[0]!.score).toBe(1 + 0.5 * 0.5);
    expect(r.truncated).toBe(false);
    expect(rankSharedAcrossGraph(g, 20).pairs).toHaveLength(6);
  });

  it('scores every pair as sharedIdentifiers scores it for either person', () => {
    const persons = ['A', 'B', 'C', 'D', 'E'];
    const identifiers = ['phone:1', 'phone:2', 'account:1', 'hotel:1', 'location:1', 'device:1'];
    const linkFor = (p: string, id: string, n: number): TestLink => {
      if (id.startsWith('hotel'))
        return stay(
          p,
          id,
          n % 2 ? `2026-04-0${n}T00:00:00Z` : null,
          n % 2 ? `2026-04-0${n + 1}T00:00:00Z` : null,
          n,
        );
      if (id.startsWith('account')) return [p, id, 'holds'];
      if (id.startsWith('location')) return [p, id, n % 2 ? 'seen-at' : 'located-at'];
      return [p, id, 'uses'];
    };
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(...persons),
            fc.constantFrom(...identifiers),
            fc.integer({ min: 1, max: 5 }),
          ),
          { maxLength: 20 },
        ),
        fc.boolean(),
        (raw, phonesInDevice) => {
          const links = raw.map(([p, id, n]) => linkFor(p, id, n));
          if (phonesInDevice)
            links.push(['phone:1', 'device:1', 'in-device'], ['phone:2', 'device:1', 'in-device']);
          const g = testGraph(links, persons);
          const ranked = rankSharedAcrossGraph(g, 500);
          let ties = 0;
          for (const p of persons) {
            const r = sharedIdentifiers(g, p, { limit: 500 });
            ties += r.ties.length;
            for (const t of r.ties) {
              const [a, b] = p < t.person.id ? [p, t.person.id] : [t.person.id, p];
              const pair = ranked.pairs.find((x) => x.a.id === a && x.b.id === b);
              expect(pair?.score).toBe(t.score);
              expect(pair?.via.map((v) => v.id)).toEqual(t.via.map((v) => v.id));
            }
          }
          expect(ranked.pairs).toHaveLength(ties / 2);
          const order = ranked.pairs.map((x) => [-x.score, -x.via.length, x.a.id, x.b.id].join('|'));
          const sorted = ranked.pairs
            .map((x) => [-x.score, -x.via.length, x.a.id, x.b.id] as const)
            .sort((x, y) => x[0] - y[0] || x[1] - y[1] || (x[2] + '|' + x[3] < y[2] + '|' + y[3] ? -1 : 1))
            .map((x) => x.join('|'));
          expect(order).toEqual(sorted);
          expect(rankSharedAcrossGraph(g, 3).pairs).toEqual(ranked.pairs.slice(0, 3));
        },
      ),
      { numRuns: 200 },
    );
  });
});
