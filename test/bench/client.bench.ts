/**
 * The analyst's client against a bare sigma, in headless Chromium (Debian's, software WebGL as the
 * browser tests run it): for generated 20k-entity/100k-link and 100k/500k views, the time from the
 * data's arrival to the first frame on screen, and the mean frame time while the camera moves. Both
 * pages draw the same graph; the bare one is `new Sigma(graph, container)` with default settings. The
 * client runs as the analyst gets it for such a view before communities arrive: no layout (the data
 * carries positions), plain discs (pictograms stop at 5,000 shown), its reducers, labels and curved
 * parallel links. Pages alternate, three of each; medians are printed with the ratio (goal ≤ 1.3×).
 * Beside the wall times, the CPU time the browser's processes spent in the same two stretches: on a
 * shared two-core machine the wall time is mostly waiting for a core, and the CPU time is the work.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import { launch } from '../browser/page-helpers.js';
import { descendantsCpuSeconds } from './process-cpu.js';

// Frames are few because software WebGL on two cores takes seconds per frame at these sizes.
const SIZES = [
  { nodes: 20_000, edges: 100_000, frames: 10 },
  { nodes: 100_000, edges: 500_000, frames: 4 },
];
const RUNS = 3;
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(sizes = SIZES): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'casegraph-client-bench-'));
  const root = fileURLToPath(new URL('./client-page/', import.meta.url));
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: { outDir: out, emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  });
  const server = createServer((req, res) => {
    const path = normalize(join(out, (req.url ?? '/').split('?')[0]!.replace(/^\/$/, '/index.html')));
    let body: Buffer;
    try {
      if (!path.startsWith(out)) throw new Error('outside the build');
      body = readFileSync(path);
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await launch();
  try {
    for (const size of sizes) {
      type Figures = { first: number[]; frame: number[]; cpuFirst: number[]; cpuFrame: number[] };
      const results: Record<'bare' | 'ours', Figures> = {
        bare: { first: [], frame: [], cpuFirst: [], cpuFrame: [] },
        ours: { first: [], frame: [], cpuFirst: [], cpuFrame: [] },
      };
      for (let r = 0; r < RUNS; r++)
        for (const mode of ['bare', 'ours'] as const) {
          const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
          const marks: number[] = [];
          await page.exposeFunction('cpuMark', () => void marks.push(descendantsCpuSeconds()));
          try {
            await page.goto(url);
            await page.waitForFunction(() => 'bench' in window);
            const got = await page.evaluate(
              ([m, n, e, f]) =>
                (
                  window as unknown as {
                    bench: (...a: unknown[]) => Promise<{ firstFrameMs: number; meanFrameMs: number }>;
                  }
                ).bench(m, n, e, f),
              [mode, size.nodes, size.edges, size.frames] as const,
            );
            results[mode].first.push(got.firstFrameMs);
            results[mode].frame.push(got.meanFrameMs);
            const [arrival, first, frames] = marks as [number, number, number];
            results[mode].cpuFirst.push((first - arrival) * 1000);
            results[mode].cpuFrame.push(((frames - first) * 1000) / size.frames);
          } finally {
            await page.close();
          }
        }
      const label = `${size.nodes / 1000}k entities / ${size.edges / 1000}k links`;
      const [bf, of] = [median(results.bare.first), median(results.ours.first)];
      const [bm, om] = [median(results.bare.frame), median(results.ours.frame)];
      console.log(
        `${label}: data to first frame ${of.toFixed(0)} ms, bare sigma ${bf.toFixed(0)} ms, ${(of / bf).toFixed(2)}× (goal ≤ 1.3×); ` +
          `mean frame while the camera moves ${om.toFixed(1)} ms, bare ${bm.toFixed(1)} ms, ${(om / bm).toFixed(2)}× (goal ≤ 1.3×); ` +
          `medians of ${RUNS}, ${size.frames} frames each`,
      );
      const [bcf, ocf] = [median(results.bare.cpuFirst), median(results.ours.cpuFirst)];
      const [bcm, ocm] = [median(results.bare.cpuFrame), median(results.ours.cpuFrame)];
      console.log(
        `${label}, CPU time of the browser: to first frame ${ocf.toFixed(0)} ms, bare ${bcf.toFixed(0)} ms, ${(ocf / bcf).toFixed(2)}×; ` +
          `per frame ${ocm.toFixed(0)} ms, bare ${bcm.toFixed(0)} ms, ${(ocm / bcm).toFixed(2)}×`,
      );
      for (const mode of ['bare', 'ours'] as const)
        console.log(
          `  ${mode} pages: first ${results[mode].first.map((v) => v.toFixed(0)).join(' / ')} ms, ` +
            `frame ${results[mode].frame.map((v) => v.toFixed(0)).join(' / ')} ms, ` +
            `CPU first ${results[mode].cpuFirst.map((v) => v.toFixed(0)).join(' / ')} ms, ` +
            `CPU frame ${results[mode].cpuFrame.map((v) => v.toFixed(0)).join(' / ')} ms`,
        );
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(out, { recursive: true, force: true });
  }
}
