// The command line against a real Virtuoso, run as a user runs it (a process: its stdout, stderr
// and exit code): `triplescope query --endpoint` in every output format, `triplescope export
// --endpoint --query CONSTRUCT…`, credentials, and each failure with its one-line message.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { isomorphic } from 'rdf-isomorphic';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { parseRdf } from '../../src/rdf/parse.ts';
import { SparqlEndpoint } from '../../src/remote/client.ts';
import { PEOPLE_GRAPH, ROSMER_GRAPH, TROTSKY } from './data.ts';
import { startBasicAuthProxy, startWebSite, type LocalServer } from './servers.ts';

const BIN = 'bin/triplescope.js';
const endpoint = inject('virtuosoEndpoint');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

async function quadsOf(text: string, format: 'turtle' | 'ntriples'): Promise<Quad[]> {
  const quads: Quad[] = [];
  await parseRdf(text, { format, source: 'output' }, (batch) => {
    quads.push(...batch);
  });
  return quads;
}

const FRIENDS = `PREFIX rel: <http://purl.org/vocab/relationship/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?friend ?label WHERE {
  GRAPH <${ROSMER_GRAPH}> { ?friend rel:friendOf <${TROTSKY}> ; rdfs:label ?label }
} ORDER BY ?friend`;

const AROUND_TROTSKY = `PREFIX rosmer: <https://w3id.org/triplescope/rosmer/>
CONSTRUCT { ?s ?p ?o } WHERE {
  GRAPH <${ROSMER_GRAPH}> {
    { rosmer:leon-trotsky ?p ?o . BIND(rosmer:leon-trotsky AS ?s) }
    UNION
    { ?s ?p rosmer:leon-trotsky . BIND(rosmer:leon-trotsky AS ?o) }
  }
}`;

describe.concurrent('triplescope query --endpoint', () => {
  test('SELECT as CSV', async () => {
    expect(await run(['query', '--endpoint', endpoint, '-f', 'csv', FRIENDS])).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'friend,label\r\nhttps://w3id.org/triplescope/rosmer/alfred-rosmer,Alfred Rosmer\r\nhttps://w3id.org/triplescope/rosmer/marguerite-rosmer,Marguerite Rosmer\r\n',
    });
  });

  test('SELECT as SPARQL JSON (the default when piped), sent with GET', async () => {
    const r = await run(['query', '-e', endpoint, '--method', 'get', FRIENDS]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      head: { vars: ['friend', 'label'] },
      results: {
        bindings: [
          {
            friend: { type: 'uri', value: 'https://w3id.org/triplescope/rosmer/alfred-rosmer' },
            label: { type: 'literal', value: 'Alfred Rosmer', 'xml:lang': 'en' },
          },
          {
            friend: { type: 'uri', value: 'https://w3id.org/triplescope/rosmer/marguerite-rosmer' },
            label: { type: 'literal', value: 'Marguerite Rosmer', 'xml:lang': 'en' },
          },
        ],
      },
    });
  });

  test('ASK as a table', async () => {
    const r = await run(['query', '-e', endpoint, '-f', 'table', `ASK { <${TROTSKY}> ?p ?o }`]);
    expect(r).toEqual({ code: 0, stderr: '', stdout: 'true\n' });
  });

  test('CONSTRUCT as Turtle with the query’s prefixes, the same graph as the client’s', async () => {
    const r = await run(['query', '-e', endpoint, AROUND_TROTSKY]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('@prefix rosmer: <https://w3id.org/triplescope/rosmer/> .');
    const expected = await new SparqlEndpoint(endpoint).construct(AROUND_TROTSKY);
    expect(expected.length).toBeGreaterThan(20);
    expect(isomorphic(await quadsOf(r.stdout, 'turtle'), expected)).toBe(true);
  });

  test('a result the server cuts at its row limit: printed, with a warning', async () => {
    const r = await run([
      'query',
      '-e',
      endpoint,
      '-f',
      'tsv',
      `SELECT ?s WHERE { GRAPH <${PEOPLE_GRAPH}> { ?s ?p ?o } }`,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toHaveLength(10_002); // header, 10,000 rows, final newline
    expect(r.stderr).toBe(
      `triplescope: warning: ${endpoint} returns at most 10,000 rows, so this result may be cut short; page through it with LIMIT and OFFSET.\n`,
    );
  });
});

describe.concurrent('triplescope export --endpoint', () => {
  test('the triples of a CONSTRUCT, as N-Triples in a file', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'triplescope-remote-')), 'trotsky.nt');
    const r = await run([
      'export',
      '--endpoint',
      endpoint,
      '--query',
      AROUND_TROTSKY,
      '--format',
      'ntriples',
      '--out',
      out,
    ]);
    expect(r).toEqual({ code: 0, stderr: '', stdout: '' });
    const expected = await new SparqlEndpoint(endpoint).construct(AROUND_TROTSKY);
    expect(isomorphic(await quadsOf(readFileSync(out, 'utf8'), 'ntriples'), expected)).toBe(true);
  });

  test('DESCRIBE as Turtle on standard output', async () => {
    const r = await run(['export', '-e', endpoint, '-q', `DESCRIBE <${TROTSKY}>`, '-f', 'turtle']);
    expect(r.code).toBe(0);
    const quads = await quadsOf(r.stdout, 'turtle');
    expect(
      quads.some((q) => q.subject.value === TROTSKY && q.object.value === 'Leon Trotsky'),
    ).toBe(true);
  });
});

describe.concurrent('failures: exit 1 with one line naming the endpoint', () => {
  test('a query the server rejects', async () => {
    expect(await run(['query', '-e', endpoint, 'SELECT * WHERE { ?s ?p }'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `triplescope: The SPARQL endpoint ${endpoint} answered HTTP 400 Bad Request: Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error at '}' before '}'. The endpoint rejected the query: correct it and run it again.\n`,
    });
  });

  test('--timeout: a request not answered in time', async () => {
    // Virtuoso 7.2 never answers a direct POST (openlink/virtuoso-opensource#842): a request
    // that hangs without loading the server.
    expect(
      await run(['query', '-e', endpoint, '--method', 'direct', '--timeout', '1', 'ASK {}']),
    ).toEqual({
      code: 1,
      stdout: '',
      stderr: `triplescope: The SPARQL endpoint ${endpoint} did not answer within 1 s, so the request was abandoned. Narrow the query (a LIMIT, a more specific pattern) or raise the time limit.\n`,
    });
  });

  test('nobody listening', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => {
          resolve(typeof address === 'object' && address !== null ? address.port : 0);
        });
      });
    });
    const url = `http://127.0.0.1:${port}/sparql`;
    expect(await run(['query', '-e', url, 'ASK {}'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `triplescope: Cannot reach the SPARQL endpoint ${url}: the connection was refused (no server listens there). Check the address, the network, and that the server is running (in a browser, also that it allows cross-origin requests).\n`,
    });
  });
});

describe('addresses that are not SPARQL endpoints, and credentials', () => {
  let site: LocalServer;
  let proxy: LocalServer;
  const authorization = `Basic ${Buffer.from('reader:s3cret-Pa55').toString('base64')}`;
  beforeAll(async () => {
    site = await startWebSite();
    proxy = await startBasicAuthProxy(new URL(endpoint).origin, 'reader', 's3cret-Pa55');
  });
  afterAll(async () => {
    await site.close();
    await proxy.close();
  });

  test('a web site', async () => {
    expect(
      await run(['query', '-e', `${site.url}/`, 'SELECT * WHERE { ?s ?p ?o } LIMIT 1']),
    ).toEqual({
      code: 1,
      stdout: '',
      stderr: `triplescope: The address ${site.url}/ does not look like a SPARQL endpoint: it answered with an HTML page ("Welcome to the Example Museum") instead of query results. Give the endpoint's own address (it often ends in /sparql).\n`,
    });
  });

  test('without credentials 401; with --header or TRIPLESCOPE_AUTHORIZATION it works', async () => {
    const url = `${proxy.url}/sparql`;
    const ask = `ASK { <${TROTSKY}> ?p ?o }`;
    expect(await run(['query', '-e', url, '-f', 'table', ask])).toEqual({
      code: 1,
      stdout: '',
      stderr: `triplescope: The SPARQL endpoint ${url} answered HTTP 401 Unauthorized: Authentication required: send your user name and password. It needs credentials: give an Authorization header.\n`,
    });
    expect(
      await run(['query', '-e', url, '-H', `Authorization: ${authorization}`, '-f', 'table', ask]),
    ).toEqual({ code: 0, stderr: '', stdout: 'true\n' });
    expect(
      await run(['query', '-e', url, '-f', 'table', ask], {
        TRIPLESCOPE_AUTHORIZATION: authorization,
      }),
    ).toEqual({ code: 0, stderr: '', stdout: 'true\n' });
  });
});

describe.concurrent('wrong usage: exit 2', () => {
  const usage = (command: string, message: string): Run => ({
    code: 2,
    stdout: '',
    stderr: `triplescope: ${message}\nSee \`triplescope ${command} --help\`.\n`,
  });

  test('an address that is not http(s)', async () => {
    expect(await run(['query', '-e', 'ftp://example.org/sparql', 'ASK {}'])).toEqual(
      usage(
        'query',
        '"ftp://example.org/sparql" is not a SPARQL endpoint address: give an http:// or https:// URL such as https://dbpedia.org/sparql, without a user name or password in it (send those in an Authorization header).',
      ),
    );
  });

  test('--endpoint with --data', async () => {
    expect(await run(['query', '-e', endpoint, '--data', 'graph', 'ASK {}'])).toEqual(
      usage('query', '--data reads local files; give either --endpoint or --data, not both.'),
    );
  });

  test('a header without a name; --header without --endpoint; an unknown method', async () => {
    expect(await run(['query', '-e', endpoint, '-H', 'Bearer s3cret', 'ASK {}'])).toEqual(
      usage(
        'query',
        '--header takes "Name: value", e.g. "Authorization: Bearer …"; one of them has no name before a colon.',
      ),
    );
    expect(await run(['query', '-H', 'Accept: x', 'ASK {}'])).toEqual(
      usage('query', '--header and --method go with --endpoint URL.'),
    );
    expect(await run(['query', '-e', endpoint, '--method', 'put', 'ASK {}'])).toEqual(
      usage('query', 'unknown --method "put": use post, get or direct.'),
    );
  });

  test('export needs a CONSTRUCT or DESCRIBE query, and no --graph', async () => {
    expect(await run(['export', '-e', endpoint, '-q', 'SELECT * {}', '-f', 'turtle'])).toEqual(
      usage(
        'export',
        'export saves triples: --query must be a CONSTRUCT or DESCRIBE query, not a SELECT.',
      ),
    );
    expect(await run(['export', '-e', endpoint, '-f', 'turtle'])).toEqual(
      usage('export', '--endpoint needs --query with a CONSTRUCT or DESCRIBE query.'),
    );
    expect(
      await run(['export', '-e', endpoint, '-q', AROUND_TROTSKY, '-g', 'default', '-f', 'turtle']),
    ).toEqual(
      usage(
        'export',
        '--graph picks a graph of local data; with --endpoint, name the graph in the query (GRAPH or FROM).',
      ),
    );
    expect(await run(['export', '-q', AROUND_TROTSKY, '-f', 'turtle'])).toEqual(
      usage('export', '--query goes with --endpoint URL.'),
    );
  });
});
