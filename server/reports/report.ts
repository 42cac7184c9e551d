/**
 * A prosecutor's report of one case (issue 10): the data read and masked (report/data.ts), the figures
 * computed (report/analysis.ts), the sections laid out in order, then a footer on every page with the
 * report's verification reference and content digest. The file's own SHA-256 cannot be printed inside
 * the file it is the hash of: it goes on the audit trail and on the certificate (certificate.ts), and the
 * footer gives the reference under which CaseGraph answers for it.
 *
 * Deterministic: the same case data, the same masking, the same people and the same generated-at give
 * the same bytes.
 */
import { createHash } from 'node:crypto';
import type { MaskSet } from '../domain/mask.js';
import type { GraphStore } from '../store/graph-store.js';
import { startTsWorker } from '../workers/ts-worker.js';
import type { RenderMessage } from './render-protocol.js';
import { PdfDocument } from './pdf/document.js';
import { Flow } from './pdf/text.js';
import { footers } from './pdf/footer.js';
import { analyse } from './report/analysis.js';
import { buildContext, type ReportMeta } from './report/context.js';
import { gatherReportData, type ReportData } from './report/data.js';
import { cover } from './report/sections/cover.js';
import { summary } from './report/sections/summary.js';
import { network } from './report/sections/network.js';
import { others, persons } from './report/sections/tables.js';
import { documents, links, timeline } from './report/sections/evidence.js';
import { method } from './report/sections/method.js';

export type Progress = (stage: string, fraction: number) => void;

export interface BuiltReport {
  pdf: Buffer;
  /** SHA-256 of the file, hex. */
  sha256: string;
  /** "report:" + 24 hex of the content digest: printed in the footer, the key verification answers by. */
  reference: string;
  /** SHA-256 of the pages' content before their footers (printed in every footer). */
  contentDigest: string;
  pages: number;
  data: ReportData;
}

/** Lays out a report from data already read and masked. */
export async function renderReport(
  data: ReportData,
  meta: ReportMeta,
  progress: Progress = () => {},
): Promise<BuiltReport> {
  progress('analysis', 0);
  const analysis = analyse(data);
  const ctx = buildContext(data, analysis, meta);
  const doc = new PdfDocument({
    title: `CaseGraph report, ${data.caseEntity.label}`,
    author: meta.preparedBy.statedAs ?? meta.preparedBy.name,
    subject: `Network analysis for ${meta.court}`,
    producer: `CaseGraph ${meta.version}`,
    createdAt: meta.generatedAt,
  });
  const flow = new Flow(doc);
  const sections = [cover, summary, network, persons, others, links, timeline, documents, method];
  for (const [i, section] of sections.entries()) {
    progress('layout', i / sections.length);
    // Between sections the service answers others: a long report is laid out in slices.
    await new Promise((resolve) => setImmediate(resolve));
    section(flow, ctx);
  }
  const content = createHash('sha256');
  for (const page of doc.pages) content.update(page.content()).update('\n');
  const contentDigest = content.digest('hex');
  const reference = `report:${contentDigest.slice(0, 24)}`;
  footers(doc, {
    left: `CaseGraph ${meta.version} - ${data.caseEntity.label} - for ${meta.court}`,
    reference,
    contentDigest,
  });
  progress('writing', 1);
  const pdf = doc.toBytes();
  return {
    pdf,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    reference,
    contentDigest,
    pages: doc.pages.length,
    data,
  };
}

/** As renderReport, in a worker thread (render-worker.ts): the service's thread stays free. */
export async function renderInWorker(
  data: ReportData,
  meta: ReportMeta,
  progress: Progress = () => {},
): Promise<BuiltReport> {
  const worker = startTsWorker(new URL('./render-worker.ts', import.meta.url), { data, meta });
  try {
    return await new Promise<BuiltReport>((resolve, reject) => {
      worker.on('message', (m: RenderMessage) => {
        if (m.type === 'progress') progress(m.stage, m.fraction);
        else if (m.type === 'failed') reject(new Error(`the report could not be laid out: ${m.message}`));
        else
          resolve({
            pdf: Buffer.from(m.pdf.buffer, m.pdf.byteOffset, m.pdf.byteLength),
            sha256: m.sha256,
            reference: m.reference,
            contentDigest: m.contentDigest,
            pages: m.pages,
            data,
          });
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`the report worker stopped (exit code ${code})`)));
    });
  } finally {
    await worker.terminate();
  }
}

export const BUILD_DEFAULTS = { inWorker: true };

export async function buildReport(
  store: GraphStore,
  caseId: string,
  masks: MaskSet,
  meta: ReportMeta,
  progress: Progress = () => {},
  options: Partial<typeof BUILD_DEFAULTS> = {},
): Promise<BuiltReport> {
  const o = { ...BUILD_DEFAULTS, ...options };
  const data = await gatherReportData(store, caseId, masks, (f) => progress('reading', f));
  return o.inWorker ? renderInWorker(data, meta, progress) : renderReport(data, meta, progress);
}
