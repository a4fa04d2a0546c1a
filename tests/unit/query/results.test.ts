// The W3C result formats and the text table, as whole strings, on a real query over the fixture;
// the readers of the same formats, round trips and the errors they give on bad input.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ResultsSyntaxError } from '../../../src/query/errors.ts';
import {
  parseCsvResults,
  parseSparqlJson,
  parseSparqlXml,
  parseTsvResults,
  toCsv,
  toSparqlJson,
  toSparqlXml,
  toTable,
  toTsv,
} from '../../../src/query/results.ts';
import { SparqlStore } from '../../../src/query/store.ts';
import { datatype, factory } from '../../../src/query/terms.ts';
import type { BindingsResult, Row } from '../../../src/query/types.ts';

const FIXTURE = new URL('../../fixtures/query/rosmer.trig', import.meta.url);
const EX = 'http://example.org/rosmer/';
const XSD = 'http://www.w3.org/2001/XMLSchema#';

// Every kind of value in one result: IRIs, a date, a string with quotes, a comma and a newline, a
// blank node, language tags, a formula-like string, a decimal, and unbound cells.
const QUERY = `PREFIX ex: <${EX}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?who ?value ?score WHERE {
  VALUES ?who { ex:alfred ex:trotsky }
  ?who ?p ?value FILTER(?p != <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>)
  OPTIONAL { ?who ex:score ?score FILTER(?p = rdfs:label) }
} ORDER BY ?who STR(?p)`;

let result: BindingsResult;

beforeAll(async () => {
  const store = await SparqlStore.create();
  store.loadText(readFileSync(FIXTURE, 'utf8'), { format: 'trig' });
  const r = store.query(QUERY);
  store.dispose();
  if (r.type !== 'bindings') throw new Error('expected solutions');
  // The engine names blank nodes at random; name them b0, b1… for whole-string comparisons.
  const names = new Map<string, string>();
  const rows = r.rows.map((row) => {
    const out: Row = {};
    for (const v of r.variables) {
      const t = row[v];
      if (t?.termType === 'BlankNode' && !names.has(t.value)) names.set(t.value, `b${names.size}`);
      out[v] = t?.termType === 'BlankNode' ? factory.blankNode(names.get(t.value)) : t;
    }
    return out;
  });
  result = { ...r, rows };
});

const lines = (...l: string[]): string => l.join('');

describe('writing', () => {
  it('writes CSV per the SPARQL 1.1 CSV format (CRLF, quoting, lexical forms only)', () => {
    expect(toCsv(result)).toBe(
      lines(
        'who,value,score\r\n',
        `${EX}alfred,1877-08-23,\r\n`,
        `${EX}alfred,"said ""no"", then\nleft",\r\n`,
        `${EX}alfred,_:b0,\r\n`,
        `${EX}alfred,Alfred Rosmer,\r\n`,
        `${EX}trotsky,=1+1,\r\n`,
        `${EX}trotsky,${EX}alfred,\r\n`,
        `${EX}trotsky,2.5,\r\n`,
        `${EX}trotsky,Leon Trotsky,2.5\r\n`,
      ),
    );
  });

  it('makes formula-like CSV cells inert for spreadsheets when asked', () => {
    const risky: BindingsResult = {
      type: 'bindings',
      variables: ['v'],
      rows: ['=1+1', '+33 1', '-2', '@SUM(A1)', '\tx', 'plain', '2'].map((s) => ({
        v: factory.literal(s),
      })),
    };
    expect(toCsv(risky, { spreadsheetSafe: true })).toBe(
      "v\r\n'=1+1\r\n'+33 1\r\n'-2\r\n'@SUM(A1)\r\n'\tx\r\nplain\r\n2\r\n",
    );
    expect(toCsv(risky)).toBe('v\r\n=1+1\r\n+33 1\r\n-2\r\n@SUM(A1)\r\n\tx\r\nplain\r\n2\r\n');
  });

  it('writes TSV per the SPARQL 1.1 TSV format (terms in SPARQL syntax, numbers abbreviated)', () => {
    expect(toTsv(result)).toBe(
      lines(
        '?who\t?value\t?score\n',
        `<${EX}alfred>\t"1877-08-23"^^<${XSD}date>\t\n`,
        `<${EX}alfred>\t"said \\"no\\", then\\nleft"\t\n`,
        `<${EX}alfred>\t_:b0\t\n`,
        `<${EX}alfred>\t"Alfred Rosmer"@fr\t\n`,
        `<${EX}trotsky>\t"=1+1"\t\n`,
        `<${EX}trotsky>\t<${EX}alfred>\t\n`,
        `<${EX}trotsky>\t2.5\t\n`,
        `<${EX}trotsky>\t"Leon Trotsky"@en\t2.5\n`,
      ),
    );
  });

  it('writes SPARQL JSON, one solution per line', () => {
    const who = (l: string): string => `"who":{"type":"uri","value":"${EX}${l}"}`;
    expect(toSparqlJson(result)).toBe(
      lines(
        '{"head":{"vars":["who","value","score"]},"results":{"bindings":[\n',
        `{${who('alfred')},"value":{"type":"literal","value":"1877-08-23","datatype":"${XSD}date"}},\n`,
        `{${who('alfred')},"value":{"type":"literal","value":"said \\"no\\", then\\nleft"}},\n`,
        `{${who('alfred')},"value":{"type":"bnode","value":"b0"}},\n`,
        `{${who('alfred')},"value":{"type":"literal","value":"Alfred Rosmer","xml:lang":"fr"}},\n`,
        `{${who('trotsky')},"value":{"type":"literal","value":"=1+1"}},\n`,
        `{${who('trotsky')},"value":{"type":"uri","value":"${EX}alfred"}},\n`,
        `{${who('trotsky')},"value":{"type":"literal","value":"2.5","datatype":"${XSD}decimal"}},\n`,
        `{${who('trotsky')},"value":{"type":"literal","value":"Leon Trotsky","xml:lang":"en"},"score":{"type":"literal","value":"2.5","datatype":"${XSD}decimal"}}\n`,
        ']}}\n',
      ),
    );
  });

  it('writes SPARQL XML', () => {
    const row = (who: string, value: string, score?: string): string =>
      lines(
        '    <result>\n',
        `      <binding name="who"><uri>${EX}${who}</uri></binding>\n`,
        `      <binding name="value">${value}</binding>\n`,
        score === undefined ? '' : `      <binding name="score">${score}</binding>\n`,
        '    </result>\n',
      );
    const decimal = `<literal datatype="${XSD}decimal">2.5</literal>`;
    expect(toSparqlXml(result)).toBe(
      lines(
        '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n',
        '  <head>\n    <variable name="who"/>\n    <variable name="value"/>\n    <variable name="score"/>\n  </head>\n',
        '  <results>\n',
        row('alfred', `<literal datatype="${XSD}date">1877-08-23</literal>`),
        row('alfred', '<literal>said &quot;no&quot;, then\nleft</literal>'),
        row('alfred', '<bnode>b0</bnode>'),
        row('alfred', '<literal xml:lang="fr">Alfred Rosmer</literal>'),
        row('trotsky', '<literal>=1+1</literal>'),
        row('trotsky', `<uri>${EX}alfred</uri>`),
        row('trotsky', decimal),
        row('trotsky', '<literal xml:lang="en">Leon Trotsky</literal>', decimal),
        '  </results>\n</sparql>\n',
      ),
    );
  });

  it('writes ASK results in JSON and XML', () => {
    expect(toSparqlJson({ type: 'boolean', value: true })).toBe('{"head":{},"boolean":true}\n');
    expect(toSparqlXml({ type: 'boolean', value: false })).toBe(
      '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n  <head/>\n  <boolean>false</boolean>\n</sparql>\n',
    );
  });

  it('refuses to write a character XML 1.0 cannot carry, naming the row and variable', () => {
    const bad: BindingsResult = {
      type: 'bindings',
      variables: ['x'],
      rows: [{ x: factory.literal('bell\u0007') }],
    };
    expect(() => toSparqlXml(bad)).toThrow(
      new RangeError(
        'row 1, ?x: U+0007 cannot be written in XML 1.0; export these results as JSON or TSV instead.',
      ),
    );
  });

  it('draws an aligned table with prefixes, cut columns and a row count', () => {
    const table = toTable(result, {
      prefixes: { ex: EX, xsd: XSD },
      maxColumnWidth: 20,
    });
    expect(table).toBe(
      lines(
        '┌────────────┬──────────────────────┬───────┐\n',
        '│ who        │ value                │ score │\n',
        '├────────────┼──────────────────────┼───────┤\n',
        '│ ex:alfred  │ "1877-08-23"^^xsd:d… │       │\n',
        '│ ex:alfred  │ "said \\"no\\", then\\… │       │\n',
        '│ ex:alfred  │ _:b0                 │       │\n',
        '│ ex:alfred  │ "Alfred Rosmer"@fr   │       │\n',
        '│ ex:trotsky │ "=1+1"               │       │\n',
        '│ ex:trotsky │ ex:alfred            │       │\n',
        '│ ex:trotsky │ 2.5                  │       │\n',
        '│ ex:trotsky │ "Leon Trotsky"@en    │ 2.5   │\n',
        '└────────────┴──────────────────────┴───────┘\n',
        '8 rows\n',
      ),
    );
    expect(toTable({ type: 'boolean', value: true })).toBe('true\n');
    expect(toTable({ type: 'bindings', variables: ['x'], rows: [] })).toBe(
      '┌───┐\n│ x │\n├───┤\n└───┘\n0 rows\n',
    );
    const cell = `<${EX}a b>`; // "a b" is no local name, so the IRI is written in full
    const bar = '─'.repeat(cell.length + 2);
    expect(
      toTable(
        { type: 'bindings', variables: ['x'], rows: [{ x: factory.namedNode(`${EX}a b`) }] },
        { prefixes: { ex: EX } },
      ),
    ).toBe(`┌${bar}┐\n│ x${' '.repeat(cell.length)}│\n├${bar}┤\n│ ${cell} │\n└${bar}┘\n1 row\n`);
  });
});

describe('reading', () => {
  it('reads back what it writes in JSON, XML and TSV, term for term', () => {
    expect(parseSparqlJson(toSparqlJson(result))).toEqual(result);
    expect(parseSparqlXml(toSparqlXml(result))).toEqual(result);
    expect(parseTsvResults(toTsv(result))).toEqual(result);
  });

  it('reads CSV, guessing IRIs, blank nodes and strings since CSV keeps no types', () => {
    const str = (s: string): ReturnType<typeof factory.literal> => factory.literal(s);
    const alfred = factory.namedNode(`${EX}alfred`);
    const trotsky = factory.namedNode(`${EX}trotsky`);
    expect(parseCsvResults(toCsv(result))).toEqual({
      type: 'bindings',
      variables: ['who', 'value', 'score'],
      rows: [
        { who: alfred, value: str('1877-08-23'), score: undefined },
        { who: alfred, value: str('said "no", then\nleft'), score: undefined },
        { who: alfred, value: factory.blankNode('b0'), score: undefined },
        { who: alfred, value: str('Alfred Rosmer'), score: undefined },
        { who: trotsky, value: str('=1+1'), score: undefined },
        { who: trotsky, value: alfred, score: undefined },
        { who: trotsky, value: str('2.5'), score: undefined },
        { who: trotsky, value: str('Leon Trotsky'), score: str('2.5') },
      ],
    });
  });

  it('reads results with RDF 1.2 triple terms and directions in JSON, XML and TSV', () => {
    const r: BindingsResult = {
      type: 'bindings',
      variables: ['t'],
      rows: [
        {
          t: factory.quad(
            factory.namedNode('urn:s'),
            factory.namedNode('urn:p'),
            factory.literal('שלום', { language: 'he', direction: 'rtl' }),
          ),
        },
      ],
    };
    expect(parseSparqlJson(toSparqlJson(r))).toEqual(r);
    expect(parseSparqlXml(toSparqlXml(r))).toEqual(r);
    expect(parseTsvResults(toTsv(r))).toEqual(r);
  });

  it('reads XML with a prefixed namespace, comments and CDATA, and ignores foreign elements', () => {
    const xml = `<?xml version="1.0"?>
<!-- a comment -->
<res:sparql xmlns:res="http://www.w3.org/2005/sparql-results#" xmlns:x="urn:other">
  <res:head><res:variable name="a"/><res:variable name="b"/><res:link href="meta"/></res:head>
  <res:results>
    <res:result>
      <res:binding name="a"><res:literal datatype="${XSD}integer"><![CDATA[42]]></res:literal></res:binding>
      <x:note>ignored</x:note>
    </res:result>
  </res:results>
</res:sparql>`;
    expect(parseSparqlXml(xml)).toEqual({
      type: 'bindings',
      variables: ['a', 'b'],
      rows: [{ a: factory.literal('42', datatype(`${XSD}integer`)), b: undefined }],
    });
  });

  it('reads the SPARQL 1.0 JSON spelling "typed-literal" and ASK documents', () => {
    const json = `{"head":{"vars":["n"]},"results":{"bindings":[{"n":{"type":"typed-literal","value":"7","datatype":"${XSD}integer"}}]}}`;
    expect(parseSparqlJson(json)).toEqual({
      type: 'bindings',
      variables: ['n'],
      rows: [{ n: factory.literal('7', datatype(`${XSD}integer`)) }],
    });
    expect(parseSparqlJson('{"head":{},"boolean":false}')).toEqual({
      type: 'boolean',
      value: false,
    });
    expect(parseSparqlXml(toSparqlXml({ type: 'boolean', value: true }))).toEqual({
      type: 'boolean',
      value: true,
    });
  });

  it('reads TSV with abbreviated numbers, booleans, escapes, single quotes and CRLF line ends', () => {
    const tsv = "?a\t?b\r\n1\t-2.5e3\r\ntrue\t'it\\'s\\u00e9'\r\n";
    expect(parseTsvResults(tsv)).toEqual({
      type: 'bindings',
      variables: ['a', 'b'],
      rows: [
        {
          a: factory.literal('1', datatype(`${XSD}integer`)),
          b: factory.literal('-2.5e3', datatype(`${XSD}double`)),
        },
        { a: factory.literal('true', datatype(`${XSD}boolean`)), b: factory.literal("it'sé") },
      ],
    });
  });

  it('reads results with no variables (one empty solution) and with no rows', () => {
    expect(parseTsvResults('\n\n')).toEqual({ type: 'bindings', variables: [], rows: [{}] });
    expect(parseTsvResults('?x\n')).toEqual({ type: 'bindings', variables: ['x'], rows: [] });
    expect(parseCsvResults('x\r\n')).toEqual({ type: 'bindings', variables: ['x'], rows: [] });
  });
});

describe('reading bad input', () => {
  const failure = (read: () => unknown): unknown => {
    try {
      read();
    } catch (error) {
      expect(error).toBeInstanceOf(ResultsSyntaxError);
      const e = error as ResultsSyntaxError;
      return { message: e.message, position: e.position };
    }
    throw new Error('expected a ResultsSyntaxError');
  };

  it('names the line and column of a bad TSV cell', () => {
    expect(failure(() => parseTsvResults('?a\t?b\n<urn:x>\t"open\n'))).toEqual({
      message: 'SPARQL TSV results, line 2, column 9: a string is not closed.',
      position: { line: 2, column: 9 },
    });
    expect(failure(() => parseTsvResults('?a\t?b\n<urn:x>\n'))).toEqual({
      message:
        'SPARQL TSV results, line 2, column 8: the row has 1 cells where the header names 2.',
      position: { line: 2, column: 8 },
    });
    expect(failure(() => parseTsvResults('?a\n<urn:x>\t<urn:y>\n'))).toEqual({
      message:
        'SPARQL TSV results, line 2, column 1: the row has more cells than the 1 the header names.',
      position: { line: 2, column: 1 },
    });
    expect(failure(() => parseTsvResults('a\n'))).toEqual({
      message: 'SPARQL TSV results, line 1, column 1: header cell 1, "a", must be a ?variable.',
      position: { line: 1, column: 1 },
    });
    expect(failure(() => parseTsvResults('?a\nex:b\n'))).toEqual({
      message: 'SPARQL TSV results, line 2, column 1: "ex:b" is not an RDF term in SPARQL syntax.',
      position: { line: 2, column: 1 },
    });
  });

  it('names the field of a bad JSON document, or the line and column of bad JSON', () => {
    expect(
      failure(() =>
        parseSparqlJson(
          '{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"iri","value":"a"}}]}}',
        ),
      ),
    ).toEqual({
      message:
        'SPARQL JSON results, field results.bindings[0].x.type: "iri" is not uri, bnode, literal or triple.',
      position: undefined,
    });
    expect(failure(() => parseSparqlJson('{"head":{"vars":["x"]},\n "results" 1}'))).toEqual({
      // After the position comes V8's own wording, which changes between Node versions.
      message: expect.stringMatching(/^SPARQL JSON results, line 2, column 12: \S/) as unknown,
      position: { line: 2, column: 12 },
    });
  });

  it('names the line and column of bad XML', () => {
    expect(
      failure(() =>
        parseSparqlXml(
          '<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>\n</sparql>',
        ),
      ),
    ).toEqual({
      message: 'SPARQL XML results, line 3, column 10: unexpected close tag.',
      position: { line: 3, column: 10 },
    });
    expect(
      failure(() =>
        parseSparqlXml('<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/></sparql>'),
      ),
    ).toEqual({
      message: 'SPARQL XML results: the document has neither <results> nor <boolean>.',
      position: undefined,
    });
  });

  it('names the line of an unclosed CSV quote and a record of the wrong width', () => {
    expect(failure(() => parseCsvResults('a,b\r\n"x,y\r\n'))).toEqual({
      message: 'SPARQL CSV results, line 2: a quoted field is not closed.',
      position: { line: 2, column: 1 },
    });
    expect(failure(() => parseCsvResults('a,b\r\nx\r\n'))).toEqual({
      message: 'SPARQL CSV results, record 2: 1 fields where the header names 2.',
      position: undefined,
    });
  });
});
