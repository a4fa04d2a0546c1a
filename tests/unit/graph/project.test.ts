// The projection's rules, each on a real fixture: literals become facts, rdf:type gives classes,
// parallel predicates and named graphs give parallel edges under deterministic keys, labels follow
// the language preference and fall back to shortened IRIs, reified statements become sources, and
// vocabulary terms are flagged to be hidden.
import { describe, expect, test } from 'vitest';
import { edgeKey, nodeKey, projectQuads } from '../../../src/graph/project.ts';
import { DataFactory } from 'n3';
import {
  ARTICLE_SOURCE,
  EX,
  R,
  RDFS,
  TS,
  XSD,
  fixtureQuads,
  projectFixtures,
  rosmerMini,
} from './fixtures.ts';

const RDF_LANG = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';
const XSD_STRING = `${XSD}string`;
const ALFRED = `${R}alfred-rosmer`;
const TROTSKY = `${R}leon-trotsky`;

function articleSource(statement: string, quote: string) {
  return { statement: `${R}${statement}`, quote, quoteLanguage: 'en', documents: [ARTICLE_SOURCE] };
}

const BORN_QUOTE =
  'Alfred Rosmer was born in the US in 1877, but his family returned to France in 1884.';

describe('projectQuads on the mini Rosmer graph', () => {
  const projection = rosmerMini();
  const { graph } = projection;

  test('a literal object becomes a fact of its subject, with language, datatype and sources', () => {
    expect(graph.getNodeAttributes(ALFRED)).toEqual({
      kind: 'iri',
      id: ALFRED,
      label: 'Alfred Rosmer',
      labelKind: 'literal',
      altLabels: [],
      classes: [`${TS}Person`],
      typeSources: {},
      facts: [
        {
          predicate: `${RDFS}label`,
          value: 'Alfred Rosmer',
          language: 'en',
          datatype: RDF_LANG,
          sources: [],
        },
        {
          predicate: `${TS}birthYear`,
          value: '1877',
          language: '',
          datatype: `${XSD}gYear`,
          sources: [articleSource('claim-birth-year', BORN_QUOTE)],
        },
      ],
      vocabulary: false,
    });
  });

  test('several values of one predicate are all kept; alternative names are collected', () => {
    const trotsky = graph.getNodeAttributes(TROTSKY);
    expect(trotsky.facts.map((f) => [f.value, f.language])).toEqual([
      ['Leon Trotsky', 'en'],
      ['Léon Trotski', 'fr'],
    ]);
    expect(graph.getNodeAttributes(`${R}marguerite-rosmer`).altLabels).toEqual([
      'Marguerite Thevenet',
    ]);
  });

  test('parallel predicates between two nodes are parallel edges with deterministic keys', () => {
    expect(graph.outEdges(ALFRED, TROTSKY).sort()).toEqual([
      `${ALFRED} -[${TS}met]-> ${TROTSKY}`,
      `${ALFRED} -[${TS}workedWith]-> ${TROTSKY}`,
    ]);
    expect(edgeKey(ALFRED, `${TS}met`, TROTSKY)).toBe(`${ALFRED} -[${TS}met]-> ${TROTSKY}`);
  });

  test('a reified statement becomes the source of the edge it describes', () => {
    expect(graph.getEdgeAttributes(`${ALFRED} -[${TS}met]-> ${TROTSKY}`)).toEqual({
      predicate: `${TS}met`,
      graph: '',
      label: 'met',
      sources: [
        articleSource(
          'claim-met',
          'Through his activity Rosmer also met a Russian exile, Leon Trotsky, who took refuge in Paris before being deported.',
        ),
      ],
    });
    // Statements are not nodes.
    expect(graph.hasNode(`${R}claim-met`)).toBe(false);
    expect(projection.stats).toEqual({
      quads: 153,
      vocabularyTerms: 25,
      statements: 10,
      unattachedStatements: 0,
      skippedTriples: 0,
    });
  });

  test('vocabulary terms are nodes flagged as vocabulary, and give labels to classes and predicates', () => {
    const vocabulary = graph.filterNodes((_, a) => a.vocabulary).sort();
    expect(vocabulary).toContain(`${TS}Person`);
    expect(vocabulary).toContain(`${TS}met`);
    expect(vocabulary).toContain(`${RDFS}label`);
    expect(vocabulary).toContain('https://w3id.org/triplescope/ontology');
    expect(graph.filterNodes((_, a) => !a.vocabulary).sort()).toEqual(
      [
        'article',
        'alfred-rosmer',
        'dewey-commission',
        'founding-of-the-fourth-international',
        'fourth-international',
        'french-communist-party',
        'leon-trotsky',
        'marguerite-rosmer',
        'natalia-sedova',
        'united-states',
      ]
        .map((local) => `${R}${local}`)
        .concat(graph.filterNodes((_, a) => a.kind === 'blank' && !a.vocabulary))
        .sort(),
    );
    expect(projection.termLabels.get(`${TS}Person`)).toBe('Person');
    expect(projection.termLabels.get(`${TS}foundingMemberOf`)).toBe('helped found');
  });

  test('class and predicate summaries count what is drawn and what is vocabulary', () => {
    expect(projection.classes.filter((c) => c.count > 0)).toEqual([
      { iri: `${TS}Person`, label: 'Person', count: 4, vocabularyCount: 0 },
      { iri: `${TS}Organisation`, label: 'Organisation', count: 3, vocabularyCount: 0 },
      { iri: `${TS}Place`, label: 'Place', count: 2, vocabularyCount: 0 },
      { iri: `${TS}Document`, label: 'Document', count: 1, vocabularyCount: 0 },
      { iri: `${TS}Event`, label: 'Event', count: 1, vocabularyCount: 0 },
    ]);
    expect(projection.predicates.slice(0, 3)).toEqual([
      { iri: `${TS}founded`, label: 'founded', count: 2, vocabularyCount: 0 },
      { iri: `${TS}hostedBy`, label: 'hosted by', count: 2, vocabularyCount: 0 },
      { iri: `${TS}workedWith`, label: 'worked with', count: 2, vocabularyCount: 0 },
    ]);
  });

  test('the same quads in any order give the same graph', () => {
    const { quads, prefixes } = fixtureQuads('rosmer-mini.ttl');
    const forward = projectQuads(quads, { prefixes });
    const backward = projectQuads([...quads].reverse(), { prefixes });
    const sorted = (p: typeof forward) => ({
      nodes: p.graph
        .mapNodes((key, a) => ({ key, ...a }))
        .sort((a, b) => a.key.localeCompare(b.key)),
      edges: p.graph
        .mapEdges((key, a, source, target) => ({ key, source, target, ...a }))
        .sort((a, b) => a.key.localeCompare(b.key)),
    });
    expect(sorted(backward)).toEqual(sorted(forward));
  });

  test('labels follow the language preference', () => {
    const french = rosmerMini({ languages: ['fr', 'en'] });
    expect(french.graph.getNodeAttribute(TROTSKY, 'label')).toBe('Léon Trotski');
    expect(french.termLabels.get(`${TS}Person`)).toBe('Personne');
    expect(french.graph.getNodeAttribute(ALFRED, 'label')).toBe('Alfred Rosmer');
  });
});

describe('projectQuads on the edge cases', () => {
  const projection = projectFixtures(['projection-cases.trig']);
  const { graph } = projection;
  const label = (key: string): string => graph.getNodeAttribute(key, 'label');

  test('label choice: preferred language (en matches en-GB), then predicate order, then fallbacks', () => {
    expect(label(`${EX}labelled`)).toBe('Label');
    expect(label(`${EX}named-only`)).toBe('Only a schema name');
    expect(label(`${EX}nameless`)).toBe('ex:nameless');
    expect(graph.getNodeAttribute(`${EX}nameless`, 'labelKind')).toBe('iri');
    expect(label('http://other.example/path/Some%20Thing')).toBe('Some Thing');
  });

  test('blank nodes are described, never shown by their generated id', () => {
    const blanks = graph
      .filterNodes((_, a) => a.kind === 'blank')
      .map((key) => ({
        key,
        label: label(key),
        labelKind: graph.getNodeAttribute(key, 'labelKind'),
      }));
    expect(blanks.map((b) => b.label).sort()).toEqual([
      'ex:has of Label',
      'unnamed ex:Part',
      'unnamed node',
    ]);
    for (const b of blanks) {
      expect(b.key.startsWith('_:')).toBe(true);
      expect(b.labelKind).toBe('blank');
    }
  });

  test('one triple in the default graph and two named graphs is three edges; a loop is an edge', () => {
    const a = `${EX}a`;
    const b = `${EX}b`;
    const knows = `${EX}knows`;
    expect(graph.outEdges(a).sort()).toEqual([
      `${a} -[${knows}]-> ${a}`,
      `${a} -[${knows}]-> ${b}`,
      `${a} -[${knows}]-> ${b} @ ${EX}g1`,
      `${a} -[${knows}]-> ${b} @ ${EX}g2`,
      `${a} -[${EX}likes]-> ${b}`,
    ]);
    expect(graph.getEdgeAttribute(`${a} -[${knows}]-> ${b} @ ${EX}g2`, 'graph')).toBe(`${EX}g2`);
  });

  test('statements attach to the edge of their own graph, to a class, or are counted as unattached', () => {
    const a = `${EX}a`;
    const b = `${EX}b`;
    const knows = `${EX}knows`;
    expect(graph.getEdgeAttribute(`${a} -[${knows}]-> ${b}`, 'sources')).toEqual([
      { statement: `${EX}claim-default`, quote: null, quoteLanguage: '', documents: [`${EX}doc`] },
    ]);
    expect(graph.getEdgeAttribute(`${a} -[${knows}]-> ${b} @ ${EX}g1`, 'sources')).toEqual([
      {
        statement: `${EX}claim-in-g1`,
        quote: 'a knows b, says g1',
        quoteLanguage: 'en',
        documents: [],
      },
    ]);
    expect(graph.getEdgeAttribute(`${a} -[${knows}]-> ${b} @ ${EX}g2`, 'sources')).toEqual([]);
    expect(graph.getNodeAttribute(a, 'typeSources')).toEqual({
      [`${EX}Person`]: [
        {
          statement: `${EX}claim-type`,
          quote: 'a is a person',
          quoteLanguage: 'en',
          documents: [],
        },
      ],
    });
    expect(projection.stats).toEqual({
      quads: 39,
      vocabularyTerms: 0,
      statements: 4,
      unattachedStatements: 1,
      skippedTriples: 1,
    });
    // The subject of a link to a statement stays; the link itself is left out.
    expect(graph.hasNode(`${EX}c`)).toBe(true);
    expect(graph.outDegree(`${EX}c`)).toBe(0);
  });

  test('a duplicate literal is one fact; a plain literal is an xsd:string', () => {
    expect(graph.getNodeAttribute(`${EX}a`, 'facts')).toEqual([
      { predicate: `${EX}age`, value: '42', language: '', datatype: `${XSD}integer`, sources: [] },
    ]);
    const plain = graph
      .getNodeAttribute(`${EX}labelled`, 'facts')
      .find((f) => f.value === 'Plain label');
    expect(plain?.datatype).toBe(XSD_STRING);
  });

  test('node keys: the IRI, or _:label for a blank node', () => {
    expect(nodeKey(DataFactory.namedNode(`${EX}a`))).toBe(`${EX}a`);
    expect(nodeKey(DataFactory.blankNode('b1'))).toBe('_:b1');
    expect(edgeKey('_:b1', `${EX}p`, `${EX}a`, `${EX}g`)).toBe(`_:b1 -[${EX}p]-> ${EX}a @ ${EX}g`);
  });
});
