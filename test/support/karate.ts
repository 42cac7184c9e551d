/** Zachary's karate club (../shared/data/karate) as an AnalyticsGraph: 34 members, 78 friendships. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Graph from 'graphology';
import type { AnalyticsGraph } from '../../server/analytics/graph.js';

const KARATE = resolve(import.meta.dirname, '../../../shared/data/karate');

function readCsv(file: string): string[][] {
  return readFileSync(join(KARATE, file), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(','));
}

export function karate(): AnalyticsGraph {
  const graph: AnalyticsGraph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  for (const [id, label] of readCsv('nodes.csv'))
    graph.addNode(id!, { kind: 'person', label: `Member ${label}`, key: id!, scheme: 'person', props: {} });
  for (const [source, target] of readCsv('edges.csv'))
    graph.addUndirectedEdge(source!, target!, {
      kind: 'associate-of',
      weight: 1,
      count: 0,
      durationS: 0,
      amount: 0,
      firstAt: null,
      lastAt: null,
      props: {},
    });
  return graph;
}
