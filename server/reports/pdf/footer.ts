/**
 * The footer every page of a report gets once the page count is known: what the report is, page i of
 * n, and how to verify it — the reference CaseGraph answers by and the digest of the pages' content.
 */
import { A4, type PdfDocument } from './document.js';
import { textWidth } from './fonts.js';
import { MARGIN } from './text.js';

export interface FooterText {
  left: string;
  reference: string;
  contentDigest: string;
}

export function footers(doc: PdfDocument, f: FooterText): void {
  const n = doc.pages.length;
  const right = A4.width - MARGIN.right;
  doc.pages.forEach((page, i) => {
    const y = A4.height - 40;
    page.line(MARGIN.left, y - 9, right, y - 9, { width: 0.4, grey: 0.4 });
    let left = f.left;
    while (left.length > 20 && textWidth(left, 'Helvetica', 7) > right - MARGIN.left - 70)
      left = left.slice(0, -2);
    page.text(MARGIN.left, y, left === f.left ? left : `${left}...`, { size: 7, grey: 0.2 });
    const pageText = `page ${i + 1} of ${n}`;
    page.text(right - textWidth(pageText, 'Helvetica-Bold', 7), y, pageText, {
      size: 7,
      font: 'Helvetica-Bold',
    });
    page.text(
      MARGIN.left,
      y + 9,
      `Verification reference ${f.reference}: GET /api/reports/verify?reference=${f.reference} (or ?sha256= of this file)`,
      { size: 6.5, grey: 0.2 },
    );
    page.text(MARGIN.left, y + 17, `Content SHA-256 ${f.contentDigest}`, { size: 6.5, grey: 0.2 });
  });
}
