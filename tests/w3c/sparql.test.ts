// The W3C SPARQL 1.0 and 1.1 query test suites, run from each folder's manifest.ttl against
// SparqlStore. Evaluation tests load qt:data into the default graph and qt:graphData (and the graphs
// a query names in FROM / FROM NAMED) into named graphs named by their file IRI, run the query with
// the default graph NOT the union (W3C semantics), write the result in the expected file's format
// with our own serializers, read it back with our own parsers, and compare: solutions as multisets up
// to blank-node renaming (in order on the ORDER BY keys when the query sorts), booleans, graphs
// isomorphically. Every test passes or is listed in expected-failures.ts; a listed test that passes
// fails the run. Totals per suite are printed at the end.
import type { Quad, Term } from '@rdfjs/types';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Parser } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { SparqlSyntaxError } from '../../src/query/errors.ts';
import {
  parseCsvResults,
  parseSparqlJson,
  parseSparqlXml,
  parseTsvResults,
  toCsv,
  toSparqlJson,
  toSparqlXml,
  toTsv,
} from '../../src/query/results.ts';
import { SparqlStore } from '../../src/query/store.ts';
import { factory, toNTriples } from '../../src/query/terms.ts';
import type { BindingsResult, QueryResult, RdfFormat, Row } from '../../src/query/types.ts';
import { EXPECTED_FAILURES } from './expected-failures.ts';
import { readManifest, rdfTests, type ManifestEntry } from './manifest.ts';

const MF = 'http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#';
const RS = 'http://www.w3.org/2001/sw/DataAccess/tests/result-set#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

type Suite = 'sparql10' | 'sparql11';

// ---------------------------------------------------------------------------------------------
// Reading test files

const FORMATS: Record<string, RdfFormat> = {
  '.ttl': 'turtle',
  '.trig': 'trig',
  '.nt': 'ntriples',
  '.nq': 'nquads',
  '.rdf': 'rdfxml',
};

function formatOf(path: string): RdfFormat {
  const format = FORMATS[extname(path)];
  if (format === undefined) throw new Error(`${path}: no RDF format for this extension.`);
  return format;
}

function fileIri(path: string): string {
  return pathToFileURL(path).href;
}

async function parseRdfFile(path: string): Promise<Quad[]> {
  const text = readFileSync(path, 'utf8');
  if (extname(path) === '.rdf') {
    const parser = new RdfXmlParser({ baseIRI: fileIri(path) });
    const quads: Quad[] = [];
    await new Promise<void>((resolve, reject) => {
      parser.on('data', (q: Quad) => quads.push(q));
      parser.on('error', reject);
      parser.on('end', resolve);
      parser.write(text);
      parser.end();
    });
    return quads;
  }
  return new Parser({ baseIRI: fileIri(path), blankNodePrefix: '' }).parse(text);
}

// The graphs a query names in FROM and FROM NAMED, resolved against the query's IRI. The store
// does not fetch them (the Oxigraph way: FROM selects graphs already loaded), so the harness loads
// each file into a named graph of that IRI first.
function datasetClauseGraphs(query: string, base: string): string[] {
  const prologueFree = query.replace(/#[^\n]*/g, '');
  const graphs: string[] = [];
  for (const m of prologueFree.matchAll(/\bFROM\s+(?:NAMED\s+)?<([^>]*)>/gi)) {
    graphs.push(new URL(m[1] ?? '', base).href);
  }
  return graphs;
}

// The variables an ORDER BY clause sorts on (undefined when the query does not sort).
function orderKeys(query: string): string[] | undefined {
  const m = /\bORDER\s+BY\b([\s\S]*?)(?:\bLIMIT\b|\bOFFSET\b|\bVALUES\b|$)/i.exec(query);
  if (!m) return undefined;
  return [...(m[1] ?? '').matchAll(/[?$]([\p{L}\p{N}_]+)/gu)].map((v) => v[1] ?? '');
}

// ---------------------------------------------------------------------------------------------
// Expected results

type Expected =
  | { type: 'bindings'; result: BindingsResult; ordered: boolean }
  | { type: 'boolean'; value: boolean }
  | { type: 'quads'; quads: Quad[] };

// An RDF-encoded result set (the DAWG rs: vocabulary), as some SPARQL 1.0 tests give results.
function resultSetFromGraph(quads: Quad[]): Expected | undefined {
  const objects = (s: Term, p: string): Term[] =>
    quads.filter((q) => q.subject.equals(s) && q.predicate.value === p).map((q) => q.object);
  const set = quads.find(
    (q) => q.predicate.value === RDF_TYPE && q.object.value === `${RS}ResultSet`,
  )?.subject;
  if (set === undefined) return undefined;
  const bool = objects(set, `${RS}boolean`)[0];
  if (bool !== undefined) return { type: 'boolean', value: bool.value === 'true' };
  const variables = objects(set, `${RS}resultVariable`).map((t) => t.value);
  const solutions = objects(set, `${RS}solution`).map((s) => {
    const row: Row = {};
    for (const v of variables) row[v] = undefined;
    for (const b of objects(s, `${RS}binding`)) {
      const name = objects(b, `${RS}variable`)[0]?.value;
      const value = objects(b, `${RS}value`)[0];
      if (name !== undefined && value !== undefined) row[name] = value;
    }
    const index = objects(s, `${RS}index`)[0];
    return { row, index: index === undefined ? undefined : Number(index.value) };
  });
  const ordered = solutions.length > 0 && solutions.every((s) => s.index !== undefined);
  if (ordered) solutions.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  return {
    type: 'bindings',
    result: { type: 'bindings', variables, rows: solutions.map((s) => s.row) },
    ordered,
  };
}

async function readExpected(path: string): Promise<Expected> {
  const text = (): string => readFileSync(path, 'utf8');
  const asExpected = (r: QueryResult): Expected =>
    r.type === 'bindings'
      ? { type: 'bindings', result: r, ordered: false }
      : r.type === 'boolean'
        ? r
        : r;
  switch (extname(path)) {
    case '.srx':
      return asExpected(parseSparqlXml(text()));
    case '.srj':
      return asExpected(parseSparqlJson(text()));
    case '.tsv':
      return asExpected(parseTsvResults(text()));
    case '.csv':
      return asExpected(parseCsvResults(text()));
    default: {
      const quads = await parseRdfFile(path);
      return resultSetFromGraph(quads) ?? { type: 'quads', quads };
    }
  }
}

// Our result written in the expected file's format with our serializer, then read back with our
// parser: every evaluation test also checks the round trip through that format.
function throughFormat(result: QueryResult, path: string): QueryResult {
  if (result.type === 'quads') return result;
  switch (extname(path)) {
    case '.srx':
      return parseSparqlXml(toSparqlXml(result));
    case '.srj':
      return parseSparqlJson(toSparqlJson(result));
    case '.tsv':
      return result.type === 'bindings' ? parseTsvResults(toTsv(result)) : result;
    case '.csv':
      return result.type === 'bindings' ? parseCsvResults(toCsv(result)) : result;
    default:
      return result;
  }
}

// NOTE: Oxigraph keeps the value of a literal of a known XSD datatype, not its lexical form
// ("1.0e6"^^xsd:double is stored and returned as "1.0E6"). Expected results are normalised the same
// way by passing their literals through a store, as Oxigraph's own test harness does.
async function normalizeLiterals(terms: Term[]): Promise<Map<string, Term>> {
  const literals = [
    ...new Map(
      terms.filter((t) => t.termType === 'Literal').map((t) => [toNTriples(t), t]),
    ).values(),
  ];
  const map = new Map<string, Term>();
  if (literals.length === 0) return map;
  const store = await SparqlStore.create();
  try {
    store.loadText(literals.map((l, i) => `<urn:i:${i}> <urn:v> ${toNTriples(l)} .\n`).join(''), {
      format: 'ntriples',
    });
    for (const q of store.quads()) {
      const original = literals[Number(q.subject.value.slice('urn:i:'.length))];
      if (original !== undefined) map.set(toNTriples(original), q.object);
    }
  } finally {
    store.dispose();
  }
  return map;
}

function allTerms(rows: Row[]): Term[] {
  return rows.flatMap((r) => Object.values(r).filter((t): t is Term => t !== undefined));
}

async function normalizeExpected(expected: Expected): Promise<Expected> {
  if (expected.type === 'boolean') return expected;
  if (expected.type === 'quads') {
    const map = await normalizeLiterals(expected.quads.map((q) => q.object));
    return {
      type: 'quads',
      quads: expected.quads.map((q) => {
        const o = map.get(toNTriples(q.object));
        return o === undefined
          ? q
          : factory.quad(q.subject, q.predicate, o as Quad['object'], q.graph);
      }),
    };
  }
  const map = await normalizeLiterals(allTerms(expected.result.rows));
  const rows = expected.result.rows.map((row) => {
    const out: Row = {};
    for (const [k, t] of Object.entries(row))
      out[k] = t === undefined ? undefined : (map.get(toNTriples(t)) ?? t);
    return out;
  });
  return { ...expected, result: { ...expected.result, rows } };
}

// ---------------------------------------------------------------------------------------------
// Comparing solutions up to blank-node renaming

function termsMatch(
  a: Term | undefined,
  b: Term | undefined,
  map: Map<string, string>,
  inverse: Map<string, string>,
): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.termType === 'BlankNode' && b.termType === 'BlankNode') {
    const mapped = map.get(a.value);
    if (mapped !== undefined) return mapped === b.value;
    if (inverse.has(b.value)) return false;
    map.set(a.value, b.value);
    inverse.set(b.value, a.value);
    return true;
  }
  if (a.termType === 'Quad' && b.termType === 'Quad') {
    return (
      termsMatch(a.subject, b.subject, map, inverse) &&
      termsMatch(a.predicate, b.predicate, map, inverse) &&
      termsMatch(a.object, b.object, map, inverse)
    );
  }
  return a.equals(b);
}

function rowsMatch(
  a: Row,
  b: Row,
  vars: string[],
  map: Map<string, string>,
  inverse: Map<string, string>,
): boolean {
  const m = new Map(map);
  const inv = new Map(inverse);
  if (!vars.every((v) => termsMatch(a[v], b[v], m, inv))) return false;
  for (const [k, v] of m) map.set(k, v);
  for (const [k, v] of inv) inverse.set(k, v);
  return true;
}

// A key of a row that ignores blank-node labels, to pair candidate rows quickly.
function shapeKey(row: Row, vars: string[]): string {
  const key = (t: Term | undefined): string =>
    t === undefined
      ? '-'
      : t.termType === 'BlankNode'
        ? '_'
        : t.termType === 'Quad'
          ? `<<${key(t.subject)} ${key(t.predicate)} ${key(t.object)}>>`
          : toNTriples(t);
  return vars.map((v) => key(row[v])).join('\t');
}

// Whether `actual` is `expected` up to one consistent renaming of blank nodes (backtracking search).
function solutionsIsomorphic(expected: Row[], actual: Row[], vars: string[]): boolean {
  if (expected.length !== actual.length) return false;
  const byShape = new Map<string, number[]>();
  actual.forEach((row, i) => {
    const k = shapeKey(row, vars);
    byShape.set(k, [...(byShape.get(k) ?? []), i]);
  });
  const used = new Set<number>();
  const search = (i: number, map: Map<string, string>, inverse: Map<string, string>): boolean => {
    const row = expected[i];
    if (row === undefined) return true;
    for (const j of byShape.get(shapeKey(row, vars)) ?? []) {
      if (used.has(j)) continue;
      const m = new Map(map);
      const inv = new Map(inverse);
      const candidate = actual[j];
      if (candidate !== undefined && rowsMatch(row, candidate, vars, m, inv)) {
        used.add(j);
        if (search(i + 1, m, inv)) return true;
        used.delete(j);
      }
    }
    return false;
  };
  return search(0, new Map(), new Map());
}

function describeRows(rows: Row[], vars: string[]): string {
  return rows
    .slice(0, 30)
    .map((r) =>
      vars.map((v) => `${v}=${r[v] === undefined ? 'UNDEF' : toNTriples(r[v])}`).join(' '),
    )
    .join('\n');
}

function compare(
  expected: Expected,
  actual: QueryResult,
  keys: string[] | undefined,
): string | undefined {
  if (expected.type !== actual.type)
    return `expected a ${expected.type} result, got ${actual.type}`;
  if (expected.type === 'boolean' && actual.type === 'boolean') {
    return expected.value === actual.value
      ? undefined
      : `expected ${expected.value}, got ${actual.value}`;
  }
  if (expected.type === 'quads' && actual.type === 'quads') {
    return isomorphic(expected.quads, actual.quads)
      ? undefined
      : `graphs differ:\nexpected\n${expected.quads.map((q) => toNTriples(q)).join('\n')}\nactual\n${actual.quads.map((q) => toNTriples(q)).join('\n')}`;
  }
  if (expected.type !== 'bindings' || actual.type !== 'bindings') return 'unreachable';
  const vars = [...expected.result.variables].sort();
  const actualVars = [...actual.variables].sort();
  if (vars.join(',') !== actualVars.join(','))
    return `variables differ: expected ${vars.join(',')}, got ${actualVars.join(',')}`;
  const e = expected.result.rows;
  const a = actual.rows;
  if (!solutionsIsomorphic(e, a, vars)) {
    return `solutions differ:\nexpected (${e.length})\n${describeRows(e, vars)}\nactual (${a.length})\n${describeRows(a, vars)}`;
  }
  // In order on the sort keys (rows that tie on them may come in any order).
  const sortKeys = keys?.filter((k) => vars.includes(k)) ?? [];
  if (sortKeys.length > 0) {
    for (let i = 0; i < e.length; i++) {
      const same = sortKeys.every((k) => {
        const x = e[i]?.[k];
        const y = a[i]?.[k];
        return x?.termType === 'BlankNode'
          ? y?.termType === 'BlankNode'
          : x === undefined
            ? y === undefined
            : y !== undefined && x.equals(y);
      });
      if (!same)
        return `order differs at row ${i + 1} on ${sortKeys.join(', ')}:\nexpected\n${describeRows(e, vars)}\nactual\n${describeRows(a, vars)}`;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Running one test

const EVALUATION = new Set([`${MF}QueryEvaluationTest`, `${MF}CSVResultFormatTest`]);
const POSITIVE_SYNTAX = new Set([`${MF}PositiveSyntaxTest11`, `${MF}PositiveSyntaxTest`]);
const NEGATIVE_SYNTAX = new Set([`${MF}NegativeSyntaxTest11`, `${MF}NegativeSyntaxTest`]);

/** Runs one manifest entry; resolves to undefined when it passes, else to why it failed. */
async function runTest(entry: ManifestEntry): Promise<string | undefined> {
  if (POSITIVE_SYNTAX.has(entry.type) || NEGATIVE_SYNTAX.has(entry.type)) {
    const path = entry.action ?? '';
    const store = await SparqlStore.create();
    try {
      store.query(readFileSync(path, 'utf8'), { baseIRI: fileIri(path), unionDefaultGraph: false });
      return NEGATIVE_SYNTAX.has(entry.type) ? 'the query was accepted' : undefined;
    } catch (error) {
      if (!(error instanceof SparqlSyntaxError)) {
        // Parsed fine; evaluation failed (e.g. SERVICE), which a syntax test does not judge.
        return NEGATIVE_SYNTAX.has(entry.type) ? 'the query was accepted' : undefined;
      }
      return POSITIVE_SYNTAX.has(entry.type) ? `rejected: ${error.message}` : undefined;
    } finally {
      store.dispose();
    }
  }
  if (!EVALUATION.has(entry.type)) return `unsupported test type ${entry.type}`;
  const queryPath = entry.query;
  const resultPath = entry.result;
  if (queryPath === undefined || resultPath === undefined)
    return 'the manifest entry lacks qt:query or mf:result';
  const query = readFileSync(queryPath, 'utf8');
  const store = await SparqlStore.create();
  try {
    for (const path of entry.data)
      store.loadText(readFileSync(path, 'utf8'), {
        format: formatOf(path),
        baseIRI: fileIri(path),
      });
    const named = new Set([
      ...entry.graphData.map(fileIri),
      ...datasetClauseGraphs(query, fileIri(queryPath)),
    ]);
    for (const iri of named) {
      const path = fileURLToPath(iri);
      if (!existsSync(path)) return `the query names a graph file that does not exist: ${iri}`;
      store.loadText(readFileSync(path, 'utf8'), {
        format: formatOf(path),
        baseIRI: iri,
        graph: factory.namedNode(iri),
      });
    }
    const actual = throughFormat(
      store.query(query, { baseIRI: fileIri(queryPath), unionDefaultGraph: false }),
      resultPath,
    );
    const expected = await normalizeExpected(await readExpected(resultPath));
    return compare(expected, actual, orderKeys(query));
  } catch (error) {
    return `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  } finally {
    store.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// The suites

function folders(suite: Suite): string[] {
  const root = rdfTests('sparql', suite);
  return readdirSync(root)
    .filter(
      (f) => statSync(join(root, f)).isDirectory() && existsSync(join(root, f, 'manifest.ttl')),
    )
    .sort();
}

const totals: Record<Suite, { passed: number; expectedFailures: number }> = {
  sparql10: { passed: 0, expectedFailures: 0 },
  sparql11: { passed: 0, expectedFailures: 0 },
};

for (const suite of ['sparql10', 'sparql11'] as const) {
  const listed = EXPECTED_FAILURES[suite] ?? {};
  const seen = new Set<string>();
  describe(suite, () => {
    for (const folder of folders(suite)) {
      const manifest = readManifest(rdfTests('sparql', suite, folder, 'manifest.ttl'));
      describe(folder, () => {
        for (const entry of manifest.entries) {
          const id = `${folder}/${entry.name}`;
          seen.add(id);
          it(id, async () => {
            const failure = await runTest(entry);
            const reason = listed[id];
            if (reason === undefined) {
              expect(
                failure,
                `${entry.comment ?? ''}\n${entry.query ?? entry.action ?? ''}`,
              ).toBeUndefined();
              totals[suite].passed++;
            } else {
              if (failure === undefined) {
                throw new Error(
                  `${id} passes but is listed in expected-failures.ts ("${reason}"): remove the entry.`,
                );
              }
              totals[suite].expectedFailures++;
            }
          });
        }
      });
    }
    it('lists no expected failure that is not a test', () => {
      expect(Object.keys(listed).filter((id) => !seen.has(id))).toEqual([]);
    });
  });
}

afterAll(() => {
  for (const suite of ['sparql10', 'sparql11'] as const) {
    const { passed, expectedFailures } = totals[suite];
    console.log(
      `W3C ${suite}: ${passed} passed, ${expectedFailures} expected failures, ${passed + expectedFailures} run`,
    );
  }
});
