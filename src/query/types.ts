// The shapes the query layer hands out: query results as a discriminated union, and the options of
// loading and querying. Terms are RDF/JS terms (@rdfjs/types), so any RDF/JS library can consume them.
import type { BlankNode, DefaultGraph, NamedNode, Quad, Term } from '@rdfjs/types';

/** One solution of a SELECT: every projected variable is a key; an unbound variable maps to undefined. */
export type Row = Record<string, Term | undefined>;

/** SELECT results: the projected variables in query order and the solutions in result order. */
export interface BindingsResult {
  type: 'bindings';
  variables: string[];
  rows: Row[];
}

/** ASK result. */
export interface BooleanResult {
  type: 'boolean';
  value: boolean;
}

/** CONSTRUCT and DESCRIBE results: triples, all in the default graph. */
export interface QuadsResult {
  type: 'quads';
  quads: Quad[];
}

/** What a query returns; switch on `type`. */
export type QueryResult = BindingsResult | BooleanResult | QuadsResult;

/** The RDF syntaxes the store bulk-loads. */
export type RdfFormat = 'turtle' | 'trig' | 'ntriples' | 'nquads' | 'rdfxml';

/** Options of a bulk load. */
export interface LoadOptions {
  format: RdfFormat;
  /** Base IRI against which relative IRIs of the text are resolved. */
  baseIRI?: string;
  /** Graph that receives the triples of a triple format (Turtle, N-Triples, RDF/XML); default graph if absent. */
  graph?: NamedNode | BlankNode | DefaultGraph;
}

/** Options of one query. */
export interface QueryOptions {
  /** Base IRI against which relative IRIs of the query are resolved. */
  baseIRI?: string;
  /**
   * When true (the default), the query's default graph is the union of the default graph and every
   * named graph, and GRAPH still reaches each named graph. When false, the default graph is only the
   * store's default graph (the W3C test suites' semantics).
   */
  unionDefaultGraph?: boolean;
}
