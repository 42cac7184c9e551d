/**
 * Text set on pages: word wrap by the fonts' AFM widths, and a flow that fills pages from the top,
 * starts a new page when the next block does not fit, and repeats a table's header on every page the
 * table runs onto. Margins leave room for the footer every page gets at the end (report.ts).
 */
import { textWidth, type FontName } from './fonts.js';
import { A4, type PdfDocument, type PdfPage } from './document.js';

/** Splits text into lines no wider than `width`; a word wider than the line is cut where it must be. */
export function wrap(text: string, font: FontName, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    // Split at ordinary spaces only: a non-breaking space keeps its words on one line.
    for (const word of para.split(/[ \t]+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (textWidth(candidate, font, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      // A word longer than the line (a hash, an id): cut it into pieces that fit.
      let rest = word;
      while (textWidth(rest, font, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && textWidth(rest.slice(0, cut), font, size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

export const MARGIN = { left: 50, right: 50, top: 56, bottom: 64 } as const;

export interface Column {
  title: string;
  /** Share of the usable width. */
  width: number;
  align?: 'left' | 'right';
}

export class Flow {
  page!: PdfPage;
  y = 0;
  readonly left = MARGIN.left;
  readonly width = A4.width - MARGIN.left - MARGIN.right;
  private readonly bottom = A4.height - MARGIN.bottom;

  constructor(readonly doc: PdfDocument) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage();
    this.y = MARGIN.top;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  remaining(): number {
    return this.bottom - this.y;
  }

  heading(text: string, size = 15): void {
    this.ensure(size * 3);
    this.y += size * 0.6;
    this.y += size;
    this.page.text(this.left, this.y, text, { font: 'Helvetica-Bold', size });
    this.y += size * 0.3;
    this.page.line(this.left, this.y, this.left + this.width, this.y, { width: 0.6, grey: 0.3 });
    this.y += size * 0.6;
  }

  subheading(text: string, size = 11.5): void {
    this.ensure(size * 3);
    this.y += size * 0.5 + size;
    this.page.text(this.left, this.y, text, { font: 'Helvetica-Bold', size });
    this.y += size * 0.5;
  }

  paragraph(text: string, opts: { font?: FontName; size?: number; indent?: number; grey?: number } = {}) {
    const size = opts.size ?? 10;
    const font = opts.font ?? 'Helvetica';
    const indent = opts.indent ?? 0;
    const leading = size * 1.35;
    for (const line of wrap(text, font, size, this.width - indent)) {
      this.ensure(leading);
      this.y += leading;
      this.page.text(this.left + indent, this.y, line, { font, size, grey: opts.grey ?? 0 });
    }
    this.y += size * 0.45;
  }

  /** "Label: value" rows, the labels in bold in a column of their own. */
  fields(rows: readonly [string, string][], size = 10, labelWidth = 130): void {
    const leading = size * 1.4;
    for (const [label, value] of rows) {
      const lines = wrap(value, 'Helvetica', size, this.width - labelWidth);
      this.ensure(leading * lines.length);
      lines.forEach((line, i) => {
        this.y += leading;
        if (i === 0) this.page.text(this.left, this.y, label, { font: 'Helvetica-Bold', size });
        this.page.text(this.left + labelWidth, this.y, line, { size });
      });
    }
    this.y += size * 0.5;
  }

  /**
   * A table: a bold header row, rows whose cells wrap, thin rules between rows; the header comes again
   * on every page the table runs onto. Widths are shares of the usable width.
   */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], size = 8): void {
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const pad = 3;
    const leading = size * 1.25;
    const header = () => {
      const lines = columns.map((c, i) => wrap(c.title, 'Helvetica-Bold', size, widths[i]! - 2 * pad));
      const h = Math.max(...lines.map((l) => l.length)) * leading + 2 * pad;
      this.ensure(h + leading * 2);
      this.page.rect(this.left, this.y, this.width, h, { fill: 0.85, stroke: false });
      let x = this.left;
      lines.forEach((ls, i) => {
        ls.forEach((l, j) =>
          this.page.text(x + pad, this.y + pad + (j + 1) * leading - size * 0.25, l, {
            font: 'Helvetica-Bold',
            size,
          }),
        );
        x += widths[i]!;
      });
      this.y += h;
    };
    header();
    for (const row of rows) {
      const lines = row.map((cell, i) => wrap(cell, 'Helvetica', size, widths[i]! - 2 * pad));
      const h = Math.max(1, ...lines.map((l) => l.length)) * leading + 2 * pad;
      if (this.y + h > this.bottom) {
        this.newPage();
        header();
      }
      let x = this.left;
      lines.forEach((ls, i) => {
        const right = columns[i]!.align === 'right';
        ls.forEach((l, j) => {
          const tx = right ? x + widths[i]! - pad - textWidth(l, 'Helvetica', size) : x + pad;
          this.page.text(tx, this.y + pad + (j + 1) * leading - size * 0.25, l, { size });
        });
        x += widths[i]!;
      });
      this.y += h;
      this.page.line(this.left, this.y, this.left + this.width, this.y, { width: 0.3, grey: 0.6 });
    }
    this.y += size;
  }
}
