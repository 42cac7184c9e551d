import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseHotel } from './hotel.js';

describe('normaliseHotel', () => {
  it.each([
    ['Sunrise Lodge, Mumbai', 'sunrise lodge|mumbai', 'Sunrise Lodge, Mumbai'],
    ['SUNRISE  LODGE , Bombay', 'sunrise lodge|mumbai', 'SUNRISE LODGE, Mumbai'],
    ['Sunrise Lodge, Mumbai - 400008', 'sunrise lodge|mumbai', 'Sunrise Lodge, Mumbai'],
    [
      'Hotel Test Inn, Near Station Road, Calcutta',
      'hotel test inn near station road|kolkata',
      'Hotel Test Inn, Near Station Road, Kolkata',
    ],
    ['Test Guest House, BANGALORE', 'test guest house|bengaluru', 'Test Guest House, Bengaluru'],
    ['Sample Spa (A/C), Gurgaon', 'sample spa a c|gurugram', 'Sample Spa (A/C), Gurugram'],
    [
      'Dummy Residency, Trivandrum',
      'dummy residency|thiruvananthapuram',
      'Dummy Residency, Thiruvananthapuram',
    ],
    ['Dummy Residency, Banaras', 'dummy residency|varanasi', 'Dummy Residency, Varanasi'],
    ['Dummy Residency, Benares', 'dummy residency|varanasi', 'Dummy Residency, Varanasi'],
    ['Hôtel Exemple, Pondicherry', 'hotel exemple|pondicherry', 'Hôtel Exemple, Pondicherry'],
    ['Test Lodge, Navi Mumbai', 'test lodge|navi mumbai', 'Test Lodge, Navi Mumbai'],
  ])('reads %j as %s', (raw, key, display) => {
    expect(normaliseHotel(raw)).toMatchObject({ ok: true, key, display });
  });

  it('carries name and city as props', () => {
    expect(normaliseHotel('Sunrise Lodge, Poona')).toEqual({
      ok: true,
      key: 'sunrise lodge|pune',
      display: 'Sunrise Lodge, Pune',
      props: { name: 'Sunrise Lodge', city: 'Pune' },
    });
  });

  it.each([
    ['Sunrise Lodge', "a hotel needs its city: write 'Name, City'"],
    ['Sunrise Lodge,', 'needs its city'],
    ['Sunrise Lodge, 400008', 'needs its city'],
    [', Mumbai', 'needs its name'],
    ['', 'needs its city'],
  ])('rejects %j: %s', (raw, reason) => {
    const result = normaliseHotel(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('is idempotent on key and display, and blind to case and spacing', () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,10}$/);
    const hotel = fc
      .tuple(
        fc.array(word, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('Mumbai', 'Bombay', 'Pune', 'Kochi', 'Cochin', 'Agra'),
      )
      .map(([name, city]) => `${name.join(' ')}, ${city}`);
    fc.assert(
      fc.property(hotel, (raw) => {
        const first = normaliseHotel(raw);
        if (!first.ok) throw new Error(first.reason);
        expect(normaliseHotel(first.key)).toMatchObject({ key: first.key });
        expect(normaliseHotel(first.display)).toMatchObject({ key: first.key });
        expect(normaliseHotel(`  ${raw.toUpperCase().replace(/ /g, '  ')} `)).toMatchObject({
          key: first.key,
        });
      }),
    );
  });
});
