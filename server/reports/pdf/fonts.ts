/**
 * The two standard fonts the reports use, Helvetica and Helvetica-Bold (two of the PDF 1.7 standard 14,
 * ISO 32000-1 §9.6.2.2), in WinAnsiEncoding, so no font is embedded. Text width comes from Adobe's AFM
 * advance widths (Helvetica 003.001 and Helvetica-Bold, 1/1000 em), held here as data for the codes
 * 32–255 of WinAnsiEncoding (ISO 32000-1 Annex D.2). Characters outside it are written as their nearest
 * Latin letter (accents dropped) or "?": a standard font has no other glyphs.
 */

export type FontName = 'Helvetica' | 'Helvetica-Bold';

/** Advance widths of WinAnsi codes 32..255, in 1/1000 em. */
const HELVETICA: readonly number[] = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
  500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
  556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
  278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0, 556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000,
  667, 333, 1000, 0, 611, 0, 0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667,
  278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333, 333, 333,
  578, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, 667, 667, 667, 667, 667, 667, 1000, 722, 667, 667,
  667, 667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667,
  611, 556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, 556, 556, 556, 556,
  556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
];

const HELVETICA_BOLD: readonly number[] = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278,
  556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584,
  556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556,
  333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0, 556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000,
  667, 333, 1000, 0, 611, 0, 0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667,
  278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333, 333, 333,
  611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, 722, 722, 722, 722, 722, 722, 1000, 722, 667, 667,
  667, 667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667,
  611, 556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, 611, 611, 611, 611,
  611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
];

/** The codes 128–159 of WinAnsiEncoding, by the Unicode character they show. */
const WIN_ANSI_HIGH: ReadonlyMap<number, number> = new Map([
  [0x20ac, 128],
  [0x201a, 130],
  [0x0192, 131],
  [0x201e, 132],
  [0x2026, 133],
  [0x2020, 134],
  [0x2021, 135],
  [0x02c6, 136],
  [0x2030, 137],
  [0x0160, 138],
  [0x2039, 139],
  [0x0152, 140],
  [0x017d, 142],
  [0x2018, 145],
  [0x2019, 146],
  [0x201c, 147],
  [0x201d, 148],
  [0x2022, 149],
  [0x2013, 150],
  [0x2014, 151],
  [0x02dc, 152],
  [0x2122, 153],
  [0x0161, 154],
  [0x203a, 155],
  [0x0153, 156],
  [0x017e, 158],
  [0x0178, 159],
]);

/** The WinAnsi code of a character, or undefined when the encoding has none. */
function winAnsiCode(cp: number): number | undefined {
  if (cp >= 32 && cp <= 126) return cp;
  if (cp >= 160 && cp <= 255) return cp;
  return WIN_ANSI_HIGH.get(cp);
}

/**
 * A string as WinAnsi bytes: each character its code, a character the encoding lacks its letter without
 * accents when that is in the encoding, otherwise "?". Control characters become spaces.
 */
export function encodeWinAnsi(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 32 || cp === 127) {
      out.push(32);
      continue;
    }
    const code = winAnsiCode(cp);
    if (code !== undefined) {
      out.push(code);
      continue;
    }
    const plain = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    let done = false;
    for (const p of plain) {
      const c = winAnsiCode(p.codePointAt(0)!);
      if (c !== undefined) {
        out.push(c);
        done = true;
      }
    }
    if (!done) out.push(63);
  }
  return Uint8Array.from(out);
}

/** Width of WinAnsi bytes in 1/1000 em. */
export function bytesWidth(bytes: Uint8Array, font: FontName): number {
  const table = font === 'Helvetica' ? HELVETICA : HELVETICA_BOLD;
  let w = 0;
  for (const b of bytes) w += b >= 32 ? (table[b - 32] ?? 0) : 0;
  return w;
}

/** Width of a string set in a font at a size, in points. */
export function textWidth(text: string, font: FontName, size: number): number {
  return (bytesWidth(encodeWinAnsi(text), font) * size) / 1000;
}
