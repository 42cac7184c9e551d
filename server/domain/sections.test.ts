import { describe, expect, it } from 'vitest';
import { parseSection, splitSections } from './sections.js';

describe('sections of law', () => {
  it.each([
    ['ITPA 5', 'ITPA s.5'],
    ['BNS 143', 'BNS s.143'],
    ['BNS143', 'BNS s.143'],
    ['BNS s 144', 'BNS s.144'],
    ['itpa s.5', 'ITPA s.5'],
    ['BNS s.143(3)', 'BNS s.143(3)'],
    ['bns sec 143 (3)'.replace(' (', '('), 'BNS s.143(3)'],
    ['IPC 370a', 'IPC s.370A'],
    ['POCSO section 6', 'POCSO s.6'],
    ['JJ 74', 'JJ Act s.74'],
    ['JJ Act s.74', 'JJ Act s.74'],
    ['BNS s.64(2)(a)', 'BNS s.64(2)(a)'],
  ])('reads %s as %s', (raw, section) => {
    expect(parseSection(raw)).toEqual({ ok: true, section });
  });

  it.each([
    ['BNS 999', /BNS has sections 1 to 358/],
    ['ITPA 0', /ITPA has sections 1 to 25/],
    ['XYZ s.4', /not an act CaseGraph knows/],
    ['143', /not a section of law/],
    ['BNS', /not a section of law/],
    ['', /not a section of law/],
  ])('refuses %s', (raw, reason) => {
    const r = parseSection(raw);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(reason);
  });

  it('splits sections as FIRs list them, the act carried over to bare sections', () => {
    expect(splitSections('ITPA s.3, s.4, s.5, s.7; BNS s.143, s.144')).toEqual([
      'ITPA s.3',
      'ITPA s.4',
      'ITPA s.5',
      'ITPA s.7',
      'BNS s.143',
      'BNS s.144',
    ]);
    expect(splitSections('ITPA s.5; BNS s.143(3); ITPA s.5')).toEqual(['ITPA s.5', 'BNS s.143(3)']);
  });
});
