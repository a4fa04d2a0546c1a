// What goes wrong with real servers, and the message a person gets: a query the server rejects
// (400), a query that fails while running (500), a query slower than the time limit, a cancelled
// request, an address that is a web site and not an endpoint, a port nobody listens on, and a
// server that stops in the middle of a session.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { SparqlEndpoint } from '../../src/remote/client.ts';
import { EndpointError } from '../../src/remote/errors.ts';
import { linkCounts } from '../../src/remote/explore.ts';
import { checkEndpoint } from '../../src/remote/service.ts';
import { startVirtuoso, type VirtuosoServer } from '../support/virtuoso.ts';
import { PEOPLE_GRAPH, ROSMER_FILES, ROSMER_GRAPH, TROTSKY } from './data.ts';
import { startWebSite, type LocalServer } from './servers.ts';

const endpoint = inject('virtuosoEndpoint');

/** A query that takes Virtuoso several seconds on the 1M graph: a self-join over every subject. */
const HEAVY = `SELECT (COUNT(*) AS ?n) WHERE {
  GRAPH <${PEOPLE_GRAPH}> {
    ?s ?p ?o . ?s ?p2 ?o2
    FILTER(REGEX(CONCAT(STR(?o), STR(?o2)), "zzz[0-9]+q", "i"))
  }
}`;

async function failure(promise: Promise<unknown>): Promise<EndpointError> {
  const error = await promise.then(
    () => new Error('expected the request to fail'),
    (e: unknown) => e,
  );
  if (!(error instanceof EndpointError)) throw error;
  return error;
}

describe('the server answers with an error', () => {
  test('a query that does not parse: HTTP 400 with Virtuoso’s own first line', async () => {
    const error = await failure(new SparqlEndpoint(endpoint).select('SELECT * WHERE { ?s ?p }'));
    expect(error.problem).toEqual({
      kind: 'http',
      status: 400,
      statusText: 'Bad Request',
      serverMessage:
        "Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error at '}' before '}'",
    });
    expect(error.message).toBe(
      `The SPARQL endpoint ${endpoint} answered HTTP 400 Bad Request: Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error at '}' before '}'. The endpoint rejected the query: correct it and run it again.`,
    );
  });

  test('a query that fails while running: HTTP 500', async () => {
    const error = await failure(
      new SparqlEndpoint(endpoint).select('SELECT (bif:sqrt("abc") AS ?x) WHERE {}'),
    );
    expect(error.message).toBe(
      `The SPARQL endpoint ${endpoint} answered HTTP 500 SPARQL Request Failed: Virtuoso 22023 Error SR010: Function sqrt needs a double as argument 1, not an arg of type VARCHAR (182). The server failed while running the query: simplify the query, or retry later.`,
    );
  });

  test('a page deeper than Virtuoso sorts (10,000 rows) is its error SR353, reported as is', async () => {
    const error = await failure(
      new SparqlEndpoint(endpoint).construct(`CONSTRUCT { ?s a ?c } WHERE {
  GRAPH <${PEOPLE_GRAPH}> { ?s a ?c } } ORDER BY ?s LIMIT 10 OFFSET 20000`),
    );
    expect(error.problem).toMatchObject({ kind: 'http', status: 500 });
    expect(error.message).toContain(
      'Error SR353: Sorted TOP clause specifies more then 20010 rows',
    );
  });
});

describe('time limits and cancellation', () => {
  test('a query slower than the time limit is abandoned on time, with what to do', async () => {
    const started = performance.now();
    const error = await failure(new SparqlEndpoint(endpoint, { timeoutMs: 1_000 }).select(HEAVY));
    const waited = performance.now() - started;
    expect(error.problem).toEqual({ kind: 'timeout', timeoutMs: 1_000 });
    expect(error.message).toBe(
      `The SPARQL endpoint ${endpoint} did not answer within 1 s, so the request was abandoned. Narrow the query (a LIMIT, a more specific pattern) or raise the time limit.`,
    );
    expect(waited).toBeGreaterThanOrEqual(990);
    expect(waited).toBeLessThan(2_500);
  });

  test('a request cancelled by its AbortSignal stops at once', async () => {
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 300);
    const started = performance.now();
    const error = await failure(
      new SparqlEndpoint(endpoint).select(HEAVY, { signal: controller.signal }),
    );
    expect(error.problem).toEqual({ kind: 'cancelled' });
    expect(error.message).toBe(`The request to the SPARQL endpoint ${endpoint} was cancelled.`);
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  // Last: it also waits out the abandoned runs above, so the server is idle for the next tests.
  test('the same query with a longer limit does finish: the limit, not the server, ended it', async () => {
    const result = await new SparqlEndpoint(endpoint, { timeoutMs: 100_000 }).select(HEAVY);
    expect(result.rows.map((r) => r.n?.value)).toEqual(['0']);
  });
});

describe('addresses that are not SPARQL endpoints', () => {
  let site: LocalServer;
  beforeAll(async () => {
    site = await startWebSite();
  });
  afterAll(() => site.close());

  test('a web page: "does not look like a SPARQL endpoint", with its title', async () => {
    const error = await failure(checkEndpoint(`${site.url}/collections`));
    expect(error.problem).toEqual({
      kind: 'wrong-content-type',
      contentType: 'text/html',
      accepted:
        'application/sparql-results+json, application/sparql-results+xml;q=0.9, text/tab-separated-values;q=0.5, text/csv;q=0.2',
      title: 'Welcome to the Example Museum',
    });
    expect(error.message).toBe(
      `The address ${site.url}/collections does not look like a SPARQL endpoint: it answered with an HTML page ("Welcome to the Example Museum") instead of query results. Give the endpoint's own address (it often ends in /sparql).`,
    );
  });

  test('a missing page: HTTP 404, with the page’s first line and where to look', async () => {
    const error = await failure(new SparqlEndpoint(`${site.url}/missing`).ask('ASK {}'));
    expect(error.message).toBe(
      `The SPARQL endpoint ${site.url}/missing answered HTTP 404 Not Found: Page not found. There is no SPARQL endpoint at this address: check the path (it often ends in /sparql).`,
    );
  });

  test('a port nobody listens on: unreachable, connection refused', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => {
          resolve(typeof address === 'object' && address !== null ? address.port : 0);
        });
      });
    });
    const url = `http://127.0.0.1:${port}/sparql`;
    const error = await failure(checkEndpoint(url));
    expect(error.message).toBe(
      `Cannot reach the SPARQL endpoint ${url}: the connection was refused (no server listens there). Check the address, the network, and that the server is running (in a browser, also that it allows cross-origin requests).`,
    );
  });
});

test('a port fetch refuses to use (browsers block it): said so, before any connection', async () => {
  const error = await failure(new SparqlEndpoint('http://127.0.0.1:6000/sparql').ask('ASK {}'));
  expect(error.message).toBe(
    'Cannot reach the SPARQL endpoint http://127.0.0.1:6000/sparql: fetch refuses to connect to this port (one of the ports browsers block for safety); serve the endpoint on another port. Check the address, the network, and that the server is running (in a browser, also that it allows cross-origin requests).',
  );
});

describe('a server that stops in the middle of a session', () => {
  let second: VirtuosoServer | undefined;
  afterAll(async () => {
    await second?.stop();
  });

  test('works, then after the stop every request says the endpoint cannot be reached', async () => {
    second = await startVirtuoso({
      load: [{ graph: ROSMER_GRAPH, files: ROSMER_FILES }],
      buffers: 10_000,
    });
    const ep = new SparqlEndpoint(second.endpoint);
    expect((await checkEndpoint(ep)).dialect).toBe('virtuoso');
    const before = await linkCounts(ep, TROTSKY);
    expect(before[0]).toEqual({
      predicate: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#object',
      direction: 'in',
      count: 7,
    });
    await second.stop();
    expect(second.running()).toBe(false);
    const error = await failure(linkCounts(ep, TROTSKY));
    expect(error.problem.kind).toBe('unreachable');
    expect(error.message).toMatch(
      new RegExp(
        `^Cannot reach the SPARQL endpoint ${second.endpoint.replace(/[.?]/g, '\\$&')}: (the connection was refused \\(no server listens there\\)|the server closed the connection)\\. Check the address`,
      ),
    );
    // The shared server is not affected.
    expect(await new SparqlEndpoint(endpoint).ask('ASK {}')).toBe(true);
  });
});
