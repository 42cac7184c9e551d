import { writeFileSync } from 'node:fs';
import { buildCsr } from '../structure/csr.js';
import { randomGraph } from '../structure/fixtures.js';
import { betweennessCsr } from './betweenness.js';
import { harmonicClosenessCsr } from './closeness.js';
import { pagerankCsr } from './pagerank.js';
import { spearman } from '../structure/fixtures.js';

function time<T>(f: () => T, reps = 1): [T, number] {
  let r!: T;
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) r = f();
  return [r, (performance.now() - t0) / reps];
}
const [n, m, doExact] = process.argv.slice(2).map(Number) as [number, number, number];
const g = randomGraph(n, m, 5);
const edges: string[] = [];
g.forEachEdge((_e, a, s, t) => edges.push(`${s.slice(1)} ${t.slice(1)} ${a.weight}`));
writeFileSync(`/tmp/cbench/g${m}.txt`, edges.join('\n'));
const [csr, tb] = time(() => buildCsr(g), 3);
console.log(`n=${n} m=${m} merged=${csr.size} csr build ${tb.toFixed(1)} ms`);
pagerankCsr(csr);
const [pr, tp] = time(() => pagerankCsr(csr), 10);
console.log(`pagerank ${tp.toFixed(2)} ms, ${pr.iterations} iterations`);
const [bs, ts] = time(() => betweennessCsr(csr, { exactLimit: 0 }));
console.log(`betweenness sampled (${bs.sources}) ${ts.toFixed(0)} ms`);
const [cs, tc] = time(() => harmonicClosenessCsr(csr, { exactLimit: 0 }));
console.log(`closeness sampled (${cs.sources}) ${tc.toFixed(0)} ms`);
if (doExact) {
  const [be, te] = time(() => betweennessCsr(csr, { exactLimit: Infinity }));
  console.log(
    `betweenness exact ${te.toFixed(0)} ms; spearman(sampled, exact) = ${spearman(be.scores, bs.scores).toFixed(4)}`,
  );
  writeFileSync(`/tmp/cbench/bc${m}.txt`, Array.from(be.scores).join('\n'));
  const [, tce] = time(() => harmonicClosenessCsr(csr, { exactLimit: Infinity }));
  console.log(`closeness exact ${tce.toFixed(0)} ms`);
}
