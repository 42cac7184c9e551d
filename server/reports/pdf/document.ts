/**
 * A small PDF 1.7 writer (ISO 32000-1): pages of A4, text in the standard Helvetica and Helvetica-Bold
 * (WinAnsiEncoding, nothing embedded), lines, rectangles, circles drawn as four Bézier arcs, dash
 * patterns and grey levels, so that a report prints legibly in black and white. Coordinates are points
 * from the top-left corner of the page (y grows downwards); they are turned into PDF's bottom-left
 * frame when written.
 *
 * The output is deterministic: objects are numbered in a fixed order, nothing of the clock is written
 * (the Info dictionary's CreationDate is the generated-at time the caller gives), numbers are printed
 * with a fixed number of decimals, and the trailer's /ID is a hash of the content. The same inputs give
 * the same bytes. Content streams are left uncompressed: every byte of the file can be read and
 * scanned (the tests look for victims' identifiers in the bytes themselves).
 */
import { createHash } from 'node:crypto';
import { bytesWidth, encodeWinAnsi, type FontName } from './fonts.js';

export const A4 = { width: 595.28, height: 841.89 } as const;

/** 0 is black, 1 white. */
export type Grey = number;

export interface StrokeStyle {
  width?: number;
  grey?: Grey;
  /** Dash pattern in points ([] solid). */
  dash?: readonly number[];
}

export interface ShapeStyle extends StrokeStyle {
  /** Fill grey; no fill when absent. */
  fill?: Grey;
  /** Draw the outline (default true). */
  stroke?: boolean;
}

export interface TextStyle {
  font?: FontName;
  size?: number;
  grey?: Grey;
}

const FONT_RESOURCE: Record<FontName, string> = { Helvetica: 'F1', 'Helvetica-Bold': 'F2' };

/** A number as PDF writes it: at most two decimals, no exponent, no "-0". */
export function num(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`pdf: not a finite number: ${n}`);
  const r = Math.round(n * 100) / 100;
  const s = (Object.is(r, -0) ? 0 : r).toFixed(2).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

/** WinAnsi bytes as a PDF literal string: ( ) \ escaped, bytes outside printable ASCII as octal. */
export function pdfString(bytes: Uint8Array): string {
  let out = '(';
  for (const b of bytes) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) out += '\\' + String.fromCharCode(b);
    else if (b < 32 || b > 126) out += '\\' + b.toString(8).padStart(3, '0');
    else out += String.fromCharCode(b);
  }
  return out + ')';
}

/** A PDF text string for the Info dictionary (PDFDocEncoding agrees with WinAnsi on what we write). */
const infoString = (s: string) => pdfString(encodeWinAnsi(s));

export class PdfPage {
  private readonly ops: string[] = [];
  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  private y(y: number): number {
    return this.height - y;
  }

  private strokeState(s: StrokeStyle): string {
    return `${num(s.width ?? 0.5)} w ${num(s.grey ?? 0)} G [${(s.dash ?? []).map(num).join(' ')}] 0 d`;
  }

  /** Text with its baseline at y. Returns its width in points. */
  text(x: number, y: number, text: string, style: TextStyle = {}): number {
    const font = style.font ?? 'Helvetica';
    const size = style.size ?? 10;
    const bytes = encodeWinAnsi(text);
    this.ops.push(
      `BT /${FONT_RESOURCE[font]} ${num(size)} Tf ${num(style.grey ?? 0)} g ${num(x)} ${num(this.y(y))} Td ${pdfString(bytes)} Tj ET`,
    );
    return (bytesWidth(bytes, font) * size) / 1000;
  }

  line(x1: number, y1: number, x2: number, y2: number, style: StrokeStyle = {}): void {
    this.ops.push(
      `q ${this.strokeState(style)} ${num(x1)} ${num(this.y(y1))} m ${num(x2)} ${num(this.y(y2))} l S Q`,
    );
  }

  /** A quadratic curve from (x1,y1) to (x2,y2) bending through control point (cx,cy). */
  curve(x1: number, y1: number, cx: number, cy: number, x2: number, y2: number, style: StrokeStyle = {}) {
    // A quadratic Bézier as the cubic PDF draws: control points 2/3 of the way to the quadratic one.
    const c1x = x1 + (2 / 3) * (cx - x1);
    const c1y = y1 + (2 / 3) * (cy - y1);
    const c2x = x2 + (2 / 3) * (cx - x2);
    const c2y = y2 + (2 / 3) * (cy - y2);
    this.ops.push(
      `q ${this.strokeState(style)} ${num(x1)} ${num(this.y(y1))} m ${num(c1x)} ${num(this.y(c1y))} ${num(c2x)} ${num(this.y(c2y))} ${num(x2)} ${num(this.y(y2))} c S Q`,
    );
  }

  private paint(s: ShapeStyle): string {
    const stroke = s.stroke ?? true;
    if (s.fill !== undefined && stroke) return 'B';
    if (s.fill !== undefined) return 'f';
    return stroke ? 'S' : 'n';
  }

  rect(x: number, y: number, w: number, h: number, style: ShapeStyle = {}): void {
    const fill = style.fill === undefined ? '' : `${num(style.fill)} g `;
    this.ops.push(
      `q ${this.strokeState(style)} ${fill}${num(x)} ${num(this.y(y + h))} ${num(w)} ${num(h)} re ${this.paint(style)} Q`,
    );
  }

  /** A circle as four cubic Bézier arcs (the usual constant 0.5523 for a quarter circle). */
  circle(cx: number, cy: number, r: number, style: ShapeStyle = {}): void {
    const k = 0.5523 * r;
    const x = cx;
    const y = this.y(cy);
    const p = (a: number, b: number) => `${num(a)} ${num(b)}`;
    const path = [
      `${p(x + r, y)} m`,
      `${p(x + r, y + k)} ${p(x + k, y + r)} ${p(x, y + r)} c`,
      `${p(x - k, y + r)} ${p(x - r, y + k)} ${p(x - r, y)} c`,
      `${p(x - r, y - k)} ${p(x - k, y - r)} ${p(x, y - r)} c`,
      `${p(x + k, y - r)} ${p(x + r, y - k)} ${p(x + r, y)} c`,
    ].join(' ');
    const fill = style.fill === undefined ? '' : `${num(style.fill)} g `;
    this.ops.push(`q ${this.strokeState(style)} ${fill}${path} h ${this.paint(style)} Q`);
  }

  /** A filled polygon (an arrowhead, a diamond). */
  polygon(points: readonly [number, number][], style: ShapeStyle = {}): void {
    if (points.length < 3) return;
    const fill = style.fill === undefined ? '' : `${num(style.fill)} g `;
    const path = points
      .map(([px, py], i) => `${num(px)} ${num(this.y(py))} ${i === 0 ? 'm' : 'l'}`)
      .join(' ');
    this.ops.push(`q ${this.strokeState(style)} ${fill}${path} h ${this.paint(style)} Q`);
  }

  /** The page's content stream. */
  content(): string {
    return this.ops.join('\n');
  }
}

export interface DocumentInfo {
  title: string;
  author?: string;
  subject?: string;
  producer: string;
  /** The generated-at time printed in the report: the only date in the file. */
  createdAt: Date;
}

function pdfDate(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `D:${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

export class PdfDocument {
  readonly pages: PdfPage[] = [];
  constructor(private readonly info: DocumentInfo) {}

  addPage(width: number = A4.width, height: number = A4.height): PdfPage {
    const page = new PdfPage(width, height);
    this.pages.push(page);
    return page;
  }

  /**
   * The file. Objects: 1 catalog, 2 page tree, 3 and 4 the fonts, 5 the Info dictionary, then per page
   * its page object and its content stream.
   */
  toBytes(): Buffer {
    const objects: string[] = [];
    const pageCount = this.pages.length;
    const pageObj = (i: number) => 6 + i * 2;
    objects.push('<< /Type /Catalog /Pages 2 0 R >>');
    objects.push(
      `<< /Type /Pages /Count ${pageCount} /Kids [${this.pages.map((_, i) => `${pageObj(i)} 0 R`).join(' ')}] >>`,
    );
    objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
    objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
    const i = this.info;
    objects.push(
      `<< /Title ${infoString(i.title)}${i.author ? ` /Author ${infoString(i.author)}` : ''}${
        i.subject ? ` /Subject ${infoString(i.subject)}` : ''
      } /Producer ${infoString(i.producer)} /Creator ${infoString(i.producer)} /CreationDate ${infoString(pdfDate(i.createdAt))} >>`,
    );
    this.pages.forEach((page, n) => {
      objects.push(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(page.width)} ${num(page.height)}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageObj(n) + 1} 0 R >>`,
      );
      const content = page.content();
      objects.push(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
    });

    // The body is ASCII save the binary comment; lengths are counted in bytes (latin1).
    let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
    const offsets: number[] = [];
    objects.forEach((body, n) => {
      offsets.push(Buffer.byteLength(out, 'latin1'));
      out += `${n + 1} 0 obj\n${body}\nendobj\n`;
    });
    const xref = Buffer.byteLength(out, 'latin1');
    out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
    const id = createHash('sha256').update(out, 'latin1').digest('hex').slice(0, 32);
    out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${xref}\n%%EOF\n`;
    return Buffer.from(out, 'latin1');
  }
}
