// Checking an endpoint before exploring it: a tiny ASK proves it answers SPARQL, then what it says
// about itself — its SPARQL 1.1 Service Description (served at its own address) and a VoID
// description (at /.well-known/void) — gives a name, a size and the named graphs, when published.
// Neither is required: most endpoints publish little, and a missing or broken description is not
// an error. `describeService` is the pure part, over the quads of those documents.
import type { Literal, Quad, Term } from '@rdfjs/types';
import {
  SparqlEndpoint,
  type EndpointDialect,
  type EndpointOptions,
  type RequestOptions,
} from './client.ts';
import { EndpointError } from './errors.ts';
import { pingQuery, RDF_TYPE } from './templates.ts';

const SD = 'http://www.w3.org/ns/sparql-service-description#';
const VOID = 'http://rdfs.org/ns/void#';
const NAME_PREDICATES = [
  'http://purl.org/dc/terms/title',
  'http://purl.org/dc/elements/1.1/title',
  'http://www.w3.org/2000/01/rdf-schema#label',
  'http://schema.org/name',
  'https://schema.org/name',
  'http://xmlns.com/foaf/0.1/name',
];
const DESCRIPTION_PREDICATES = [
  'http://purl.org/dc/terms/description',
  'http://www.w3.org/2000/01/rdf-schema#comment',
  'http://schema.org/description',
  'https://schema.org/description',
];

/** A named graph the endpoint says it holds. */
export interface GraphDescription {
  /** The graph's name (an IRI). */
  name: string;
  /** Its number of triples, when published. */
  triples?: number;
}

/** What an endpoint publishes about itself; every field is optional but the lists. */
export interface ServiceSummary {
  name?: string;
  description?: string;
  /** Triples of the default dataset (or of its default graph), when published. */
  triples?: number;
  graphs: GraphDescription[];
  /** IRIs of `sd:feature` (e.g. sd:UnionDefaultGraph), sorted. */
  features: string[];
  /** IRIs of `sd:resultFormat`, sorted. */
  resultFormats: string[];
  /** IRIs of `sd:supportedLanguage` (sd:SPARQL11Query…), sorted. */
  languages: string[];
}

/** The result of {@link checkEndpoint}. */
export interface EndpointInfo extends ServiceSummary {
  /** The endpoint's address as shown to people. */
  url: string;
  /** Round trip of the ASK probe in milliseconds. */
  latencyMs: number;
  /** The HTTP `Server` header, when it can be read (not across origins in a browser). */
  server?: string;
  dialect: EndpointDialect;
  /** Which self-descriptions were found and read. */
  sources: ('service-description' | 'void')[];
}

class Graph {
  readonly #bySubject = new Map<string, Quad[]>();

  constructor(quads: readonly Quad[]) {
    for (const q of quads) {
      const key = termKey(q.subject);
      const list = this.#bySubject.get(key);
      if (list) list.push(q);
      else this.#bySubject.set(key, [q]);
    }
  }

  objects(subject: Term, predicate: string): Term[] {
    return (this.#bySubject.get(termKey(subject)) ?? [])
      .filter((q) => q.predicate.value === predicate)
      .map((q) => q.object);
  }

  subjectsOfType(type: string): Term[] {
    const out: Term[] = [];
    for (const quads of this.#bySubject.values()) {
      const q = quads.find((x) => x.predicate.value === RDF_TYPE && x.object.value === type);
      if (q) out.push(q.subject);
    }
    return out;
  }

  literal(subject: Term, predicates: readonly string[]): string | undefined {
    for (const p of predicates) {
      const values = this.objects(subject, p).filter((o): o is Literal => o.termType === 'Literal');
      const chosen =
        values.find((v) => /^en\b/i.test(v.language)) ??
        values.find((v) => v.language === '') ??
        values[0];
      if (chosen !== undefined && chosen.value.trim() !== '') return chosen.value.trim();
    }
    return undefined;
  }

  count(subject: Term, predicate: string): number | undefined {
    for (const o of this.objects(subject, predicate)) {
      const n = Number(o.value);
      if (o.termType === 'Literal' && Number.isSafeInteger(n) && n >= 0) return n;
    }
    return undefined;
  }

  iris(subject: Term, predicate: string): string[] {
    return [
      ...new Set(
        this.objects(subject, predicate)
          .filter((o) => o.termType === 'NamedNode')
          .map((o) => o.value),
      ),
    ].sort();
  }
}

function termKey(term: Term): string {
  return `${term.termType}:${term.value}`;
}

/** Picks the description of this endpoint among several: the one naming its URL, else the first. */
function pick(graph: Graph, candidates: Term[], predicate: string, url: string): Term | undefined {
  return (
    candidates.find((c) => graph.objects(c, predicate).some((o) => o.value === url)) ??
    candidates.find((c) => c.termType === 'NamedNode' && c.value === url) ??
    candidates[0]
  );
}

/**
 * Reads a service description and a VoID description (either may be empty) of the endpoint at
 * `url` into a summary; the service description wins where both say something.
 */
export function describeService(
  serviceDescription: readonly Quad[],
  voidDescription: readonly Quad[],
  url: string,
): ServiceSummary {
  const summary: ServiceSummary = { graphs: [], features: [], resultFormats: [], languages: [] };
  const sd = new Graph(serviceDescription);
  const service = pick(sd, sd.subjectsOfType(`${SD}Service`), `${SD}endpoint`, url);
  if (service !== undefined) {
    summary.features = sd.iris(service, `${SD}feature`);
    summary.resultFormats = sd.iris(service, `${SD}resultFormat`);
    summary.languages = sd.iris(service, `${SD}supportedLanguage`);
    const dataset = sd.objects(service, `${SD}defaultDataset`)[0];
    const name = sd.literal(service, NAME_PREDICATES);
    const description = sd.literal(service, DESCRIPTION_PREDICATES);
    if (name !== undefined) summary.name = name;
    if (description !== undefined) summary.description = description;
    if (dataset !== undefined) {
      summary.name ??= sd.literal(dataset, NAME_PREDICATES);
      summary.description ??= sd.literal(dataset, DESCRIPTION_PREDICATES);
      const defaultGraph = sd.objects(dataset, `${SD}defaultGraph`)[0];
      const triples =
        sd.count(dataset, `${VOID}triples`) ??
        (defaultGraph === undefined ? undefined : sd.count(defaultGraph, `${VOID}triples`));
      if (triples !== undefined) summary.triples = triples;
      for (const named of sd.objects(dataset, `${SD}namedGraph`)) {
        const graphName = sd.objects(named, `${SD}name`).find((o) => o.termType === 'NamedNode');
        if (graphName === undefined) continue;
        const g = sd.objects(named, `${SD}graph`)[0];
        const size = g === undefined ? undefined : sd.count(g, `${VOID}triples`);
        summary.graphs.push(
          size === undefined ? { name: graphName.value } : { name: graphName.value, triples: size },
        );
      }
      summary.graphs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
  }
  const v = new Graph(voidDescription);
  const dataset = pick(v, v.subjectsOfType(`${VOID}Dataset`), `${VOID}sparqlEndpoint`, url);
  if (dataset !== undefined) {
    summary.name ??= v.literal(dataset, NAME_PREDICATES);
    summary.description ??= v.literal(dataset, DESCRIPTION_PREDICATES);
    summary.triples ??= v.count(dataset, `${VOID}triples`);
  }
  // Fields left undefined above are dropped, so the summary compares and prints cleanly.
  const { name, description, triples, ...lists } = summary;
  return {
    ...(name === undefined ? {} : { name }),
    ...(description === undefined ? {} : { description }),
    ...(triples === undefined ? {} : { triples }),
    ...lists,
  };
}

/** The VoID address of a server: `/.well-known/void` at the endpoint's origin (RFC 5785). */
export function voidUrl(endpointUrl: string): string {
  return new URL('/.well-known/void', endpointUrl).href;
}

/**
 * Checks that the endpoint answers SPARQL (a tiny ASK: rejects with its EndpointError when it does
 * not) and reads what it publishes about itself, tolerating its absence.
 */
export async function checkEndpoint(
  endpoint: SparqlEndpoint | string,
  options: RequestOptions & EndpointOptions = {},
): Promise<EndpointInfo> {
  const ep = typeof endpoint === 'string' ? new SparqlEndpoint(endpoint, options) : endpoint;
  const request: RequestOptions = {};
  if (options.signal !== undefined) request.signal = options.signal;
  if (options.timeoutMs !== undefined) request.timeoutMs = options.timeoutMs;
  const { elapsedMs } = await ep.query(pingQuery(), request);
  // A description that cannot be had is no description, unless the caller cancelled.
  const optional = <T>(promise: Promise<T>): Promise<T | undefined> =>
    promise.catch((error: unknown) => {
      if (error instanceof EndpointError && error.problem.kind === 'cancelled') throw error;
      return undefined;
    });
  const [sd, voidDoc, dialect] = await Promise.all([
    optional(ep.fetchDescription(ep.url, request)),
    optional(ep.fetchDescription(voidUrl(ep.url), request)),
    ep.detectDialect(request),
  ]);
  const summary = describeService(sd?.quads ?? [], voidDoc?.quads ?? [], ep.url);
  const sources: EndpointInfo['sources'] = [];
  if (sd !== undefined && sd.quads.length > 0) sources.push('service-description');
  if (voidDoc !== undefined && voidDoc.quads.length > 0) sources.push('void');
  const info: EndpointInfo = {
    url: ep.displayUrl,
    latencyMs: elapsedMs,
    dialect,
    sources,
    ...summary,
  };
  if (ep.server !== undefined) info.server = ep.server;
  return info;
}
