// SparqlStore on a small real dataset: loading, the union default graph and GRAPH, every result
// type, bulk quads in and out, and the errors a user meets.
import type { Quad, Term } from '@rdfjs/types';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DataSyntaxError,
  QueryError,
  QueryEvaluationError,
  SparqlSyntaxError,
} from '../../../src/query/errors.ts';
import { SparqlStore } from '../../../src/query/store.ts';
import { datatype, factory, toNTriples } from '../../../src/query/terms.ts';
import type { QueryResult } from '../../../src/query/types.ts';

const FIXTURE = new URL('../../fixtures/query/rosmer.trig', import.meta.url);
const EX = 'http://example.org/rosmer/';
const ex = (local: string): Term => factory.namedNode(`${EX}${local}`);
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const PREFIXES = `PREFIX ex: <${EX}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n`;

// Rows as N-Triples strings, blank nodes renamed _:b0, _:b1… in order of appearance.
function show(result: QueryResult): unknown {
  const names = new Map<string, string>();
  const term = (t: Term | undefined): string => {
    if (t === undefined) return 'UNDEF';
    if (t.termType !== 'BlankNode') return toNTriples(t);
    if (!names.has(t.value)) names.set(t.value, `_:b${names.size}`);
    return names.get(t.value) ?? '';
  };
  switch (result.type) {
    case 'bindings':
      return {
        variables: result.variables,
        rows: result.rows.map((r) => result.variables.map((v) => term(r[v]))),
      };
    case 'boolean':
      return result.value;
    case 'quads':
      return result.quads
        .map((q) => `${term(q.subject)} ${term(q.predicate)} ${term(q.object)}`)
        .sort();
  }
}

let store: SparqlStore;

beforeEach(async () => {
  store = await SparqlStore.create();
  store.loadText(readFileSync(FIXTURE, 'utf8'), { format: 'trig', baseIRI: FIXTURE.href });
});

afterEach(() => {
  store.dispose();
});

describe('loading', () => {
  it('counts every quad of every graph', () => {
    expect(store.size).toBe(16);
  });

  it('loads a triple format into a named graph', () => {
    store.loadText('<http://example.org/rosmer/x> <http://example.org/rosmer/p> "1" .', {
      format: 'ntriples',
      graph: factory.namedNode(`${EX}extra`),
    });
    expect(
      store
        .match(null, null, null, ex('extra'))
        .map((q) => [q.subject, q.predicate, q.object, q.graph].map(toNTriples).join(' ')),
    ).toEqual([`<${EX}x> <${EX}p> "1" <${EX}extra>`]);
  });

  it('resolves relative IRIs against the base IRI', () => {
    store.loadText('<a> <b> <c> .', { format: 'turtle', baseIRI: 'http://example.org/base/' });
    expect(show(store.query('SELECT ?o WHERE { <http://example.org/base/a> ?p ?o }'))).toEqual({
      variables: ['o'],
      rows: [['<http://example.org/base/c>']],
    });
  });

  it('adds nothing from a text with a syntax error and names line and column', () => {
    let error: unknown;
    try {
      store.loadText('<http://a> <http://b> "ok" .\n<http://a> <http://b> "unclosed .\n', {
        format: 'turtle',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataSyntaxError);
    expect(error).toMatchObject({
      message: 'Turtle data, line 2, column 23: Unexpected end of file',
      line: 2,
      column: 23,
    });
    expect(store.size).toBe(16);
  });

  it('scopes blank nodes to one load, so two files never share one', () => {
    const other = '_:book <http://example.org/rosmer/pages> 10 .';
    store.loadText(other, { format: 'turtle' });
    const books = store.query(`${PREFIXES}SELECT DISTINCT ?b WHERE { ?b ex:pages ?n }`);
    expect(books.type === 'bindings' && books.rows.length).toBe(2);
  });
});

describe('querying', () => {
  it('answers over the union of all graphs by default', () => {
    expect(show(store.query(`${PREFIXES}SELECT ?p WHERE { ?p a ex:Person } ORDER BY ?p`))).toEqual({
      variables: ['p'],
      rows: [[`<${EX}alfred>`], [`<${EX}marguerite>`], [`<${EX}trotsky>`]],
    });
  });

  it('answers over the default graph alone when asked', () => {
    const result = store.query(`${PREFIXES}SELECT ?p WHERE { ?p a ex:Person }`, {
      unionDefaultGraph: false,
    });
    expect(show(result)).toEqual({ variables: ['p'], rows: [[`<${EX}alfred>`]] });
  });

  it('reaches each named graph with GRAPH', () => {
    const result = store.query(
      `${PREFIXES}SELECT ?g ?p WHERE { GRAPH ?g { ?p ex:knows ex:alfred } } ORDER BY ?g`,
    );
    expect(show(result)).toEqual({
      variables: ['g', 'p'],
      rows: [
        [`<${EX}commission>`, `<${EX}trotsky>`],
        [`<${EX}letters>`, `<${EX}marguerite>`],
      ],
    });
  });

  it('returns SELECT rows with terms, unbound variables as undefined', () => {
    const result = store.query(
      `${PREFIXES}SELECT ?p ?label ?score WHERE { ?p a ex:Person ; rdfs:label ?label OPTIONAL { ?p ex:score ?score } } ORDER BY ?p`,
    );
    expect(result).toEqual({
      type: 'bindings',
      variables: ['p', 'label', 'score'],
      rows: [
        { p: ex('alfred'), label: factory.literal('Alfred Rosmer', 'fr'), score: undefined },
        { p: ex('marguerite'), label: factory.literal('Marguerite Rosmer'), score: undefined },
        {
          p: ex('trotsky'),
          label: factory.literal('Leon Trotsky', 'en'),
          score: factory.literal('2.5', datatype(`${XSD}decimal`)),
        },
      ],
    });
  });

  it('returns ASK as a boolean', () => {
    expect(store.query(`${PREFIXES}ASK { ex:trotsky ex:knows ex:alfred }`)).toEqual({
      type: 'boolean',
      value: true,
    });
    expect(store.query(`${PREFIXES}ASK { ex:alfred ex:knows ex:trotsky }`)).toEqual({
      type: 'boolean',
      value: false,
    });
  });

  it('returns CONSTRUCT as quads in the default graph', () => {
    const result = store.query(
      `${PREFIXES}CONSTRUCT { ?a ex:knownBy ?b } WHERE { ?b ex:knows ?a }`,
    );
    expect(show(result)).toEqual([
      `<${EX}alfred> <${EX}knownBy> <${EX}marguerite>`,
      `<${EX}alfred> <${EX}knownBy> <${EX}trotsky>`,
    ]);
    expect(
      result.type === 'quads' && result.quads.every((q) => q.graph.termType === 'DefaultGraph'),
    ).toBe(true);
  });

  it('returns DESCRIBE as the quads about the resource, blank nodes included', () => {
    expect(show(store.query(`${PREFIXES}DESCRIBE ex:alfred`))).toEqual([
      `<${EX}alfred> <${EX}born> "1877-08-23"^^<${XSD}date>`,
      `<${EX}alfred> <${EX}note> "said \\"no\\", then\\nleft"`,
      `<${EX}alfred> <${EX}wrote> _:b0`,
      `<${EX}alfred> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${EX}Person>`,
      `<${EX}alfred> <http://www.w3.org/2000/01/rdf-schema#label> "Alfred Rosmer"@fr`,
      `_:b0 <${EX}pages> "320"^^<${XSD}integer>`,
      `_:b0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${EX}Book>`,
      `_:b0 <http://www.w3.org/2000/01/rdf-schema#label> "Moscou sous Lénine"`,
    ]);
  });

  it('sees the prologue (comments, BASE, PREFIX, VERSION) before the query form', () => {
    const result = store.query(
      `# who wrote what\nVERSION "1.2"\nBASE <${EX}>\nprefix e:<${EX}>\nCONSTRUCT WHERE { <alfred> e:wrote ?w }`,
    );
    expect(show(result)).toEqual([`<${EX}alfred> <${EX}wrote> _:b0`]);
  });

  it('returns an empty SELECT with its variables and no rows', () => {
    expect(store.query('SELECT ?x ?y WHERE { ?x <urn:none> ?y }')).toEqual({
      type: 'bindings',
      variables: ['x', 'y'],
      rows: [],
    });
  });

  it('returns one empty solution for a query with no variables', () => {
    expect(store.query('SELECT * WHERE {}')).toEqual({
      type: 'bindings',
      variables: [],
      rows: [{}],
    });
  });

  it('returns triple terms and directional language tags (RDF 1.2)', () => {
    const result = store.query(
      'SELECT ?t ?d WHERE { BIND(<<( <urn:a> <urn:b> "c"@en )>> AS ?t) BIND(STRLANGDIR("c", "ar", "rtl") AS ?d) }',
    );
    expect(result).toEqual({
      type: 'bindings',
      variables: ['t', 'd'],
      rows: [
        {
          t: factory.quad(
            factory.namedNode('urn:a'),
            factory.namedNode('urn:b'),
            factory.literal('c', 'en'),
          ),
          d: factory.literal('c', { language: 'ar', direction: 'rtl' }),
        },
      ],
    });
  });

  it('throws a SparqlSyntaxError with line and column for an invalid query', () => {
    expect(() => store.query('SELECT * WHERE {\n  ?s ?p .\n}')).toThrow(SparqlSyntaxError);
  });

  it('throws a QueryEvaluationError for SERVICE, which a local store cannot call', () => {
    let error: unknown;
    try {
      store.query('SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QueryEvaluationError);
    expect(error).toMatchObject({
      message: 'The service <http://example.org/sparql> is not supported',
    });
  });
});

describe('quads in and out', () => {
  it('gives every quad back and takes them again in bulk', async () => {
    const quads = store.quads();
    expect(quads).toHaveLength(16);
    const copy = await SparqlStore.create();
    try {
      copy.addQuads(quads);
      expect(copy.size).toBe(16);
      const all = 'SELECT ?s ?p ?o ?g WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }';
      const a = show(store.query(all, { unionDefaultGraph: false })) as { rows: string[][] };
      const b = show(copy.query(all, { unionDefaultGraph: false })) as { rows: string[][] };
      // Same data up to blank-node labels (each store labels them its own way).
      const canon = (rows: string[][]): string[] =>
        rows.map((r) => r.map((t) => (t.startsWith('_:') ? '_' : t)).join(' ')).sort();
      expect(canon(b.rows)).toEqual(canon(a.rows));
    } finally {
      copy.dispose();
    }
  });

  it('keeps one blank node one node within a call to addQuads', async () => {
    const b = factory.blankNode('x');
    const quads: Quad[] = [
      factory.quad(b, factory.namedNode('urn:p'), factory.literal('1')),
      factory.quad(b, factory.namedNode('urn:q'), factory.literal('2')),
    ];
    const copy = await SparqlStore.create();
    try {
      copy.addQuads(quads);
      expect(show(copy.query('SELECT ?s WHERE { ?s <urn:p> "1" ; <urn:q> "2" }'))).toEqual({
        variables: ['s'],
        rows: [['_:b0']],
      });
    } finally {
      copy.dispose();
    }
  });

  it('matches patterns, DefaultGraph meaning the default graph only', () => {
    expect(
      store
        .match(null, ex('knows'), null)
        .map((q) => q.subject.value)
        .sort(),
    ).toEqual([`${EX}marguerite`, `${EX}trotsky`]);
    expect(store.match(null, ex('knows'), null, factory.defaultGraph())).toEqual([]);
    expect(store.match(ex('trotsky'), ex('score'))).toEqual([
      factory.quad(
        ex('trotsky') as Quad['subject'],
        ex('score') as Quad['predicate'],
        factory.literal('2.5', datatype(`${XSD}decimal`)),
        ex('commission') as Quad['graph'],
      ),
    ]);
  });

  it('dumps the store as N-Quads that load back to the same size', async () => {
    const text = store.dumpNQuads();
    expect(text.split('\n').filter((l) => l !== '')).toHaveLength(16);
    const copy = await SparqlStore.create();
    try {
      copy.loadText(text, { format: 'nquads' });
      expect(copy.size).toBe(16);
    } finally {
      copy.dispose();
    }
  });
});

describe('disposal', () => {
  it('refuses use after dispose with a clear error', async () => {
    const s = await SparqlStore.create();
    s.dispose();
    expect(() => s.size).toThrow(new QueryError('This store was disposed; create a new one.'));
  });
});
