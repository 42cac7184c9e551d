import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { entityId, linkId, occurrenceId } from './ids.js';

/** An id as domain/ids.ts defines it: a prefix and the first 96 bits of SHA-256 of the parts, NUL-joined. */
const expected = (prefix: string, ...parts: (string | number)[]) =>
  `${prefix}:${createHash('sha256').update(parts.join('\u0000'), 'utf8').digest('hex').slice(0, 24)}`;

describe('ids', () => {
  it('are the kind and 96 bits of the SHA-256 of what the entity is', () => {
    expect(entityId('phone', 'phone', '+919820123456')).toBe(
      expected('phone', 'phone', 'phone', '+919820123456'),
    );
    expect(entityId('person', 'person', 'anjali devi|1990')).toBe(
      expected('person', 'person', 'person', 'anjali devi|1990'),
    );
    // Non-ASCII keys hash as UTF-8, as stores written before hold them.
    expect(entityId('hotel', 'hotel', 'होटल|pune')).toBe(expected('hotel', 'hotel', 'hotel', 'होटल|pune'));
    // A known answer, so that the definition above cannot drift with the code.
    expect(entityId('phone', 'phone', '+919820123456')).toBe('phone:9e15b26c08d7fa88d6d013bf');
  });

  it('make one association of A–B and B–A when the kind is undirected, and keep a direction otherwise', () => {
    const a = entityId('person', 'person', 'anjali devi|1990');
    const b = entityId('person', 'person', 'ravi kumar|1985');
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    expect(linkId('associate-of', a, b)).toBe(linkId('associate-of', b, a));
    expect(linkId('associate-of', b, a)).toBe(expected('link', 'associate-of', lo, hi, ''));
    const p = entityId('phone', 'phone', '+919800000001');
    const q = entityId('phone', 'phone', '+919800000002');
    expect(linkId('called', p, q)).toBe(expected('link', 'called', p, q, ''));
    expect(linkId('called', q, p)).toBe(expected('link', 'called', q, p, ''));
    const c = entityId('case', 'fir', 'MH/Pune/0026/2026');
    expect(linkId('involves', c, a, 'accused')).toBe(expected('link', 'involves', c, a, 'accused'));
  });

  it('make an occurrence one by its link, time and measures', () => {
    const l = 'link:000000000000000000000001';
    expect(occurrenceId(l, 1767952766000, 60, undefined, undefined)).toBe(
      expected('occ', l, 1767952766000, 60, '', ''),
    );
    expect(occurrenceId(l, 1767952766000, undefined, 150000, 'UTR1')).toBe(
      expected('occ', l, 1767952766000, '', 150000, 'UTR1'),
    );
  });
});
