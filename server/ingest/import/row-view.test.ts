import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RowView } from './row-view.js';

/** What a cell reads as, written the plain way: trimmed, the spreadsheet's quotes taken off, trimmed again. */
function reference(v: string): string {
  const t = v.trim();
  if (!t.startsWith("'")) return t;
  return t.replace(/^'+/, '').replace(/'+$/, '').trim();
}

describe('a row as a template reads it', () => {
  it('reads every cell as trimmed and unquoted, whichever way it takes to get there', () => {
    const cell = fc.oneof(
      fc.constantFrom("'9810046398", "'01/01/2025'", "'a'", "''x", "'x ", "' x'", "'", "''", " 'x' ", "'é'"),
      fc.stringMatching(/^[' a-z0-9/é\t]{0,8}$/),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 4 }), (cells) => {
        const view = new RowView(Object.fromEntries(cells.map((_, i) => [`f${i}`, i])));
        view.fields = cells;
        expect(cells.map((_, i) => view.text(`f${i}`))).toEqual(cells.map(reference));
      }),
      { numRuns: 2000 },
    );
  });
});
