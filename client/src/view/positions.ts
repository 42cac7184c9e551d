/**
 * Node positions kept per view in the browser's localStorage, so a view opened again is drawn where
 * the analyst left it instead of being laid out anew. Keys are the view (case id or the cross-case
 * view, grouped or not); values are opaque entity ids and coordinates, no names. Very large views are
 * not kept: a few MB of positions would crowd out everything else the origin stores.
 */
import type { CaseGraph } from '../graph-data.js';

export const DEFAULTS = { maxNodes: 20_000, prefix: 'casegraph:positions:v1:' };

type Stored = Record<string, [number, number]>;

export const positionsKey = (scope: string, grouped: boolean) =>
  `${DEFAULTS.prefix}${scope}${grouped ? ':communities' : ''}`;

/** Puts back the kept positions it has; returns how many nodes got one. */
export function restorePositions(graph: CaseGraph, key: string, storage: Storage = localStorage): number {
  let stored: Stored;
  try {
    stored = JSON.parse(storage.getItem(key) ?? '{}') as Stored;
  } catch {
    return 0;
  }
  let restored = 0;
  graph.forEachNode((node) => {
    const p = stored[node];
    if (!Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return;
    graph.mergeNodeAttributes(node, { x: p[0], y: p[1] });
    restored++;
  });
  return restored;
}

export function keepPositions(graph: CaseGraph, key: string, storage: Storage = localStorage): void {
  if (graph.order > DEFAULTS.maxNodes) return;
  const stored: Stored = {};
  graph.forEachNode((node, a) => {
    if (a.x !== undefined && a.y !== undefined)
      stored[node] = [Math.round(a.x * 100) / 100, Math.round(a.y * 100) / 100];
  });
  try {
    storage.setItem(key, JSON.stringify(stored));
  } catch {
    // Storage full or refused (private mode): the view still works, it is laid out again next time.
  }
}

export function snapshotPositions(graph: CaseGraph): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  graph.forEachNode((node, a) => out.set(node, [a.x ?? 0, a.y ?? 0]));
  return out;
}

export function applyPositions(graph: CaseGraph, positions: ReadonlyMap<string, [number, number]>): void {
  for (const [node, [x, y]] of positions) if (graph.hasNode(node)) graph.mergeNodeAttributes(node, { x, y });
}
