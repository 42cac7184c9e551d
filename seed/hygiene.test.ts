import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const here = import.meta.dirname;
const sources = (readdirSync(here, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(here, f));

describe('seed/ source hygiene', () => {
  it('draws every random number from the seeded Rng, never from the global unseeded one', () => {
    const needle = ['Math', 'random'].join('.');
    expect(sources.filter((f) => readFileSync(f, 'utf8').includes(needle))).toEqual([]);
  });

  it('owns its identifier formats instead of importing the domain normalisers or libphonenumber', () => {
    const banned = /from '[^']*(normalise\/|libphonenumber)/;
    expect(sources.filter((f) => banned.test(readFileSync(f, 'utf8')))).toEqual([]);
  });
});
