import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { brokerRows, keyPlayers, LISTED } from './case-players.js';

describe("a case's key players and brokers", () => {
  it('ranks entities of the network, never the case record or its documents', () => {
    const top = [
      { id: 'case:1', label: 'MH/Pune City/Budhwar Peth PS/0026/2026', kind: 'case', score: 0.3 },
      { id: 'phone:1', label: '+91 70972 29795', kind: 'phone', score: 0.077 },
      { id: 'document:1', label: 'fir.pdf', kind: 'document', score: 0.07 },
      ...['a', 'b', 'c', 'd', 'e'].map((x, i) => ({
        id: `person:${x}`,
        label: x,
        kind: 'person',
        score: 0.05 - i / 100,
      })),
    ];
    const rows = keyPlayers({ metric: 'pagerank', top });
    expect(rows.map((r) => r.id)).toEqual(['phone:1', 'person:a', 'person:b', 'person:c', 'person:d']);
    expect(rows).toHaveLength(LISTED);
    expect(rows[0]!.why).toBe('Phone · PageRank 0.077');
  });

  it('calls no protected person a broker, however many groups their ties reach', () => {
    const g = new Graph();
    g.addNode('person:v', {
      kind: 'person',
      label: 'Victim V-0007',
      props: { protected: true, pseudonym: 'V-0007' },
    });
    g.addNode('person:m', { kind: 'person', label: 'Ixazel Mozmox', props: {} });
    const brokers = [
      { id: 'person:v', label: 'Victim V-0007', community: 1, span: 4 },
      { id: 'person:m', label: 'Ixazel Mozmox', community: 2, span: 3 },
      // Not in the network on show: kept, as nothing says it is protected.
      { id: 'person:x', label: 'Kwayat Fenqlax', community: 3, span: 2 },
    ];
    expect(brokerRows(g, brokers).map((r) => [r.id, r.why])).toEqual([
      ['person:m', 'ties 3 groups of the case'],
      ['person:x', 'ties 2 groups of the case'],
    ]);
  });
});
