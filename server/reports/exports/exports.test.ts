import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { toAnx } from './anx.js';
import { toCsv } from './csv.js';
import { toGexf } from './gexf.js';
import { toGraphml } from './graphml.js';
import type { ExportModel } from './model.js';

const model: ExportModel = {
  caseId: 'case:000000000000000000000001',
  caseLabel: 'MH/Test <&> PS/0001/2026',
  graphVersion: 3,
  nodes: [
    {
      id: 'person:a',
      label: 'A "quoted" <name> & co',
      kind: 'person',
      key: 'K1',
      scheme: 'person',
      roles: 'accused',
      protected: false,
    },
    {
      id: 'phone:b',
      label: '=HYPERLINK("x")',
      kind: 'phone',
      key: '+91 98200 00000',
      scheme: 'phone',
      roles: '',
      protected: false,
    },
  ],
  edges: [
    {
      id: 'link:1',
      source: 'person:a',
      target: 'phone:b',
      directed: true,
      kind: 'uses',
      role: '',
      count: 0,
      durationS: 0,
      amount: 0,
      firstAt: '',
      lastAt: '',
      evidence: 'cdr, "one".csv (sha256 ab) row 2',
    },
  ],
};

describe('exports', () => {
  it('GEXF escapes markup and reads back with its attributes', () => {
    const g = parseGexf(Graph, toGexf(model));
    expect(g.getNodeAttribute('person:a', 'label')).toBe('A "quoted" <name> & co');
    expect(g.getEdgeAttribute('link:1', 'evidence')).toBe('cdr, "one".csv (sha256 ab) row 2');
  });

  it('GraphML and ANX are well-formed for the same awkward text', () => {
    for (const xml of [toGraphml(model), toAnx(model)]) {
      expect(xml).not.toMatch(/<name>|& co/);
      expect(xml).toContain('A &quot;quoted&quot; &lt;name&gt; &amp; co');
    }
  });

  it('CSV quotes what needs quoting and defuses formulas', () => {
    const csv = toCsv(model);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"cdr, ""one"".csv (sha256 ab) row 2"');
  });
});
