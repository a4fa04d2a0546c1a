// Reads JSON-LD with the `jsonld` package (JSON-LD 1.1 toRdf). JSON-LD cannot be read piece by
// piece with it, so the text is gathered and converted at the end; JSON syntax errors get their line
// and column from json-errors.ts, and remote documents go through the document loader only.
import { DataFactory } from 'n3';
import type { Quad_Graph, Quad_Object, Quad_Predicate, Quad_Subject, Term } from '@rdfjs/types';
import { createDocumentLoader, parseJson, type DocumentLoader } from './document-loader.ts';
import { RdfParseError } from './errors.ts';
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
  const chunks: string[] = [];
  const loader: DocumentLoader = context.documentLoader ?? refuseAll;
  let prefixes: Record<string, string> = {};
  let base = context.baseIRI;
  return {
    write(text) {
      chunks.push(text);
    },
    async end() {
      const document = parseJson(chunks.join(''), context.source);
      chunks.length = 0;
      let quads;
      try {
        quads = await jsonld.toRDF(document, {
          ...processing,
          base: context.baseIRI ?? null,
          documentLoader: loader,
        });
      } catch (error) {
        throw toParseError(error, context.source);
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
        context.emit(
          DataFactory.quad(
            term(q.subject) as Quad_Subject,
            term(q.predicate) as Quad_Predicate,
            term(q.object) as Quad_Object,
            term(q.graph) as Quad_Graph,
          ),
        );
      }
      const declared = await declaredTerms(document, loader);
      prefixes = declared.prefixes;
      base = declared.base ?? base;
    },
    prefixes: () => ({ ...prefixes }),
    baseIRI: () => base,
  };
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
function toParseError(error: unknown, source: string): RdfParseError {
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
  const code = jsonLdError.details?.code;
  const term = jsonLdError.details?.term;
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
