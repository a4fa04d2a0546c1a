// The Node worker host as the CLI uses it: queries in a worker thread, a time limit that stops a
// runaway query, cancellation through an AbortSignal, the data reloaded into a fresh worker after
// either or after a query that runs the engine out of memory, and the worker started both under
// Vitest and under tsx (the `triplescope` command).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  QueryCancelledError,
  QueryError,
  QueryTimeoutError,
  QueryWorkerError,
  SparqlSyntaxError,
} from '../../../src/query/errors.ts';
import { createQueryWorker, type QueryWorker } from '../../../src/query/node-host.ts';
import { SparqlStore } from '../../../src/query/store.ts';
import { factory } from '../../../src/query/terms.ts';

const FIXTURE = new URL('../../fixtures/query/rosmer.trig', import.meta.url);
const PERSONS =
  'PREFIX ex: <http://example.org/rosmer/> SELECT ?p WHERE { ?p a ex:Person } ORDER BY ?p';
// 2,000 triples: a three-way cross product of them is 8·10⁹ solutions, far more than any limit.
const GENERATED = Array.from(
  { length: 2000 },
  (_, i) => `<urn:s${i}> <urn:p${i % 7}> "${i}" .\n`,
).join('');
const RUNAWAY = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }';
const COUNT = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }';
// A string ten times longer at each step: 10¹⁰ characters at the last, more than the engine's
// 4 GB of WebAssembly memory can hold, reached in seconds.
const OUT_OF_MEMORY = `SELECT (STRLEN(?x9) AS ?n) WHERE { BIND("aaaaaaaaaa" AS ?x0) ${Array.from(
  { length: 9 },
  (_, i) => `BIND(CONCAT(${Array.from({ length: 10 }, () => `?x${i}`).join(', ')}) AS ?x${i + 1})`,
).join(' ')} }`;

const integer = (n: number): unknown =>
  factory.literal(String(n), factory.namedNode('http://www.w3.org/2001/XMLSchema#integer'));

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

let worker: QueryWorker;

beforeEach(() => {
  worker = createQueryWorker();
});

afterEach(async () => {
  await worker.close();
});

describe('queries in a worker', { timeout: 30_000 }, () => {
  it('answers like the store in this thread', async () => {
    const text = readFileSync(FIXTURE, 'utf8');
    expect(await worker.load(text, { format: 'trig' })).toBe(16);
    const local = await SparqlStore.create();
    local.loadText(text, { format: 'trig' });
    expect(await worker.query(PERSONS)).toEqual(local.query(PERSONS));
    expect(await worker.query(PERSONS, { unionDefaultGraph: false })).toEqual(
      local.query(PERSONS, { unionDefaultGraph: false }),
    );
    local.dispose();
  });

  it('loads into a named graph', async () => {
    await worker.load('<urn:a> <urn:b> <urn:c> .', {
      format: 'ntriples',
      graph: factory.namedNode('urn:g'),
    });
    expect(await worker.query('SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }')).toEqual({
      type: 'bindings',
      variables: ['g'],
      rows: [{ g: factory.namedNode('urn:g') }],
    });
  });

  it('rejects a bad query with the SparqlSyntaxError of the engine, line and column included', async () => {
    const error = await rejection(worker.query('SELECT * WHERE {\n  ?s ?p .\n}'));
    expect(error).toBeInstanceOf(SparqlSyntaxError);
    expect(error).toMatchObject({
      line: 2,
      column: 3,
      message: 'SPARQL syntax error at line 2, column 3: unexpected "?s".',
    });
  });

  it('stops a runaway query at its time limit, then answers with the data reloaded', async () => {
    await worker.load(GENERATED, { format: 'ntriples' });
    const started = performance.now();
    const error = await rejection(worker.query(RUNAWAY, { timeoutMs: 300 }));
    expect(error).toBeInstanceOf(QueryTimeoutError);
    expect(error).toMatchObject({
      timeoutMs: 300,
      message:
        'The query ran longer than its time limit of 300 ms and was stopped. Narrow it (a LIMIT, a more specific pattern) or raise the limit.',
    });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await worker.query(COUNT)).toEqual({
      type: 'bindings',
      variables: ['n'],
      rows: [{ n: integer(2000) }],
    });
  });

  it('cancels a running query when its signal aborts, then answers with the data reloaded', async () => {
    await worker.load(GENERATED, { format: 'ntriples' });
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 200);
    const started = performance.now();
    expect(await rejection(worker.query(RUNAWAY, { signal: controller.signal }))).toBeInstanceOf(
      QueryCancelledError,
    );
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await worker.query(COUNT)).toEqual({
      type: 'bindings',
      variables: ['n'],
      rows: [{ n: integer(2000) }],
    });
  });

  it('drops a queued query when its signal aborts, without stopping the running one', async () => {
    await worker.load(GENERATED, { format: 'ntriples' });
    const running = new AbortController();
    const queued = new AbortController();
    const first = rejection(worker.query(RUNAWAY, { signal: running.signal }));
    const second = rejection(worker.query(COUNT, { signal: queued.signal }));
    const third = worker.query(COUNT);
    queued.abort();
    expect(await second).toBeInstanceOf(QueryCancelledError);
    running.abort();
    expect(await first).toBeInstanceOf(QueryCancelledError);
    expect(await third).toEqual({
      type: 'bindings',
      variables: ['n'],
      rows: [{ n: integer(2000) }],
    });
  });

  it('rejects at once a query whose signal has already aborted', async () => {
    expect(await rejection(worker.query(COUNT, { signal: AbortSignal.abort() }))).toBeInstanceOf(
      QueryCancelledError,
    );
  });

  it('does not keep a failed load for the reload', async () => {
    await worker.load(GENERATED, { format: 'ntriples' });
    expect(
      await rejection(worker.load('<urn:a> <urn:b> "open .', { format: 'ntriples' })),
    ).toMatchObject({
      name: 'DataSyntaxError',
      line: 1,
    });
    // A runaway query stopped: the next query runs in a fresh thread, into which the data is reloaded.
    expect(await rejection(worker.query(RUNAWAY, { timeoutMs: 200 }))).toBeInstanceOf(
      QueryTimeoutError,
    );
    expect(await worker.query(COUNT)).toEqual({
      type: 'bindings',
      variables: ['n'],
      rows: [{ n: integer(2000) }],
    });
  });

  it('a query that runs the engine out of memory fails saying so; the next one finds the data', async () => {
    await worker.load(GENERATED, { format: 'ntriples' });
    const error = await rejection(worker.query(OUT_OF_MEMORY));
    expect(error).toBeInstanceOf(QueryWorkerError);
    expect((error as Error).message).toBe(
      'The query engine stopped (it most likely ran out of memory: WebAssembly trap “unreachable”); ' +
        'it was restarted with your data — run the query again. ' +
        'If this query stops it again, narrow it (a LIMIT, a more specific pattern).',
    );
    expect(await worker.query(COUNT)).toEqual({
      type: 'bindings',
      variables: ['n'],
      rows: [{ n: integer(2000) }],
    });
  });

  it('refuses requests once closed', async () => {
    await worker.close();
    expect(await rejection(worker.query(COUNT))).toEqual(
      new QueryError('This query host was closed.'),
    );
  });
});

describe('under tsx, as the command line runs it', { timeout: 60_000 }, () => {
  it('starts the worker and answers', async () => {
    const script = fileURLToPath(
      new URL('../../fixtures/query/host-under-tsx.js', import.meta.url),
    );
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [script], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
    });
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual({
      type: 'bindings',
      variables: ['o'],
      rows: [
        {
          o: {
            termType: 'Literal',
            value: 'it works',
            language: '',
            direction: '',
            datatype: { termType: 'NamedNode', value: 'http://www.w3.org/2001/XMLSchema#string' },
          },
        },
      ],
    });
  });
});
