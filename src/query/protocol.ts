// The messages between a host (the CLI, the app) and a query worker that owns a SparqlStore. They
// are plain data, so the same protocol runs over Node's worker_threads and over Web Workers.
//
// NOTE: there is deliberately no "cancel" message. A WASM query cannot be interrupted from inside:
// Oxigraph's bindings evaluate a whole query in one call and offer no cancellation, and while it
// runs the worker's event loop is blocked and would not even read such a message. A host leaves a
// cancelled (or timed-out) query to its worker and moves on to a fresh one (see browser-host.ts),
// and cancels a request it has not sent yet by never sending it; it keeps at most one request in
// flight per worker.
import type { SerializedError } from './errors.ts';
import type { SerializedResult } from './serialized.ts';
import type { LoadOptions, QueryOptions, RdfFormat } from './types.ts';

/** A graph name as plain data (RDF/JS terms do not survive structured cloning with their methods). */
export type GraphNameData =
  | { termType: 'NamedNode'; value: string }
  | { termType: 'BlankNode'; value: string }
  | { termType: 'DefaultGraph' };

/** Host → worker: load RDF text into the store. Answered with a `loaded` result. */
export interface LoadRequest {
  type: 'load';
  id: number;
  text: string;
  format: RdfFormat;
  baseIRI?: string;
  graph?: GraphNameData;
  /** The same text loaded without error before: the host is reloading it into a fresh worker. */
  verified?: true;
}

/** Host → worker: run a query. Answered with a `result`. */
export interface QueryRequest {
  type: 'query';
  id: number;
  sparql: string;
  options: QueryOptions;
}

/** Every message a host sends. */
export type HostMessage = LoadRequest | QueryRequest;

/** Worker → host: a request succeeded. */
export type WorkerResult =
  | { type: 'loaded'; id: number; size: number }
  | { type: 'result'; id: number; result: SerializedResult };

/** Worker → host: a request failed with this error (rebuild it with `deserializeError`). */
export interface WorkerError {
  type: 'error';
  id: number;
  error: SerializedError;
}

/** Every message a worker sends. */
export type WorkerMessage = WorkerResult | WorkerError;

/** A load request (without its id) for given options, the graph name reduced to plain data. */
export function loadRequest(text: string, options: LoadOptions): Omit<LoadRequest, 'id'> {
  const request: Omit<LoadRequest, 'id'> = { type: 'load', text, format: options.format };
  if (options.baseIRI !== undefined) request.baseIRI = options.baseIRI;
  const g = options.graph;
  if (g !== undefined) {
    request.graph =
      g.termType === 'DefaultGraph'
        ? { termType: 'DefaultGraph' }
        : { termType: g.termType, value: g.value };
  }
  return request;
}
