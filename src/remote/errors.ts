// The errors of talking to a remote SPARQL endpoint, as one class with a discriminated `problem`
// (switch on `problem.kind`), and the errors of building a query from a template. Every message
// names the endpoint, says what happened and what to do. They extend the query layer's QueryError,
// so the command line and the app treat them like any failing query.
import { QueryError } from '../query/errors.ts';

/** What went wrong with a request to an endpoint. */
export type EndpointProblem =
  /** The address is not an http(s) URL, or carries a user name and password. */
  | { kind: 'bad-url'; input: string }
  /** A header that cannot be sent (a name that is not a token, a value with a line break). */
  | { kind: 'bad-header'; name: string }
  /** The text is SPARQL Update, which Triplescope never sends. */
  | { kind: 'update' }
  /** No answer at all: refused connection, unknown host, reset, blocked by the browser (CORS). */
  | { kind: 'unreachable'; cause: string }
  /** No complete answer within the time limit. */
  | { kind: 'timeout'; timeoutMs: number }
  /** The caller's AbortSignal fired. */
  | { kind: 'cancelled' }
  /** An HTTP error status; `serverMessage` is the first line of the error text the server sent. */
  | { kind: 'http'; status: number; statusText: string; serverMessage: string }
  /** A success status with a body in a format that is neither SPARQL results nor RDF (or not the one asked for). */
  | { kind: 'wrong-content-type'; contentType: string; accepted: string; title?: string }
  /** A SPARQL results or RDF body that does not parse. */
  | { kind: 'unparsable'; contentType: string; detail: string }
  /** The answer is of another kind than the caller asked for (a graph from `select()`…). */
  | { kind: 'wrong-form'; expected: string; got: string };

/** A request to a SPARQL endpoint that failed; `problem` says how, `endpoint` where (no credentials). */
export class EndpointError extends QueryError {
  override name = 'EndpointError';

  constructor(
    /** The endpoint's address as shown to people: no user info, no query string. */
    readonly endpoint: string,
    readonly problem: EndpointProblem,
    options?: { cause?: unknown },
  ) {
    super(describeProblem(endpoint, problem), options);
  }
}

/** A value a query template cannot represent safely (an IRI with `>`, a control character…). */
export class QueryTemplateError extends QueryError {
  override name = 'QueryTemplateError';
}

/**
 * An endpoint address for messages: scheme, host, port and path. User info and the query string
 * are dropped because they often hold secrets (passwords, API keys).
 */
export function displayEndpoint(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}${url.search === '' ? '' : '?…'}`;
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}

function httpAdvice(status: number): string {
  switch (status) {
    case 400:
      return 'The endpoint rejected the query: correct it and run it again.';
    case 401:
      return 'It needs credentials: give an Authorization header.';
    case 403:
      return 'It refused the request: check the Authorization header and your rights on this endpoint.';
    case 404:
      return 'There is no SPARQL endpoint at this address: check the path (it often ends in /sparql).';
    case 405:
      return 'It does not take this HTTP method: switch between GET and POST.';
    case 406:
    case 415:
      return 'It cannot answer in a format Triplescope reads (SPARQL JSON/XML/CSV/TSV, N-Triples, Turtle, RDF/XML, JSON-LD).';
    case 413:
    case 414:
      return 'The request is too long for it: send the query with POST, or shorten it.';
    case 429:
      return 'It limits how often it may be asked: wait a little and retry.';
    case 500:
      return 'The server failed while running the query: simplify the query, or retry later.';
    case 502:
    case 503:
    case 504:
      return 'The server is unavailable or overloaded: retry later.';
    default:
      return status >= 500
        ? 'The server failed: retry later.'
        : 'The endpoint refused the request: check the address and the query.';
  }
}

function describeProblem(endpoint: string, problem: EndpointProblem): string {
  switch (problem.kind) {
    case 'bad-url':
      return `"${problem.input}" is not a SPARQL endpoint address: give an http:// or https:// URL such as https://dbpedia.org/sparql, without a user name or password in it (send those in an Authorization header).`;
    case 'bad-header':
      return `The header "${problem.name}" cannot be sent to ${endpoint}: a header name is letters, digits and !#$%&'*+.^_\`|~- only, and a value may not hold a line break.`;
    case 'update':
      return `Triplescope only reads from SPARQL endpoints: this is a SPARQL Update (INSERT, DELETE, LOAD…), which it does not send to ${endpoint}.`;
    case 'unreachable':
      return `Cannot reach the SPARQL endpoint ${endpoint}: ${problem.cause}. Check the address, the network, and that the server is running (in a browser, also that it allows cross-origin requests).`;
    case 'timeout':
      return `The SPARQL endpoint ${endpoint} did not answer within ${formatMs(problem.timeoutMs)}, so the request was abandoned. Narrow the query (a LIMIT, a more specific pattern) or raise the time limit.`;
    case 'cancelled':
      return `The request to the SPARQL endpoint ${endpoint} was cancelled.`;
    case 'http': {
      const said = problem.serverMessage === '' ? '' : `: ${problem.serverMessage}`;
      const status = `${problem.status}${problem.statusText === '' ? '' : ` ${problem.statusText}`}`;
      const stop = /[.!?]$/.test(said) ? '' : '.';
      return `The SPARQL endpoint ${endpoint} answered HTTP ${status}${said}${stop} ${httpAdvice(problem.status)}`;
    }
    case 'wrong-content-type':
      if (problem.contentType === 'text/html' || problem.contentType === 'application/xhtml+xml') {
        const title = problem.title === undefined ? '' : ` ("${problem.title}")`;
        return `The address ${endpoint} does not look like a SPARQL endpoint: it answered with an HTML page${title} instead of query results. Give the endpoint's own address (it often ends in /sparql).`;
      }
      return `The SPARQL endpoint ${endpoint} answered in "${problem.contentType || 'no content type'}", which is not what was asked for (${problem.accepted}). Check that the address is a SPARQL endpoint.`;
    case 'unparsable':
      return `The SPARQL endpoint ${endpoint} sent a ${problem.contentType} answer that does not parse: ${problem.detail} The answer may have been cut short: run the query again, or tell the endpoint's maintainers.`;
    case 'wrong-form':
      return `The query sent to ${endpoint} gave ${problem.got} where ${problem.expected} was expected: check the query form (SELECT, ASK, CONSTRUCT, DESCRIBE).`;
  }
}
