// The overview of a large graph, on real data: the mini Rosmer graph with its vocabulary counted
// by hand; the same class and predicate counts as the full projection on the built-in graph, the
// Kennedy family, schema.org (vocabulary closure), Linked Jazz (N-Quads), the provenance and
// projection cases (statements, triple terms, named graphs); any batching and order; the drill-down
// (instances, search, neighbours) checked against the projection's graph; a structured clone, as a
// worker posts it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import { describe, expect, test } from 'vitest';
import { byCodeUnit } from '../../../src/graph/compare.ts';
import {
  buildOverview,
  Overview,
  OverviewBuilder,
  type OverviewLink,
} from '../../../src/graph/overview.ts';
import { nodeKey, projectQuads } from '../../../src/graph/project.ts';
import { UNTYPED } from '../../../src/graph/types.ts';
import { fixtureQuads, R, TS } from './fixtures.ts';
import { rosmerDataset } from './rosmer.ts';

const OWL = 'http://www.w3.org/2002/07/owl#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const SH = 'http://www.w3.org/ns/shacl#';
const DATASETS = join(process.cwd(), '..', 'shared', 'datasets');

function sharedQuads(path: string, format: string): Quad[] {
  return new Parser({ format }).parse(readFileSync(join(DATASETS, path), 'utf8'));
}

function miniQuads(): Quad[] {
  return [...fixtureQuads('rosmer-mini.ttl').quads, ...fixtureQuads('ontology-mini.ttl').quads];
}

/** A link as the overview lists it, from its parts. */
function link(
  source: string,
  predicate: string,
  target: string,
  label: string,
  count: number,
  vocabularyCount = 0,
): OverviewLink {
  return {
    key: `${source} -[${predicate}]-> ${target}`,
    source,
    predicate,
    target,
    label,
    count,
    vocabularyCount,
  };
}

describe('the overview of the mini Rosmer graph and its vocabulary', () => {
  const overview = buildOverview(miniQuads());

  test('one class per rdf:type object, instances counted apart from vocabulary terms', () => {
    expect(overview.classes).toEqual([
      { iri: `${TS}Person`, label: 'Person', count: 4, vocabularyCount: 0 },
      { iri: `${TS}Organisation`, label: 'Organisation', count: 3, vocabularyCount: 0 },
      { iri: `${TS}Place`, label: 'Place', count: 2, vocabularyCount: 0 },
      { iri: `${TS}Document`, label: 'Document', count: 1, vocabularyCount: 0 },
      { iri: `${TS}Event`, label: 'Event', count: 1, vocabularyCount: 0 },
      { iri: `${OWL}ObjectProperty`, label: 'owl:ObjectProperty', count: 0, vocabularyCount: 11 },
      { iri: `${OWL}Class`, label: 'owl:Class', count: 0, vocabularyCount: 5 },
      { iri: UNTYPED, label: 'No class', count: 0, vocabularyCount: 3 },
      {
        iri: `${OWL}DatatypeProperty`,
        label: 'owl:DatatypeProperty',
        count: 0,
        vocabularyCount: 3,
      },
      { iri: `${OWL}Ontology`, label: 'owl:Ontology', count: 0, vocabularyCount: 1 },
      { iri: `${RDFS}Class`, label: 'rdfs:Class', count: 0, vocabularyCount: 1 },
      { iri: `${SH}NodeShape`, label: 'sh:NodeShape', count: 0, vocabularyCount: 1 },
    ]);
  });

  test('one link per predicate between two classes, with its number of edges', () => {
    expect(overview.links).toEqual([
      link(`${TS}Event`, `${TS}hostedBy`, `${TS}Person`, 'hosted by', 2),
      link(`${TS}Person`, `${TS}workedWith`, `${TS}Person`, 'worked with', 2),
      link(`${TS}Event`, `${TS}founded`, `${TS}Organisation`, 'founded', 1),
      link(`${TS}Person`, `${TS}bornIn`, `${TS}Place`, 'born in', 1),
      link(`${TS}Person`, `${TS}expelledFrom`, `${TS}Organisation`, 'expelled from', 1),
      link(`${TS}Person`, `${TS}founded`, `${TS}Organisation`, 'founded', 1),
      link(`${TS}Person`, `${TS}foundingMemberOf`, `${TS}Organisation`, 'helped found', 1),
      link(`${TS}Person`, `${TS}met`, `${TS}Person`, 'met', 1),
      link(`${TS}Person`, `${TS}participatedIn`, `${TS}Organisation`, 'took part in', 1),
      link(`${TS}Person`, `${TS}partnerOf`, `${TS}Person`, 'partner of', 1),
      link(`${TS}Person`, `${TS}residence`, `${TS}Place`, 'residence', 1),
      link(`${OWL}Class`, `${RDFS}subClassOf`, `${OWL}Class`, 'subclass of', 0, 2),
      link(`${OWL}DatatypeProperty`, `${RDFS}range`, UNTYPED, 'range', 0, 1),
      link(`${OWL}ObjectProperty`, `${RDFS}domain`, `${OWL}Class`, 'domain', 0, 1),
      link(`${OWL}ObjectProperty`, `${RDFS}range`, `${OWL}Class`, 'range', 0, 1),
      link(`${SH}NodeShape`, `${SH}property`, UNTYPED, 'sh:property', 0, 1),
      link(`${SH}NodeShape`, `${SH}targetClass`, `${OWL}Class`, 'sh:targetClass', 0, 1),
      link(UNTYPED, `${SH}path`, UNTYPED, 'sh:path', 0, 1),
    ]);
  });

  test('everything is counted: nodes, vocabulary terms, edges, facts, statements', () => {
    expect(overview.stats).toEqual({
      quads: 153,
      nodes: 36,
      vocabularyTerms: 25,
      edges: 21,
      facts: 39,
      statements: 10,
      skippedTriples: 0,
    });
  });

  test('the graph to draw: a node per class sized by its instances, an edge per link', () => {
    const graph = overview.graph();
    const node = (iri: string, label: string, count: number) => ({
      key: `${TS}${iri}`,
      attributes: { label, count },
    });
    expect(graph.export().nodes).toEqual([
      node('Person', 'Person', 4),
      node('Organisation', 'Organisation', 3),
      node('Place', 'Place', 2),
      node('Document', 'Document', 1),
      node('Event', 'Event', 1),
    ]);
    expect(graph.export().edges).toEqual(
      overview.links
        .filter((l) => l.count > 0)
        .map((l) => ({
          key: l.key,
          source: l.source,
          target: l.target,
          attributes: { predicate: l.predicate, label: l.label, count: l.count },
        })),
    );
    const withVocabulary = overview.graph({ includeVocabulary: true });
    expect([withVocabulary.order, withVocabulary.size]).toEqual([12, 18]);
    expect(withVocabulary.getNodeAttributes(UNTYPED)).toEqual({ label: 'No class', count: 3 });
  });

  test('a class opens on its instances, the most connected first', () => {
    expect(overview.instances(`${TS}Person`)).toEqual({
      total: 4,
      offset: 0,
      items: [
        ['alfred-rosmer', 'Alfred Rosmer', 8],
        ['leon-trotsky', 'Leon Trotsky', 4],
        ['marguerite-rosmer', 'Marguerite Rosmer', 4],
        ['natalia-sedova', 'Natalia Sedova', 0],
      ].map(([id, label, degree]) => ({
        key: `${R}${String(id)}`,
        label,
        classes: [`${TS}Person`],
        degree,
        vocabulary: false,
      })),
    });
    expect(overview.instances(`${TS}Person`, { offset: 3, limit: 5 }).items).toHaveLength(1);
    expect(overview.instances(UNTYPED)).toEqual({ total: 0, offset: 0, items: [] });
    expect(overview.instances(UNTYPED, { includeVocabulary: true }).total).toBe(3);
    expect(overview.instances('http://example.org/NoSuchClass').total).toBe(0);
  });

  test('an entity is found by its label, without case or accents; a blank node is named', () => {
    expect(overview.search('LEON').map((n) => n.key)).toEqual([`${R}leon-trotsky`]);
    expect(overview.search('rosmer').map((n) => n.label)).toEqual([
      'Alfred Rosmer',
      'Marguerite Rosmer',
      'Alfred and Marguerite Rosmer kept the flame of revolution burning',
    ]);
    expect(overview.search('natalia-sed').map((n) => n.key)).toEqual([`${R}natalia-sedova`]);
    // Without a label literal, the shortened IRI is the label.
    expect(overview.search('gyear').map((n) => n.key)).toEqual([]);
    expect(overview.search('gyear', { includeVocabulary: true })).toEqual([
      {
        key: 'http://www.w3.org/2001/XMLSchema#gYear',
        label: 'xsd:gYear',
        classes: [],
        degree: 1,
        vocabulary: true,
      },
    ]);
    expect(overview.search('  ')).toEqual([]);
    const residence = overview
      .neighbours(`${R}alfred-rosmer`)
      .items.find((e) => e.predicate === `${TS}residence`);
    expect(residence?.other).toEqual({
      key: residence?.target,
      label: 'unnamed node',
      classes: [`${TS}Place`],
      degree: 1,
      vocabulary: false,
    });
  });

  test("a node's neighbourhood pages through its edges, in and out", () => {
    const page = overview.neighbours(`${R}leon-trotsky`);
    expect(page.total).toBe(4);
    expect(page.items.map((e) => [e.source, e.predicate, e.target, e.other.key])).toEqual([
      [`${R}alfred-rosmer`, `${TS}met`, `${R}leon-trotsky`, `${R}alfred-rosmer`],
      [`${R}alfred-rosmer`, `${TS}workedWith`, `${R}leon-trotsky`, `${R}alfred-rosmer`],
      [`${R}marguerite-rosmer`, `${TS}workedWith`, `${R}leon-trotsky`, `${R}marguerite-rosmer`],
      [`${R}leon-trotsky`, `${TS}founded`, `${R}fourth-international`, `${R}fourth-international`],
    ]);
    expect(overview.neighbours(`${R}leon-trotsky`, { offset: 1, limit: 2 }).items).toEqual(
      page.items.slice(1, 3),
    );
    expect(overview.neighbours('http://example.org/nobody')).toEqual({
      total: 0,
      offset: 0,
      items: [],
    });
  });
});

describe('drawing some nodes of the overview', () => {
  test('their quads project to those nodes, named, typed and linked as in the whole data', () => {
    const quads = miniQuads();
    const whole = projectQuads(quads);
    const overview = buildOverview(quads);
    const trotsky = `${R}leon-trotsky`;
    const keys = [
      ...new Set([trotsky, ...overview.neighbours(trotsky).items.map((e) => e.other.key)]),
    ];
    const drawn = projectQuads(overview.quadsOf([...keys, 'http://example.org/nobody']));
    const { graph } = drawn;
    const described = (g: typeof graph, key: string) => ({
      label: g.getNodeAttribute(key, 'label'),
      classes: g.getNodeAttribute(key, 'classes'),
    });
    expect(graph.filterNodes((_, a) => !a.vocabulary).sort(byCodeUnit)).toEqual(
      [...keys].sort(byCodeUnit),
    );
    for (const key of keys) expect(described(graph, key)).toEqual(described(whole.graph, key));
    const among = whole.graph
      .filterEdges((_e, _a, s, t) => keys.includes(s) && keys.includes(t))
      .sort(byCodeUnit);
    expect(
      graph.filterEdges((_e, _a, s, t) => keys.includes(s) && keys.includes(t)).sort(byCodeUnit),
    ).toEqual(among);
    // Classes and predicates are called what the data calls them (its vocabulary labels them).
    for (const term of [`${TS}Person`, `${TS}workedWith`])
      expect(drawn.termLabels.get(term)).toBe(whole.termLabels.get(term));
  });
});

describe('the same counts as the full projection, on real data', () => {
  const cases: [string, () => Quad[]][] = [
    ['the built-in Rosmer graph', () => [...rosmerDataset().quads]],
    ['the mini Rosmer graph', miniQuads],
    ['reified statements', () => fixtureQuads('provenance-cases.trig').quads],
    ['triple terms and named graphs', () => fixtureQuads('projection-cases.trig').quads],
    ['the Kennedy family', () => sharedQuads('kennedy/kennedy.ntriples', 'N-Triples')],
    [
      'schema.org (vocabulary terms)',
      () => sharedQuads('schemaorg/schemaorg-current-https.nt', 'N-Triples'),
    ],
    [
      'Linked Jazz people (N-Quads)',
      () => sharedQuads('linked-jazz/linking_lost_jazz_shrines__person.nq', 'N-Quads'),
    ],
  ];
  test.each(cases)('%s', (_name, load) => {
    const quads = load();
    const projection = projectQuads(quads);
    const overview = buildOverview(quads);
    const { quads: read, vocabularyTerms, statements, skippedTriples } = projection.stats;
    expect(overview.classes).toEqual(projection.classes);
    expect(overview.predicates).toEqual(projection.predicates);
    expect(overview.stats).toEqual({
      quads: read,
      nodes: projection.graph.order,
      vocabularyTerms,
      edges: projection.graph.size,
      // Literal triples on a node, a literal stated twice counted twice (the projection merges it).
      facts: quads.filter(
        (q) => q.object.termType === 'Literal' && projection.graph.hasNode(nodeKey(q.subject)),
      ).length,
      statements,
      skippedTriples,
    });
    // Every edge of the projection is one edge of one link per pair of classes of its ends.
    const expected = new Map<string, number>();
    projection.graph.forEachEdge((_e, a, _s, _t, source, target) => {
      for (const from of source.classes.length > 0 ? source.classes : [UNTYPED])
        for (const to of target.classes.length > 0 ? target.classes : [UNTYPED]) {
          const key = `${from} -[${a.predicate}]-> ${to}`;
          expected.set(key, (expected.get(key) ?? 0) + 1);
        }
    });
    expect(new Map(overview.links.map((l) => [l.key, l.count + l.vocabularyCount]))).toEqual(
      expected,
    );
  });

  test('instances and degrees are those of the projection (the Kennedy family)', () => {
    const quads = sharedQuads('kennedy/kennedy.ntriples', 'N-Triples');
    const { graph } = projectQuads(quads);
    const overview = buildOverview(quads);
    for (const c of overview.classes) {
      const members = graph
        .filterNodes((_, a) =>
          c.iri === UNTYPED ? a.classes.length === 0 : a.classes.includes(c.iri),
        )
        .sort((a, b) => graph.degree(b) - graph.degree(a) || byCodeUnit(a, b));
      const page = overview.instances(c.iri, { limit: members.length });
      expect(page.items.map((n) => [n.key, n.label, n.degree])).toEqual(
        members.map((key) => [key, graph.getNodeAttribute(key, 'label'), graph.degree(key)]),
      );
    }
  });
});

describe('building', () => {
  const quads = sharedQuads('kennedy/kennedy.ntriples', 'N-Triples');
  const summary = (o: Overview) => ({
    classes: o.classes,
    predicates: o.predicates,
    links: o.links,
    stats: o.stats,
  });

  test('batches of any size and any order of the quads give the same overview', () => {
    const whole = summary(buildOverview(quads));
    const builder = new OverviewBuilder();
    const reversed = [...quads].reverse();
    for (let i = 0; i < reversed.length; i += 7) builder.add(reversed.slice(i, i + 7));
    expect(builder.quads).toBe(quads.length);
    expect(builder.nodesSeen).toBe(185);
    expect(summary(builder.finish())).toEqual(whole);
  });

  test('duplicate triples are one edge, as in the projection', () => {
    const twice = buildOverview([...quads, ...quads]);
    expect({ ...twice.stats, quads: 0, facts: 0 }).toEqual({
      ...buildOverview(quads).stats,
      quads: 0,
      facts: 0,
    });
    expect(twice.stats.quads).toBe(2 * quads.length);
  });

  test('the plain data survives a structured clone, as a worker posts it', () => {
    const overview = buildOverview(quads);
    const copy = Overview.from(structuredClone(overview.data));
    expect(summary(copy)).toEqual(summary(overview));
    expect(copy.search('kennedy', { limit: 50 })).toEqual(
      overview.search('kennedy', { limit: 50 }),
    );
    const hub = overview.instances(overview.classes[0]?.iri ?? '').items[0]?.key ?? '';
    expect(copy.neighbours(hub)).toEqual(overview.neighbours(hub));
  });

  test('labels follow the language preference', () => {
    const mini = miniQuads();
    const french = buildOverview(mini, { languages: ['fr'] });
    expect(french.node(`${R}leon-trotsky`)?.label).toBe('Léon Trotski');
    expect(french.classes.find((c) => c.iri === `${TS}Person`)?.label).toBe('Personne');
    expect(buildOverview(mini).node(`${R}leon-trotsky`)?.label).toBe('Leon Trotsky');
  });

  test('prefixes the data declares, known once it is read, name the unlabelled terms', () => {
    const ex = 'http://example.org/vocab#';
    const typed = new Parser({ format: 'N-Triples' }).parse(
      `<http://example.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${ex}Thing> .\n` +
        `<http://example.org/a> <${ex}near> <http://example.org/b> .\n`,
    );
    const builder = new OverviewBuilder();
    builder.add(typed);
    const overview = builder.finish({ ex });
    const projection = projectQuads(typed, { prefixes: { ex } });
    expect(overview.classes).toEqual(projection.classes);
    expect(overview.predicates).toEqual(projection.predicates);
    expect(overview.classes[0]?.label).toBe('ex:Thing');
    expect(overview.node('http://example.org/b')?.label).toBe(
      projection.graph.getNodeAttribute('http://example.org/b', 'label'),
    );
  });

  test('a finished builder refuses more quads', () => {
    const builder = new OverviewBuilder();
    builder.add(quads.slice(0, 3));
    builder.finish();
    // What only building needed is let go of.
    expect(builder.nodesSeen).toBe(0);
    expect(() => {
      builder.add(quads.slice(3, 4));
    }).toThrow('This overview was finished; start a new builder.');
    expect(() => builder.finish()).toThrow('This overview was already finished.');
  });
});
