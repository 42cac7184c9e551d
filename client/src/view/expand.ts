/**
 * Expanding an entity: its neighbours from the server (one hop, the same access rules as every
 * read), of one kind or all, strongest links first, up to a limit — added as one undoable step. The
 * controller remembers who brought whom in, so collapsing an entity takes away what its expansions
 * added (and what was expanded from those), never what the view was opened with.
 */
import { fetchGraph } from '../api.js';
import { mergeInto } from '../graph-data.js';
import type { ViewController } from './controller.js';

export const DEFAULTS = { limit: 25, fetchLimit: 2_000 };

const broughtBy = new WeakMap<ViewController, Map<string, string>>();

function origins(view: ViewController): Map<string, string> {
  let m = broughtBy.get(view);
  if (!m) broughtBy.set(view, (m = new Map()));
  return m;
}

/** Adds up to `limit` neighbours of `node` (of `kind`, or any) not yet shown; says how many came. */
export async function expand(
  view: ViewController,
  node: string,
  kind: string | null,
  limit = DEFAULTS.limit,
): Promise<number> {
  const data = await fetchGraph({ around: node, hops: '1', limit: String(DEFAULTS.fetchLimit) });
  const weight = new Map<string, number>();
  for (const e of data.edges) {
    const other = e.source === node ? e.target : e.target === node ? e.source : null;
    if (other) weight.set(other, (weight.get(other) ?? 0) + e.attributes.weight);
  }
  const candidates = data.nodes
    .filter((n) => n.key !== node && weight.has(n.key) && !view.full.hasNode(n.key))
    .filter((n) => kind === null || n.attributes.kind === kind)
    .sort((a, b) => weight.get(b.key)! - weight.get(a.key)! || a.key.localeCompare(b.key))
    .slice(0, limit);
  const chosen = new Set(candidates.map((n) => n.key));
  const added = view.addStep(`expand ${kind ?? 'neighbours'}`, () =>
    mergeInto(view.full, data, (key) => chosen.has(key)),
  );
  const from = origins(view);
  for (const n of added.nodes) from.set(n, node);
  return added.nodes.length;
}

/** Takes away what expanding `node` brought in, and what was expanded from that in turn. */
export function collapse(view: ViewController, node: string): number {
  const from = origins(view);
  const gone = new Set<string>();
  let frontier = [node];
  while (frontier.length) {
    const next: string[] = [];
    for (const [child, parent] of from)
      if (frontier.includes(parent) && !gone.has(child) && child !== node) {
        gone.add(child);
        next.push(child);
      }
    frontier = next;
  }
  view.removeStep('collapse', [...gone]);
  return gone.size;
}

/** Whether anything was expanded from this entity (so collapse has something to take away). */
export function hasExpanded(view: ViewController, node: string): boolean {
  for (const [child, parent] of origins(view)) if (parent === node && view.full.hasNode(child)) return true;
  return false;
}
