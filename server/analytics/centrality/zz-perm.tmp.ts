import { buildCsr, type Csr } from '../structure/csr.js';
import { randomGraph } from '../structure/fixtures.js';
import { betweennessCsr } from './betweenness.js';

function permuteBfs(csr: Csr): Csr {
  const n = csr.order;
  const newOf = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  let t = 0;
  for (let r = 0; r < n; r++) {
    if (newOf[r] !== -1) continue;
    let h = t;
    newOf[r] = t;
    order[t++] = r;
    while (h < t) {
      const v = order[h++]!;
      for (let j = csr.offsets[v]!; j < csr.offsets[v + 1]!; j++) {
        const w = csr.neighbours[j]!;
        if (newOf[w] === -1) {
          newOf[w] = t;
          order[t++] = w;
        }
      }
    }
  }
  const offsets = new Int32Array(n + 1);
  const nb = new Int32Array(csr.neighbours.length);
  const ws = new Float64Array(csr.neighbours.length);
  let p = 0;
  for (let i = 0; i < n; i++) {
    const v = order[i]!;
    for (let j = csr.offsets[v]!; j < csr.offsets[v + 1]!; j++) {
      nb[p] = newOf[csr.neighbours[j]!]!;
      ws[p++] = csr.weights[j]!;
    }
    offsets[i + 1] = p;
  }
  return { ...csr, offsets, neighbours: nb, weights: ws };
}
const [n, m] = process.argv.slice(2).map(Number) as [number, number];
const csr = buildCsr(randomGraph(n, m, 5));
const p = permuteBfs(csr);
for (const [name, c] of [
  ['plain', csr],
  ['bfs', p],
  ['plain', csr],
  ['bfs', p],
] as const) {
  const t0 = performance.now();
  betweennessCsr(c, { exactLimit: 0, samples: 200 });
  console.log(name, (performance.now() - t0).toFixed(0), 'ms');
}
