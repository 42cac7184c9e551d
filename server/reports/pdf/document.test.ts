import { describe, expect, it } from 'vitest';
import { num, pdfString, PdfDocument } from './document.js';
import { encodeWinAnsi, textWidth } from './fonts.js';
import { wrap } from './text.js';

describe('the PDF writer', () => {
  it('escapes ( ) \\ and writes bytes outside printable ASCII as octal', () => {
    expect(pdfString(encodeWinAnsi('a(b)c\\d'))).toBe('(a\\(b\\)c\\\\d)');
    expect(pdfString(encodeWinAnsi('é–₹'))).toBe('(\\351\\226?)');
  });

  it('writes numbers with at most two decimals and no negative zero', () => {
    expect([num(1), num(1.005), num(-0.001), num(12.5), num(595.28)]).toEqual([
      '1',
      '1',
      '0',
      '12.5',
      '595.28',
    ]);
  });

  it('measures text with the AFM widths of Helvetica', () => {
    // H 722, e 556, l 222, l 222, o 556 = 2278 / 1000 em.
    expect(textWidth('Hello', 'Helvetica', 10)).toBeCloseTo(22.78, 5);
    expect(textWidth('Hello', 'Helvetica-Bold', 10)).toBeGreaterThan(textWidth('Hello', 'Helvetica', 10));
  });

  it('wraps at spaces, never at a non-breaking one, and cuts a word longer than the line', () => {
    const lines = wrap('one two three four five six', 'Helvetica', 10, 60);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 'Helvetica', 10)).toBeLessThanOrEqual(60);
    expect(wrap('F3\u00a0row\u00a012 F4\u00a0row\u00a01', 'Helvetica', 10, 50)).toEqual([
      'F3\u00a0row\u00a012',
      'F4\u00a0row\u00a01',
    ]);
    expect(
      wrap('a'.repeat(64), 'Helvetica', 10, 100).every((l) => textWidth(l, 'Helvetica', 10) <= 100),
    ).toBe(true);
  });

  it('gives the same bytes for the same content, with a correct cross-reference table', () => {
    const make = () => {
      const d = new PdfDocument({ title: 'T', producer: 'P', createdAt: new Date('2026-01-02T03:04:05Z') });
      const p = d.addPage();
      p.text(10, 20, 'Hello (world)');
      p.circle(50, 50, 10, { fill: 0.5, dash: [2, 1] });
      return d.toBytes();
    };
    const a = make();
    expect(Buffer.compare(a, make())).toBe(0);
    const s = a.toString('latin1');
    const xref = Number(/startxref\n(\d+)/.exec(s)![1]);
    expect(s.slice(xref, xref + 4)).toBe('xref');
    const offsets = [...s.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((o, i) => expect(s.slice(o).startsWith(`${i + 1} 0 obj`)).toBe(true));
    expect(s).toContain('/CreationDate (D:20260102030405Z)');
  });
});
