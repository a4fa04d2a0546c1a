// RDF terms in text: the one term factory of the query layer (n3's), reading terms written in
// SPARQL/Turtle syntax (the cells of SPARQL TSV results, lines of N-Triples) and writing them back
// (N-Triples, TSV with the abbreviated numbers the TSV format allows).
import type {
  BaseQuad,
  DataFactory,
  Literal,
  NamedNode,
  Quad,
  Quad_Graph,
  Quad_Object,
  Quad_Predicate,
  Quad_Subject,
  Term,
} from '@rdfjs/types';
import { DataFactory as N3DataFactory } from 'n3';

export const XSD = 'http://www.w3.org/2001/XMLSchema#';
export const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD_STRING = `${XSD}string`;
const XSD_INTEGER = `${XSD}integer`;
const XSD_DECIMAL = `${XSD}decimal`;
const XSD_DOUBLE = `${XSD}double`;
const XSD_BOOLEAN = `${XSD}boolean`;

/**
 * The RDF/JS factory every term of this layer comes from (n3's, so the terms go straight into an
 * N3.Store or Writer). Typed as @rdfjs/types' DataFactory, whose RDF 1.2 parts (directional language
 * tags, triple terms) n3 implements but @types/n3 does not declare.
 */
export const factory: DataFactory = N3DataFactory;

const datatypes = new Map<string, NamedNode>();

/** A datatype IRI as a NamedNode, shared between literals (results reuse a handful of datatypes). */
export function datatype(iri: string): NamedNode {
  let node = datatypes.get(iri);
  if (node === undefined) {
    node = factory.namedNode(iri);
    if (datatypes.size < 1000) datatypes.set(iri, node);
  }
  return node;
}

/** A literal from its parts; `language` wins over `datatypeIri`, as in every RDF syntax. */
export function makeLiteral(
  value: string,
  language: string | undefined,
  direction: string | undefined,
  datatypeIri: string | undefined,
): Literal {
  if (language !== undefined && language !== '') {
    return direction === 'ltr' || direction === 'rtl'
      ? factory.literal(value, { language, direction })
      : factory.literal(value, language);
  }
  if (datatypeIri === undefined || datatypeIri === XSD_STRING) return factory.literal(value);
  return factory.literal(value, datatype(datatypeIri));
}

// ---------------------------------------------------------------------------------------------
// Writing

const ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** A string as the body of a double-quoted N-Triples/Turtle/SPARQL string (quotes not included). */
export function escapeString(value: string): string {
  return /["\\\n\r\t\b\f]/.test(value)
    ? value.replace(/["\\\n\r\t\b\f]/g, (c) => ESCAPES[c] ?? c)
    : value;
}

// Characters N-Triples forbids raw in an IRIREF; they are written as \u escapes.
// eslint-disable-next-line no-control-regex -- control characters are part of the forbidden set
const IRI_FORBIDDEN = /[\u0000-\u0020<>"{}|^`\\]/g;

function escapeIri(iri: string): string {
  return iri.replace(
    IRI_FORBIDDEN,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`,
  );
}

/** A term in N-Triples syntax (triple terms as `<<( s p o )>>`); variables as `?name`. */
export function toNTriples(term: Term): string {
  switch (term.termType) {
    case 'NamedNode':
      return `<${escapeIri(term.value)}>`;
    case 'BlankNode':
      return `_:${term.value}`;
    case 'Literal': {
      const body = `"${escapeString(term.value)}"`;
      if (term.language !== '') {
        return term.direction
          ? `${body}@${term.language}--${term.direction}`
          : `${body}@${term.language}`;
      }
      return term.datatype.value === XSD_STRING
        ? body
        : `${body}^^<${escapeIri(term.datatype.value)}>`;
    }
    case 'Quad':
      return `<<( ${toNTriples(term.subject)} ${toNTriples(term.predicate)} ${toNTriples(term.object)} )>>`;
    case 'Variable':
      return `?${term.value}`;
    case 'DefaultGraph':
      return '';
  }
}

/** One quad as an N-Quads line (with its final newline). */
export function toNQuadsLine(quad: BaseQuad): string {
  const graph = quad.graph.termType === 'DefaultGraph' ? '' : ` ${toNTriples(quad.graph)}`;
  return `${toNTriples(quad.subject)} ${toNTriples(quad.predicate)} ${toNTriples(quad.object)}${graph} .\n`;
}

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?\d*\.\d+$/;
const DOUBLE = /^[+-]?(?:\d+\.\d*|\.\d+|\d+)[eE][+-]?\d+$/;

/**
 * A term as SPARQL TSV writes it: N-Triples syntax, except that integers, decimals, doubles and
 * booleans whose lexical form is valid Turtle are written bare (`1`, `2.5`, `1.0e6`, `true`).
 */
export function toTsvTerm(term: Term): string {
  if (term.termType === 'Literal' && term.language === '') {
    const value = term.value;
    switch (term.datatype.value) {
      case XSD_INTEGER:
        if (INTEGER.test(value)) return value;
        break;
      case XSD_DECIMAL:
        if (DECIMAL.test(value)) return value;
        break;
      case XSD_DOUBLE:
        if (DOUBLE.test(value)) return value;
        break;
      case XSD_BOOLEAN:
        if (value === 'true' || value === 'false') return value;
        break;
    }
  }
  if (term.termType === 'Quad') {
    return `<<( ${toTsvTerm(term.subject)} ${toTsvTerm(term.predicate)} ${toTsvTerm(term.object)} )>>`;
  }
  return toNTriples(term);
}

// ---------------------------------------------------------------------------------------------
// Reading

/** A term text that is not valid; `index` is the UTF-16 offset of the problem within the text. */
export class TermSyntaxError extends Error {
  override name = 'TermSyntaxError';
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

const UNESCAPE = /\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|([\s\S]))/g;
const SIMPLE_ESCAPES: Record<string, string> = {
  t: '\t',
  b: '\b',
  n: '\n',
  r: '\r',
  f: '\f',
  '"': '"',
  "'": "'",
  '\\': '\\',
};

function unescape(text: string, at: number): string {
  if (!text.includes('\\')) return text;
  return text.replace(
    UNESCAPE,
    (
      match,
      u4: string | undefined,
      u8: string | undefined,
      c: string | undefined,
      offset: number,
    ) => {
      const hex = u4 ?? u8;
      if (hex !== undefined) {
        const code = parseInt(hex, 16);
        if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
          throw new TermSyntaxError(`"${match}" is not a Unicode code point`, at + offset);
        }
        return String.fromCodePoint(code);
      }
      const simple = SIMPLE_ESCAPES[c ?? ''];
      if (simple === undefined) throw new TermSyntaxError(`unknown escape "${match}"`, at + offset);
      return simple;
    },
  );
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * Reads one term in SPARQL/Turtle syntax starting at `start` (IRIs in full, `_:` blank nodes,
 * quoted literals with `@lang` or `^^<iri>`, bare numbers and booleans, `<<( s p o )>>` triple
 * terms) and returns it with the offset just after it. Prefixed names are not accepted: the formats
 * that use this (TSV results, N-Triples) declare no prefixes.
 */
export function readTerm(text: string, start: number, end = text.length): [Term, number] {
  const c = text.charCodeAt(start);
  if (c === 60 /* < */) {
    if (text.startsWith('<<(', start)) return readTripleTerm(text, start, end);
    const close = text.indexOf('>', start + 1);
    if (close < 0 || close >= end)
      throw new TermSyntaxError('an IRI is not closed with ">"', start);
    return [factory.namedNode(unescape(text.slice(start + 1, close), start + 1)), close + 1];
  }
  if (c === 34 /* " */ || c === 39 /* ' */) return readLiteral(text, start, end);
  if (c === 95 /* _ */ && text.charCodeAt(start + 1) === 58 /* : */) {
    let i = start + 2;
    while (i < end && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 41 /* ) */) i++;
    if (i === start + 2) throw new TermSyntaxError('a blank node label is empty', start);
    return [factory.blankNode(text.slice(start + 2, i)), i];
  }
  let i = start;
  while (i < end && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 41 /* ) */) i++;
  const word = text.slice(start, i);
  if (word === 'true' || word === 'false') return [factory.literal(word, datatype(XSD_BOOLEAN)), i];
  if (INTEGER.test(word)) return [factory.literal(word, datatype(XSD_INTEGER)), i];
  if (DECIMAL.test(word)) return [factory.literal(word, datatype(XSD_DECIMAL)), i];
  if (DOUBLE.test(word)) return [factory.literal(word, datatype(XSD_DOUBLE)), i];
  throw new TermSyntaxError(
    word === ''
      ? 'a term is missing'
      : `"${word.slice(0, 30)}" is not an RDF term in SPARQL syntax`,
    start,
  );
}

function readLiteral(text: string, start: number, end: number): [Term, number] {
  const quote = text[start] ?? '"';
  const long = text.startsWith(quote.repeat(3), start);
  const open = long ? 3 : 1;
  const delimiter = long ? quote.repeat(3) : quote;
  let close = text.indexOf(delimiter, start + open);
  // A delimiter preceded by an odd number of backslashes is escaped: look further.
  while (close >= 0 && close < end) {
    let backslashes = 0;
    while (text.charCodeAt(close - 1 - backslashes) === 92 /* \ */) backslashes++;
    if (backslashes % 2 === 0) break;
    close = text.indexOf(delimiter, close + 1);
  }
  if (close < 0 || close >= end) throw new TermSyntaxError('a string is not closed', start);
  const value = unescape(text.slice(start + open, close), start + open);
  const i = close + delimiter.length;
  if (text.charCodeAt(i) === 64 /* @ */) {
    let j = i + 1;
    while (j < end && !isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 41) j++;
    const tag = text.slice(i + 1, j);
    const dash = tag.indexOf('--');
    const language = dash < 0 ? tag : tag.slice(0, dash);
    if (!/^[A-Za-z]+(?:-[A-Za-z0-9]+)*$/.test(language)) {
      throw new TermSyntaxError(`"@${tag}" is not a language tag`, i);
    }
    return [makeLiteral(value, language, dash < 0 ? undefined : tag.slice(dash + 2), undefined), j];
  }
  if (text.startsWith('^^', i)) {
    if (text.charCodeAt(i + 2) !== 60)
      throw new TermSyntaxError('a datatype must be a full <IRI>', i + 2);
    const [dt, next] = readTerm(text, i + 2, end);
    return [makeLiteral(value, undefined, undefined, dt.value), next];
  }
  return [factory.literal(value), i];
}

function skipSpaces(text: string, i: number, end: number): number {
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function readTripleTerm(text: string, start: number, end: number): [Term, number] {
  let i = skipSpaces(text, start + 3, end);
  const [subject, a] = readTerm(text, i, end);
  i = skipSpaces(text, a, end);
  const [predicate, b] = readTerm(text, i, end);
  i = skipSpaces(text, b, end);
  const [object, c] = readTerm(text, i, end);
  i = skipSpaces(text, c, end);
  if (!text.startsWith(')>>', i))
    throw new TermSyntaxError('a triple term is not closed with ")>>"', i);
  if (predicate.termType !== 'NamedNode') {
    throw new TermSyntaxError('the predicate of a triple term must be an IRI', b);
  }
  const quad = factory.quad(subject as Quad_Subject, predicate, object as Quad_Object);
  return [quad, i + 3];
}

/**
 * Parses N-Triples or N-Quads text as Oxigraph writes it (one statement per line; blank lines and
 * `#` comment lines allowed). Throws TermSyntaxError with the offset of the first problem.
 */
export function parseNQuads(text: string): Quad[] {
  const quads: Quad[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let i = skipSpaces(text, lineStart, lineEnd);
    if (i < lineEnd && text.charCodeAt(i) !== 35 /* # */) {
      const [s, a] = readTerm(text, i, lineEnd);
      i = skipSpaces(text, a, lineEnd);
      const [p, b] = readTerm(text, i, lineEnd);
      i = skipSpaces(text, b, lineEnd);
      const [o, c] = readTerm(text, i, lineEnd);
      i = skipSpaces(text, c, lineEnd);
      let graph: Quad_Graph | undefined;
      if (i < lineEnd && text.charCodeAt(i) !== 46 /* . */) {
        const [g, d] = readTerm(text, i, lineEnd);
        if (g.termType !== 'NamedNode' && g.termType !== 'BlankNode') {
          throw new TermSyntaxError('a graph name must be an IRI or a blank node', i);
        }
        graph = g;
        i = skipSpaces(text, d, lineEnd);
      }
      if (text.charCodeAt(i) !== 46 /* . */)
        throw new TermSyntaxError('a statement must end with "."', i);
      quads.push(factory.quad(s as Quad_Subject, p as Quad_Predicate, o as Quad_Object, graph));
    }
    lineStart = lineEnd + 1;
  }
  return quads;
}
