// SparqlStore: one Oxigraph in-memory store holding the loaded data, answering SPARQL 1.1 with
// RDF/JS terms. Data goes in as text in bulk; results come out of WebAssembly as serialized text
// (see serialized.ts) and are decoded here, which is both faster than Oxigraph's term objects and
// free of their memory leak.
import type { Quad, Term } from '@rdfjs/types';
import type * as Oxigraph from 'oxigraph';
import { loadOxigraph, type OxigraphModule, type WasmSource } from './engine.ts';
import {
  dataErrorFromOxigraph,
  engineFailure,
  QueryError,
  queryErrorFromOxigraph,
  type QueryEngineError,
} from './errors.ts';
import { decodeResult, type SerializedResult } from './serialized.ts';
import { factory, makeLiteral, parseNQuads, toNQuadsLine } from './terms.ts';
import type { LoadOptions, QueryOptions, QueryResult, RdfFormat } from './types.ts';

/** Oxigraph's name of each format we load. */
const OXIGRAPH_FORMAT: Record<RdfFormat, string> = {
  turtle: 'ttl',
  trig: 'trig',
  ntriples: 'nt',
  nquads: 'nq',
  rdfxml: 'rdf',
};

const FORMAT_NAME: Record<RdfFormat, string> = {
  turtle: 'Turtle',
  trig: 'TriG',
  ntriples: 'N-Triples',
  nquads: 'N-Quads',
  rdfxml: 'RDF/XML',
};

// The query form, read past the prologue (comments, BASE, PREFIX, SPARQL 1.2's VERSION), so we can
// ask Oxigraph for the serialization that suits it: SPARQL TSV for SELECT/ASK, N-Triples for
// CONSTRUCT/DESCRIBE.
const PROLOGUE =
  /^(?:\s+|#[^\n]*(?:\n|$)|BASE\s*<[^>]*>|PREFIX\s*[^\s:]*:\s*<[^>]*>|VERSION\s*(?:"[^"]*"|'[^']*'))*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b/i;

// Quads per chunk handed to Oxigraph's parser by addQuads (bounds the size of each string).
const CHUNK = 50_000;

/** Oxigraph's JS wrappers own WASM memory that `free()` releases; the typings leave it out. */
function free(value: unknown): void {
  (value as { free?: () => void } | null | undefined)?.free?.();
}

/** A SPARQL 1.1 store over Oxigraph. Create with `await SparqlStore.create()`; `dispose()` when done. */
export class SparqlStore {
  #store: Oxigraph.Store | undefined;
  /** How the engine failed, if it did: it then refuses every call (see engineFailure). */
  #broken: QueryEngineError | undefined;

  private constructor(private readonly ox: OxigraphModule) {
    this.#store = new ox.Store();
  }

  /** Loads the engine if needed (WASM; `wasm` tells a browser build where its .wasm is) and makes an empty store. */
  static async create(options: { wasm?: WasmSource } = {}): Promise<SparqlStore> {
    return new SparqlStore(await loadOxigraph(options.wasm));
  }

  private get store(): Oxigraph.Store {
    if (this.#broken !== undefined) throw this.#broken;
    if (this.#store === undefined)
      throw new QueryError('This store was disposed; create a new one.');
    return this.#store;
  }

  /** Number of quads in the store, all graphs included. */
  get size(): number {
    return this.store.size;
  }

  /**
   * Parses RDF text and adds its quads in one transaction: on a syntax error nothing is added and a
   * DataSyntaxError names the line and column. Blank nodes are scoped to this call, as to one file.
   * `verified` says the same text and options loaded without error before (a worker host reloading
   * its data): the engine then skips its checks of IRIs and literals and the transaction, which
   * makes loading about a third faster.
   */
  loadText(text: string, options: LoadOptions, { verified = false } = {}): void {
    const g = options.graph;
    const ox = this.ox;
    const graph =
      g === undefined
        ? undefined
        : g.termType === 'NamedNode'
          ? ox.namedNode(g.value)
          : g.termType === 'BlankNode'
            ? ox.blankNode(g.value)
            : ox.defaultGraph();
    try {
      this.store.load(text, {
        format: OXIGRAPH_FORMAT[options.format],
        ...(options.baseIRI === undefined ? {} : { base_iri: options.baseIRI }),
        ...(graph === undefined ? {} : { to_graph_name: graph }),
        ...(verified ? { lenient: true, no_transaction: true } : {}),
      });
    } catch (error) {
      throw (
        this.#failed(error) ?? dataErrorFromOxigraph(error, `${FORMAT_NAME[options.format]} data`)
      );
    } finally {
      free(graph);
    }
  }

  /**
   * Adds quads in bulk (serialized to N-Quads and parsed inside the engine in one pass). Blank nodes
   * are scoped to this call: the same label in two calls names two different nodes.
   */
  addQuads(quads: Iterable<Quad>): void {
    function* chunks(): Generator<string> {
      let lines: string[] = [];
      for (const quad of quads) {
        lines.push(toNQuadsLine(quad));
        if (lines.length === CHUNK) {
          yield lines.join('');
          lines = [];
        }
      }
      if (lines.length > 0) yield lines.join('');
    }
    try {
      this.store.load(chunks(), { format: 'nq' });
    } catch (error) {
      throw this.#failed(error) ?? dataErrorFromOxigraph(error, 'Quads given to addQuads');
    }
  }

  /** Every quad of the store, as RDF/JS quads (read through an N-Quads dump; fast for any size). */
  quads(): Quad[] {
    return parseNQuads(this.dumpNQuads());
  }

  /** The whole store as N-Quads text (also what a worker host keeps to reload the data). */
  dumpNQuads(): string {
    return this.store.dump({ format: 'nq' });
  }

  /** The quads matching a pattern; `null`/`undefined` is a wildcard, DefaultGraph matches the default graph only. */
  match(
    subject?: Term | null,
    predicate?: Term | null,
    object?: Term | null,
    graph?: Term | null,
  ): Quad[] {
    const pattern = [subject, predicate, object, graph].map((t) =>
      t === null || t === undefined ? null : this.toOxigraph(t),
    );
    try {
      const found = this.store.match(pattern[0], pattern[1], pattern[2], pattern[3]);
      return found.map((q) => {
        const out = fromOxigraphQuad(q);
        free(q);
        return out;
      });
    } finally {
      pattern.forEach(free);
    }
  }

  /**
   * Runs a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE). Throws SparqlSyntaxError (with line
   * and column) for an invalid query, QueryEvaluationError when evaluation fails, and
   * QueryEngineError when the engine itself fails (out of memory), after which it cannot be trusted.
   */
  query(sparql: string, options: QueryOptions = {}): QueryResult {
    return decodeResult(this.querySerialized(sparql, options));
  }

  /** Runs a query like `query` but returns the engine's serialization (what the worker posts). */
  querySerialized(sparql: string, options: QueryOptions = {}): SerializedResult {
    const form = PROLOGUE.exec(sparql)?.[1]?.toUpperCase();
    const graphForm = form === 'CONSTRUCT' || form === 'DESCRIBE';
    let text: ReturnType<Oxigraph.Store['query']>;
    try {
      text = this.store.query(sparql, {
        results_format: graphForm ? 'nt' : 'tsv',
        use_default_graph_as_union: options.unionDefaultGraph ?? true,
        ...(options.baseIRI === undefined ? {} : { base_iri: options.baseIRI }),
      });
    } catch (error) {
      throw this.#failed(error) ?? queryErrorFromOxigraph(error, sparql);
    }
    if (typeof text !== 'string')
      throw new Error(`Oxigraph returned ${typeof text} for a serialized result.`);
    if (graphForm) return { type: 'quads', ntriples: text };
    // ASK in TSV is the bare word true or false.
    if (text === 'true' || text === 'false') return { type: 'boolean', value: text === 'true' };
    return { type: 'bindings', tsv: text };
  }

  /** Frees the engine's memory for this store (WASM memory is not collected by itself). */
  dispose(): void {
    // NOTE: a failed engine cannot even free the store: the call that failed still holds it.
    if (this.#broken === undefined) free(this.#store);
    this.#store = undefined;
  }

  // Remembers an engine failure (a trap leaves the engine as it was mid-call) and returns it.
  #failed(error: unknown): QueryEngineError | undefined {
    const failure = engineFailure(error);
    if (failure !== undefined) this.#broken = failure;
    return failure;
  }

  private toOxigraph(term: Term): Oxigraph.Term {
    const ox = this.ox;
    switch (term.termType) {
      case 'NamedNode':
        return ox.namedNode(term.value);
      case 'BlankNode':
        return ox.blankNode(term.value);
      case 'DefaultGraph':
        return ox.defaultGraph();
      case 'Variable':
        return ox.variable(term.value);
      case 'Literal':
        return term.language !== ''
          ? ox.literal(
              term.value,
              term.direction
                ? { language: term.language, direction: term.direction }
                : term.language,
            )
          : ox.literal(term.value, ox.namedNode(term.datatype.value));
      case 'Quad':
        return ox.quad(
          this.toOxigraph(term.subject) as Oxigraph.Quad_Subject,
          this.toOxigraph(term.predicate) as Oxigraph.Quad_Predicate,
          this.toOxigraph(term.object) as Oxigraph.Quad_Object,
          this.toOxigraph(term.graph) as Oxigraph.Quad_Graph,
        );
    }
  }
}

// Copies an Oxigraph term into an n3 term, freeing every wrapper the getters hand out.
function fromOxigraph(term: Oxigraph.Term): Term {
  switch (term.termType) {
    case 'NamedNode':
      return factory.namedNode(term.value);
    case 'BlankNode':
      return factory.blankNode(term.value);
    case 'DefaultGraph':
      return factory.defaultGraph();
    case 'Variable':
      throw new TypeError('A stored quad holds no variables.');
    case 'Literal': {
      const dt = term.datatype;
      const out = makeLiteral(term.value, term.language, term.direction, dt.value);
      free(dt);
      return out;
    }
    case 'Quad':
      return fromOxigraphQuad(term);
  }
}

function fromOxigraphQuad(quad: Oxigraph.BaseQuad): Quad {
  const parts = [quad.subject, quad.predicate, quad.object, quad.graph];
  const [s, p, o, g] = parts.map(fromOxigraph);
  parts.forEach(free);
  return factory.quad(
    s as Quad['subject'],
    p as Quad['predicate'],
    o as Quad['object'],
    g as Quad['graph'],
  );
}
