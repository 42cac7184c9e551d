/**
 * `npm run bench`: runs every benchmark under test/bench and prints its figures. Benchmarks are not
 * tests: they measure, on this machine, against a peer measured in the same run.
 */
import { cpus, totalmem } from 'node:os';

const BENCHES: Record<string, () => Promise<void>> = {
  ingest: async () => (await import('./ingest.bench.js')).run(),
  communities: async () => (await import('./communities.bench.js')).run(),
  analytics: async () => (await import('./analytics.bench.js')).run(),
  responsiveness: async () => (await import('./responsiveness.bench.js')).run(),
  client: async () => (await import('./client.bench.js')).run(),
  import: async () => (await import('./import.bench.js')).run(),
  report: async () => (await import('./report.bench.js')).run(),
  resolve: async () => (await import('./resolve.bench.js')).run(),
};

const only = process.argv.slice(2);
const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
for (const [name, bench] of Object.entries(BENCHES)) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n== ${name}`);
  await bench();
}
