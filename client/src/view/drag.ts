/**
 * Dragging an entity moves it and pins it there (ForceAtlas2 then leaves it alone), as one step undo
 * takes back. While a node is dragged the camera stays still: sigma would otherwise pan with the mouse.
 */
import type Sigma from 'sigma';
import type { CaseGraph, EdgeAttributes, GraphAttributes, NodeAttributes } from '../graph-data.js';

/** What dragging needs of the controller (named here so the controller can import this file). */
export interface Draggable {
  readonly sigma: Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>;
  readonly graph: CaseGraph;
  readonly state: { pinned: string[] };
  moveStep(node: string, from: [number, number], to: [number, number], wasPinned: boolean): void;
  /** Set when a drag ends: the click sigma reports at its end is not a click on whatever lies there. */
  dragEnded: boolean;
}

export function enableDragging(view: Draggable): void {
  const { sigma } = view;
  let dragged: { node: string; from: [number, number]; wasPinned: boolean } | null = null;
  sigma.on('downNode', ({ node }) => {
    if (view.graph.getNodeAttribute(node, 'community') !== undefined) return;
    const a = view.graph.getNodeAttributes(node);
    dragged = { node, from: [a.x ?? 0, a.y ?? 0], wasPinned: view.state.pinned.includes(node) };
    if (!sigma.getCustomBBox()) sigma.setCustomBBox(sigma.getBBox());
  });
  sigma.on('moveBody', ({ event }) => {
    if (!dragged) return;
    const p = sigma.viewportToGraph(event);
    view.graph.mergeNodeAttributes(dragged.node, { x: p.x, y: p.y, fixed: true });
    event.preventSigmaDefault();
    event.original.preventDefault();
    event.original.stopPropagation();
  });
  const drop = () => {
    if (!dragged) return;
    const { node, from, wasPinned } = dragged;
    dragged = null;
    const a = view.graph.getNodeAttributes(node);
    const to: [number, number] = [a.x ?? 0, a.y ?? 0];
    if (Math.hypot(to[0] - from[0], to[1] - from[1]) < 1e-9) return;
    view.dragEnded = true;
    view.moveStep(node, from, to, wasPinned);
  };
  sigma.on('upNode', drop);
  sigma.on('upStage', drop);
}
