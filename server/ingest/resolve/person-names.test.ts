import { describe, expect, it } from 'vitest';
import { compareNames, nameTokens } from './person-names.js';

// Synthetic names only.
describe('names that are probably one person', () => {
  it.each([
    ['Mohammed Zorvan Quillet', 'Mohd Zorvan Quillet', /transliteration/],
    ['Muhammad Quillet', 'Md. Quillet', /transliteration/],
    ['Sk Rafiq Testwala', 'Shaikh Rafiq Testwala', /transliteration/],
    ['R. K. Samplenath', 'Ravi Kiran Samplenath', /initial R = ravi/],
    ['Samplenath Ravi', 'Ravi Samplenath', /order swapped/],
    ['Émira Testova', 'Emira Testova', undefined],
    ['Smt. Kumari Lakshmi Devi', 'Kum Laxmi Devi', /transliteration/],
  ])('%s ~ %s', (a, b, why) => {
    const m = compareNames(a, b);
    expect(m.score).toBeGreaterThanOrEqual(0.75);
    if (why) expect(m.evidence.join('; ')).toMatch(why);
  });

  it.each([
    ['Zorvan Quillet', 'Emira Testova'],
    ['Ravi Samplenath', 'Suresh Samplenath'],
    ['Mohd Rafiq', 'Mohd Imran'],
  ])('%s is not %s', (a, b) => expect(compareNames(a, b).score).toBeLessThan(0.75));

  it("leaves out honorifics and a father's name", () => {
    expect(nameTokens('Shri Ravi s/o Mohan Samplenath')).toEqual(['ravi']);
    expect(nameTokens('Mrs. Emira Testova')).toEqual(['emira', 'testova']);
  });
});
