// A client of the SPARQL 1.1 Protocol over `fetch`, for Node 20+, workers and browsers: it sends a
// query to an endpoint, negotiates the answer's format, parses it into the query layer's
// QueryResult shapes (RDF/JS terms and quads), bounds every request with a time limit, lets the
// caller cancel, and turns every failure into an EndpointError that names the endpoint.
//
// NOTE: queries go as URL-encoded POST (`application/x-www-form-urlencoded`) by default, not as the
// protocol's direct POST (`application/sparql-query`): Virtuoso 7.2 (Debian's package, DBpedia's
// engine) never answers a direct POST (openlink/virtuoso-opensource#842, reproduced here), and a
// form POST without custom headers is a "simple" cross-origin request that needs no preflight.
import type { Quad } from '@rdfjs/types';
import { parseRdf } from '../rdf/parse.ts';
import { formatFromMediaType, type RdfFormatId } from '../rdf/formats.ts';
import { RdfAbortError, RdfParseError } from '../rdf/errors.ts';
import { ResultsSyntaxError } from '../query/errors.ts';
import {
  parseCsvResults,
  parseSparqlJson,
  parseSparqlXml,
  parseTsvResults,
} from '../query/results-parse.ts';
import type { BindingsResult, BooleanResult, QueryResult } from '../query/types.ts';
import { displayEndpoint, EndpointError, type EndpointProblem } from './errors.ts';
import { readPrologue, type QueryForm } from './prologue.ts';
import { dialectProbeQuery } from './templates.ts';

/**
 * How a query travels: `post` (URL-encoded form, the default), `post-direct` (the query as the
 * body, `application/sparql-query`) or `get` (the query in the URL; short queries only).
 */
export type RequestMethod = 'post' | 'post-direct' | 'get';

/** The SPARQL dialect of an endpoint, which decides the label-search template. */
export type EndpointDialect = 'virtuoso' | 'generic';

/** Options of an endpoint, fixed for its lifetime. */
export interface EndpointOptions {
  /**
   * HTTP headers sent with every request, e.g. `{ Authorization: 'Basic …' }`. Kept in memory only:
   * never in messages, `toJSON()` or anything the app stores.
   */
  headers?: Readonly<Record<string, string>>;
  /** How queries are sent (default `post`). */
  method?: RequestMethod;
  /** Time limit of each request in milliseconds, answer included (default 60,000). */
  timeoutMs?: number;
  /** `default-graph-uri` of every query: the graphs whose merge is the default graph. */
  defaultGraphs?: readonly string[];
  /** `named-graph-uri` of every query. */
  namedGraphs?: readonly string[];
  /** The dialect, when known; otherwise it is learnt from the answers (see `detectDialect`). */
  dialect?: EndpointDialect;
  /** The fetch implementation (default: the global one). */
  fetch?: typeof globalThis.fetch;
}

/** Options of one request. */
export interface RequestOptions {
  /** Cancels the request; it then rejects with an EndpointError of kind `cancelled`. */
  signal?: AbortSignal;
  /** Time limit of this request, overriding the endpoint's. */
  timeoutMs?: number;
}

/** A parsed answer and what the endpoint said about it. */
export interface RemoteAnswer<R extends QueryResult = QueryResult> {
  result: R;
  /** The query's PREFIX declarations, then those of a Turtle answer: for writing the result. */
  prefixes: Record<string, string>;
  /** The endpoint cut the result at this many rows (Virtuoso's `X-SPARQL-MaxRows` header). */
  truncatedAt?: number;
  /** The endpoint stopped the query early and sent what it had (Virtuoso's "anytime" answers). */
  partial?: string;
  /** Milliseconds from sending the request to the parsed result. */
  elapsedMs: number;
}

/** A document fetched from the endpoint's server (service description, VoID). */
export interface FetchedDocument {
  quads: Quad[];
  prefixes: Record<string, string>;
}

const DEFAULT_TIMEOUT_MS = 60_000;

const RESULTS_ACCEPT =
  'application/sparql-results+json, application/sparql-results+xml;q=0.9, text/tab-separated-values;q=0.5, text/csv;q=0.2';
const GRAPH_ACCEPT =
  'application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5, application/ld+json;q=0.3';
const ANY_ACCEPT = `${RESULTS_ACCEPT}, ${GRAPH_ACCEPT.replace('application/n-triples', 'application/n-triples;q=0.8')}`;
const DESCRIPTION_ACCEPT =
  'text/turtle, application/rdf+xml;q=0.8, application/n-triples;q=0.7, application/ld+json;q=0.5';

type ResultsFormat = 'json' | 'xml' | 'tsv' | 'csv';
const RESULTS_TYPES: Readonly<Record<string, ResultsFormat>> = {
  'application/sparql-results+json': 'json',
  'application/json': 'json',
  'application/sparql-results+xml': 'xml',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'text/tab-separated-values': 'tsv',
  'text/csv': 'csv',
};
const RESULTS_PARSERS: Readonly<
  Record<ResultsFormat, (text: string) => BindingsResult | BooleanResult>
> = {
  json: parseSparqlJson,
  xml: parseSparqlXml,
  tsv: parseTsvResults,
  csv: parseCsvResults,
};

// RFC 9110 token characters; a header value may not break the line.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[^\r\n\0]*$/;
const RESERVED_HEADERS = new Set(['accept', 'content-type']);

/** A body read that failed (the connection broke): told apart from a body that does not parse. */
class BodyReadError extends Error {
  override name = 'BodyReadError';
}

/** The media type of a Content-Type header, lower case, without parameters. */
function mediaType(header: string | null): string {
  return (header?.split(';', 1)[0] ?? '').trim().toLowerCase();
}

/** The RDF format of a media type; `text/plain` is N-Triples' media type of RDF 1.0. */
function rdfFormatOf(type: string): RdfFormatId | undefined {
  // NOTE: older endpoints still label N-Triples `text/plain`; an error page in text/plain fails
  // to parse and is reported as such.
  return type === 'text/plain' ? 'ntriples' : formatFromMediaType(type)?.id;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The `<title>` of an HTML page, if any. */
function htmlTitle(html: string): string | undefined {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1];
  const text = title === undefined ? '' : decodeEntities(title).replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : clip(text, 80);
}

/**
 * The first line of the error text a server sent: a JSON error's message, the `<pre>` block or the
 * text of an HTML page, or the first non-empty line of plain text (Virtuoso: `Virtuoso 37000 Error
 * SP030: SPARQL compiler, line 1: …`).
 */
export function serverMessage(body: string, contentType: string): string {
  let text = body;
  if (contentType.includes('json')) {
    try {
      const doc = JSON.parse(body) as unknown;
      if (typeof doc === 'object' && doc !== null) {
        const record = doc as Record<string, unknown>;
        const found = [record.message, record.error, record.detail].find(
          (v): v is string => typeof v === 'string',
        );
        if (found !== undefined) text = found;
      }
    } catch {
      // Not JSON after all: read it as text.
    }
  } else if (contentType.includes('html') || /^\s*<(?:!doctype html|html)/i.test(body)) {
    const pre = /<pre[^>]*>([\s\S]*?)<\/pre>/i.exec(body)?.[1];
    const inner =
      pre ??
      body.replace(/<head[\s\S]*?<\/head>|<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, '');
    text = decodeEntities(inner.replace(/<[^>]*>/g, '\n'));
  }
  const line = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '');
  return clip(line ?? '', 300);
}

function fetchFailure(error: unknown): string {
  const cause =
    error instanceof Error
      ? (error.cause as { code?: unknown; message?: unknown } | undefined)
      : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  switch (code) {
    case 'ECONNREFUSED':
      return 'the connection was refused (no server listens there)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'no such host';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'the server closed the connection';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'the network cannot reach that host';
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return `its TLS certificate is not trusted (${code})`;
  }
  if (cause?.message === 'bad port') {
    return 'fetch refuses to connect to this port (one of the ports browsers block for safety); serve the endpoint on another port';
  }
  if (typeof cause?.message === 'string' && cause.message !== '') return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/** Reads a response body as a stream of bytes, marking read failures as BodyReadError. */
async function* bodyBytes(response: Response): AsyncGenerator<Uint8Array> {
  const reader = response.body?.getReader();
  if (reader === undefined) return;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw new BodyReadError(error instanceof Error ? error.message : String(error), {
          cause: error,
        });
      }
      if (chunk.done) return;
      yield chunk.value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * One SPARQL endpoint: its address, its headers (in memory only) and how to talk to it. Reusable
 * and safe to share: requests are independent.
 */
export class SparqlEndpoint {
  /** The address requests go to, as given (query string included). */
  readonly url: string;
  /** The address for people and messages: no user info, no query string. */
  readonly displayUrl: string;
  readonly method: RequestMethod;
  readonly timeoutMs: number;
  readonly #headers: Readonly<Record<string, string>>;
  readonly #defaultGraphs: readonly string[];
  readonly #namedGraphs: readonly string[];
  readonly #fetch: typeof globalThis.fetch;
  #server: string | undefined;
  #dialect: EndpointDialect | undefined;
  #probe: Promise<EndpointDialect> | undefined;
  /** Set after a POST was answered 405: later requests go as GET. */
  #useGet = false;

  /** Throws an EndpointError (`bad-url`) for an address that is not http(s) or holds credentials. */
  constructor(url: string, options: EndpointOptions = {}) {
    // NOTE: whatever stands before an "@" is not echoed: it may be a password.
    const refuse = (shown: string): EndpointError =>
      new EndpointError(shown, { kind: 'bad-url', input: shown });
    const redacted = url.trim().replace(/[^\s/@]+@/g, '…@');
    let parsed: URL;
    try {
      parsed = new URL(url.trim());
    } catch {
      throw refuse(redacted);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw refuse(redacted);
    if (parsed.username !== '' || parsed.password !== '') {
      parsed.username = '';
      parsed.password = '';
      throw refuse(displayEndpoint(parsed));
    }
    parsed.hash = '';
    this.url = parsed.href;
    this.displayUrl = displayEndpoint(parsed);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (!HEADER_NAME.test(name) || !HEADER_VALUE.test(value)) {
        throw new EndpointError(this.displayUrl, { kind: 'bad-header', name: clip(name, 40) });
      }
      if (RESERVED_HEADERS.has(name.toLowerCase())) continue; // chosen per request below
      headers[name] = value;
    }
    this.#headers = headers;
    this.method = options.method ?? 'post';
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#defaultGraphs = options.defaultGraphs ?? [];
    this.#namedGraphs = options.namedGraphs ?? [];
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#dialect = options.dialect;
  }

  /** The `Server` header of the last answer, when the environment lets it be read. */
  get server(): string | undefined {
    return this.#server;
  }

  /** The dialect when known (given, read from a `Server` header, or probed); else undefined. */
  get dialect(): EndpointDialect | undefined {
    return (
      this.#dialect ??
      (this.#server !== undefined && /virtuoso/i.test(this.#server) ? 'virtuoso' : undefined)
    );
  }

  /**
   * The endpoint's dialect: from the options or a `Server: Virtuoso…` header if seen, otherwise
   * from one probe query (a Virtuoso built-in function) asked once and remembered.
   */
  async detectDialect(options: RequestOptions = {}): Promise<EndpointDialect> {
    const known = this.dialect;
    if (known !== undefined) return known;
    this.#probe ??= this.ask(dialectProbeQuery(), options).then(
      (yes) => (yes ? 'virtuoso' : 'generic'),
      (error: unknown) => {
        // A request that did not get an answer says nothing about the dialect: ask again later.
        if (
          error instanceof EndpointError &&
          error.problem.kind !== 'http' &&
          error.problem.kind !== 'unparsable'
        ) {
          this.#probe = undefined;
          throw error;
        }
        return 'generic';
      },
    );
    this.#dialect = await this.#probe;
    return this.#dialect;
  }

  /** Runs a query of any form and returns its parsed answer. Refuses SPARQL Update. */
  async query(text: string, options: RequestOptions = {}): Promise<RemoteAnswer> {
    const started = performance.now();
    const prologue = readPrologue(text);
    const form = prologue.form;
    if (form === 'update') throw new EndpointError(this.displayUrl, { kind: 'update' });
    const accept =
      form === 'select' || form === 'ask'
        ? RESULTS_ACCEPT
        : form === 'construct' || form === 'describe'
          ? GRAPH_ACCEPT
          : ANY_ACCEPT;
    return this.#withDeadline(options, async (signal) => {
      const response = await this.#send(text, accept, signal);
      const answer = await this.#read(response, accept, form, signal);
      return {
        ...answer,
        prefixes: { ...answer.prefixes, ...prologue.prefixes },
        elapsedMs: Math.round(performance.now() - started),
      };
    });
  }

  /** Runs a SELECT query; rejects when the answer is not a table of solutions. */
  async select(text: string, options?: RequestOptions): Promise<BindingsResult> {
    const { result } = await this.query(text, options);
    if (result.type !== 'bindings') throw this.#unexpected(result, 'a table of solutions');
    return result;
  }

  /** Runs an ASK query. */
  async ask(text: string, options?: RequestOptions): Promise<boolean> {
    const { result } = await this.query(text, options);
    if (result.type !== 'boolean') throw this.#unexpected(result, 'true or false');
    return result.value;
  }

  /** Runs a CONSTRUCT or DESCRIBE query; resolves to its triples (in the default graph). */
  async construct(text: string, options?: RequestOptions): Promise<Quad[]> {
    const { result } = await this.query(text, options);
    if (result.type !== 'quads') throw this.#unexpected(result, 'a graph');
    return result.quads;
  }

  /**
   * GETs an RDF document from the endpoint's server (its service description at its own address,
   * a VoID file…) and parses it. Resolves to undefined when there is none to read (an error status
   * or a body that is not RDF); rejects only when the server cannot be reached, or on time-out or
   * cancellation. The endpoint's headers (credentials) go only to its own origin.
   */
  async fetchDescription(
    url: string,
    options: RequestOptions = {},
  ): Promise<FetchedDocument | undefined> {
    return this.#withDeadline(options, async (signal) => {
      let response: Response;
      try {
        const sameOrigin = new URL(url).origin === new URL(this.url).origin;
        response = await this.#fetch(url, {
          method: 'GET',
          headers: { ...(sameOrigin ? this.#headers : {}), Accept: DESCRIPTION_ACCEPT },
          signal,
        });
      } catch (error) {
        throw this.#failure(error, signal);
      }
      this.#noteServer(response);
      const format = rdfFormatOf(mediaType(response.headers.get('content-type')));
      if (!response.ok || format === undefined) {
        await response.body?.cancel().catch(() => undefined);
        return undefined;
      }
      try {
        return await this.#parseRdf(response, format, url, signal);
      } catch (error) {
        if (error instanceof EndpointError && error.problem.kind === 'unparsable') return undefined;
        throw error;
      }
    });
  }

  /** What may be stored about this endpoint (recent endpoints): its address, never its headers. */
  toJSON(): { url: string } {
    return { url: this.url };
  }

  // -------------------------------------------------------------------------------------------

  /** Runs `work` under the request's time limit and the caller's signal, translating aborts. */
  async #withDeadline<T>(
    options: RequestOptions,
    work: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal =
      options.signal === undefined ? deadline : AbortSignal.any([options.signal, deadline]);
    // A function, so that the compiler does not assume the flag still holds its first value.
    const cancelled = (): boolean => options.signal?.aborted === true;
    if (cancelled()) throw new EndpointError(this.displayUrl, { kind: 'cancelled' });
    try {
      return await work(signal);
    } catch (error) {
      if (cancelled())
        throw new EndpointError(this.displayUrl, { kind: 'cancelled' }, { cause: error });
      if (deadline.aborted)
        throw new EndpointError(this.displayUrl, { kind: 'timeout', timeoutMs }, { cause: error });
      throw error;
    }
  }

  async #send(query: string, accept: string, signal: AbortSignal): Promise<Response> {
    const method = this.#useGet ? 'get' : this.method;
    const params = new URLSearchParams();
    const graphs = (): void => {
      for (const g of this.#defaultGraphs) params.append('default-graph-uri', g);
      for (const g of this.#namedGraphs) params.append('named-graph-uri', g);
    };
    const headers: Record<string, string> = { ...this.#headers, Accept: accept };
    let url = this.url;
    let init: RequestInit;
    if (method === 'post') {
      params.append('query', query);
      graphs();
      init = { method: 'POST', headers, body: params };
    } else {
      if (method === 'get') params.append('query', query);
      graphs();
      const search = params.toString();
      if (search !== '') url += `${url.includes('?') ? '&' : '?'}${search}`;
      init =
        method === 'get'
          ? { method: 'GET', headers }
          : {
              method: 'POST',
              headers: { ...headers, 'Content-Type': 'application/sparql-query; charset=utf-8' },
              body: query,
            };
    }
    let response: Response;
    try {
      response = await this.#fetch(url, { ...init, signal });
    } catch (error) {
      throw this.#failure(error, signal);
    }
    this.#noteServer(response);
    if (response.status === 405 && method !== 'get') {
      // The protocol lets an endpoint take only GET: fall back once, and stay on GET.
      await response.body?.cancel().catch(() => undefined);
      this.#useGet = true;
      return this.#send(query, accept, signal);
    }
    return response;
  }

  async #read(
    response: Response,
    accept: string,
    form: QueryForm | undefined,
    signal: AbortSignal,
  ): Promise<Omit<RemoteAnswer, 'elapsedMs'>> {
    const type = mediaType(response.headers.get('content-type'));
    if (!response.ok) {
      const body = await this.#text(response, signal);
      throw new EndpointError(this.displayUrl, {
        kind: 'http',
        status: response.status,
        statusText: response.statusText,
        serverMessage: serverMessage(body, type),
      });
    }
    const extra: Pick<RemoteAnswer, 'truncatedAt' | 'partial'> = {};
    const maxRows = Number(response.headers.get('x-sparql-maxrows') ?? Number.NaN);
    if (Number.isSafeInteger(maxRows) && maxRows > 0) extra.truncatedAt = maxRows;
    const state = response.headers.get('x-sql-state');
    if (state !== null && state !== '') {
      extra.partial = response.headers.get('x-sql-message') ?? `SQL state ${state}`;
    }
    const resultsFormat = RESULTS_TYPES[type];
    if (resultsFormat !== undefined) {
      const text = await this.#text(response, signal);
      let result: BindingsResult | BooleanResult;
      try {
        result = RESULTS_PARSERS[resultsFormat](text);
      } catch (error) {
        if (!(error instanceof ResultsSyntaxError)) throw error;
        throw new EndpointError(
          this.displayUrl,
          { kind: 'unparsable', contentType: type, detail: error.message },
          { cause: error },
        );
      }
      return { result: form === 'ask' ? askResult(result) : result, prefixes: {}, ...extra };
    }
    const rdfFormat = rdfFormatOf(type);
    if (rdfFormat !== undefined) {
      const { quads, prefixes } = await this.#parseRdf(response, rdfFormat, this.url, signal);
      return { result: { type: 'quads', quads }, prefixes, ...extra };
    }
    const body = await this.#text(response, signal);
    const problem: EndpointProblem = {
      kind: 'wrong-content-type',
      contentType: type,
      accepted: accept,
    };
    const title = htmlTitle(body);
    if (title !== undefined) problem.title = title;
    throw new EndpointError(this.displayUrl, problem);
  }

  async #text(response: Response, signal: AbortSignal): Promise<string> {
    try {
      return await response.text();
    } catch (error) {
      throw this.#failure(error, signal, 'the connection broke while the answer was arriving');
    }
  }

  async #parseRdf(
    response: Response,
    format: RdfFormatId,
    baseIRI: string,
    signal: AbortSignal,
  ): Promise<FetchedDocument> {
    const quads: Quad[] = [];
    try {
      const read = await parseRdf(
        bodyBytes(response),
        { format, source: this.displayUrl, baseIRI, signal },
        (batch) => {
          for (const q of batch) quads.push(q);
        },
      );
      return { quads, prefixes: read.prefixes };
    } catch (error) {
      if (error instanceof RdfAbortError) throw error; // translated by #withDeadline
      if (error instanceof RdfParseError && error.cause instanceof BodyReadError) {
        throw this.#failure(
          error.cause,
          signal,
          'the connection broke while the answer was arriving',
        );
      }
      if (error instanceof RdfParseError) {
        throw new EndpointError(
          this.displayUrl,
          {
            kind: 'unparsable',
            contentType: mediaType(response.headers.get('content-type')),
            detail: error.message,
          },
          { cause: error },
        );
      }
      throw error;
    }
  }

  /** A fetch or body failure: a time-out or cancellation (translated later), else unreachable. */
  #failure(error: unknown, signal: AbortSignal, what?: string): unknown {
    if (signal.aborted) return error;
    return new EndpointError(
      this.displayUrl,
      { kind: 'unreachable', cause: what ?? fetchFailure(error) },
      { cause: error },
    );
  }

  #noteServer(response: Response): void {
    const server = response.headers.get('server');
    if (server !== null && server.trim() !== '') this.#server = server.trim();
  }

  #unexpected(result: QueryResult, wanted: string): EndpointError {
    const got =
      result.type === 'bindings'
        ? 'a table'
        : result.type === 'boolean'
          ? 'true or false'
          : 'a graph';
    return new EndpointError(this.displayUrl, { kind: 'wrong-form', expected: wanted, got });
  }
}

/**
 * The boolean of an ASK answer. WARNING: Virtuoso 7 answers ASK as a one-column SELECT
 * (`__ASK_RETVAL`): one row holding 1 for true, no row for false.
 */
function askResult(result: BindingsResult | BooleanResult): BooleanResult {
  if (result.type === 'boolean') return result;
  const [first] = result.rows;
  const value = first === undefined ? undefined : Object.values(first)[0]?.value;
  return { type: 'boolean', value: value !== undefined && value !== '0' && value !== 'false' };
}
