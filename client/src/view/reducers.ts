/**
 * sigma's nodeReducer and edgeReducer for the view: the data stays as loaded, and what is shown —
 * filters, encodings, pictograms, hover, selection, a highlighted path — reaches the screen here.
 * Every decision was made beforehand (visibility.ts, appearance.ts); a reducer only looks up, so a
 * frame of a large view costs little more than sigma's own.
 */
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { CaseGraph, EdgeAttributes, NodeAttributes } from '../graph-data.js';
import { edgeSize, LOOK } from '../look.js';
import type { Appearance } from './appearance.js';
import { pictogramOf } from './pictograms.js';
import type { Visible } from './visibility.js';

/** What the reducers read: replaced as a whole when something changes. */
export interface Display {
  graph: CaseGraph;
  visible: Visible;
  look: Appearance;
  /** Pictograms cost a texture lookup per node: drawn up to this many visible nodes. */
  pictograms: boolean;
  /** Parallel links drawn curved (else straight, one over the other): the curve program costs more. */
  curves: boolean;
  /** Hover, path or isolated community: these are lit and the rest dimmed. */
  focus: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> | null } | null;
  selected: ReadonlySet<string>;
  pinned: ReadonlySet<string>;
}

export type NodeShown = Partial<NodeDisplayData> & { image?: string; pictoColor?: string };

export function reduceNode(d: Display, node: string, data: NodeAttributes): NodeShown {
  if (!d.visible.nodes.has(node)) return { x: data.x, y: data.y, hidden: true };
  const image = d.pictograms ? pictogramOf(data.kind) : undefined;
  const shown: NodeShown = {
    x: data.x,
    y: data.y,
    label: d.pinned.has(node) ? `${data.label} · pinned` : data.label,
    size: d.look.size.get(node) ?? LOOK.node.min,
    color: d.look.colour.get(node) ?? '#999',
    type: image ? 'pictogram' : 'circle',
    ...(image ? { image, pictoColor: '#ffffff' } : {}),
  };
  if (d.selected.has(node)) return { ...shown, highlighted: true, forceLabel: true, zIndex: 3 };
  if (!d.focus) return shown;
  if (d.focus.nodes.has(node)) return { ...shown, forceLabel: true, zIndex: 2 };
  return { ...shown, color: d.look.dimmed.get(node), label: null, zIndex: 0 };
}

export function reduceEdge(d: Display, edge: string, data: EdgeAttributes): Partial<EdgeDisplayData> {
  if (!d.visible.edges.has(edge)) return { hidden: true };
  const curved = d.curves && typeof data.parallelIndex === 'number';
  const shown: Partial<EdgeDisplayData> & { curvature?: number } = {
    size: edgeSize(data.weight) * d.look.edgeScale,
    color: LOOK.edgeColour,
    type: curved ? 'curved' : 'line',
    ...(curved
      ? { curvature: 0.25 + (0.5 * (data.parallelIndex ?? 0)) / Math.max(1, data.parallelMaxIndex ?? 1) }
      : {}),
  };
  if (!d.focus) return shown;
  const lit = d.focus.edges
    ? d.focus.edges.has(edge)
    : d.focus.nodes.has(d.graph.source(edge)) && d.focus.nodes.has(d.graph.target(edge));
  if (lit)
    return {
      ...shown,
      size: Math.max(1.5, edgeSize(data.weight) * 1.4),
      color: LOOK.edgeHighlight,
      zIndex: 1,
    };
  return { ...shown, color: LOOK.edgeDimmed, zIndex: 0 };
}
