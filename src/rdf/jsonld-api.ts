// A typed view of the parts of the `jsonld` package Triplescope uses. NOTE: @types/jsonld describes
// jsonld 1.5 (callbacks, untyped datasets), while the installed jsonld 9 is promise-based and takes
// options the old types lack (processingMode, rdfDirection, safe); this file states what is used.
import jsonldModule from 'jsonld';
import type { DocumentLoader } from './document-loader.ts';

/** A term of jsonld's dataset format (RDF/JS-shaped, plain objects). */
export interface JsonLdTerm {
  termType: 'NamedNode' | 'BlankNode' | 'Literal' | 'DefaultGraph';
  value: string;
  datatype?: { termType: 'NamedNode'; value: string };
  language?: string;
}

export interface JsonLdQuad {
  subject: JsonLdTerm;
  predicate: JsonLdTerm;
  object: JsonLdTerm;
  graph: JsonLdTerm;
}

/** JSON-LD processing options Triplescope passes through (JSON-LD 1.1 API, §9.2). */
export interface JsonLdProcessingOptions {
  processingMode?: 'json-ld-1.0' | 'json-ld-1.1';
  /** How `@direction` becomes RDF; jsonld implements "i18n-datatype". */
  rdfDirection?: 'i18n-datatype' | 'compound-literal';
  /** A context applied before the document's own. */
  expandContext?: unknown;
}

interface JsonLdCommonOptions extends JsonLdProcessingOptions {
  base?: string | null;
  documentLoader: DocumentLoader;
  safe?: boolean;
}

/** An error thrown by jsonld: `details.code` is the JSON-LD error code, e.g. "invalid IRI mapping". */
export interface JsonLdError extends Error {
  details?: { code?: string; cause?: unknown; url?: string; [key: string]: unknown };
}

interface JsonLdApi {
  toRDF(input: unknown, options: JsonLdCommonOptions): Promise<JsonLdQuad[]>;
  fromRDF(
    dataset: readonly JsonLdQuad[],
    options: { useNativeTypes?: boolean; useRdfType?: boolean; rdfDirection?: string },
  ): Promise<unknown[]>;
  compact(
    input: unknown,
    context: unknown,
    options: JsonLdCommonOptions,
  ): Promise<Record<string, unknown>>;
}

/** The jsonld functions, typed. */
export const jsonld = jsonldModule as unknown as JsonLdApi;
