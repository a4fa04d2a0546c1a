// The GraphML writer, read back by an independent parser (graphology-graphml): every node, edge
// and typed attribute survives, parallel edges stay apart, and markup or control characters in the
// data are escaped or dropped, never written raw.
import { MultiDirectedGraph } from 'graphology';
import { parse } from 'graphology-graphml/node';
import { describe, expect, test } from 'vitest';
import { escapeXml, toGraphML } from '../../../src/graph/graphml.ts';

function sample() {
  const graph = new MultiDirectedGraph();
  graph.addNode('urn:a', { label: 'Alfred <b>&</b> "Rosmer"', x: 1.5, y: -2, size: 4, r: 10 });
  graph.addNode('urn:b', { label: 'Leon\u0000 Trotsky\u0007', x: 3, y: 0.25, size: 7.5, r: 200 });
  graph.addDirectedEdgeWithKey('urn:a -[p]-> urn:b', 'urn:a', 'urn:b', { label: 'met' });
  graph.addDirectedEdgeWithKey('urn:a -[q]-> urn:b', 'urn:a', 'urn:b', { label: 'friend of' });
  return graph;
}

describe('toGraphML', () => {
  test('reads back with the same nodes, parallel edges and attributes', () => {
    const text = toGraphML(sample());
    const back = parse(MultiDirectedGraph, text);
    expect(back.nodes()).toEqual(['urn:a', 'urn:b']);
    expect(back.edges()).toEqual(['urn:a -[p]-> urn:b', 'urn:a -[q]-> urn:b']);
    expect(back.getNodeAttributes('urn:a')).toEqual({
      label: 'Alfred <b>&</b> "Rosmer"',
      x: 1.5,
      y: -2,
      size: 4,
      r: 10,
    });
    // Characters XML 1.0 cannot hold are dropped; the rest of the text stays.
    expect(back.getNodeAttribute('urn:b', 'label')).toBe('Leon Trotsky');
    expect(back.getEdgeAttributes('urn:a -[q]-> urn:b')).toEqual({ label: 'friend of' });
  });

  test('declares each attribute once with the widest type its values need', () => {
    const text = toGraphML(sample());
    expect(text).toContain('<key id="n1" for="node" attr.name="x" attr.type="double"/>');
    expect(text).toContain('<key id="n4" for="node" attr.name="r" attr.type="int"/>');
    expect(text).toContain('<graph edgedefault="directed">');
    expect(text).not.toContain('<b>');
  });

  test('escapeXml leaves no markup and keeps line ends as character references', () => {
    expect(escapeXml(`<script>alert('x')</script>\n&`)).toBe(
      '&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;&#10;&amp;',
    );
  });
});
