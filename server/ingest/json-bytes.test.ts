import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../seed/scenario.js';
import { objectFromBytes } from './json-bytes.js';

const fromText = (text: string, pieceBytes?: number) => {
  const bytes = Buffer.from(text);
  return objectFromBytes(bytes, 0, bytes.length, pieceBytes);
};

/** The same value, the same key order: what JSON.parse makes of the text. */
const expectSameAsParse = (text: string, pieceBytes: number) => {
  const parsed = fromText(text, pieceBytes);
  expect(parsed).toEqual(JSON.parse(text));
  expect(JSON.stringify(parsed)).toBe(JSON.stringify(JSON.parse(text)));
};

describe('a JSON object parsed from its bytes in pieces', () => {
  it("gives JSON.parse's answer for every batch of a scenario, at any piece size", () => {
    const batches = generateScenario({ entities: 300, seed: 'json-bytes' }).batches;
    for (const pieceBytes of [1, 7, 100, 4096])
      for (const b of batches) expectSameAsParse(JSON.stringify(b), pieceBytes);
  });

  it("gives JSON.parse's answer for any object, however it is spaced", () => {
    const member = fc.oneof(fc.array(fc.jsonValue(), { maxLength: 12 }), fc.jsonValue());
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), member, { maxKeys: 6 }),
        fc.constantFrom(undefined, 1, '\t', ' \r\n '),
        fc.integer({ min: 1, max: 64 }),
        (value, space, pieceBytes) => {
          // "__proto__" is the one key left to JSON.parse of the whole (see below).
          fc.pre(!Object.keys(value).includes('__proto__'));
          const text = JSON.stringify(value, null, space as never);
          expectSameAsParse(text, pieceBytes);
          expectSameAsParse(` \n${text}\r\n`, pieceBytes);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('keeps the last of a repeated key where JSON.parse keeps it', () => {
    expectSameAsParse('{"a": [1, 2, 3], "b": 1, "a": [4, 5]}', 1);
  });

  it('leaves to JSON.parse of the whole anything that is not a valid object', () => {
    const whole = [
      '[1, 2]',
      'null',
      '',
      '{"a": [1, 2, ]}',
      '{"a": [1, 2,\n ]}',
      '{"a": [1, 2}',
      '{"a": [1, 2] ]',
      '{"a": [1, 2]} {}',
      '{"a": [1, 2]',
      '{"a": [1, "2]}',
      '{"a": [1, 2], }',
      '{"a" [1, 2]}',
      '{a: [1, 2]}',
      '{"a": [1, 02]}',
      '{"a": [1, {"b": 2]]}',
      '{"__proto__": [1, 2]}',
    ];
    for (const text of whole) expect(fromText(text, 1), text).toBeUndefined();
    // JSON.parse itself takes the "__proto__" key as an own property, which an assignment would not.
    expect(Object.keys(JSON.parse('{"__proto__": [1, 2]}') as object)).toEqual(['__proto__']);
  });

  it('reads the object where it lies in a larger buffer', () => {
    const text = JSON.stringify({ links: [{ a: 1 }, { b: 'two, three' }], n: 4 });
    const bytes = Buffer.from(`junk${text}junk`);
    expect(objectFromBytes(bytes, 4, 4 + Buffer.byteLength(text), 1)).toEqual(JSON.parse(text));
  });
});
