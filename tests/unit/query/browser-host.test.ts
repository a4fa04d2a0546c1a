// The app's query host over a real worker (a Node worker thread standing in for the Web Worker):
// answers like the store in this thread; a cancelled or timed-out query terminates the worker and
// the data is replayed into the next one; clear() empties the store.
import { afterEach, describe, expect, test } from 'vitest';
import { createQueryHost, type QueryHost } from '../../../src/query/browser-host.ts';
import {
  QueryCancelledError,
  QueryTimeoutError,
  SparqlSyntaxError,
} from '../../../src/query/errors.ts';
import { SparqlStore } from '../../../src/query/store.ts';
import { nodeWorkerFactory } from './worker-like.ts';

const DATA = Array.from({ length: 2000 }, (_, i) => `<urn:s${i}> <urn:p${i % 7}> "${i}" .\n`).join(
  '',
);
const RUNAWAY = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }';
const COUNT = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }';
const P3 = 'SELECT ?s WHERE { ?s <urn:p3> ?o } ORDER BY ?s LIMIT 5';

let host: QueryHost | undefined;

afterEach(() => {
  host?.close();
  host = undefined;
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('the browser query host over a real worker', { timeout: 30_000 }, () => {
  test('loads and answers like the store in this thread', async () => {
    const workers = nodeWorkerFactory();
    host = createQueryHost(workers.spawn);
    expect(workers.spawned()).toBe(0);
    expect(await host.load(DATA, { format: 'ntriples' })).toBe(2000);
    const local = await SparqlStore.create();
    local.loadText(DATA, { format: 'ntriples' });
    expect(await host.query(P3)).toEqual(local.query(P3));
    expect(workers.spawned()).toBe(1);
    local.dispose();
  });

  test('a syntax error comes back typed, with the line and column the engine gives in this thread', async () => {
    host = createQueryHost(nodeWorkerFactory().spawn);
    const bad = 'SELECT ?s WHERE {\n  ?s ?p \n}';
    const error = await rejection(host.query(bad));
    const local = await SparqlStore.create();
    const expected = (() => {
      try {
        local.query(bad);
      } catch (e) {
        return e;
      }
      throw new Error('expected the query to fail');
    })();
    local.dispose();
    expect(error).toBeInstanceOf(SparqlSyntaxError);
    const { line, column, offset, message } = error as SparqlSyntaxError;
    const want = expected as SparqlSyntaxError;
    expect({ line, column, offset, message }).toEqual({
      line: want.line,
      column: want.column,
      offset: want.offset,
      message: want.message,
    });
  });

  test('cancelling a runaway query terminates its worker; the next query finds the data again', async () => {
    const workers = nodeWorkerFactory();
    host = createQueryHost(workers.spawn);
    await host.load(DATA, { format: 'ntriples' });
    const controller = new AbortController();
    const running = host.query(RUNAWAY, { signal: controller.signal });
    setTimeout(() => {
      controller.abort();
    }, 300);
    const started = Date.now();
    expect(await rejection(running)).toBeInstanceOf(QueryCancelledError);
    expect(Date.now() - started).toBeLessThan(5000);
    const count = await host.query(COUNT);
    expect(count.type === 'bindings' && count.rows[0]?.n?.value).toBe('2000');
    expect(workers.spawned()).toBe(2);
  });

  test('a time limit stops a runaway query the same way', async () => {
    host = createQueryHost(nodeWorkerFactory().spawn);
    await host.load(DATA, { format: 'ntriples' });
    const error = await rejection(host.query(RUNAWAY, { timeoutMs: 300 }));
    expect(error).toBeInstanceOf(QueryTimeoutError);
    const count = await host.query(COUNT);
    expect(count.type === 'bindings' && count.rows[0]?.n?.value).toBe('2000');
  });

  test('a query cancelled before it runs is dropped; clear() empties the store', async () => {
    host = createQueryHost(nodeWorkerFactory().spawn);
    await host.load(DATA, { format: 'ntriples' });
    const controller = new AbortController();
    controller.abort();
    expect(await rejection(host.query(COUNT, { signal: controller.signal }))).toBeInstanceOf(
      QueryCancelledError,
    );
    host.clear();
    const count = await host.query(COUNT);
    expect(count.type === 'bindings' && count.rows[0]?.n?.value).toBe('0');
  });
});
