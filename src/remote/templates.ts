// Every SPARQL query Triplescope generates for a remote endpoint, built from fixed templates and
// escaping helpers. The helpers refuse what they cannot represent (an IRI holding `>` or a space, a
// control character in a literal) with a QueryTemplateError instead of sending a broken or
// injected query. Every template that can return more than one row carries a LIMIT, so no
// generated query is unbounded. Full IRIs only (no PREFIX), so the text is the same everywhere.
import { LABEL_PREDICATES } from '../graph/vocab.ts';
import { QueryTemplateError } from './errors.ts';

/** Which way a link runs from the node being expanded: `out` (node → other) or `in` (other → node). */
export type Direction = 'out' | 'in';

/**
 * A window of neighbours: `limit` of them, after skipping `offset` — or, when `after` is set, the
 * ones whose IRI sorts after it (keyset paging; `offset` then only counts what came before).
 */
export interface Page {
  offset: number;
  limit: number;
  after?: string;
}

export const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** Largest LIMIT a template accepts: Virtuoso's default cap on result rows (ResultSetMaxRows). */
export const MAX_LIMIT = 10_000;
/** Longest label search text, in characters. */
export const MAX_SEARCH_LENGTH = 200;

// IRIREF of SPARQL 1.1 (§19.8): none of <>"{}|^`\ nor U+0000–U+0020.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const IRI_FORBIDDEN = /[<>"{}|^`\\\u0000-\u0020]/u;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
// C0 controls other than tab, line feed and carriage return (which have escapes), and DEL.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const LANGUAGE_TAG = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function shown(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text);
}

// ---------------------------------------------------------------------------------------------
// Escaping helpers

/**
 * An absolute IRI as `<…>`. Refuses relative IRIs, blank node labels and IRIs holding a character
 * IRIREF cannot (`<>"{}|^\`\\`, spaces, controls); percent-encoded ones (`%20`) are fine.
 */
export function iri(value: string, field = 'IRI'): string {
  if (value.startsWith('_:')) {
    throw new QueryTemplateError(
      `The ${field} ${shown(value)} is a blank node: it has no name outside one answer, so no query can refer to it.`,
    );
  }
  if (!SCHEME.test(value)) {
    throw new QueryTemplateError(
      `The ${field} ${shown(value)} is not an absolute IRI (it needs a scheme such as http:).`,
    );
  }
  const bad = IRI_FORBIDDEN.exec(value) ?? LONE_SURROGATE.exec(value);
  if (bad) {
    const char = bad[0];
    const name =
      char.trim() === '' || char < ' ' ? codePoint(char) : `"${char}" (${codePoint(char)})`;
    throw new QueryTemplateError(
      `The ${field} ${shown(value)} holds ${name} at position ${bad.index + 1}, which an IRI in a SPARQL query cannot: percent-encode it.`,
    );
  }
  return `<${value}>`;
}

/**
 * A string as a SPARQL double-quoted literal: `\` `"` and line breaks and tabs escaped. Refuses
 * other control characters and unpaired surrogates, which no endpoint reads back reliably.
 */
export function stringLiteral(value: string, field = 'text'): string {
  const bad = CONTROL.exec(value) ?? LONE_SURROGATE.exec(value);
  if (bad) {
    throw new QueryTemplateError(
      `The ${field} ${shown(value)} holds the control character ${codePoint(bad[0])} at position ${bad.index + 1}: remove it.`,
    );
  }
  // NOTE: a `\` is doubled, so a `\u` of the input can never become a code point escape that
  // closes the literal, even on an engine that decodes escapes before parsing.
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `"${escaped}"`;
}

/** A BCP 47 language tag as a SPARQL string (for LANGMATCHES); refuses anything else. */
export function languageTag(tag: string): string {
  if (!LANGUAGE_TAG.test(tag)) {
    throw new QueryTemplateError(
      `${shown(tag)} is not a language tag: use letters and digits in dash-separated parts, such as en or pt-BR.`,
    );
  }
  return `"${tag.toLowerCase()}"`;
}

/** A whole number in [min, max] for LIMIT/OFFSET; refuses fractions, NaN and out-of-range values. */
export function integer(value: number, field: string, min: number, max: number): string {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new QueryTemplateError(
      `The ${field} must be a whole number from ${min} to ${max.toLocaleString('en-US')}, not ${String(value)}.`,
    );
  }
  return String(value);
}

function limit(value: number): string {
  return integer(value, 'limit', 1, MAX_LIMIT);
}

function iriList(values: readonly string[], field: string): string {
  return values.map((v) => iri(v, field)).join(' ');
}

/** The argument list of `IN (…)`. */
function inList(values: readonly string[], field: string): string {
  return values.map((v) => iri(v, field)).join(', ');
}

// ---------------------------------------------------------------------------------------------
// Templates

/** The cheapest query there is: does the endpoint answer SPARQL at all? (ASK has one answer.) */
export function pingQuery(): string {
  return 'ASK {}';
}

/** True on Virtuoso (its built-in `bif:` functions), an error elsewhere. */
export function dialectProbeQuery(): string {
  return 'ASK { FILTER(bif:length("ab") = 2) }';
}

/** Options of {@link labelSearchQuery}. */
export interface LabelSearchOptions {
  /** `virtuoso` uses its free-text index (`bif:contains`); `generic` a case-insensitive CONTAINS. */
  dialect: 'virtuoso' | 'generic';
  /** At most this many matches (default 50). */
  limit?: number;
  /** Predicates whose literal values are labels (default: the explorer's label predicates). */
  labelPredicates?: readonly string[];
}

/** The search text with runs of white space (line breaks included) made one space, trimmed. */
export function normalizeSearchText(text: string): string {
  const normalized = text.replace(/\s+/gu, ' ').trim();
  if (normalized === '')
    throw new QueryTemplateError('The search text is empty: type a few letters.');
  if (normalized.length > MAX_SEARCH_LENGTH) {
    throw new QueryTemplateError(
      `The search text is ${normalized.length} characters long; at most ${MAX_SEARCH_LENGTH} are searched.`,
    );
  }
  return normalized;
}

/**
 * Virtuoso free-text expression for `bif:contains`: every word of the text, the last one as a
 * prefix (`"leon" AND "trots*"`). Words are runs of letters and digits, so nothing else of the
 * input reaches the expression. NOTE: Virtuoso wants 4 characters before a `*`, so shorter last
 * words match whole words only.
 */
export function virtuosoTextExpression(text: string): string {
  const words =
    normalizeSearchText(text)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) {
    throw new QueryTemplateError(
      `The search text ${shown(text)} has no letter or digit to search for in the text index.`,
    );
  }
  return words
    .slice(0, 10)
    .map((w, i, all) => (i === all.length - 1 && w.length >= 4 ? `"${w}*"` : `"${w}"`))
    .join(' AND ');
}

/**
 * Resources whose label matches the text, case-insensitively: `?node ?label` rows. Virtuoso: all
 * the words through its text index; elsewhere: the whole text as a substring of the label.
 * NOTE: Virtuoso wants the triple pattern that binds ?label before `bif:contains` (error SP031).
 */
export function labelSearchQuery(text: string, options: LabelSearchOptions): string {
  const predicates = iriList(options.labelPredicates ?? LABEL_PREDICATES, 'label predicate');
  const match =
    options.dialect === 'virtuoso'
      ? `  VALUES ?labelPredicate { ${predicates} }
  ?node ?labelPredicate ?label .
  ?label bif:contains ${stringLiteral(virtuosoTextExpression(text), 'search text')} .
  FILTER(isIRI(?node))`
      : `  VALUES ?labelPredicate { ${predicates} }
  ?node ?labelPredicate ?label .
  FILTER(isIRI(?node) && isLiteral(?label) && CONTAINS(LCASE(STR(?label)), ${stringLiteral(normalizeSearchText(text).toLowerCase(), 'search text')}))`;
  return `SELECT DISTINCT ?node ?label WHERE {
${match}
}
LIMIT ${limit(options.limit ?? 50)}`;
}

/**
 * How many distinct nodes the node links to (`out`) and is linked from (`in`), per predicate: rows
 * `?predicate ?direction ?count`, most links first. Literal values and the node's own `rdf:type`
 * are not links (they are its facts and classes).
 */
export function linkCountsQuery(node: string, options: { limit?: number } = {}): string {
  const n = iri(node, 'node');
  return `SELECT ?predicate ?direction (COUNT(DISTINCT ?other) AS ?count) WHERE {
  {
    ${n} ?predicate ?other .
    FILTER(!isLiteral(?other) && ?predicate != ${iri(RDF_TYPE)})
    BIND("out" AS ?direction)
  }
  UNION
  {
    ?other ?predicate ${n} .
    BIND("in" AS ?direction)
  }
}
GROUP BY ?predicate ?direction
ORDER BY DESC(?count) ?direction ?predicate
LIMIT ${limit(options.limit ?? 500)}`;
}

/**
 * One page of the node's neighbours through one predicate and direction, as the triples that link
 * them. Neighbours are distinct and in SPARQL order (blank nodes, then IRIs by their text), so
 * successive pages are disjoint and together complete. With `page.after`, the page starts after
 * that IRI instead of at an OFFSET.
 * NOTE: keyset paging exists because Virtuoso refuses to sort past its row limit (error SR353:
 * ORDER BY with OFFSET + LIMIT above 10,000), so OFFSET cannot page through a big hub there.
 */
export function neighboursQuery(
  node: string,
  predicate: string,
  direction: Direction,
  page: Page,
): string {
  const n = iri(node, 'node');
  const p = iri(predicate, 'predicate');
  const pattern = direction === 'out' ? `${n} ${p} ?other .` : `?other ${p} ${n} .`;
  const offset = integer(page.offset, 'offset', 0, Number.MAX_SAFE_INTEGER);
  const filter =
    page.after !== undefined
      ? `\n      FILTER(isIRI(?other) && STR(?other) > ${stringLiteral(page.after, 'page start')})`
      : direction === 'out'
        ? '\n      FILTER(!isLiteral(?other))'
        : '';
  const skip = page.after === undefined ? `\n    OFFSET ${offset}` : '';
  return `CONSTRUCT { ${pattern} } WHERE {
  {
    SELECT DISTINCT ?other WHERE {
      ${pattern}${filter}
    }
    ORDER BY ?other
    LIMIT ${limit(page.limit)}${skip}
  }
}`;
}

/** Options of {@link describeQuery}. */
export interface DescribeOptions {
  /** Keep labels in these languages (and untagged ones) only; default: every language. */
  languages?: readonly string[];
  /** Predicates whose values are labels (default: the explorer's label predicates). */
  labelPredicates?: readonly string[];
  /** At most this many triples (default: 64 per node, within MAX_LIMIT). */
  limit?: number;
}

/**
 * The classes (`rdf:type`) and labels of a batch of nodes, as triples: one request per batch.
 *
 * The nodes and predicates are listed in `FILTER … IN` rather than `VALUES` blocks: Virtuoso 7.2
 * holding the 1M-triple people graph took about 650 ms for 100 nodes with VALUES on a cold store
 * and about 20 ms with FILTER … IN (both about 10 ms once warm), and the explorer describes every
 * page of neighbours it draws.
 */
export function describeQuery(nodes: readonly string[], options: DescribeOptions = {}): string {
  if (nodes.length === 0) throw new QueryTemplateError('No node to describe.');
  const predicates = [RDF_TYPE, ...(options.labelPredicates ?? LABEL_PREDICATES)];
  const languages = options.languages ?? [];
  const language =
    languages.length === 0
      ? ''
      : `\n  FILTER(?predicate = ${iri(RDF_TYPE)} || LANG(?value) = "" || ${languages
          .map((l) => `LANGMATCHES(LANG(?value), ${languageTag(l)})`)
          .join(' || ')})`;
  return `CONSTRUCT { ?node ?predicate ?value . } WHERE {
  ?node ?predicate ?value .
  FILTER(?node IN (${inList(nodes, 'node')}) && ?predicate IN (${inList(predicates, 'predicate')}))${language}
}
LIMIT ${limit(options.limit ?? Math.min(MAX_LIMIT, nodes.length * 64))}`;
}

/** The node's literal values (its facts: names, dates, descriptions), as triples. */
export function factsQuery(node: string, options: { limit?: number } = {}): string {
  const n = iri(node, 'node');
  return `CONSTRUCT { ${n} ?predicate ?value . } WHERE {
  ${n} ?predicate ?value .
  FILTER(isLiteral(?value))
}
LIMIT ${limit(options.limit ?? 500)}`;
}
