// Query results in the W3C formats — SPARQL 1.1 Query Results JSON, XML, CSV and TSV (with the
// RDF 1.2 additions: triple terms, directional language tags) — plus an aligned text table for
// terminals. The readers of the same formats live in results-parse.ts and are re-exported here.
import type { Literal, Term } from '@rdfjs/types';
import { escapeString, toNTriples, toTsvTerm, XSD, RDF } from './terms.ts';
import type { BindingsResult, BooleanResult } from './types.ts';

export {
  parseCsvResults,
  parseSparqlJson,
  parseSparqlXml,
  parseTsvResults,
} from './results-parse.ts';

const XSD_STRING = `${XSD}string`;
const RDF_LANG_STRING = `${RDF}langString`;
const RDF_DIR_LANG_STRING = `${RDF}dirLangString`;

// ---------------------------------------------------------------------------------------------
// SPARQL JSON

interface JsonTerm {
  type: 'uri' | 'bnode' | 'literal' | 'triple';
  value: string | { subject: JsonTerm; predicate: JsonTerm; object: JsonTerm };
  'xml:lang'?: string;
  'its:dir'?: string;
  datatype?: string;
}

function jsonTerm(term: Term): JsonTerm {
  switch (term.termType) {
    case 'NamedNode':
      return { type: 'uri', value: term.value };
    case 'BlankNode':
      return { type: 'bnode', value: term.value };
    case 'Literal': {
      const out: JsonTerm = { type: 'literal', value: term.value };
      if (term.language !== '') {
        out['xml:lang'] = term.language;
        if (term.direction) out['its:dir'] = term.direction;
      } else if (term.datatype.value !== XSD_STRING) out.datatype = term.datatype.value;
      return out;
    }
    case 'Quad':
      return {
        type: 'triple',
        value: {
          subject: jsonTerm(term.subject),
          predicate: jsonTerm(term.predicate),
          object: jsonTerm(term.object),
        },
      };
    case 'Variable':
    case 'DefaultGraph':
      throw new TypeError(`A ${term.termType} cannot be a value in SPARQL results.`);
  }
}

/**
 * SPARQL 1.1 Query Results JSON of a SELECT or ASK result, one solution per line so that large
 * results stay readable and diffable.
 */
export function toSparqlJson(result: BindingsResult | BooleanResult): string {
  if (result.type === 'boolean') return `{"head":{},"boolean":${result.value}}\n`;
  const { variables, rows } = result;
  const lines = rows.map((row) => {
    const parts: string[] = [];
    for (const v of variables) {
      const term = row[v];
      if (term !== undefined) parts.push(`${JSON.stringify(v)}:${JSON.stringify(jsonTerm(term))}`);
    }
    return `{${parts.join(',')}}`;
  });
  const head = `{"head":{"vars":${JSON.stringify(variables)}},"results":{"bindings":[`;
  return lines.length === 0 ? `${head}]}}\n` : `${head}\n${lines.join(',\n')}\n]}}\n`;
}

// ---------------------------------------------------------------------------------------------
// SPARQL XML

// XML 1.0 cannot carry these characters at all, not even as character references.
// eslint-disable-next-line no-control-regex -- the control characters are the point
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
// Lone surrogates are not XML characters either.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function xmlText(value: string, where: string): string {
  const bad = XML_FORBIDDEN.exec(value) ?? LONE_SURROGATE.exec(value);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new RangeError(
      `${where}: U+${code} cannot be written in XML 1.0; export these results as JSON or TSV instead.`,
    );
  }
  // "\r" is escaped so that XML parsers' line-end normalisation does not turn it into "\n".
  return value.replace(/[&<>"\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#13;',
  );
}

function xmlTerm(term: Term, where: string): string {
  switch (term.termType) {
    case 'NamedNode':
      return `<uri>${xmlText(term.value, where)}</uri>`;
    case 'BlankNode':
      return `<bnode>${xmlText(term.value, where)}</bnode>`;
    case 'Literal':
      return `<literal${xmlLiteralAttributes(term, where)}>${xmlText(term.value, where)}</literal>`;
    case 'Quad':
      return (
        `<triple><subject>${xmlTerm(term.subject, where)}</subject>` +
        `<predicate>${xmlTerm(term.predicate, where)}</predicate>` +
        `<object>${xmlTerm(term.object, where)}</object></triple>`
      );
    case 'Variable':
    case 'DefaultGraph':
      throw new TypeError(`${where}: a ${term.termType} cannot be a value in SPARQL results.`);
  }
}

function xmlLiteralAttributes(term: Literal, where: string): string {
  if (term.language !== '') {
    const lang = ` xml:lang="${xmlText(term.language, where)}"`;
    return term.direction
      ? `${lang} its:dir="${term.direction}" xmlns:its="http://www.w3.org/2005/11/its"`
      : lang;
  }
  return term.datatype.value === XSD_STRING
    ? ''
    : ` datatype="${xmlText(term.datatype.value, where)}"`;
}

/**
 * SPARQL 1.1 Query Results XML of a SELECT or ASK result. Throws a RangeError naming the row and
 * variable when a value holds a character XML 1.0 cannot represent.
 */
export function toSparqlXml(result: BindingsResult | BooleanResult): string {
  const open = '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n';
  if (result.type === 'boolean')
    return `${open}  <head/>\n  <boolean>${result.value}</boolean>\n</sparql>\n`;
  const { variables, rows } = result;
  const out: string[] = [open, '  <head>\n'];
  for (const v of variables) out.push(`    <variable name="${xmlText(v, 'variable name')}"/>\n`);
  out.push('  </head>\n  <results>\n');
  rows.forEach((row, i) => {
    out.push('    <result>\n');
    for (const v of variables) {
      const term = row[v];
      if (term !== undefined) {
        out.push(`      <binding name="${v}">${xmlTerm(term, `row ${i + 1}, ?${v}`)}</binding>\n`);
      }
    }
    out.push('    </result>\n');
  });
  out.push('  </results>\n</sparql>\n');
  return out.join('');
}

// ---------------------------------------------------------------------------------------------
// CSV and TSV

/** Options of CSV output. */
export interface CsvOptions {
  /**
   * Make cells that a spreadsheet would run as a formula inert by prefixing a `'`: cells starting
   * with `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP's list). Off by default, since the
   * SPARQL CSV format requires the values verbatim.
   */
  spreadsheetSafe?: boolean;
}

function csvField(value: string, safe: boolean): string {
  const v = safe && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function csvValue(term: Term | undefined): string {
  if (term === undefined) return '';
  switch (term.termType) {
    case 'BlankNode':
      return `_:${term.value}`;
    case 'Quad':
      return toNTriples(term);
    default:
      return term.value;
  }
}

/**
 * SPARQL 1.1 Query Results CSV of a SELECT result: a header of variable names, then one row per
 * solution with IRIs and literals' lexical forms verbatim, blank nodes as `_:label`, unbound as
 * empty; fields with `"`, `,`, CR or LF quoted; lines end with CRLF.
 */
export function toCsv(result: BindingsResult, options: CsvOptions = {}): string {
  const safe = options.spreadsheetSafe === true;
  const { variables, rows } = result;
  const lines = [variables.map((v) => csvField(v, false)).join(',')];
  for (const row of rows)
    lines.push(variables.map((v) => csvField(csvValue(row[v]), safe)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * SPARQL 1.1 Query Results TSV of a SELECT result: a header of `?variables`, then one row per
 * solution with terms in SPARQL syntax (numbers and booleans abbreviated where Turtle allows),
 * unbound as empty; lines end with LF.
 */
export function toTsv(result: BindingsResult): string {
  const { variables, rows } = result;
  let out = `${variables.map((v) => `?${v}`).join('\t')}\n`;
  for (const row of rows) {
    out += `${variables
      .map((v) => {
        const t = row[v];
        return t === undefined ? '' : toTsvTerm(t);
      })
      .join('\t')}\n`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Text table

/** Options of the text table. */
export interface TableOptions {
  /** Prefix → namespace IRI; IRIs in a namespace print as `prefix:local`. */
  prefixes?: Readonly<Record<string, string>>;
  /** Widest a column may grow, in characters; longer values are cut with "…". Default 60. */
  maxColumnWidth?: number;
}

// A local name that `prefix:local` can carry unescaped (a conservative subset of PN_LOCAL).
const LOCAL_NAME = /^(?:[\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_-])?)?$/u;

function shorten(iri: string, prefixes: readonly (readonly [string, string])[]): string {
  for (const [prefix, namespace] of prefixes) {
    if (iri.startsWith(namespace)) {
      const local = iri.slice(namespace.length);
      if (LOCAL_NAME.test(local)) return `${prefix}:${local}`;
    }
  }
  return `<${iri}>`;
}

function displayTerm(term: Term, prefixes: readonly (readonly [string, string])[]): string {
  switch (term.termType) {
    case 'NamedNode':
      return shorten(term.value, prefixes);
    case 'Literal': {
      const abbreviated = toTsvTerm(term);
      if (!abbreviated.startsWith('"')) return abbreviated;
      const body = `"${escapeString(term.value)}"`;
      if (term.language !== '')
        return `${body}@${term.language}${term.direction ? `--${term.direction}` : ''}`;
      const dt = term.datatype.value;
      return dt === XSD_STRING || dt === RDF_LANG_STRING || dt === RDF_DIR_LANG_STRING
        ? body
        : `${body}^^${shorten(dt, prefixes)}`;
    }
    case 'Quad':
      return `<<( ${displayTerm(term.subject, prefixes)} ${displayTerm(term.predicate, prefixes)} ${displayTerm(term.object, prefixes)} )>>`;
    default:
      return toNTriples(term);
  }
}

// NOTE: widths count code points; East Asian wide characters and emoji take two terminal cells and
// will push their row's border right. Good enough for a terminal view of data; not for layout.
function width(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++; // a low surrogate ends a pair already counted
  }
  return n;
}

function cut(text: string, max: number): string {
  if (width(text) <= max) return text;
  return `${Array.from(text)
    .slice(0, Math.max(1, max - 1))
    .join('')}…`;
}

/**
 * An aligned text table of a SELECT result for a terminal (IRIs shortened with `prefixes`, literals
 * in Turtle style, a row count below), or `true`/`false` for an ASK result.
 */
export function toTable(
  result: BindingsResult | BooleanResult,
  options: TableOptions = {},
): string {
  if (result.type === 'boolean') return `${result.value}\n`;
  const max = Math.max(1, options.maxColumnWidth ?? 60);
  // Longest namespace first, so the most specific prefix wins.
  const prefixes = Object.entries(options.prefixes ?? {}).sort((a, b) => b[1].length - a[1].length);
  const { variables, rows } = result;
  const cells = rows.map((row) =>
    variables.map((v) => {
      const term = row[v];
      return term === undefined ? '' : cut(displayTerm(term, prefixes), max);
    }),
  );
  const widths = variables.map((v, i) =>
    cells.reduce((w, row) => Math.max(w, width(row[i] ?? '')), width(v)),
  );
  const line = (l: string, m: string, r: string): string =>
    `${l}${widths.map((w) => '─'.repeat(w + 2)).join(m)}${r}`;
  const rowText = (values: readonly string[]): string =>
    `│${values.map((v, i) => ` ${v}${' '.repeat((widths[i] ?? 0) - width(v))} `).join('│')}│`;
  const count = `${rows.length} ${rows.length === 1 ? 'row' : 'rows'}`;
  if (variables.length === 0) return `${count}\n`;
  const out = [line('┌', '┬', '┐'), rowText(variables), line('├', '┼', '┤')];
  for (const row of cells) out.push(rowText(row));
  out.push(line('└', '┴', '┘'), count);
  return `${out.join('\n')}\n`;
}
