import { describe, expect, it } from 'vitest';
import { brokers } from './brokers.js';
import { graphOf } from './fixtures.js';

describe('brokers', () => {
  // Two rings (0 and 1) and a hotel (2). The fixer holds a phone that calls into ring 1 and is tied to
  // ring 0 directly; q1 also stayed at the lodge; the guest only shares the lodge with q1, and a lodge
  // is not passed through.
  const g = graphOf(
    [
      ['fixer', 'p0'],
      ['fixer', 'fixer-phone'],
      ['fixer-phone', 'phone1'],
      ['fixer-phone', 'phone2'],
      ['q1', 'phone1'],
      ['q2', 'phone2'],
      ['guest', 'lodge'],
      ['q1', 'lodge'],
      ['p0', 'case1'],
      ['fixer', 'case1'],
    ],
    {
      kinds: {
        'fixer-phone': 'phone',
        phone1: 'phone',
        phone2: 'phone',
        lodge: 'hotel',
        case1: 'case',
      },
    },
  );
  const communityOf = {
    fixer: 0,
    p0: 0,
    'fixer-phone': 0,
    phone1: 1,
    phone2: 1,
    q1: 1,
    q2: 1,
    lodge: 2,
    guest: 2,
    case1: 3,
  };

  it('ranks persons by the communities their contacts reach, through identifiers but not places or cases', () => {
    const found = brokers(g, communityOf, 10);
    expect(found[1]).toEqual({
      id: 'fixer',
      label: 'Label fixer',
      community: 0,
      span: 2,
      communities: [
        { community: 0, contacts: 2 },
        { community: 1, contacts: 2 },
      ],
    });
    // q1: phone1 (1), fixer-phone through phone1 (0), lodge (2) — but not guest through the lodge.
    expect(found.find((b) => b.id === 'q1')?.span).toBe(3);
    expect(found.find((b) => b.id === 'guest')).toBeUndefined();
    // p0 reaches only ring 0 (the case is ignored), so p0 is no broker.
    expect(found.map((b) => b.id)).toEqual(['q1', 'fixer', 'q2']);
  });

  it('honours the limit and a minimum span', () => {
    expect(brokers(g, communityOf, 1).map((b) => b.id)).toEqual(['q1']);
    expect(brokers(g, communityOf, 10, { minSpan: 3 }).map((b) => b.id)).toEqual(['q1']);
  });

  it('never lists a person it is told is no broker, who still counts as a contact of the others', () => {
    // q1 (say, a victim moved between the ring and the lodge) spans the most groups, yet is left out;
    // the fixer still reaches ring 1 through q1's phone, and keeps the same span and contacts.
    const found = brokers(g, communityOf, 10, { notBrokers: new Set(['q1']) });
    expect(found.map((b) => b.id)).toEqual(['fixer', 'q2']);
    expect(found[0]).toEqual(brokers(g, communityOf, 10)[1]);
  });
});
