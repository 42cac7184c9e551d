/**
 * The view controller: it owns the graphology graph and the Sigma renderer. The data stays as the API
 * sent it (plus layout positions); size, colour and the hover highlight reach the screen through sigma's
 * nodeReducer / edgeReducer. Panels hear about hover through a typed event, never by reaching into sigma.
 */
import Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { CaseGraph, EdgeAttributes, GraphAttributes, NodeAttributes } from './graph-data.js';
import { fade, kindStyle } from './kinds.js';
import { createLabelDrawer } from './labels.js';
import { layOut } from './layout.js';
import { edgeSize, LOOK, nodeSize } from './look.js';

export interface HoverInfo {
  node: string;
  kind: string;
  label: string;
  /** Links touching the entity (each kind of link between a pair counts once). */
  links: number;
  neighbours: number;
}

export interface GraphViewEvents {
  hover: (info: HoverInfo | null) => void;
}

interface Look {
  size: number;
  colour: string;
  dimmed: string;
}

export class GraphView {
  readonly sigma: Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>;
  private readonly looks = new Map<string, Look>();
  private hovered: { node: string; neighbours: Set<string> } | null = null;
  private readonly listeners: { [E in keyof GraphViewEvents]: Set<GraphViewEvents[E]> } = {
    hover: new Set(),
  };

  constructor(
    readonly graph: CaseGraph,
    container: HTMLElement,
  ) {
    layOut(graph);
    graph.forEachNode((node, attributes) => {
      const colour = kindStyle(attributes.kind).colour;
      this.looks.set(node, {
        size: nodeSize(graph.neighbors(node).length),
        colour,
        dimmed: fade(colour, LOOK.dimAmount),
      });
    });
    const labels = createLabelDrawer<NodeAttributes, EdgeAttributes, GraphAttributes>();
    this.sigma = new Sigma(graph, container, {
      defaultDrawNodeLabel: labels.draw,
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
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
    });
    labels.attach(this.sigma);
    this.sigma.on('enterNode', ({ node }) => this.hover(node));
    this.sigma.on('leaveNode', () => this.hover(null));
  }

  on<E extends keyof GraphViewEvents>(event: E, listener: GraphViewEvents[E]): () => void {
    this.listeners[event].add(listener);
    return () => this.listeners[event].delete(listener);
  }

  /** Highlights a node's neighbourhood (null clears it); the mouse does this, and so may a panel. */
  hover(node: string | null): void {
    this.hovered = node === null ? null : { node, neighbours: new Set(this.graph.neighbors(node)) };
    this.sigma.refresh({ skipIndexation: true });
    const info = node === null ? null : this.describe(node);
    for (const listener of this.listeners.hover) listener(info);
  }

  /** Where each entity sits on screen, in CSS pixels from the container's top-left corner. */
  viewportPositions(): { id: string; x: number; y: number; size: number }[] {
    return this.graph.mapNodes((id, attributes) => {
      const point = this.sigma.graphToViewport({ x: attributes.x ?? 0, y: attributes.y ?? 0 });
      return { id, x: point.x, y: point.y, size: this.sigma.getNodeDisplayData(id)?.size ?? 0 };
    });
  }

  kill(): void {
    this.sigma.kill();
    for (const set of Object.values(this.listeners)) set.clear();
  }

  private describe(node: string): HoverInfo {
    const attributes = this.graph.getNodeAttributes(node);
    return {
      node,
      kind: attributes.kind,
      label: attributes.label,
      links: this.graph.degree(node),
      neighbours: this.hovered?.neighbours.size ?? this.graph.neighbors(node).length,
    };
  }

  private reduceNode(node: string, data: NodeAttributes): Partial<NodeDisplayData> {
    const look = this.looks.get(node);
    const shown: Partial<NodeDisplayData> = {
      x: data.x,
      y: data.y,
      label: data.label,
      size: look?.size,
      color: look?.colour,
    };
    const hovered = this.hovered;
    if (!hovered) return shown;
    if (node === hovered.node) return { ...shown, highlighted: true, zIndex: 2 };
    if (hovered.neighbours.has(node)) return { ...shown, forceLabel: true, zIndex: 1 };
    return { ...shown, color: look?.dimmed, label: null, zIndex: 0 };
  }

  private reduceEdge(edge: string, data: EdgeAttributes): Partial<EdgeDisplayData> {
    const shown: Partial<EdgeDisplayData> = { size: edgeSize(data.weight), color: LOOK.edgeColour };
    const hovered = this.hovered;
    if (!hovered) return shown;
    if (this.graph.hasExtremity(edge, hovered.node))
      return { size: Math.max(1.2, edgeSize(data.weight)), color: LOOK.edgeHighlight, zIndex: 1 };
    return { ...shown, color: LOOK.edgeDimmed, zIndex: 0 };
  }
}
