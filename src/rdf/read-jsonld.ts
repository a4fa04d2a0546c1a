// Reads JSON-LD with the `jsonld` package (JSON-LD 1.1 toRdf). JSON-LD cannot be read piece by
// piece with it, so the text is gathered and converted at the end; JSON syntax errors get their line
// and column from json-errors.ts, and remote documents go through the document loader only.
//
// Limits (limits.ts): the text may not grow past maxJsonLdLength while it is gathered; before it is
// parsed, one pass over it finds nesting deeper than maxNestingDepth (jsonld expands recursively and
// would run out of stack near 1,000 levels), strings longer than maxLiteralLength and more distinct
// context terms than maxPrefixes (a context of a million terms takes jsonld seconds and gigabytes),
// each at its line and column. A remote context that includes itself, directly or through others,
// is stopped by jsonld; the error names the chain of URLs.
import { DataFactory } from 'n3';
import type { Quad_Graph, Quad_Object, Quad_Predicate, Quad_Subject, Term } from '@rdfjs/types';
import { createDocumentLoader, parseJson, type DocumentLoader } from './document-loader.ts';
import { RdfParseError } from './errors.ts';
import { limitError, type LimitHit, type RdfLimits, type TextPosition } from './limits.ts';
import {
  jsonld,
  type JsonLdError,
  type JsonLdProcessingOptions,
  type JsonLdTerm,
} from './jsonld-api.ts';
import type { ReaderContext, SyntaxReader } from './reader.ts';

const refuseAll = createDocumentLoader({});

/** Creates a JSON-LD reader. */
export function createJsonLdReader(
  context: ReaderContext,
  processing: JsonLdProcessingOptions = {},
): SyntaxReader {
  const { limits, source } = context;
  const chunks: string[] = [];
  let length = 0;
  /** Every URL jsonld asked for, in order, to name the chain when contexts loop. */
  const requested: string[] = [];
  const given: DocumentLoader = context.documentLoader ?? refuseAll;
  const loader: DocumentLoader = (url) => {
    requested.push(url);
    return given(url);
  };
  let prefixes: Record<string, string> = {};
  let base = context.baseIRI;
  const over = (hit: LimitHit): RdfParseError => limitError(hit, limits, source, 'jsonld');
  return {
    write(text) {
      if (length + text.length > limits.maxJsonLdLength) {
        const position = positionAfter([...chunks, text.slice(0, limits.maxJsonLdLength - length)]);
        throw over({ limit: 'maxJsonLdLength', subject: 'the JSON-LD document', position });
      }
      chunks.push(text);
      length += text.length;
    },
    async end() {
      const text = chunks.join('');
      chunks.length = 0;
      // An empty document reads as no quads, as in every format (see parse.ts).
      if (/^[ \t\r\n]*$/.test(text)) return;
      const hit = scanJson(text, limits);
      if (hit !== undefined) {
        throw over({
          limit: hit.limit,
          subject: hit.subject,
          position: positionAfter([text.slice(0, hit.offset)]),
          found: text.slice(hit.offset, hit.offset + 40),
        });
      }
      const document = parseJson(text, source);
      // NOTE: jsonld takes a string as the URL of a document to load; in a file it is just JSON.
      if (typeof document !== 'object' || document === null) {
        const start = /^[ \t\r\n]*/.exec(text)?.[0].length ?? 0;
        throw new RdfParseError({
          source,
          format: 'jsonld',
          ...positionAfter([text.slice(0, start)]),
          problem: `a JSON-LD document is an object or an array of objects, not ${document === null ? 'null' : `a ${typeof document}`}`,
          found: text.slice(start, start + 40),
        });
      }
      let quads;
      try {
        quads = await jsonld.toRDF(document, {
          ...processing,
          base: context.baseIRI ?? null,
          documentLoader: loader,
        });
      } catch (error) {
        throw toParseError(error, source, requested);
      }
      const term = termMaker(context.blankNodePrefix);
      for (const q of quads) {
        // NOTE: JSON-LD 1.1 toRdf (§8.2) drops statements with an ill-formed IRI or language tag;
        // jsonld 9 emits some of them, and they could not be written back as N-Triples either.
        if (
          !wellFormed(q.subject) ||
          !wellFormed(q.predicate) ||
          !wellFormed(q.object) ||
          !wellFormed(q.graph)
        ) {
          continue;
        }
        try {
          context.emit(
            DataFactory.quad(
              term(q.subject) as Quad_Subject,
              term(q.predicate) as Quad_Predicate,
              term(q.object) as Quad_Object,
              term(q.graph) as Quad_Graph,
            ),
          );
        } catch (error) {
          throw placed(error, text);
        }
      }
      const declared = await declaredTerms(document, loader);
      prefixes = declared.prefixes;
      base = declared.base ?? base;
    },
    prefixes: () => ({ ...prefixes }),
    baseIRI: () => base,
    // The quads come out of jsonld, which does not say where in the text each came from.
    position: () => undefined,
    endPosition: () => positionAfter(chunks),
  };
}

/**
 * A limit error from `emit` (an IRI or literal too long), placed where its text first occurs in the
 * document when it can be found there as written.
 */
function placed(error: unknown, text: string): unknown {
  if (!(error instanceof RdfParseError) || error.line !== undefined || !error.found) return error;
  const at = text.indexOf(JSON.stringify(error.found).slice(1, -1));
  if (at < 0) return error;
  const { line, column } = positionAfter([text.slice(0, at)]);
  return error.with({ line, column });
}

/** The line and column just after `texts`, read one after another (CR, LF and CR LF end lines). */
function positionAfter(texts: readonly string[]): TextPosition {
  let line = 1;
  let column = 1;
  let afterCarriageReturn = false;
  for (const text of texts) {
    const breaks = /\r\n?|\n/g;
    let lineStart = 0;
    for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) {
      // A CR at the end of the previous text and this LF are one line break.
      if (!(m.index === 0 && afterCarriageReturn && m[0] === '\n')) line += 1;
      lineStart = breaks.lastIndex;
      column = 1;
    }
    column += text.length - lineStart;
    if (text.length > 0) afterCarriageReturn = text.endsWith('\r');
  }
  return { line, column };
}

/** Where a JSON text first goes over a limit, found before it is parsed. */
interface JsonHit extends Omit<LimitHit, 'position'> {
  offset: number;
}

const OBJECT = 0;
const ARRAY = 1;
/** An object that is a context: its keys are term definitions. */
const CONTEXT = 2;
/** The array value of "@context": its objects are contexts. */
const CONTEXTS = 3;

/**
 * One pass over a JSON text (valid or not: broken JSON is left to `parseJson`), finding the first
 * place that is nested deeper than maxNestingDepth, a string longer than maxLiteralLength, or the
 * context term that is one more distinct term than maxPrefixes.
 */
function scanJson(text: string, limits: RdfLimits): JsonHit | undefined {
  const stack: number[] = [];
  const terms = new Set<string>();
  const interesting = /["{}[\]]/g;
  const space = /[ \t\r\n]*/y;
  let contextNext = false;
  for (let i = 0; ;) {
    interesting.lastIndex = i;
    const m = interesting.exec(text);
    if (m === null) return undefined;
    i = m.index;
    const c = m[0];
    if (c === '"') {
      const end = stringEnd(text, i);
      if (end < 0) return undefined;
      if (end - i - 2 > limits.maxLiteralLength) {
        return { limit: 'maxLiteralLength', subject: 'a string', offset: i };
      }
      space.lastIndex = end;
      space.exec(text);
      const isKey = text.charAt(space.lastIndex) === ':';
      contextNext = false;
      if (isKey) {
        const raw = text.slice(i + 1, end - 1);
        if (stack[stack.length - 1] === CONTEXT && !raw.startsWith('@')) {
          terms.add(raw);
          if (terms.size > limits.maxPrefixes) {
            return { limit: 'maxPrefixes', subject: 'the document', offset: i };
          }
        }
        contextNext = raw === '@context';
        i = space.lastIndex + 1;
      } else {
        i = end;
      }
    } else if (c === '{' || c === '[') {
      if (stack.length + 1 > limits.maxNestingDepth) {
        return { limit: 'maxNestingDepth', subject: 'the document', offset: i };
      }
      const top = stack[stack.length - 1];
      stack.push(
        contextNext
          ? c === '{'
            ? CONTEXT
            : CONTEXTS
          : c === '{'
            ? top === CONTEXTS
              ? CONTEXT
              : OBJECT
            : ARRAY,
      );
      contextNext = false;
      i += 1;
    } else {
      stack.pop();
      contextNext = false;
      i += 1;
    }
  }
}

/** The index just after the JSON string starting at `start`, or -1 when it does not end. */
function stringEnd(text: string, start: number): number {
  for (let i = text.indexOf('"', start + 1); i >= 0; i = text.indexOf('"', i + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(i - backslashes - 1) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return i + 1;
  }
  return -1;
}

function termMaker(blankNodePrefix: string): (t: JsonLdTerm) => Term {
  return (t) => {
    switch (t.termType) {
      case 'NamedNode':
        return DataFactory.namedNode(t.value);
      // jsonld labels blank nodes "_:b0", "_:b1", … in every document: scope them to this parse.
      case 'BlankNode':
        return DataFactory.blankNode(blankNodePrefix + t.value.replace(/^_:/, ''));
      case 'Literal':
        return t.language
          ? DataFactory.literal(t.value, t.language)
          : DataFactory.literal(t.value, t.datatype && DataFactory.namedNode(t.datatype.value));
      case 'DefaultGraph':
        return DataFactory.defaultGraph();
    }
  };
}

/** An absolute IRI (RFC 3987: a scheme, no characters IRIs exclude, at most one "#"). */
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\p{Cc} <>"{}|\\^`#]*(?:#[^\p{Cc} <>"{}|\\^`#]*)?$/u;
/** A BCP 47 language tag, in the shape RDF accepts. */
const LANGUAGE = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;

function wellFormed(t: JsonLdTerm): boolean {
  switch (t.termType) {
    case 'NamedNode':
      return IRI.test(t.value);
    case 'Literal':
      return t.language
        ? LANGUAGE.test(t.language)
        : t.datatype === undefined || IRI.test(t.datatype.value);
    case 'BlankNode':
    case 'DefaultGraph':
      return true;
  }
}

/** Unwraps jsonld's error (and the loader's, which jsonld wraps) into an `RdfParseError`. */
function toParseError(error: unknown, source: string, requested: readonly string[]): RdfParseError {
  for (
    let e: unknown = error;
    e instanceof Error;
    e = (e as JsonLdError).details?.cause ?? e.cause
  ) {
    if (e instanceof RdfParseError) {
      // The loader's error names the remote document; a broken local copy also has a position.
      const where = e.line === undefined ? '' : `${e.source}:${e.line}:${e.column ?? 1}: `;
      const code = (error as JsonLdError).details?.code;
      const problem = `${code === undefined ? '' : `${code}: `}${where}${e.reason}`;
      return new RdfParseError({ source, format: 'jsonld', problem, cause: error });
    }
  }
  const jsonLdError = error as JsonLdError;
  const details = jsonLdError.details;
  const code = details?.code;
  if (code === 'context overflow' || code === 'recursive context inclusion') {
    return contextLoop(error, source, code, details?.url, requested);
  }
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return new RdfParseError({
      source,
      format: 'jsonld',
      problem: 'the document is nested too deeply for the JSON-LD processor',
      hint: 'keep maxNestingDepth at its default (500) or lower for JSON-LD',
      cause: error,
    });
  }
  const term = details?.term;
  const message =
    (error instanceof Error ? error.message : String(error)) +
    (typeof term === 'string' ? ` (term "${term}")` : '');
  return new RdfParseError({
    source,
    format: 'jsonld',
    problem: code === undefined ? message : `${code}: ${message}`,
    cause: error,
  });
}

/** Remote contexts that include themselves, or too many nested inside one another. */
function contextLoop(
  error: unknown,
  source: string,
  code: string,
  url: unknown,
  requested: readonly string[],
): RdfParseError {
  if (typeof url === 'string') {
    const from = requested.indexOf(url);
    const chain = [...(from < 0 ? [] : requested.slice(from)), url].join(' → ');
    return new RdfParseError({
      source,
      format: 'jsonld',
      problem: `${code}: the remote @context ${url} includes itself (${chain})`,
      hint: 'remove the loop from the contexts (a context cannot include itself)',
      cause: error,
    });
  }
  return new RdfParseError({
    source,
    format: 'jsonld',
    problem: `${code}: more than 10 remote @contexts are included inside one another (${requested.join(' → ')})`,
    hint: 'JSON-LD processors stop there; include fewer contexts in one another',
    cause: error,
  });
}

/**
 * The prefixes and base a document's top-level `@context` declares: terms mapped to an IRI ending
 * in "/" or "#" (or marked `@prefix: true`), including those of mapped remote contexts.
 */
async function declaredTerms(
  document: unknown,
  loader: DocumentLoader,
): Promise<{ prefixes: Record<string, string>; base: string | undefined }> {
  const prefixes: Record<string, string> = {};
  let base: string | undefined;
  const top = Array.isArray(document) ? (document as unknown[])[0] : document;
  const seen = new Set<string>();
  const visit = async (context: unknown): Promise<void> => {
    if (Array.isArray(context)) {
      for (const c of context) await visit(c);
    } else if (typeof context === 'string') {
      if (seen.has(context)) return;
      seen.add(context);
      // Already loaded once by jsonld through the same loader, so this cannot fail now.
      const remote = await loader(context).catch(() => undefined);
      await visit((remote?.document as { '@context'?: unknown } | undefined)?.['@context']);
    } else if (isObject(context)) {
      for (const [key, value] of Object.entries(context)) {
        if (key === '@base' && typeof value === 'string') base = value;
        if (key.startsWith('@')) continue;
        const iri = typeof value === 'string' ? value : isObject(value) ? value['@id'] : undefined;
        const isPrefix = isObject(value) ? value['@prefix'] === true : /[/#:]$/.test(String(iri));
        if (typeof iri === 'string' && isPrefix && /^[a-z][a-z0-9+.-]*:/i.test(iri))
          prefixes[key] = iri;
      }
    }
  };
  if (isObject(top)) await visit(top['@context']);
  return { prefixes, base };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
