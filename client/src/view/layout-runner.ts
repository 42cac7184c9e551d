/**
 * ForceAtlas2 (Jacomy et al., 2014) in a web worker, through graphology's supervisor, so the page
 * stays responsive while the network settles. The supervisor runs until told to stop; this runner
 * watches how far nodes still move and stops it once the layout has settled (mean displacement per
 * check below `settledShare` of the drawing's extent, twice in a row) or after a time budget, then
 * spreads overlapping nodes apart with noverlap so that every pictogram can be seen.
 */
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import type { CaseGraph } from '../graph-data.js';

export const DEFAULTS = {
  checkEveryMs: 400,
  /** The worker takes a moment to start: no verdict of "settled" before this, nor before a move. */
  minRunMs: 1_500,
  settledShare: 0.0006,
  budgetMs: { base: 6_000, perNode: 4, max: 60_000 },
  noverlapIterations: 120,
};

export type LayoutStatus = 'running' | 'settled' | 'stopped';

export class LayoutRunner {
  private supervisor: FA2Layout | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private last = new Map<string, [number, number]>();
  private calm = 0;
  private startedAt = 0;
  private moved = false;

  constructor(
    private readonly graph: CaseGraph,
    /** Graph units per screen pixel, so that noverlap keeps nodes apart by their drawn size. */
    private readonly unitsPerPixel: () => number,
    private readonly drawnSize: (node: string) => number,
    private readonly onStatus: (status: LayoutStatus) => void,
  ) {}

  get running(): boolean {
    return this.supervisor?.isRunning() ?? false;
  }

  start(): void {
    if (this.running || this.graph.order < 2) return;
    this.supervisor ??= new FA2Layout(this.graph, {
      getEdgeWeight: (_e, a) => Math.log2(1 + a.weight),
      settings: {
        ...forceAtlas2.inferSettings(this.graph),
        // Hubs (a phone that called everyone) go to the borders of their ring instead of pulling
        // all rings into one disc.
        outboundAttractionDistribution: true,
        scalingRatio: 4,
        barnesHutOptimize: this.graph.order > 1000,
      },
    });
    this.supervisor.start();
    this.startedAt = performance.now();
    this.calm = 0;
    this.moved = false;
    this.last = this.positions();
    this.timer = setInterval(() => this.check(), DEFAULTS.checkEveryMs);
    this.onStatus('running');
  }

  stop(status: LayoutStatus = 'stopped'): void {
    if (!this.running) return;
    this.supervisor?.stop();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.spreadOverlaps();
    this.onStatus(status);
  }

  kill(): void {
    if (this.timer) clearInterval(this.timer);
    this.supervisor?.kill();
    this.supervisor = null;
  }

  /** Pushes apart nodes whose discs overlap on screen, leaving pinned ones where they are. */
  spreadOverlaps(): void {
    const upp = this.unitsPerPixel();
    noverlap.assign(this.graph, {
      maxIterations: DEFAULTS.noverlapIterations,
      inputReducer: (key, a) => ({ x: a.x, y: a.y, size: this.drawnSize(key) * upp }),
      outputReducer: (key, a) =>
        this.graph.getNodeAttribute(key, 'fixed')
          ? { x: this.graph.getNodeAttribute(key, 'x')!, y: this.graph.getNodeAttribute(key, 'y')! }
          : a,
      settings: { margin: 3 * upp, ratio: 1.1, speed: 3 },
    });
  }

  private positions(): Map<string, [number, number]> {
    const out = new Map<string, [number, number]>();
    this.graph.forEachNode((n, a) => out.set(n, [a.x ?? 0, a.y ?? 0]));
    return out;
  }

  private check(): void {
    const now = this.positions();
    let moved = 0;
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (const [n, [x, y]] of now) {
      const before = this.last.get(n);
      if (before) moved += Math.hypot(x - before[0], y - before[1]);
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    this.last = now;
    const extent = Math.max(maxX - minX, maxY - minY, 1e-9);
    const share = moved / Math.max(1, now.size) / extent;
    if (share >= DEFAULTS.settledShare) this.moved = true;
    const ran = performance.now() - this.startedAt;
    this.calm = share < DEFAULTS.settledShare && this.moved && ran > DEFAULTS.minRunMs ? this.calm + 1 : 0;
    const { base, perNode, max } = DEFAULTS.budgetMs;
    const budget = Math.min(max, base + perNode * this.graph.order);
    if (this.calm >= 2 || ran > budget) this.stop('settled');
  }
}
