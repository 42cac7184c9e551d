/**
 * `npm run ingest` reads an .ndjson file a line at a time, so a 180 MB scenario never sits in memory
 * whole. Read that way, a file must give exactly what reading it whole gives.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { itemsOf, READ_BYTES } from '../server/ingest/read-batches.js';
import { LARGE_TEXT_BYTES } from '../server/ingest/json-bytes.js';

const dir = mkdtempSync(join(tmpdir(), 'casegraph-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function read(name: string, content: string | Buffer) {
  const file = join(dir, name);
  writeFileSync(file, content);
  const problems: string[] = [];
  const items = [...itemsOf([file], (_, why) => problems.push(why))];
  return { file, items, problems };
}

// Names in Devanagari and Bengali: three bytes a character, so reads cut characters in half.
const batch = (i: number) => ({
  document: { name: `दस्तावेज़-${i}.csv`, sha256: String(i).padStart(64, '0'), type: 'cdr' },
  entities: Array.from({ length: 40 }, (_, j) => ({
    kind: 'person',
    key: `P-${i}-${j}`,
    props: { name: `রহিম ${'অ'.repeat((i * 7 + j) % 50)} কুমার` },
  })),
});

describe('reading an NDJSON file a line at a time', () => {
  it('gives every line of a file several reads long, in order', () => {
    const batches = Array.from({ length: 400 }, (_, i) => batch(i));
    const text = batches.map((b) => JSON.stringify(b)).join('\n') + '\n';
    expect(Buffer.byteLength(text)).toBeGreaterThan(20 * READ_BYTES);
    const { file, items, problems } = read('big.ndjson', text);
    expect(problems).toEqual([]);
    expect(items.map((i) => i.where)).toEqual(batches.map((_, i) => `${file} line ${i + 1}`));
    expect(items.map((i) => i.raw)).toEqual(batches);
  });

  it('joins a character that a read cuts in two', () => {
    // A name of three-byte characters across the first read, placed so that the read ends inside one.
    const long = (pad: string) => ({
      document: { name: 'long.csv', sha256: 'f'.repeat(64), type: 'cdr' },
      entities: [{ kind: 'person', key: `P${pad}`, props: { name: 'অ'.repeat(400_000) } }],
    });
    const cut = (pad: string) => {
      const line = JSON.stringify(long(pad));
      return (READ_BYTES - Buffer.byteLength(line.slice(0, line.indexOf('অ')))) % 3;
    };
    const pad = ['', '-', '--'].find((p) => cut(p) !== 0)!;
    const { items, problems } = read(
      'cut.ndjson',
      `${JSON.stringify(long(pad))}\n${JSON.stringify(batch(0))}\n`,
    );
    expect(problems).toEqual([]);
    expect(items.map((i) => i.raw)).toEqual([long(pad), batch(0)]);
  });

  it('takes a byte-order mark, CRLF line ends, blank lines and a last line without an end', () => {
    const [a, b] = [batch(1), batch(2)];
    const { file, items, problems } = read(
      'windows.ndjson',
      `\uFEFF${JSON.stringify(a)}\r\n\r\n${JSON.stringify(b)}`,
    );
    expect(problems).toEqual([]);
    expect(items).toEqual([
      { where: `${file} line 1`, raw: a },
      { where: `${file} line 3`, raw: b },
    ]);
  });

  it('names a file of one line as the file, as reading it whole does', () => {
    const { file, items } = read('one.ndjson', `\n${JSON.stringify(batch(3))}\n\n`);
    expect(items).toEqual([{ where: file, raw: batch(3) }]);
  });

  it('reads a document spread over lines whole', () => {
    const { file, items, problems } = read('pretty.ndjson', JSON.stringify(batch(4), null, 2));
    expect(problems).toEqual([]);
    expect(items).toEqual([{ where: file, raw: batch(4) }]);
  });

  it('reports each line that is not JSON by its number and gives the others', () => {
    const lines = ['{"document": ', JSON.stringify(batch(5)), 'not json', JSON.stringify(batch(6))];
    const { file, items, problems } = read('mixed.ndjson', lines.join('\n'));
    expect(items).toEqual([
      { where: `${file} line 2`, raw: batch(5) },
      { where: `${file} line 4`, raw: batch(6) },
    ]);
    expect(problems.map((p) => p.replace(/:.*/, ''))).toEqual(['line 1', 'line 3']);
  });

  it('gives a line over 128 KiB as JSON.parse does, and reports a broken one in its words', () => {
    const large = {
      ...batch(8),
      entities: Array.from({ length: 60 }, (_, i) => batch(100 + i).entities).flat(),
    };
    const text = JSON.stringify(large);
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 * LARGE_TEXT_BYTES);
    const broken = text.replace('"kind":"person"', '"kind":"person",,');
    const proto = `{"__proto__": [1], ${text.slice(1)}`;
    const { file, items, problems } = read('large.ndjson', [text, broken, proto, text].join('\r\n'));
    expect(items).toEqual([
      { where: `${file} line 1`, raw: large },
      { where: `${file} line 3`, raw: JSON.parse(proto) },
      { where: `${file} line 4`, raw: large },
    ]);
    expect(Object.keys(items[1]!.raw as object)[0]).toBe('__proto__');
    let message = '';
    try {
      JSON.parse(broken);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(problems).toEqual([`line 2: ${message}`]);
  });

  it('gives a .json file over 128 KiB as JSON.parse does, byte-order mark and all', () => {
    const large = {
      ...batch(9),
      entities: Array.from({ length: 60 }, (_, i) => batch(200 + i).entities).flat(),
    };
    const text = JSON.stringify(large, null, 1);
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 * LARGE_TEXT_BYTES);
    for (const [name, content] of [
      ['large.json', text],
      ['large-bom.json', `\uFEFF${text}`],
    ] as const) {
      const { file, items, problems } = read(name, content);
      expect(problems).toEqual([]);
      expect(items).toEqual([{ where: file, raw: large }]);
    }
    const broken = read('large-broken.json', text.replace('"kind": "person"', '"kind": "person",,'));
    expect(broken.items).toEqual([]);
    expect(broken.problems).toEqual([expect.stringMatching(/^not valid JSON/)]);
  });

  it('reports a file it cannot open by its error, and goes on to the next', () => {
    const problems: string[] = [];
    const good = join(dir, 'good.ndjson');
    writeFileSync(good, JSON.stringify(batch(7)));
    const items = [
      ...itemsOf([join(dir, 'missing.ndjson'), good], (f, why) => problems.push(`${f}: ${why}`)),
    ];
    expect(problems).toEqual([`${join(dir, 'missing.ndjson')}: ENOENT`]);
    expect(items).toEqual([{ where: good, raw: batch(7) }]);
  });
});
