// The k shortest simple paths (Yen's algorithm): order, restrictions, no cycles, ties settled by
// node keys whatever the order of the triples, checked against every simple path enumerated by
// brute force on random graphs; then paths read as sentences with their sources, as text and as
// Turtle, on the built-in Rosmer graph.
import fc from 'fast-check';
import { MultiDirectedGraph } from 'graphology';
import { Parser } from 'n3';
import { describe, expect, test } from 'vitest';
import {
  kShortestPaths,
  PathError,
  pathElements,
  pathQuads,
  pathsAsText,
  readPath,
  stepQuotes,
  type GraphPath,
} from '../../../src/graph/paths.ts';
import { projectQuads } from '../../../src/graph/project.ts';
import type { DataGraph, EdgeData, NodeData } from '../../../src/graph/types.ts';
import { serializeRdf } from '../../../src/rdf/serialize.ts';
import { EX, fixtureQuads, projectFixtures } from './fixtures.ts';
import { ROSMER, rosmerDataset } from './rosmer.ts';

const { graph } = projectFixtures(['paths-cases.ttl']);
const x = (local: string): string => `${EX}${local}`;
const nodesOf = (paths: readonly GraphPath[]): string[][] =>
  paths.map((p) => p.nodes.map((n) => n.slice(EX.length)));

describe('kShortestPaths on a small graph', () => {
  test('every simple path, shortest first, ties in node-key order', () => {
    expect(nodesOf(kShortestPaths(graph, x('a'), x('d'), { k: 10 }))).toEqual([
      ['a', 'b', 'd'],
      ['a', 'c', 'd'],
      ['a', 'b', 'c', 'd'],
      ['a', 'c', 'b', 'd'],
      ['a', 'e', 'f', 'd'],
    ]);
    expect(nodesOf(kShortestPaths(graph, x('a'), x('d'), { k: 3 }))).toEqual([
      ['a', 'b', 'd'],
      ['a', 'c', 'd'],
      ['a', 'b', 'c', 'd'],
    ]);
  });

  test('a step lists every relation between its two nodes, in either direction; loops are not steps', () => {
    const [first] = kShortestPaths(graph, x('a'), x('d'), { k: 1 });
    expect(first?.steps).toEqual([
      {
        from: x('a'),
        to: x('b'),
        edges: [`${x('a')} -[${x('p')}]-> ${x('b')}`, `${x('b')} -[${x('q')}]-> ${x('a')}`],
      },
      { from: x('b'), to: x('d'), edges: [`${x('b')} -[${x('p')}]-> ${x('d')}`] },
    ]);
  });

  test('only through chosen predicates', () => {
    const only = (...p: string[]) =>
      nodesOf(kShortestPaths(graph, x('a'), x('d'), { k: 10, predicates: new Set(p.map(x)) }));
    expect(only('r')).toEqual([['a', 'e', 'f', 'd']]);
    expect(only('p')).toEqual([['a', 'b', 'd']]);
    expect(only('p', 'q')).toEqual([
      ['a', 'b', 'd'],
      ['a', 'c', 'd'],
    ]);
  });

  test('only through nodes of chosen classes (the two ends exempt)', () => {
    const through = (...c: string[]) =>
      nodesOf(kShortestPaths(graph, x('a'), x('d'), { k: 10, classes: new Set(c.map(x)) }));
    expect(through('Org')).toEqual([['a', 'c', 'd']]);
    expect(through('Person')).toEqual([
      ['a', 'b', 'd'],
      ['a', 'e', 'f', 'd'],
    ]);
  });

  test('a length limit, no path, the same node', () => {
    expect(nodesOf(kShortestPaths(graph, x('a'), x('d'), { k: 10, maxLength: 2 }))).toEqual([
      ['a', 'b', 'd'],
      ['a', 'c', 'd'],
    ]);
    expect(kShortestPaths(graph, x('a'), x('z'), { k: 3 })).toEqual([]);
    expect(kShortestPaths(graph, x('a'), x('a'), { k: 3 })).toEqual([]);
  });

  test('vocabulary terms are not walked through unless asked', () => {
    // ex:p is a vocabulary term (it is a predicate with a label); no edge reaches it here.
    expect(graph.getNodeAttribute(x('p'), 'vocabulary')).toBe(true);
    expect(kShortestPaths(graph, x('a'), x('p'), { k: 2 })).toEqual([]);
  });

  test('bad input names the field and says what to do', () => {
    expect(() => kShortestPaths(graph, x('nope'), x('d'), { k: 1 })).toThrow(
      new PathError(`Paths: the "from" node ${x('nope')} is not in the graph; pick another.`),
    );
    expect(() => kShortestPaths(graph, x('a'), x('nope'), { k: 1 })).toThrow(/"to" node/);
    expect(() => kShortestPaths(graph, x('a'), x('d'), { k: 0 })).toThrow(
      'Paths: k must be a whole number of at least 1 (got 0).',
    );
    expect(() => kShortestPaths(graph, x('a'), x('d'), { k: 1.5 })).toThrow(/whole number/);
  });

  test('the same paths whatever order the triples come in', () => {
    const { quads, prefixes } = fixtureQuads('paths-cases.ttl');
    const reversed = projectQuads([...quads].reverse(), { prefixes }).graph;
    expect(kShortestPaths(reversed, x('a'), x('d'), { k: 10 })).toEqual(
      kShortestPaths(graph, x('a'), x('d'), { k: 10 }),
    );
  });
});

/** Every simple path from s to t, by brute force, in (length, keys) order. */
function allSimplePaths(g: DataGraph, s: string, t: string): string[][] {
  const out: string[][] = [];
  const walk = (path: string[]): void => {
    const at = path[path.length - 1] ?? s;
    if (at === t) {
      out.push(path);
      return;
    }
    for (const n of new Set(g.neighbors(at))) if (!path.includes(n)) walk([...path, n]);
  };
  walk([s]);
  return out.sort((a, b) => a.length - b.length || (a.join(' ') < b.join(' ') ? -1 : 1));
}

function randomGraph(edges: readonly [number, number][]): DataGraph {
  const g = new MultiDirectedGraph<NodeData, EdgeData>();
  const node = (i: number): string => `n${String(i)}`;
  for (let i = 0; i < 7; i += 1) {
    g.addNode(node(i), {
      kind: 'iri',
      id: node(i),
      label: node(i),
      labelKind: 'iri',
      altLabels: [],
      classes: [],
      typeSources: {},
      facts: [],
      vocabulary: false,
    });
  }
  edges.forEach(([a, b], i) => {
    g.addDirectedEdgeWithKey(`e${String(i)}`, node(a), node(b), {
      predicate: 'p',
      graph: '',
      label: 'p',
      sources: [],
    });
  });
  return g;
}

describe('kShortestPaths against brute force', () => {
  test('the k paths are the first k of all simple paths in (length, keys) order', () => {
    const edge = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }));
    fc.assert(
      fc.property(
        fc.array(edge, { maxLength: 14 }),
        fc.integer({ min: 1, max: 12 }),
        (edges, k) => {
          const g = randomGraph(edges);
          const found = kShortestPaths(g, 'n0', 'n6', { k }).map((p) => p.nodes);
          expect(found).toEqual(allSimplePaths(g, 'n0', 'n6').slice(0, k));
          for (const path of found) expect(new Set(path).size).toBe(path.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('paths on the Rosmer graph', () => {
  const rosmer = rosmerDataset().projection;
  const g = rosmer.graph;
  const alfred = `${ROSMER}alfred-rosmer`;
  const swp = `${ROSMER}socialist-workers-party`;
  const paths = kShortestPaths(g, alfred, swp, { k: 3 });
  const meeting =
    'In Britain he met members of the Socialist Review Group, forerunner of the Socialist Workers Party.';

  test('from Alfred Rosmer to the Socialist Workers Party, each step with its sentence', () => {
    expect(paths.map((p) => p.nodes.length - 1)).toEqual([3, 6, 8]);
    const read = readPath(g, paths[0] ?? { nodes: [], steps: [] });
    expect(read.sentence).toBe(
      'Alfred Rosmer — took part in → Alfred Rosmer’s meeting with members of the Socialist Review Group ← took part in — Socialist Review Group — forerunner of → Socialist Workers Party',
    );
    expect(read.steps.map(stepQuotes)).toEqual([[meeting], [meeting], [meeting]]);
    for (const path of paths) {
      for (const step of readPath(g, path).steps)
        expect(stepQuotes(step).length).toBeGreaterThan(0);
    }
  });

  test('parallel relations share a step and read together', () => {
    const [viaTrotsky] = kShortestPaths(g, alfred, `${ROSMER}leon-trotsky`, { k: 1 });
    expect(readPath(g, viaTrotsky ?? { nodes: [], steps: [] }).sentence).toBe(
      'Alfred Rosmer — friend of / met → Leon Trotsky',
    );
  });

  test('as text, with every step’s sentences', () => {
    expect(
      pathsAsText(g, paths.slice(0, 1), 'Paths from Alfred Rosmer to Socialist Workers Party'),
    ).toBe(
      [
        'Paths from Alfred Rosmer to Socialist Workers Party',
        '',
        '1. Alfred Rosmer — took part in → Alfred Rosmer’s meeting with members of the Socialist Review Group ← took part in — Socialist Review Group — forerunner of → Socialist Workers Party',
        '   Alfred Rosmer — took part in → Alfred Rosmer’s meeting with members of the Socialist Review Group',
        `     “${meeting}”`,
        '   Alfred Rosmer’s meeting with members of the Socialist Review Group ← took part in — Socialist Review Group',
        `     “${meeting}”`,
        '   Socialist Review Group — forerunner of → Socialist Workers Party',
        `     “${meeting}”`,
        '',
      ].join('\n'),
    );
  });

  test('as triples: the relations, the labels, and the claims with their sentences', async () => {
    const quads = pathQuads(g, paths.slice(0, 1));
    const turtle = await serializeRdf(quads, 'turtle', { prefixes: rosmer.prefixes });
    const back = new Parser().parse(turtle);
    expect(back).toHaveLength(quads.length);
    const triples = back.map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`);
    const R = ROSMER;
    const TS = 'https://w3id.org/triplescope/ontology#';
    const LABEL = 'http://www.w3.org/2000/01/rdf-schema#label';
    expect(triples.filter((t) => !t.startsWith(`${R}claim-`)).sort()).toEqual(
      [
        `${R}alfred-rosmer ${LABEL} Alfred Rosmer`,
        `${R}alfred-rosmer ${TS}tookPartIn ${R}meeting-with-the-socialist-review-group`,
        `${R}meeting-with-the-socialist-review-group ${LABEL} Alfred Rosmer’s meeting with members of the Socialist Review Group`,
        `${R}socialist-review-group ${LABEL} Socialist Review Group`,
        `${R}socialist-review-group ${TS}forerunnerOf ${R}socialist-workers-party`,
        `${R}socialist-review-group ${TS}tookPartIn ${R}meeting-with-the-socialist-review-group`,
        `${R}socialist-workers-party ${LABEL} Socialist Workers Party`,
      ].sort(),
    );
    const quotes = back.filter((q) => q.predicate.value === `${TS}quote`);
    expect(
      quotes.map((q) => [q.object.value, q.object.termType === 'Literal' && q.object.language]),
    ).toEqual([
      [meeting, 'en'],
      [meeting, 'en'],
      [meeting, 'en'],
    ]);
  });

  test('the elements to highlight', () => {
    const { nodes, edges } = pathElements(paths.slice(0, 1));
    expect([...nodes]).toEqual(paths[0]?.nodes);
    expect(edges.size).toBe(3);
  });
});
