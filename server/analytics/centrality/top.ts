/**
 * The k best of n scores, best first (ties: lower index first), in O(n log k) with a bounded binary
 * heap of indices (Williams, "Algorithm 232: Heapsort", CACM 7(6), 1964) — a full sort of 100,000
 * scores to show ten would cost more than the PageRank that made them.
 */

/** Indices of the k highest values among those `keep` accepts, best first. */
export function topIndices(
  values: Float64Array,
  k: number,
  keep: ((i: number) => boolean) | null = null,
): Int32Array {
  const n = values.length;
  const heap = new Int32Array(Math.max(0, Math.min(k, n)));
  let size = 0;
  // "a is worse than b": lower value, or equal value and later index. The root is the worst kept.
  const worse = (a: number, b: number) => values[a]! < values[b]! || (values[a] === values[b] && a > b);
  const down = (from: number) => {
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) return;
      const r = l + 1;
      const c = r < size && worse(heap[r]!, heap[l]!) ? r : l;
      if (!worse(heap[c]!, heap[i]!)) return;
      const t = heap[i]!;
      heap[i] = heap[c]!;
      heap[c] = t;
      i = c;
    }
  };
  for (let i = 0; i < n; i++) {
    if (keep && !keep(i)) continue;
    if (size < heap.length) {
      let j = size++;
      heap[j] = i;
      while (j > 0) {
        const p = (j - 1) >> 1;
        if (!worse(heap[j]!, heap[p]!)) break;
        const t = heap[j]!;
        heap[j] = heap[p]!;
        heap[p] = t;
        j = p;
      }
    } else if (size > 0 && worse(heap[0]!, i)) {
      heap[0] = i;
      down(0);
    }
  }
  // Pop the worst repeatedly into the back: best first.
  const out = new Int32Array(size);
  for (let j = size - 1; j >= 0; j--) {
    out[j] = heap[0]!;
    heap[0] = heap[--size]!;
    down(0);
  }
  return out;
}
