// Connecting to a real Virtuoso: the ASK check, its Server header and service description, the
// dialect probe, and an endpoint behind a proxy that wants HTTP Basic credentials.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { SparqlEndpoint } from '../../src/remote/client.ts';
import { EndpointError } from '../../src/remote/errors.ts';
import { checkEndpoint } from '../../src/remote/service.ts';
import { dialectProbeQuery } from '../../src/remote/templates.ts';
import { startBasicAuthProxy, type LocalServer } from './servers.ts';

const SD = 'http://www.w3.org/ns/sparql-service-description#';
const FORMATS = 'http://www.w3.org/ns/formats/';
const endpoint = inject('virtuosoEndpoint');

describe('checkEndpoint on Virtuoso', () => {
  test('answers the ASK, names the server, reads the service description, tolerates no VoID', async () => {
    const info = await checkEndpoint(endpoint);
    expect(info).toEqual({
      url: endpoint,
      latencyMs: expect.any(Number) as number,
      server: expect.stringMatching(/^Virtuoso\/07\.\d+\.\d+ /) as string,
      dialect: 'virtuoso',
      sources: ['service-description'],
      graphs: [],
      features: [`${SD}DereferencesURIs`, `${SD}UnionDefaultGraph`],
      resultFormats: [
        `${FORMATS}N-Triples`,
        `${FORMATS}N3`,
        `${FORMATS}RDF_XML`,
        `${FORMATS}RDFa`,
        `${FORMATS}SPARQL_Results_CSV`,
        `${FORMATS}SPARQL_Results_JSON`,
        `${FORMATS}SPARQL_Results_XML`,
        `${FORMATS}Turtle`,
      ],
      languages: [`${SD}SPARQL10Query`],
    });
    expect(info.latencyMs).toBeLessThan(5_000);
  });

  test('the dialect: read from the Server header, and the probe query agrees', async () => {
    const ep = new SparqlEndpoint(endpoint);
    expect(ep.dialect).toBeUndefined();
    expect(await ep.ask(dialectProbeQuery())).toBe(true);
    expect(ep.dialect).toBe('virtuoso');
    expect(await new SparqlEndpoint(endpoint).detectDialect()).toBe('virtuoso');
    expect(await new SparqlEndpoint(endpoint, { dialect: 'generic' }).detectDialect()).toBe(
      'generic',
    );
  });
});

describe('an endpoint behind HTTP Basic authentication', () => {
  let proxy: LocalServer;
  let url: string;
  beforeAll(async () => {
    proxy = await startBasicAuthProxy(new URL(endpoint).origin, 'reader', 's3cret-Pa55');
    url = `${proxy.url}/sparql`;
  });
  afterAll(() => proxy.close());

  test('without the Authorization header: 401, with what to do', async () => {
    const error = await checkEndpoint(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EndpointError);
    expect((error as EndpointError).problem).toEqual({
      kind: 'http',
      status: 401,
      statusText: 'Unauthorized',
      serverMessage: 'Authentication required: send your user name and password.',
    });
    expect((error as EndpointError).message).toBe(
      `The SPARQL endpoint ${url} answered HTTP 401 Unauthorized: Authentication required: send your user name and password. It needs credentials: give an Authorization header.`,
    );
  });

  test('with it: the check passes; the header never shows in what may be stored', async () => {
    const authorization = `Basic ${Buffer.from('reader:s3cret-Pa55').toString('base64')}`;
    const ep = new SparqlEndpoint(url, { headers: { Authorization: authorization } });
    const info = await checkEndpoint(ep);
    expect(info.dialect).toBe('virtuoso');
    expect(info.url).toBe(url);
    // The service description, at the same origin, was fetched with the credentials too.
    expect(info.sources).toEqual(['service-description']);
    expect(await ep.ask('ASK { ?s ?p ?o }')).toBe(true);
    expect(JSON.stringify(ep)).toBe(JSON.stringify({ url }));
    expect(JSON.stringify(info)).not.toContain(authorization);
  });
});
