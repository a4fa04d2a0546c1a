// GraphML (graphml.graphdrawing.org) of a drawn graph, for Gephi, yEd, Cytoscape and NetworkX.
// NOTE: written here because graphology-graphml's published version reads GraphML but does not
// write it. Node positions, sizes and colours use the attribute names Gephi's importer recognises
// (x, y, size, r, g, b); every value is escaped, and characters XML 1.0 cannot hold are dropped.
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';

/** Attribute value types GraphML declares. */
type KeyType = 'string' | 'double' | 'int';

/** One data key of the document: an attribute of nodes or of edges. */
export interface GraphMLKey {
  for: 'node' | 'edge';
  name: string;
  type: KeyType;
}

/** Characters XML 1.0 allows (tab, LF, CR, and from U+0020 on, minus surrogates and U+FFFE/F). */
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for an XML attribute or element, dropping what XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}

function typeOf(value: unknown): KeyType | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'double';
  if (typeof value === 'string') return 'string';
  return undefined;
}

/** Gathers each attribute name with the widest type its values need (int < double < string). */
function keysOf(kind: 'node' | 'edge', records: Iterable<Attributes>): GraphMLKey[] {
  const rank: Record<KeyType, number> = { int: 0, double: 1, string: 2 };
  const types = new Map<string, KeyType>();
  for (const attributes of records) {
    for (const [name, value] of Object.entries(attributes)) {
      const type = typeOf(value);
      if (type === undefined) continue;
      const known = types.get(name);
      if (known === undefined || rank[type] > rank[known]) types.set(name, type);
    }
  }
  return [...types.entries()].map(([name, type]) => ({ for: kind, name, type }));
}

function dataLines(keys: readonly GraphMLKey[], ids: Map<string, string>, a: Attributes): string {
  let out = '';
  for (const key of keys) {
    const value: unknown = a[key.name];
    if (typeOf(value) === undefined) continue;
    out += `      <data key="${ids.get(key.name) ?? ''}">${escapeXml(String(value))}</data>\n`;
  }
  return out;
}

/**
 * Writes a graph as GraphML: one `<key>` per attribute name (typed by its values), every node and
 * edge with its key as id and its attributes as `<data>`; edges directed, parallel edges kept.
 */
export function toGraphML(graph: Graph): string {
  const nodeKeys = keysOf(
    'node',
    graph.mapNodes((_, a) => a),
  );
  const edgeKeys = keysOf(
    'edge',
    graph.mapEdges((_, a) => a),
  );
  const nodeIds = new Map(nodeKeys.map((k, i) => [k.name, `n${i}`]));
  const edgeIds = new Map(edgeKeys.map((k, i) => [k.name, `e${i}`]));
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"',
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
  ];
  for (const [keys, ids] of [
    [nodeKeys, nodeIds],
    [edgeKeys, edgeIds],
  ] as const) {
    for (const key of keys) {
      lines.push(
        `  <key id="${ids.get(key.name) ?? ''}" for="${key.for}" attr.name="${escapeXml(key.name)}" attr.type="${key.type}"/>\n`,
      );
    }
  }
  lines.push('  <graph edgedefault="directed">\n');
  graph.forEachNode((node, attributes) => {
    lines.push(
      `    <node id="${escapeXml(node)}">\n${dataLines(nodeKeys, nodeIds, attributes)}    </node>\n`,
    );
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    lines.push(
      `    <edge id="${escapeXml(edge)}" source="${escapeXml(source)}" target="${escapeXml(target)}">\n${dataLines(edgeKeys, edgeIds, attributes)}    </edge>\n`,
    );
  });
  lines.push('  </graph>\n</graphml>\n');
  return lines.join('');
}
