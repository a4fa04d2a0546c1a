// Readers of SPARQL 1.1 Query Results documents — JSON, XML, TSV and CSV — into the same
// QueryResult shapes the store returns, for results that come from elsewhere (a remote endpoint,
// a file, the W3C test suites). Bad input fails with a ResultsSyntaxError that says where.
import type { Quad_Object, Quad_Predicate, Quad_Subject, Term } from '@rdfjs/types';
import { SaxesParser, type SaxesTagNS } from '@rubensworks/saxes';
import { ResultsSyntaxError } from './errors.ts';
import { factory, makeLiteral, readTerm, TermSyntaxError } from './terms.ts';
import type { BindingsResult, BooleanResult, Row } from './types.ts';

// SPARQL's VARNAME, with \p{L}/\p{N}/\p{M} standing in for its code point ranges.
const VARIABLE_NAME = /^[\p{L}\p{N}_][\p{L}\p{N}\p{M}_\u00B7\u203F\u2040]*$/u;

function checkVariables(
  names: readonly string[],
  format: 'json' | 'xml' | 'csv' | 'tsv',
  where: (index: number) => string,
): void {
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (!VARIABLE_NAME.test(name)) {
      throw new ResultsSyntaxError(
        `${where(i)}: ${JSON.stringify(name)} is not a SPARQL variable name.`,
        format,
      );
    }
    if (seen.has(name))
      throw new ResultsSyntaxError(`${where(i)}: variable "${name}" is declared twice.`, format);
    seen.add(name);
  });
}

function completeRow(row: Row, variables: readonly string[]): Row {
  for (const v of variables) if (!(v in row)) row[v] = undefined;
  return row;
}

// ---------------------------------------------------------------------------------------------
// JSON

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonFail(field: string, problem: string): never {
  throw new ResultsSyntaxError(`SPARQL JSON results, field ${field}: ${problem}`, 'json');
}

function jsonString(value: Json | undefined, field: string): string {
  if (typeof value !== 'string') jsonFail(field, 'expected a string.');
  return value;
}

function jsonTerm(value: Json | undefined, field: string): Term {
  if (!isObject(value)) jsonFail(field, 'expected an RDF term object.');
  const type = jsonString(value.type, `${field}.type`);
  switch (type) {
    case 'uri':
      return factory.namedNode(jsonString(value.value, `${field}.value`));
    case 'bnode':
      return factory.blankNode(jsonString(value.value, `${field}.value`));
    case 'literal':
    case 'typed-literal': {
      // "typed-literal" is the SPARQL 1.0 JSON note's spelling, still sent by some endpoints.
      const lang = value['xml:lang'];
      const dir = value['its:dir'];
      const dt = value.datatype;
      return makeLiteral(
        jsonString(value.value, `${field}.value`),
        lang === undefined ? undefined : jsonString(lang, `${field}["xml:lang"]`),
        dir === undefined ? undefined : jsonString(dir, `${field}["its:dir"]`),
        dt === undefined ? undefined : jsonString(dt, `${field}.datatype`),
      );
    }
    case 'triple': {
      const t = value.value;
      if (!isObject(t)) jsonFail(`${field}.value`, 'expected {subject, predicate, object}.');
      return factory.quad(
        jsonTerm(t.subject, `${field}.value.subject`) as Quad_Subject,
        jsonTerm(t.predicate, `${field}.value.predicate`) as Quad_Predicate,
        jsonTerm(t.object, `${field}.value.object`) as Quad_Object,
      );
    }
    default:
      return jsonFail(`${field}.type`, `"${type}" is not uri, bnode, literal or triple.`);
  }
}

function jsonParseError(text: string, error: unknown): ResultsSyntaxError {
  const message = error instanceof Error ? error.message : String(error);
  // V8 gives a position for some errors ("… in JSON at position 35"), not for all.
  const at = / in JSON at position (\d+).*$/.exec(message);
  if (at) {
    const offset = Number(at[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return new ResultsSyntaxError(
      `SPARQL JSON results, line ${line}, column ${column}: ${message.slice(0, at.index)}.`,
      'json',
      { line, column },
    );
  }
  return new ResultsSyntaxError(`SPARQL JSON results: ${message}`, 'json');
}

/** Reads a SPARQL 1.1 Query Results JSON document (a SELECT or an ASK result). */
export function parseSparqlJson(text: string): BindingsResult | BooleanResult {
  let doc: Json;
  try {
    doc = JSON.parse(text) as Json;
  } catch (error) {
    throw jsonParseError(text, error);
  }
  if (!isObject(doc)) jsonFail('(root)', 'expected an object with "head".');
  if (typeof doc.boolean === 'boolean') return { type: 'boolean', value: doc.boolean };
  const head = doc.head;
  if (!isObject(head)) jsonFail('head', 'expected an object.');
  const vars = head.vars ?? [];
  if (!Array.isArray(vars)) jsonFail('head.vars', 'expected an array of variable names.');
  const variables = vars.map((v, i) => jsonString(v, `head.vars[${i}]`));
  checkVariables(variables, 'json', (i) => `SPARQL JSON results, field head.vars[${i}]`);
  const results = doc.results;
  if (!isObject(results))
    jsonFail('results', 'expected an object with "bindings" (or a "boolean").');
  const bindings = results.bindings;
  if (!Array.isArray(bindings)) jsonFail('results.bindings', 'expected an array.');
  const rows = bindings.map((b, i) => {
    if (!isObject(b)) jsonFail(`results.bindings[${i}]`, 'expected an object.');
    const row: Row = {};
    for (const v of variables) {
      const value = b[v];
      row[v] = value === undefined ? undefined : jsonTerm(value, `results.bindings[${i}].${v}`);
    }
    return row;
  });
  return { type: 'bindings', variables, rows };
}

// ---------------------------------------------------------------------------------------------
// XML

const SPARQL_NS = 'http://www.w3.org/2005/sparql-results#';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const ITS_NS = 'http://www.w3.org/2005/11/its';

function attribute(tag: SaxesTagNS, uri: string, local: string): string | undefined {
  for (const a of Object.values(tag.attributes)) {
    if (a.local === local && a.uri === uri) return a.value;
  }
  return undefined;
}

/** Reads a SPARQL 1.1 Query Results XML document (a SELECT or an ASK result). */
export function parseSparqlXml(text: string): BindingsResult | BooleanResult {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const fail = (problem: string): never => {
    throw new ResultsSyntaxError(
      `SPARQL XML results, line ${parser.line}, column ${parser.column + 1}: ${problem}`,
      'xml',
      { line: parser.line, column: parser.column + 1 },
    );
  };
  const variables: string[] = [];
  const rows: Row[] = [];
  // Held in an object: the callbacks below set these, which control-flow analysis cannot see.
  const doc: { boolean?: boolean; sawResults: boolean } = { sawResults: false };
  let row: Row | undefined;
  let bindingName: string | undefined;
  let textBuffer: string | undefined;
  let termTag: SaxesTagNS | undefined;
  // Values being built: a binding's term, or the parts of (possibly nested) triple terms.
  const holders: { term?: Term }[] = [];
  const triples: Partial<Record<'subject' | 'predicate' | 'object', Term>>[] = [];

  const place = (term: Term): void => {
    const holder = holders[holders.length - 1];
    if (holder === undefined || holder.term !== undefined)
      fail('an RDF term is not where a value belongs.');
    else holder.term = term;
  };

  parser.on('error', (error) => fail(error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')));
  parser.on('opentag', (tag) => {
    if (tag.uri !== SPARQL_NS) return; // foreign elements (extensions) are ignored
    switch (tag.local) {
      case 'variable': {
        const name = attribute(tag, '', 'name');
        if (name === undefined) fail('<variable> needs a name attribute.');
        else variables.push(name);
        break;
      }
      case 'results':
        doc.sawResults = true;
        break;
      case 'result':
        row = {};
        break;
      case 'binding':
        bindingName = attribute(tag, '', 'name');
        if (bindingName === undefined || row === undefined)
          fail('<binding> needs a name and a <result>.');
        holders.push({});
        break;
      case 'uri':
      case 'bnode':
      case 'literal':
      case 'boolean':
        textBuffer = '';
        termTag = tag;
        break;
      case 'triple':
        triples.push({});
        break;
      case 'subject':
      case 'predicate':
      case 'object':
        if (triples.length === 0) fail(`<${tag.local}> belongs inside a <triple>.`);
        holders.push({});
        break;
    }
  });
  const onText = (t: string): void => {
    if (textBuffer !== undefined) textBuffer += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    if (tag.uri !== SPARQL_NS) return;
    switch (tag.local) {
      case 'uri':
        place(factory.namedNode(textBuffer ?? ''));
        break;
      case 'bnode':
        place(factory.blankNode(textBuffer ?? ''));
        break;
      case 'literal': {
        const t = termTag ?? tag;
        place(
          makeLiteral(
            textBuffer ?? '',
            attribute(t, XML_NS, 'lang'),
            attribute(t, ITS_NS, 'dir'),
            attribute(t, '', 'datatype'),
          ),
        );
        break;
      }
      case 'boolean':
        if (textBuffer?.trim() !== 'true' && textBuffer?.trim() !== 'false') {
          fail(`<boolean> must hold true or false, not ${JSON.stringify(textBuffer)}.`);
        }
        doc.boolean = textBuffer?.trim() === 'true';
        break;
      case 'subject':
      case 'predicate':
      case 'object': {
        const holder = holders.pop();
        const triple = triples[triples.length - 1];
        if (holder?.term === undefined || triple === undefined) fail(`<${tag.local}> is empty.`);
        else triple[tag.local] = holder.term;
        break;
      }
      case 'triple': {
        const t = triples.pop();
        if (t?.subject === undefined || t.predicate === undefined || t.object === undefined) {
          fail('<triple> needs a <subject>, a <predicate> and an <object>.');
        } else {
          place(
            factory.quad(
              t.subject as Quad_Subject,
              t.predicate as Quad_Predicate,
              t.object as Quad_Object,
            ),
          );
        }
        break;
      }
      case 'binding': {
        const holder = holders.pop();
        if (holder?.term === undefined)
          fail(`<binding name="${bindingName ?? ''}"> holds no value.`);
        else if (row !== undefined && bindingName !== undefined) row[bindingName] = holder.term;
        break;
      }
      case 'result':
        if (row !== undefined) rows.push(completeRow(row, variables));
        row = undefined;
        break;
    }
    if (
      tag.local === 'uri' ||
      tag.local === 'bnode' ||
      tag.local === 'literal' ||
      tag.local === 'boolean'
    ) {
      textBuffer = undefined;
      termTag = undefined;
    }
  });
  parser.write(text).close();
  if (doc.boolean !== undefined) return { type: 'boolean', value: doc.boolean };
  if (!doc.sawResults) {
    throw new ResultsSyntaxError(
      'SPARQL XML results: the document has neither <results> nor <boolean>.',
      'xml',
    );
  }
  checkVariables(variables, 'xml', (i) => `SPARQL XML results, variable ${i + 1}`);
  return { type: 'bindings', variables, rows };
}

// ---------------------------------------------------------------------------------------------
// TSV

/**
 * Reads a SPARQL 1.1 Query Results TSV document: a header of `?variables`, then rows of terms in
 * SPARQL syntax separated by tabs (empty for unbound).
 */
export function parseTsvResults(text: string): BindingsResult {
  const n = text.length;
  let headerEnd = text.indexOf('\n');
  if (headerEnd < 0) headerEnd = n;
  const header = text.slice(0, headerEnd).replace(/\r$/, '');
  const variables =
    header === ''
      ? []
      : header.split('\t').map((h, i) => {
          if (h[0] !== '?' && h[0] !== '$') {
            throw tsvError(
              text,
              0,
              `header cell ${i + 1}, ${JSON.stringify(h)}, must be a ?variable.`,
            );
          }
          return h.slice(1);
        });
  checkVariables(variables, 'tsv', (i) => `SPARQL TSV results, line 1, variable ${i + 1}`);
  const width = variables.length;
  const rows: Row[] = [];
  // NOTE: one pass over the whole text with indexOf, no split into lines: this runs on every
  // query result, and large results are hundreds of thousands of cells.
  let pos = headerEnd + 1;
  while (pos < n) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = n;
    const end =
      lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 /* \r */ ? lineEnd - 1 : lineEnd;
    const row: Row = {};
    let start = pos;
    for (let v = 0; v < width; v++) {
      let stop = end;
      if (v < width - 1) {
        stop = text.indexOf('\t', start);
        if (stop < 0 || stop > end) {
          throw tsvError(text, end, `the row has ${v + 1} cells where the header names ${width}.`);
        }
      } else if (text.lastIndexOf('\t', end - 1) >= start) {
        throw tsvError(text, start, `the row has more cells than the ${width} the header names.`);
      }
      row[variables[v] ?? ''] = stop === start ? undefined : tsvCell(text, start, stop);
      start = stop + 1;
    }
    if (width === 0 && end > pos)
      throw tsvError(text, pos, 'the header names no variables, so rows must be empty.');
    rows.push(row);
    pos = lineEnd + 1;
  }
  return { type: 'bindings', variables, rows };
}

function tsvCell(text: string, start: number, stop: number): Term {
  try {
    const [term, next] = readTerm(text, start, stop);
    if (next !== stop) throw new TermSyntaxError('unexpected text after the term', next);
    return term;
  } catch (error) {
    if (error instanceof TermSyntaxError) throw tsvError(text, error.index, `${error.message}.`);
    throw error;
  }
}

function tsvError(text: string, index: number, problem: string): ResultsSyntaxError {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return new ResultsSyntaxError(
    `SPARQL TSV results, line ${line}, column ${column}: ${problem}`,
    'tsv',
    { line, column },
  );
}

// ---------------------------------------------------------------------------------------------
// CSV

// An absolute IRI as CSV results write them: a scheme, a colon, no spaces or forbidden characters.
const ABSOLUTE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|^`\\]*$/;

/**
 * Reads a SPARQL 1.1 Query Results CSV document (RFC 4180 quoting; CRLF or LF line ends).
 * WARNING: CSV drops the kind of each value, so this guesses: an empty field is unbound, `_:label` is
 * a blank node, a field that is a whole absolute IRI (`scheme:…`, no spaces) is an IRI, anything
 * else is a plain string literal. Prefer JSON, XML or TSV when the types matter.
 */
export function parseCsvResults(text: string): BindingsResult {
  const records = csvRecords(text);
  const header = records.shift() ?? [];
  const variables = header.length === 1 && header[0] === '' ? [] : header;
  checkVariables(variables, 'csv', (i) => `SPARQL CSV results, line 1, field ${i + 1}`);
  const rows = records.map((fields, r) => {
    if (fields.length !== Math.max(1, variables.length)) {
      throw new ResultsSyntaxError(
        `SPARQL CSV results, record ${r + 2}: ${fields.length} fields where the header names ${variables.length}.`,
        'csv',
      );
    }
    const row: Row = {};
    variables.forEach((v, i) => {
      const value = fields[i] ?? '';
      row[v] =
        value === ''
          ? undefined
          : value.startsWith('_:')
            ? factory.blankNode(value.slice(2))
            : ABSOLUTE_IRI.test(value)
              ? factory.namedNode(value)
              : factory.literal(value);
    });
    return row;
  });
  return { type: 'bindings', variables, rows };
}

function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let i = 0;
  let line = 1;
  const n = text.length;
  if (n === 0) return records;
  for (;;) {
    let value = '';
    if (text[i] === '"') {
      const startLine = line;
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          throw new ResultsSyntaxError(
            `SPARQL CSV results, line ${startLine}: a quoted field is not closed.`,
            'csv',
            { line: startLine, column: 1 },
          );
        }
        const chunk = text.slice(i, q);
        line += chunk.split('\n').length - 1;
        value += chunk;
        if (text[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      let j = i;
      while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
      value = text.slice(i, j);
      i = j;
    }
    fields.push(value);
    if (i >= n) {
      records.push(fields);
      return records;
    }
    const c = text[i];
    if (c === ',') {
      i++;
    } else if (c === '\r' || c === '\n') {
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      records.push(fields);
      fields = [];
      if (i >= n) return records;
    } else {
      throw new ResultsSyntaxError(
        `SPARQL CSV results, line ${line}: unexpected ${JSON.stringify(c)} after a quoted field.`,
        'csv',
        { line, column: 1 },
      );
    }
  }
}
