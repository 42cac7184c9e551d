/**
 * The page `npm run bench client` loads twice per figure: once drawing a generated view with the
 * analyst's client (the controller with its reducers, encodings, curved parallel links and labels),
 * once with a bare sigma and its default settings. Both get the same graph, in the API's wire format
 * with positions, generated here from a seed so no data crosses into the page while it is timed.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import { emptyGraph, toGraph, type SerialisedGraph } from '../../../client/src/graph-data.js';
import { ViewController } from '../../../client/src/view/controller.js';
import { DEFAULT_STATE } from '../../../client/src/view/view-state.js';
import { seededRandom } from '../../../client/src/layout.js';

const KINDS = ['person', 'phone', 'account', 'device', 'location', 'hotel', 'vehicle', 'ad'] as const;
const LINKS = ['called', 'messaged', 'uses', 'holds', 'paid', 'seen-at'] as const;

/** Planted communities of ~50 placed on a disc, links mostly inside them (as rings are). */
function generate(nodes: number, edges: number, seed: number): SerialisedGraph {
  const random = seededRandom(seed);
  const size = 50;
  const communities = Math.ceil(nodes / size);
  const centre = Array.from({ length: communities }, () => [random() * 2000 - 1000, random() * 2000 - 1000]);
  const out: SerialisedGraph = {
    attributes: { version: 1, truncated: false, demo: true },
    options: { type: 'mixed', multi: true, allowSelfLoops: false },
    nodes: [],
    edges: [],
  };
  for (let i = 0; i < nodes; i++) {
    const c = centre[Math.floor(i / size)]!;
    const kind = KINDS[i % KINDS.length]!;
    out.nodes.push({
      key: `${kind}:${i.toString(16).padStart(24, '0')}`,
      attributes: {
        kind,
        label: `Synthetic ${kind} ${i}`,
        key: String(i),
        scheme: kind as never,
        props: {},
        x: c[0]! + (random() - 0.5) * 80,
        y: c[1]! + (random() - 0.5) * 80,
      } as never,
    });
  }
  for (let e = 0; e < edges; e++) {
    const a = Math.floor(random() * nodes);
    const inside = random() < 0.9;
    const b = inside
      ? Math.min(nodes - 1, Math.floor(a / size) * size + Math.floor(random() * size))
      : Math.floor(random() * nodes);
    if (a === b) continue;
    const count = Math.floor(random() * 20);
    out.edges.push({
      key: `link:${e.toString(16).padStart(24, '0')}`,
      source: out.nodes[a]!.key,
      target: out.nodes[b]!.key,
      undirected: false,
      attributes: {
        kind: LINKS[e % LINKS.length]!,
        props: {},
        count,
        durationS: 0,
        amount: 0,
        firstAt: count ? '2026-03-01T00:00:00.000Z' : null,
        lastAt: count ? '2026-04-01T00:00:00.000Z' : null,
        weight: Math.max(1, count),
      },
    });
  }
  return out;
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Waits until what was drawn has reached the screen: the next frame, and the GPU done with it. */
async function presented(sigma: Sigma): Promise<void> {
  await frame();
  const canvas = sigma.getCanvases().nodes as HTMLCanvasElement | undefined;
  const gl = canvas?.getContext('webgl2') ?? canvas?.getContext('webgl');
  gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
}

export interface BenchResult {
  firstFrameMs: number;
  meanFrameMs: number;
  frames: number;
}

async function bench(
  mode: 'bare' | 'ours',
  nodes: number,
  edges: number,
  frames: number,
): Promise<BenchResult> {
  const data = generate(nodes, edges, 7);
  const container = document.getElementById('graph')!;
  await frame();
  // The harness reads the browser's CPU time at these marks, outside the timed stretches.
  const mark = (window as unknown as { cpuMark?: (at: string) => Promise<void> }).cpuMark;
  await mark?.('arrival');
  // Data arrival: the parsed answer is in hand.
  const start = performance.now();
  let sigma: Sigma;
  if (mode === 'bare') {
    const graph = new Graph({ type: 'mixed', multi: true });
    graph.import(data as never);
    sigma = new Sigma(graph, container);
  } else {
    const view = new ViewController(emptyGraph(), container);
    view.load(toGraph(data), { ...DEFAULT_STATE });
    sigma = view.sigma as unknown as Sigma;
  }
  await presented(sigma);
  const firstFrameMs = performance.now() - start;
  await mark?.('first frame');
  const camera = sigma.getCamera();
  let last = performance.now();
  let total = 0;
  for (let i = 0; i < frames; i++) {
    camera.setState({
      x: 0.5 + 0.2 * Math.sin(i / 6),
      y: 0.5 + 0.2 * Math.cos(i / 6),
      ratio: 0.5 + 0.4 * Math.abs(Math.sin(i / 9)),
      angle: 0,
    });
    await presented(sigma);
    const now = performance.now();
    total += now - last;
    last = now;
  }
  await mark?.('frames');
  return { firstFrameMs, meanFrameMs: total / frames, frames };
}

(window as unknown as { bench: typeof bench }).bench = bench;
