/**
 * Connected components of the undirected graph under an AnalyticsGraph (edge directions ignored), by
 * breadth-first search on the CSR view (Hopcroft & Tarjan, "Efficient algorithms for graph
 * manipulation", CACM 16(6), 1973). Components are numbered by size, largest first (ties: the one whose
 * first node comes first in the graph), so a tiny isolated pair shows as its own small component.
 */
import type { AnalyticsGraph } from '../graph.js';
import { csrOf, type Csr } from './csr.js';
import { withDefaults } from './defaults.js';

export interface Component {
  /** Position in the size order: 0 is the largest. */
  index: number;
  size: number;
  nodes: string[];
}

export interface Components {
  components: Component[];
  componentOf: Record<string, number>;
}

export const DEFAULTS = {
  /** Components smaller than this are left out of `components` (they keep their index in componentOf). */
  minSize: 1,
};

/** Component label of each node (numbered in discovery order) and the number of components. */
export function componentLabels(csr: Csr): { labels: Int32Array; count: number } {
  const { order: n, offsets, neighbours } = csr;
  const labels = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let count = 0;
  for (let r = 0; r < n; r++) {
    if (labels[r] !== -1) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = r;
    labels[r] = count;
    while (head < tail) {
      const v = queue[head++]!;
      const end = offsets[v + 1]!;
      for (let j = offsets[v]!; j < end; j++) {
        const w = neighbours[j]!;
        if (labels[w] === -1) {
          labels[w] = count;
          queue[tail++] = w;
        }
      }
    }
    count++;
  }
  return { labels, count };
}

export function connectedComponents(
  graph: AnalyticsGraph,
  options: Partial<typeof DEFAULTS> = {},
): Components {
  const { minSize } = withDefaults(DEFAULTS, options);
  const csr = csrOf(graph);
  const { labels, count } = componentLabels(csr);
  const sizes = new Int32Array(count);
  for (let i = 0; i < csr.order; i++) sizes[labels[i]!]!++;
  // Discovery order already breaks ties by first node; a stable sort by size keeps it.
  const byRank = Array.from({ length: count }, (_, c) => c).sort((a, b) => sizes[b]! - sizes[a]!);
  const rankOf = new Int32Array(count);
  byRank.forEach((c, rank) => (rankOf[c] = rank));
  const components: Component[] = byRank.map((c, rank) => ({ index: rank, size: sizes[c]!, nodes: [] }));
  const componentOf: Record<string, number> = {};
  for (let i = 0; i < csr.order; i++) {
    const rank = rankOf[labels[i]!]!;
    componentOf[csr.ids[i]!] = rank;
    components[rank]!.nodes.push(csr.ids[i]!);
  }
  return { components: components.filter((c) => c.size >= minSize), componentOf };
}
