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

  it("lists the server's brokers in its order, the first few, each with the groups it ties", () => {
    // The server leaves victims and minors out (brokers.ts); the panel shows what it is given.
    const brokers = [4, 3, 3, 2, 2, 2].map((span, i) => ({
      id: `person:${i}`,
      label: `P${i}`,
      community: i,
      span,
    }));
    const rows = brokerRows(brokers);
    expect(rows).toHaveLength(LISTED);
    expect(rows.map((r) => [r.id, r.why])).toEqual(
      brokers.slice(0, LISTED).map((b) => [b.id, `ties ${b.span} groups of the case`]),
    );
  });
});
