import { describe, expect, it } from 'vitest';
import type { ResolutionPerson } from '../../domain/merges.js';
import { candidateId, mergeCandidates } from './merge-candidates.js';

// Synthetic names and ids only.
const phone = (n: number) => ({
  id: `phone:${String(n).padStart(24, '0')}`,
  kind: 'phone' as const,
  scheme: 'phone' as const,
});
const pan = {
  id: 'id-document:00000000000000000000000a',
  kind: 'id-document' as const,
  scheme: 'pan' as const,
};
const cell = { id: 'location:00000000000000000000000c', kind: 'location' as const, scheme: 'cell' as const };
let n = 0;
const person = (props: ResolutionPerson['props'], identifiers: ResolutionPerson['identifiers'] = []) => ({
  id: `person:${String(++n).padStart(24, '0')}`,
  props,
  identifiers,
});

describe('merge candidates', () => {
  it('offers a transliterated name on a shared phone, with the evidence and a stable id', () => {
    const a = person({ name: 'Mohammed Zorvan Quillet' }, [phone(1)]);
    const b = person({ name: 'Mohd Zorvan Quillet' }, [phone(1), pan]);
    const [c, ...rest] = mergeCandidates([a, b]);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ a: a.id, b: b.id, id: candidateId(b.id, a.id) });
    expect(c!.evidence).toEqual([
      { kind: 'name', detail: 'transliteration: mohammed = mohd' },
      { kind: 'identifier', detail: 'both use or hold the same phone', entityId: phone(1).id },
    ]);
  });

  it('offers an initial or a swapped order with only a birth date in common', () => {
    const a = person({ name: 'Ravix Samplenox', dob: '1990-03-04' });
    const b = person({ name: 'R. Samplenox', dob: '1990-03-04' });
    const c = person({ name: 'Samplenox Ravix', dob: '1990-03-04' });
    const found = mergeCandidates([a, b, c]).map((x) => [x.a, x.b].join(' '));
    expect(found.sort()).toEqual([`${a.id} ${b.id}`, `${a.id} ${c.id}`, `${b.id} ${c.id}`].sort());
  });

  it('offers no pair that shares nothing, whose names differ, or that something contradicts', () => {
    expect(mergeCandidates([person({ name: 'Zorvan Quillet' }), person({ name: 'Zorvan Quillet' })])).toEqual(
      [],
    );
    expect(
      mergeCandidates([
        person({ name: 'Zorvan Quillet' }, [phone(2)]),
        person({ name: 'Vexa Quillet' }, [phone(2)]),
      ]),
    ).toEqual([]);
    const gender = [
      person({ name: 'Zorvan Quillet', gender: 'male' }, [phone(3)]),
      person({ name: 'Zorvan Quillet', gender: 'female' }, [phone(3)]),
    ];
    expect(mergeCandidates(gender)).toEqual([]);
    const dob = [
      person({ name: 'Zorvan Quillet', dob: '1990-01-01' }, [phone(4)]),
      person({ name: 'Zorvan Quillet', dob: '1971-01-01' }, [phone(4)]),
    ];
    expect(mergeCandidates(dob)).toEqual([]);
    const age = [
      person({ name: 'Zorvan Quillet', age: 20 }, [phone(5)]),
      person({ name: 'Zorvan Quillet', age: 61 }, [phone(5)]),
    ];
    expect(mergeCandidates(age)).toEqual([]);
    // A cell tower is where a phone was, not who someone is.
    expect(
      mergeCandidates([
        person({ name: 'Zorvan Quillet' }, [cell]),
        person({ name: 'Zorvan Quillet' }, [cell]),
      ]),
    ).toEqual([]);
  });

  it('skips an identifier shared by more persons than maxBlock: a lodge landline is not evidence', () => {
    const many = Array.from({ length: 5 }, () => person({ name: 'Zorvan Quillet' }, [phone(6)]));
    expect(mergeCandidates(many, { maxBlock: 4 })).toEqual([]);
    expect(mergeCandidates(many, { maxBlock: 5 })).toHaveLength(10);
  });
});
