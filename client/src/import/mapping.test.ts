import { describe, expect, it } from 'vitest';
import { headerAt } from './file-head.js';
import type { Template } from './import-api.js';
import { assign, mainIdentifier, recognised, templateOfMissing } from './mapping.js';

const CDR: Template = {
  id: 'cdr-x',
  label: 'X CDR',
  documentType: 'cdr',
  fields: [
    { field: 'target', required: true, synonyms: ['Target No', 'MSISDN'] },
    { field: 'bParty', required: true, synonyms: ['B Party No', 'Called No'] },
    { field: 'duration', required: false, synonyms: ['Dur(s)', 'Duration'] },
  ],
};
const OTHER: Template = {
  ...CDR,
  id: 'cdr-y',
  fields: [{ field: 'bParty', required: true, synonyms: ['Other'] }],
};

describe('correcting the mapping', () => {
  it('moves a field to the column picked and lets go of what that column was read as', () => {
    const current = { target: 'MSISDN', bParty: 'Party B' };
    expect(assign({}, current, 'Forwarded To', 'bParty')).toEqual({ bParty: 'Forwarded To' });
    expect(assign({}, current, 'MSISDN', 'bParty')).toEqual({ target: '', bParty: 'MSISDN' });
    expect(assign({}, current, 'Party B', '')).toEqual({ bParty: '' });
    // A field the officer put elsewhere is not let go when its old column changes.
    expect(assign({ target: 'Other' }, current, 'MSISDN', 'bParty')).toEqual({
      target: 'Other',
      bParty: 'MSISDN',
    });
  });

  it("reads headers as the server does: by the layout's names, case, spaces and punctuation aside", () => {
    expect(recognised(['msisdn', 'Party B', 'DUR S'], CDR)).toEqual({ target: 'msisdn', duration: 'DUR S' });
    expect(recognised(['MSISDN'], undefined)).toEqual({});
  });

  it('finds the layout a missing-column error is about, and nothing when it names none', () => {
    const issue = (column: string) => ({ path: 'row 1', row: 1, column, message: '' });
    expect(templateOfMissing([issue('B Party No (bParty)')], [OTHER, CDR])?.id).toBe('cdr-x');
    expect(templateOfMissing([issue('Other (bParty)')], [CDR, OTHER])?.id).toBe('cdr-y');
    expect(templateOfMissing([], [CDR])).toBeUndefined();
  });

  it("offers the file's own number to look for: the phone most links touch", () => {
    const phone = (key: string) => ({ kind: 'phone', key });
    const called = (a: string, b: string) => ({ kind: 'called', from: phone(a), to: phone(b) });
    expect(
      mainIdentifier({
        entities: [phone('9833300001'), phone('9820123456'), { kind: 'device', key: '4901542032375' }],
        links: [called('9820123456', '9833300001'), called('9833300002', '9820123456')],
      })?.key,
    ).toBe('9820123456');
    expect(mainIdentifier({ entities: [], links: [] })).toBeUndefined();
  });
});

describe("a file's header row", () => {
  it('is split by the delimiter that gives it the most columns, quotes respected', () => {
    const text = '\uFEFFBANNER LINE\r\nNo;"Party; B";Date\r\n98201;98333;15/04/2026\r\n';
    expect(headerAt(text, 2)).toEqual({
      headers: ['No', 'Party; B', 'Date'],
      sample: ['98201', '98333', '15/04/2026'],
    });
    expect(headerAt(text, 1)).toBeUndefined();
    expect(headerAt(text, 9)).toBeUndefined();
  });
});
