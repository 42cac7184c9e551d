/**
 * The worker thread a report is laid out in (analysis, layout, pages, bytes: seconds of CPU for a large
 * case), so the service's thread keeps answering while it runs. It receives the data already read and
 * masked, sends progress as it goes, and the finished file last.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ReportMeta } from './report/context.js';
import type { ReportData } from './report/data.js';
import { renderReport } from './report.js';
import type { RenderMessage } from './render-protocol.js';

const { data, meta } = workerData as { data: ReportData; meta: ReportMeta };
const post = (m: RenderMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);
try {
  const r = await renderReport(data, meta, (stage, fraction) => post({ type: 'progress', stage, fraction }));
  const pdf = new Uint8Array(r.pdf.buffer, r.pdf.byteOffset, r.pdf.byteLength);
  post(
    {
      type: 'done',
      pdf,
      sha256: r.sha256,
      reference: r.reference,
      contentDigest: r.contentDigest,
      pages: r.pages,
    },
    [],
  );
} catch (err) {
  post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
}
