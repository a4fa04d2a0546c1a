// Runs a SparqlStore in a Node worker thread so that a query can be given a time limit and be
// cancelled, and so that a thread that dies (an uncaught error, an exit, the engine running out of
// memory) is replaced with the data reloaded. All of that is the app's query host (browser-host.ts)
// over a worker thread: this file only makes a thread look like a Web Worker to it.
//
// WARNING: Node only (worker_threads).
// NOTE on cost: the host holds every loaded text in memory (about the size of the files) and a
// restart re-parses all of it (Oxigraph reloads roughly 250k–350k triples per second here).
import { Worker } from 'node:worker_threads';
import { createQueryHost, type HostQueryOptions, type WorkerLike } from './browser-host.ts';
import type { HostMessage } from './protocol.ts';
import type { LoadOptions, QueryResult } from './types.ts';

/** A SPARQL store in a worker thread. */
export interface QueryWorker {
  /** Loads RDF text (as SparqlStore.loadText); resolves to the store's size after the load. */
  load(text: string, options: LoadOptions): Promise<number>;
  /**
   * Runs a query; rejects with QueryTimeoutError or QueryCancelledError (the data is reloaded into
   * a fresh thread for the next request), SparqlSyntaxError, QueryEvaluationError, or
   * QueryWorkerError when the thread died under it (it is replaced with the data reloaded).
   */
  query(sparql: string, options?: HostQueryOptions): Promise<QueryResult>;
  /** Terminates the threads; pending requests reject with QueryCancelledError. */
  close(): Promise<void>;
}

const WORKER_URL = new URL('./node-worker.js', import.meta.url);

/**
 * Starts a query worker thread seen as a Web Worker: its exit is an 'error' event (the host
 * ignores the exit of a thread it terminated itself), and `terminate()` adds the thread's end to
 * `ending` (what close() waits for).
 */
export function startQueryThread(ending = new Set<Promise<unknown>>()): WorkerLike {
  const thread = new Worker(WORKER_URL);
  // Only a request in flight keeps the process alive: a command that forgot close() still exits.
  let inFlight = 0;
  thread.unref();
  thread.on('message', () => {
    inFlight -= 1;
    if (inFlight === 0) thread.unref();
  });
  return {
    postMessage(message: HostMessage) {
      if (inFlight === 0) thread.ref();
      inFlight += 1;
      thread.postMessage(message);
    },
    addEventListener(
      type: 'message' | 'error',
      listener: ((event: { data: unknown }) => void) & ((event: { message?: string }) => void),
    ) {
      if (type === 'message') {
        thread.on('message', (data: unknown) => {
          listener({ data });
        });
        return;
      }
      thread.on('error', (error: Error) => {
        listener({ message: error.message });
      });
      thread.on('exit', (code: number) => {
        listener({ message: `its thread exited with code ${String(code)}` });
      });
    },
    terminate() {
      const ended = thread.terminate();
      ending.add(ended);
      void ended.finally(() => ending.delete(ended));
    },
  };
}

/** Starts a query worker host; the thread itself starts on the first request. */
export function createQueryWorker(): QueryWorker {
  const ending = new Set<Promise<unknown>>();
  const host = createQueryHost(() => startQueryThread(ending));
  return {
    load: (text, options) => host.load(text, options),
    query: (sparql, options) => host.query(sparql, options),
    close: async () => {
      host.close();
      await Promise.all(ending);
    },
  };
}
