/**
 * The view controller: it owns the graph, the sigma renderer, the layout and the history, and turns
 * the view state into what is drawn. Panels never touch sigma or the graph; they call the methods
 * here and hear back through typed events. The loaded graph (`full`) stays as the API sent it; what
 * is drawn (`graph`) is that graph, or its graph of communities when the view is large.
 */
import Sigma from 'sigma';
import { createNodeCompoundProgram, NodeCircleProgram, type EdgeProgramType } from 'sigma/rendering';
import { createNodeImageProgram } from '@sigma/node-image';
import EdgeCurveProgram, { indexParallelEdgesIndex } from '@sigma/edge-curve';
import type { CaseGraph, EdgeAttributes, GraphAttributes, NodeAttributes } from '../graph-data.js';
import { createLabelDrawer } from '../labels.js';
import { LOOK } from '../look.js';
import { layOut, seededRandom } from '../layout.js';
import { computeAppearance, type Appearance } from './appearance.js';
import { buildCommunityGraph, communityNode, DEFAULTS as GROUPING } from './community-graph.js';
import { enableDragging } from './drag.js';
import { Emitter } from './emitter.js';
import { additionStep, removalStep } from './graph-steps.js';
import { History } from './history.js';
import { LayoutRunner, type LayoutStatus } from './layout-runner.js';
import {
  applyPositions,
  keepPositions,
  positionsKey,
  restorePositions,
  snapshotPositions,
} from './positions.js';
import { reduceEdge, reduceNode, type Display } from './reducers.js';
import { DEFAULT_STATE, sameState, type ViewState } from './view-state.js';
import { computeVisible, type Scores } from './visibility.js';

export const DEFAULTS = {
  /** Pictograms are drawn up to this many visible entities; beyond, plain discs keep frames fast. */
  pictogramsUpTo: 5_000,
  /**
   * Beyond that many, discs are drawn smaller and parallel links straight: tens of thousands of
   * full-size discs only cover each other, and every pixel costs a frame on a machine without a GPU.
   */
  largeViewScale: 0.35,
  flyDurationMs: 600,
  /** A fresh view up to this size is given a quick synchronous layout before the worker refines it. */
  quickLayoutUpTo: 2_000,
  /** After an expansion or collapse the layout runs again in views up to this size. */
  relayoutUpTo: 5_000,
};

export interface Counts {
  shownNodes: number;
  shownEdges: number;
  hiddenNodes: number;
  hiddenEdges: number;
}

export type ControllerEvents = {
  state: (state: ViewState) => void;
  /** The drawn graph changed: entities were added or removed, or the view was grouped. */
  graph: () => void;
  counts: (counts: Counts) => void;
  hover: (node: string | null) => void;
  layout: (status: LayoutStatus) => void;
  /** A community node was clicked in the graph of communities. */
  openCommunity: (community: number) => void;
};

type Renderer = Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>;

export class ViewController extends Emitter<ControllerEvents> {
  readonly history = new History();
  readonly sigma: Renderer;
  full: CaseGraph;
  graph: CaseGraph;
  state: ViewState = { ...DEFAULT_STATE };
  scores: Scores = { communityOf: new Map(), centrality: new Map() };
  layoutStatus: LayoutStatus = 'stopped';
  dragEnded = false;
  private layout: LayoutRunner;
  private display: Display;
  private hovered: string | null = null;
  private path: { nodes: Set<string>; edges: Set<string> } | null = null;
  private arrivedPlaced = false;

  constructor(graph: CaseGraph, container: HTMLElement) {
    super();
    this.full = graph;
    this.graph = graph;
    this.display = this.emptyDisplay();
    const labels = createLabelDrawer<NodeAttributes, EdgeAttributes, GraphAttributes>();
    const pictogram = createNodeCompoundProgram<NodeAttributes, EdgeAttributes, GraphAttributes>([
      NodeCircleProgram,
      createNodeImageProgram({
        drawingMode: 'color',
        colorAttribute: 'pictoColor',
        padding: 0.22,
        keepWithinCircle: true,
        size: { mode: 'force', value: 64 },
      }),
    ]);
    this.sigma = new Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>(graph, container, {
      defaultDrawNodeLabel: labels.draw,
      nodeProgramClasses: { pictogram },
      edgeProgramClasses: {
        curved: EdgeCurveProgram as unknown as EdgeProgramType<
          NodeAttributes,
          EdgeAttributes,
          GraphAttributes
        >,
      },
      zIndex: true,
      labelFont: LOOK.font,
      labelSize: 12,
      labelWeight: '500',
      labelColor: { color: LOOK.labelColour },
      labelDensity: 0.5,
      labelGridCellSize: 180,
      labelRenderedSizeThreshold: 9,
      stagePadding: 40,
      minEdgeThickness: 0.8,
      nodeReducer: (node, data) => reduceNode(this.display, node, data),
      edgeReducer: (edge, data) => reduceEdge(this.display, edge, data),
    });
    labels.attach(this.sigma);
    this.layout = this.newLayout();
    enableDragging(this);
    this.sigma.on('enterNode', ({ node }) => this.hover(node));
    this.sigma.on('leaveNode', () => this.hover(null));
    this.sigma.on('clickNode', ({ node, event }) => {
      if (!this.afterDrag()) this.clicked(node, event.original.shiftKey);
    });
    this.sigma.on('clickStage', () => {
      if (!this.afterDrag()) this.select([]);
    });
  }

  // —— loading ——

  /** Shows a newly loaded graph for a view: positions kept for it, or a fresh layout. */
  load(graph: CaseGraph, state: ViewState): void {
    this.layout.kill();
    this.full = graph;
    this.arrivedPlaced = graph.everyNode((_n, a) => a.x !== undefined && a.y !== undefined);
    this.state = { ...state };
    this.path = null;
    this.hovered = null;
    this.history.clear();
    this.scores = { communityOf: new Map(), centrality: new Map() };
    this.rebuild();
  }

  setScores(scores: Partial<Scores>): void {
    this.scores = { ...this.scores, ...scores };
    // Grouping needs the communities: a large view is regrouped when they arrive.
    if (scores.communityOf && this.grouped !== (this.graph !== this.full)) this.rebuild();
    else this.refresh();
  }

  get grouped(): boolean {
    if (this.scores.communityOf.size === 0) return false;
    return this.state.grouped ?? this.full.order > GROUPING.groupAbove;
  }

  private get positionsKey(): string {
    return positionsKey(this.state.scope, this.grouped);
  }

  /** Makes the drawn graph from the loaded one (grouped or not), places it and draws it. */
  private rebuild(): void {
    this.layout.kill();
    const grouped = this.grouped;
    this.graph = grouped
      ? buildCommunityGraph(this.full, this.scores.communityOf, new Set(this.state.opened))
      : this.full;
    // Kept from an earlier visit, or sent laid out: such a view is not laid out again, so it does not jump.
    const restored = restorePositions(this.graph, this.positionsKey);
    const placed = restored === this.graph.order || (this.graph === this.full && this.arrivedPlaced);
    // A large view waits for its communities before any layout: it will be drawn grouped.
    const awaitingGroups = !grouped && this.state.grouped !== false && this.full.order > GROUPING.groupAbove;
    this.placeNew();
    this.indexParallelLinks();
    for (const node of this.state.pinned)
      if (this.graph.hasNode(node)) this.graph.setNodeAttribute(node, 'fixed', true);
    this.display = this.computeDisplay();
    this.layout = this.newLayout();
    // Drawing order by zIndex (lit above dimmed) means sorting every frame's items: worth it while
    // hover and paths are readable, not for a view of tens of thousands. Set before the graph, while
    // sigma still holds the previous one, as a change of setting re-indexes what it holds.
    if (this.sigma.getSetting('zIndex') !== this.display.pictograms)
      this.sigma.setSetting('zIndex', this.display.pictograms);
    // sigma indexes a graph it is given at once: a second refresh would do the work twice.
    if (this.sigma.getGraph() !== this.graph) this.sigma.setGraph(this.graph);
    else this.sigma.refresh();
    this.announce();
    this.emit('graph');
    if (placed) this.setLayoutStatus('settled');
    else if (!awaitingGroups) this.layout.start();
    else {
      // Not kept: these are placeholder places until the communities arrive.
      this.layoutStatus = 'stopped';
      this.emit('layout', 'stopped');
    }
  }

  /** Numbers the links of each pair so they can be drawn as distinct curves (small views only draw curves). */
  private indexParallelLinks(): void {
    if (this.graph.order > DEFAULTS.pictogramsUpTo) return;
    indexParallelEdgesIndex(this.graph as never, {
      edgeIndexAttribute: 'parallelIndex',
      edgeMaxIndexAttribute: 'parallelMaxIndex',
    });
  }

  /**
   * Nodes without a position start at a seeded random spot near their placed neighbours. A view with
   * no positions at all, small enough, starts from a short deterministic ForceAtlas2 run (layout.ts)
   * instead: its rings are apart from the first frame, and the worker only refines them.
   */
  private placeNew(): void {
    if (this.graph.order <= DEFAULTS.quickLayoutUpTo && this.graph.everyNode((_n, a) => a.x === undefined)) {
      layOut(this.graph);
      return;
    }
    const random = seededRandom(0x5eed + this.graph.order);
    let spread = 100;
    this.graph.forEachNode((_n, a) => {
      if (a.x !== undefined) spread = Math.max(spread, Math.abs(a.x), Math.abs(a.y ?? 0));
    });
    this.graph.forEachNode((node, a) => {
      if (a.x !== undefined && a.y !== undefined) return;
      const placed = this.graph
        .neighbors(node)
        .find((m) => this.graph.getNodeAttribute(m, 'x') !== undefined);
      const near = placed ? this.graph.getNodeAttributes(placed) : null;
      const r = near ? spread * 0.05 : spread;
      this.graph.mergeNodeAttributes(node, {
        x: (near?.x ?? 0) + (random() * 2 - 1) * r,
        y: (near?.y ?? 0) + (random() * 2 - 1) * r,
      });
    });
  }

  // —— state ——

  /** Changes the view; with a label it becomes a step that undo can take back. */
  update(patch: Partial<ViewState>, label?: string): void {
    const before = this.state;
    const after = { ...before, ...patch };
    if (sameState(before, after)) return;
    this.setState(after);
    if (label)
      this.history.push({ label, undo: () => this.setState(before), redo: () => this.setState(after) });
  }

  private setState(next: ViewState): void {
    // A lit tie belongs to its two ends: another selection puts it out.
    if (next.selection.join() !== this.state.selection.join()) {
      this.path = null;
      if (next.tie && next.selection.length !== 2) next = { ...next, tie: false };
    }
    const regroup =
      next.grouped !== this.state.grouped ||
      JSON.stringify(next.opened) !== JSON.stringify(this.state.opened);
    const pins = new Set(next.pinned);
    for (const node of new Set([...this.state.pinned, ...next.pinned]))
      if (this.graph.hasNode(node)) this.graph.setNodeAttribute(node, 'fixed', pins.has(node));
    this.state = next;
    if (regroup) this.rebuild();
    else this.refresh();
  }

  /** Works out visibility and looks again and redraws; tells the panels. */
  refresh(): void {
    this.display = this.computeDisplay();
    this.sigma.refresh();
    this.announce();
  }

  private announce(): void {
    const { visible } = this.display;
    this.emit('state', this.state);
    this.emit('counts', {
      shownNodes: visible.nodes.size,
      shownEdges: visible.edges.size,
      hiddenNodes: this.graph.order - visible.nodes.size,
      hiddenEdges: this.graph.size - visible.edges.size,
    });
  }

  private computeDisplay(): Display {
    const visible = computeVisible(this.graph, this.state, this.scores);
    const detailed = visible.nodes.size <= DEFAULTS.pictogramsUpTo;
    const look: Appearance = computeAppearance(
      this.graph,
      this.state.colourBy,
      this.scores,
      detailed ? 1 : DEFAULTS.largeViewScale,
    );
    return {
      graph: this.graph,
      visible,
      look,
      pictograms: detailed,
      curves: detailed,
      focus: this.focus(),
      selected: new Set(this.state.selection),
      pinned: new Set(this.state.pinned),
    };
  }

  get appearance(): Appearance {
    return this.display.look;
  }

  get visible(): Display['visible'] {
    return this.display.visible;
  }

  private focus(): Display['focus'] {
    if (this.hovered && this.graph.hasNode(this.hovered)) {
      const nodes = new Set([this.hovered, ...this.graph.neighbors(this.hovered)]);
      return { nodes, edges: new Set(this.graph.edges(this.hovered)) };
    }
    if (this.path) return this.path;
    return null;
  }

  private emptyDisplay(): Display {
    return {
      graph: this.graph,
      visible: { nodes: new Set(), edges: new Set() },
      look: { colour: new Map(), dimmed: new Map(), size: new Map(), communities: new Map(), edgeScale: 1 },
      pictograms: true,
      curves: true,
      focus: null,
      selected: new Set(),
      pinned: new Set(),
    };
  }

  // —— pointing ——

  hover(node: string | null): void {
    this.hovered = node;
    this.display = { ...this.display, focus: this.focus() };
    this.sigma.refresh({ skipIndexation: true });
    this.emit('hover', node);
  }

  private afterDrag(): boolean {
    const was = this.dragEnded;
    this.dragEnded = false;
    return was;
  }

  private clicked(node: string, adding: boolean): void {
    const community = this.graph.getNodeAttribute(node, 'community');
    if (community !== undefined) {
      this.emit('openCommunity', community);
      return;
    }
    const current = this.state.selection;
    if (adding && current.length && !current.includes(node)) this.select([current[0]!, node]);
    else this.select([node]);
  }

  select(nodes: string[]): void {
    this.path = null;
    this.update({ selection: nodes.slice(0, 2), tie: false });
  }

  /**
   * Lights these entities and links and dims the rest: the path that ties the two selected entities,
   * which the address then records, so a colleague opening it sees the same path lit.
   */
  highlight(nodes: Iterable<string>, edges: Iterable<string>): void {
    this.path = { nodes: new Set(nodes), edges: new Set(edges) };
    if (this.state.tie) this.refresh();
    else this.update({ tie: true });
  }

  clearHighlight(): void {
    this.path = null;
    if (this.state.tie) this.update({ tie: false });
    else this.refresh();
  }

  get highlighted(): { nodes: string[]; edges: string[] } | null {
    return this.path ? { nodes: [...this.path.nodes], edges: [...this.path.edges] } : null;
  }

  // —— camera ——

  /** Moves the camera to an entity (or the middle of several) and zooms in on it. */
  flyTo(nodes: string[], ratio?: number): Promise<void> {
    const points = nodes
      .map((n) => this.sigma.getNodeDisplayData(n))
      .filter((p): p is NonNullable<typeof p> => !!p);
    if (!points.length) return Promise.resolve();
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    return this.sigma.getCamera().animate(
      {
        x: (Math.max(...xs) + Math.min(...xs)) / 2,
        y: (Math.max(...ys) + Math.min(...ys)) / 2,
        ratio: ratio ?? Math.min(1, Math.max(0.15, span * 1.4)),
      },
      { duration: DEFAULTS.flyDurationMs },
    );
  }

  resetCamera(): Promise<void> {
    return this.sigma.getCamera().animatedReset({ duration: DEFAULTS.flyDurationMs });
  }

  /** Where each drawn entity sits on screen, in CSS pixels from the container's top-left corner. */
  viewportPositions(): { id: string; x: number; y: number; size: number }[] {
    return this.graph
      .filterNodes((n) => this.display.visible.nodes.has(n))
      .map((id) => {
        const a = this.graph.getNodeAttributes(id);
        const p = this.sigma.graphToViewport({ x: a.x ?? 0, y: a.y ?? 0 });
        return { id, x: p.x, y: p.y, size: this.sigma.getNodeDisplayData(id)?.size ?? 0 };
      });
  }

  // —— layout ——

  startLayout(): void {
    const before = snapshotPositions(this.graph);
    const stop = this.on('layout', (status) => {
      if (status === 'running') return;
      stop();
      const after = snapshotPositions(this.graph);
      const graph = this.graph;
      this.history.push({
        label: 'layout',
        undo: () => this.placeAt(graph, before),
        redo: () => this.placeAt(graph, after),
      });
    });
    this.layout.start();
  }

  /** A node dragged from one place to another, pinned there: one step undo takes back. */
  moveStep(node: string, from: [number, number], to: [number, number], wasPinned: boolean): void {
    const graph = this.graph;
    const place = (p: [number, number], pinned: boolean) => {
      if (!graph.hasNode(node)) return;
      graph.mergeNodeAttributes(node, { x: p[0], y: p[1] });
      const pins = this.state.pinned.filter((n) => n !== node);
      this.setState({ ...this.state, pinned: pinned ? [...pins, node] : pins });
      keepPositions(graph, this.positionsKey);
    };
    place(to, true);
    this.history.push({ label: 'move', undo: () => place(from, wasPinned), redo: () => place(to, true) });
  }

  stopLayout(): void {
    this.layout.stop();
  }

  private placeAt(graph: CaseGraph, positions: Map<string, [number, number]>): void {
    this.layout.stop();
    applyPositions(graph, positions);
    keepPositions(graph, this.positionsKey);
    this.sigma.refresh();
  }

  private newLayout(): LayoutRunner {
    return new LayoutRunner(
      this.graph,
      () => {
        const { width, height } = this.sigma.getDimensions();
        const a = this.sigma.viewportToGraph({ x: 0, y: 0 });
        const b = this.sigma.viewportToGraph({ x: width, y: height });
        return Math.abs(b.x - a.x) / Math.max(1, width);
      },
      (node) => this.display.look.size.get(node) ?? LOOK.node.min,
      (status) => this.setLayoutStatus(status),
    );
  }

  private setLayoutStatus(status: LayoutStatus): void {
    this.layoutStatus = status;
    if (status !== 'running') keepPositions(this.graph, this.positionsKey);
    this.emit('layout', status);
  }

  // —— changing what is loaded ——

  /** Adds entities and links (an expansion, a path's missing links) as one step undo removes. */
  addStep(
    label: string,
    add: () => { nodes: string[]; edges: string[] },
  ): { nodes: string[]; edges: string[] } {
    const { added, step } = additionStep(this.full, label, add, () => this.changed());
    if (step) {
      this.changed();
      this.history.push(step);
    }
    return added;
  }

  /** Removes entities from what is loaded (a collapse) as one step undo puts back. */
  removeStep(label: string, nodes: string[]): void {
    const step = removalStep(this.full, label, nodes, () => this.changed());
    if (step) this.history.push(step);
  }

  /** After entities were added or removed: place the new ones, index parallel links, redraw. */
  private changed(): void {
    if (this.graph !== this.full) {
      this.rebuild();
      return;
    }
    this.placeNew();
    this.indexParallelLinks();
    this.refresh();
    this.emit('graph');
    keepPositions(this.graph, this.positionsKey);
    // New entities start beside a neighbour; a short run of the layout settles them in. Not a step of
    // its own: undoing an expansion should take one undo, not two.
    if (this.graph.order <= DEFAULTS.relayoutUpTo) this.layout.start();
  }

  communityNodeOf(community: number): string {
    return communityNode(community);
  }

  kill(): void {
    this.layout.kill();
    this.sigma.kill();
  }
}
