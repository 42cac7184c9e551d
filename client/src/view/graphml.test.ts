import { describe, expect, it } from 'vitest';
import { toGraphml } from './graphml.js';

describe('toGraphml', () => {
  it('writes typed keys, nodes and links, with markup in labels escaped', () => {
    const xml = toGraphml(
      [
        {
          id: 'person:1',
          kind: 'person',
          label: 'A <b> & "c"',
          community: 2,
          x: 1,
          y: 2,
          size: 5,
          colour: '#ffffff',
        },
      ],
      [
        {
          id: 'link:1',
          source: 'person:1',
          target: 'person:1',
          directed: true,
          kind: 'associate-of',
          weight: 1,
          firstAt: null,
          lastAt: null,
        },
      ],
    );
    expect(xml).toContain('<key id="d1" for="node" attr.name="label" attr.type="string"/>');
    expect(xml).toContain('<data key="d1">A &lt;b&gt; &amp; &quot;c&quot;</data>');
    expect(xml).toContain('<edge id="link:1" source="person:1" target="person:1" directed="true">');
    expect(xml).not.toContain('key="e2"');
  });
});
