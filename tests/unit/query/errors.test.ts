// Errors a user meets: SPARQL syntax errors with the line and column where the parser stuck (from
// Oxigraph's message, corrected for its keyword look-ahead), data errors with their position, and
// the plain-data form errors take across a worker boundary, and the engine itself failing.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import {
  DataSyntaxError,
  dataErrorFromOxigraph,
  deserializeError,
  engineFailure,
  QueryEngineError,
  QueryEvaluationError,
  QueryWorkerError,
  serializeError,
  SparqlSyntaxError,
} from '../../../src/query/errors.ts';
import { SparqlStore } from '../../../src/query/store.ts';

let store: SparqlStore;
beforeAll(async () => {
  store = await SparqlStore.create();
});
afterAll(() => {
  store.dispose();
});

function syntaxErrorOf(query: string): unknown {
  try {
    store.query(query);
  } catch (error) {
    expect(error).toBeInstanceOf(SparqlSyntaxError);
    const { line, column, offset, message, frame } = error as SparqlSyntaxError;
    return { line, column, offset, message, frame };
  }
  throw new Error('expected a SparqlSyntaxError');
}

describe('SPARQL syntax errors', () => {
  it('points at a triple pattern missing its object, not at the next line', () => {
    expect(syntaxErrorOf('SELECT * WHERE {\n  ?s ?p .\n  ?a ?b ?c .\n}')).toEqual({
      line: 2,
      column: 3,
      offset: 19,
      message: 'SPARQL syntax error at line 2, column 3: unexpected "?s".',
      frame: '2 |   ?s ?p .\n  |   ^',
    });
  });

  it('points at the token after an incomplete expression', () => {
    expect(syntaxErrorOf('SELECT * WHERE {\n  ?s ?p ?o\n  FILTER(?o > )\n}')).toEqual({
      line: 3,
      column: 15,
      offset: 42,
      message: 'SPARQL syntax error at line 3, column 15: unexpected ")".',
      frame: '3 |   FILTER(?o > )\n  |               ^',
    });
  });

  it('points at an unclosed string', () => {
    expect(syntaxErrorOf('SELECT ?x WHERE {\n  ?s ?p ?o .\n  FILTER (?o = "a)\n}')).toEqual({
      line: 3,
      column: 16,
      offset: 46,
      message: 'SPARQL syntax error at line 3, column 16: unexpected "\\"a".',
      frame: '3 |   FILTER (?o = "a)\n  |                ^',
    });
  });

  it('says when the query ends too early', () => {
    expect(syntaxErrorOf('SELECT * WHERE { ?s ?p ?o')).toEqual({
      line: 1,
      column: 26,
      offset: 25,
      message:
        'SPARQL syntax error at line 1, column 26: the query ends too early (is a bracket, brace or quote left open?).',
      frame: '1 | SELECT * WHERE { ?s ?p ?o\n  |                          ^',
    });
  });

  it('names an undeclared prefix', () => {
    expect(syntaxErrorOf('SELECT * WHERE {\n  ?s rdfs:label ?o\n}')).toEqual({
      line: 2,
      column: 6,
      offset: 22,
      message:
        'SPARQL syntax error at line 2, column 6: the prefix "rdfs:" is not declared; add PREFIX rdfs: <…> before the query.',
      frame: '2 |   ?s rdfs:label ?o\n  |      ^',
    });
  });

  it('points at the token after a keyword that needs another (GROUP without BY)', () => {
    expect(syntaxErrorOf('SELECT * WHERE { ?s ?p ?o } GROUP ?s')).toMatchObject({
      line: 1,
      column: 35,
      message: 'SPARQL syntax error at line 1, column 35: unexpected "?s".',
    });
  });

  it("keeps Oxigraph's own sentence when it has one", () => {
    expect(syntaxErrorOf('SELECT (COUNT(*) AS ?c) ?s WHERE { ?s ?p ?o }')).toMatchObject({
      line: 1,
      column: 46,
      message:
        'SPARQL syntax error at line 1, column 46: The SELECT contains a variable that is unbound.',
    });
  });

  it('counts columns in characters and gives editors a UTF-16 offset', () => {
    // "é" is one UTF-16 unit, "😀" is two; both are one character.
    expect(
      syntaxErrorOf('PREFIX ex: <http://e/>\nSELECT * WHERE { ?s ex:p "é😀" ; foo:bar ?o }'),
    ).toMatchObject({
      line: 2,
      column: 33,
      offset: 56,
    });
  });

  it('keeps a tab in the frame so the caret lines up', () => {
    expect(syntaxErrorOf('SELECT * WHERE {\n\t?s ?p ?o . ?x\n}')).toMatchObject({
      line: 2,
      column: 13,
      frame: '2 | \t?s ?p ?o . ?x\n  | \t           ^',
    });
  });

  it("keeps Oxigraph's message for bug reports", () => {
    try {
      store.query('SELECT * WHERE { ?s ?p ?o } GROUP ?s');
    } catch (error) {
      expect((error as SparqlSyntaxError).parserMessage).toBe('error at 1:37: expected BY');
    }
  });
});

describe('data errors', () => {
  it('reads the three position forms of Oxigraph’s RDF parsers', () => {
    const cases = [
      'Parser error at line 3 column 7: Unexpected end of file',
      'Parser error at line 3 between columns 7 and 12: No scheme found in an absolute IRI',
      'Parser error between line 3 column 7 and line 4 column 2: Unexpected token',
    ].map((message) => {
      const e = dataErrorFromOxigraph(new Error(message), 'Turtle data');
      return [e.message, e.line, e.column];
    });
    expect(cases).toEqual([
      ['Turtle data, line 3, column 7: Unexpected end of file', 3, 7],
      ['Turtle data, line 3, column 7: No scheme found in an absolute IRI', 3, 7],
      ['Turtle data, line 3, column 7: Unexpected token', 3, 7],
    ]);
  });

  it('names the format when the parser gives no position (RDF/XML)', () => {
    let error: unknown;
    try {
      store.loadText('<r><bad', { format: 'rdfxml' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataSyntaxError);
    expect(error).toMatchObject({
      message: 'RDF/XML data: XML namespaces are required in RDF/XML',
      line: undefined,
    });
  });
});

describe('errors across a worker boundary', () => {
  it('comes back as the same class with the same fields', () => {
    let syntax: unknown;
    try {
      store.query('SELECT * WHERE { ?s ?p ?o');
    } catch (e) {
      syntax = e;
    }
    const again = deserializeError(structuredClone(serializeError(syntax)));
    expect(again).toBeInstanceOf(SparqlSyntaxError);
    expect(again).toEqual(syntax);
    expect(deserializeError(serializeError(new DataSyntaxError('bad', 2, 3)))).toEqual(
      new DataSyntaxError('bad', 2, 3),
    );
    expect(deserializeError(serializeError(new QueryEvaluationError('no SERVICE')))).toBeInstanceOf(
      QueryEvaluationError,
    );
    expect(deserializeError(serializeError(new TypeError('bug')))).toEqual(
      new QueryWorkerError('bug'),
    );
    const engine = deserializeError(
      structuredClone(serializeError(new QueryEngineError('it broke'))),
    );
    expect(engine).toBeInstanceOf(QueryEngineError);
    expect(engine).toMatchObject({
      reason: 'it broke',
      message: 'The query engine stopped: it broke.',
    });
  });
});

describe('the engine failing', () => {
  it('a query deeper than the engine can parse is an engine failure, after which the store refuses to go on', async () => {
    const store = await SparqlStore.create();
    let error: unknown;
    try {
      store.query(
        `SELECT * WHERE { ?s ?p ?o FILTER(${'('.repeat(100_000)}?o${')'.repeat(100_000)}) }`,
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QueryEngineError);
    expect((error as QueryEngineError).reason).toMatch(
      /^its stack ran out, as with a query nested too deeply: .+$/,
    );
    expect(() => store.size).toThrow(error);
    store.dispose();
  });

  it('a WebAssembly trap is an engine failure; an ordinary error is not', () => {
    expect(engineFailure(new WebAssembly.RuntimeError('unreachable'))?.reason).toBe(
      'it most likely ran out of memory: WebAssembly trap “unreachable”',
    );
    expect(engineFailure(new Error('Unsupported SERVICE'))).toBeUndefined();
    expect(engineFailure(new RangeError('Invalid string length'))).toBeUndefined();
  });
});
