// The app's query host over a real worker (a Node worker thread standing in for the Web Worker):
// answers like the store in this thread; a cancelled or timed-out query is left to its worker while
// the data is replayed into a fresh one, and whichever is ready first serves on; a worker that dies
// (stopped from outside, or its engine failing on a query) fails the request it ran with a message
// that says so and is replaced with the data; clear() empties the store.
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, test } from 'vitest';
import { createQueryHost, type QueryHost } from '../../../src/query/browser-host.ts';
import {
  QueryCancelledError,
  QueryTimeoutError,
  QueryWorkerError,
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
/** How long to wait for a worker thread to start and load (seconds on a busy machine). */
const STARTED = { timeout: 20_000 };
/** A query whose parse overflows the engine's stack (its parser recurses once per bracket). */
const TOO_DEEP = `SELECT * WHERE { ?s ?p ?o FILTER(${'('.repeat(100_000)}?o${')'.repeat(100_000)}) }`;

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
    expect(workers.started).toHaveLength(0);
    expect(await host.load(DATA, { format: 'ntriples' })).toBe(2000);
    const local = await SparqlStore.create();
    local.loadText(DATA, { format: 'ntriples' });
    expect(await host.query(P3)).toEqual(local.query(P3));
    expect(workers.started).toHaveLength(1);
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
    expect(workers.started).toHaveLength(2);
    // The query would never end: the worker it ran in goes once the fresh one holds the data.
    await expect.poll(() => workers.started[0]?.terminated, STARTED).toBe(true);
    expect(workers.started[1]?.terminated).toBe(false);
  });

  test('a time limit stops a runaway query the same way', async () => {
    host = createQueryHost(nodeWorkerFactory().spawn);
    await host.load(DATA, { format: 'ntriples' });
    const error = await rejection(host.query(RUNAWAY, { timeoutMs: 300 }));
    expect(error).toBeInstanceOf(QueryTimeoutError);
    const count = await host.query(COUNT);
    expect(count.type === 'bindings' && count.rows[0]?.n?.value).toBe('2000');
  });

  test('a cancelled query that ends before the data is reloaded leaves its worker serving, the fresh one dropped', async () => {
    // 300,000 triples take seconds to reload; counting them takes a few milliseconds.
    const big = Array.from(
      { length: 300_000 },
      (_, i) => `<http://example.org/s${i}> <http://example.org/p${i % 7}> "${i}" .\n`,
    ).join('');
    const workers = nodeWorkerFactory();
    host = createQueryHost(workers.spawn);
    await host.load(big, { format: 'ntriples' });
    const controller = new AbortController();
    const cancelled = host.query(COUNT, { signal: controller.signal });
    controller.abort();
    expect(await rejection(cancelled)).toBeInstanceOf(QueryCancelledError);
    expect(workers.started).toHaveLength(2);
    await expect.poll(() => workers.started[1]?.terminated, STARTED).toBe(true);
    expect(workers.started[0]?.terminated).toBe(false);
    const answers = workers.started[0]?.answers ?? 0;
    const count = await host.query(COUNT);
    expect(count.type === 'bindings' && count.rows[0]?.n?.value).toBe('300000');
    expect(workers.started[0]?.answers).toBe(answers + 1);
  });

  test('a worker stopped from outside fails the query it ran, saying so, and a fresh one holds the data', async () => {
    const workers = nodeWorkerFactory();
    host = createQueryHost(workers.spawn);
    await host.load(DATA, { format: 'ntriples' });
    const running = host.query(RUNAWAY);
    workers.started[0]?.worker.terminate();
    const error = await rejection(running);
    expect(error).toBeInstanceOf(QueryWorkerError);
    expect((error as Error).message).toBe(
      'The query engine stopped (its thread exited with code 1); it was restarted with your data — run the query again.',
    );
    // Restarted at once, not on the next request: the data is back before anyone asks.
    expect(workers.started).toHaveLength(2);
    await expect.poll(() => workers.started[1]?.answers, STARTED).toBe(1);
    const count = await host.query(COUNT);
    expect(count.type === 'bindings' && count.rows[0]?.n?.value).toBe('2000');
    expect(workers.started).toHaveLength(2);
  });

  test('a worker that dies while idle is replaced at once, with the data', async () => {
    const workers = nodeWorkerFactory();
    host = createQueryHost(workers.spawn);
    await host.load(DATA, { format: 'ntriples' });
    workers.started[0]?.worker.terminate();
    await expect.poll(() => workers.started.length, STARTED).toBe(2);
    await expect.poll(() => workers.started[1]?.answers, STARTED).toBe(1);
    const count = await host.query(COUNT);
    expect(count.type === 'bindings' && count.rows[0]?.n?.value).toBe('2000');
  });

  test('a query that breaks the engine fails saying what happened; the next one runs in a fresh worker with the data', async () => {
    const workers = nodeWorkerFactory();
    host = createQueryHost(workers.spawn);
    await host.load(DATA, { format: 'ntriples' });
    const error = await rejection(host.query(TOO_DEEP));
    expect(error).toBeInstanceOf(QueryWorkerError);
    // NOTE: the engine's stack overflows either in JavaScript's stack or in its own, which lives in
    // the WebAssembly memory, depending on the thread's stack size; the message names which.
    expect((error as Error).message).toMatch(
      /^The query engine stopped \(its stack ran out, as with a query nested too deeply: (“Maximum call stack size exceeded”|WebAssembly trap “memory access out of bounds”)\); it was restarted with your data — run the query again\. If this query stops it again, narrow it \(a LIMIT, a more specific pattern\)\.$/,
    );
    expect(workers.started[0]?.terminated).toBe(true);
    const count = await host.query(COUNT);
    expect(count.type === 'bindings' && count.rows[0]?.n?.value).toBe('2000');
    expect(workers.started).toHaveLength(2);
  });

  test('a worker that cannot start fails each request once, and is not restarted in a loop', async () => {
    let spawned = 0;
    host = createQueryHost(() => {
      spawned += 1;
      const thread = new Worker('throw new Error("no engine here")', { eval: true });
      return {
        postMessage: (message) => {
          thread.postMessage(message);
        },
        addEventListener: (type: 'message' | 'error', listener: (event: never) => void) => {
          if (type === 'error')
            thread.on('error', (e: Error) => {
              (listener as (event: { message?: string }) => void)({ message: e.message });
            });
        },
        terminate: () => {
          void thread.terminate();
        },
      };
    });
    const error = await rejection(host.query(COUNT));
    expect(error).toBeInstanceOf(QueryWorkerError);
    expect((error as Error).message).toBe(
      'The query engine could not start (no engine here); try again.',
    );
    expect(spawned).toBe(1);
    expect(await rejection(host.query(COUNT))).toBeInstanceOf(QueryWorkerError);
    expect(spawned).toBe(2);
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
