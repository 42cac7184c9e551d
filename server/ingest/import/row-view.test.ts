import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseKey } from '../../domain/keys.js';
import type { EntityKind, Scheme } from '../../domain/kinds.js';
import { TEST_KEYS } from '../../../test/support/batches.js';
import { RowEmitter, RowProblem, RowView } from './row-view.js';

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

describe('the keys of an import, remembered', () => {
  it('gives every key as the normaliser does, one entity number per entity, whatever came before', () => {
    // Few spellings, several of each entity, asked from several fields: the per-field memory and the
    // table by hash are hit, missed, and hit by a spelling of another kind.
    const ask = fc.tuple(
      fc.constantFrom<[EntityKind, Scheme]>(['phone', 'phone'], ['device', 'imei'], ['location', 'cell']),
      fc.constantFrom(
        '9810046398',
        '+91 98100 46398',
        '09810046398',
        '9810046399',
        '353322110001230',
        '35332211000123',
        '404-98-1012-230700172',
        '404-98-1012-230700173',
        'AD-AIRTEL',
        'x',
      ),
      fc.constantFrom('target', 'bParty', 'imei', 'firstCell'),
    );
    fc.assert(
      fc.property(fc.array(ask, { minLength: 1, maxLength: 40 }), (asks) => {
        const emit = new RowEmitter(TEST_KEYS);
        const numbers = new Map<string, number>();
        for (const [[kind, scheme], raw, field] of asks) {
          const want = normaliseKey(scheme, raw, TEST_KEYS);
          let got;
          try {
            got = emit.key(kind, scheme, raw, field);
          } catch (e) {
            expect(e).toBeInstanceOf(RowProblem);
            expect(want.ok).toBe(false);
            continue;
          }
          expect(want.ok).toBe(true);
          if (!want.ok || !got) continue;
          expect([got.kind, got.scheme, got.key, got.display]).toEqual([
            kind,
            scheme,
            want.key,
            want.display,
          ]);
          const id = `${kind}/${scheme}/${want.key}`;
          expect(got.n).toBe(numbers.get(id) ?? got.n);
          numbers.set(id, got.n);
          expect(emit.tryKey(kind, scheme, raw)).toBe(got);
        }
      }),
      { numRuns: 300 },
    );
  });
});
