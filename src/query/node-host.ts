// Runs a SparqlStore in a Node worker thread so that a query can be given a time limit and be
// cancelled: a WASM query cannot be interrupted in place, so the host terminates the thread and
// rejects with a typed error. The host keeps the text of every successful load and replays it into a
// fresh worker on the next request, so the data survives a timeout.
//
// WARNING: Node only (worker_threads). The browser gets its own host over the same protocol.
// NOTE on cost: the host holds every loaded text in memory (about the size of the files) and a
// restart re-parses all of it (Oxigraph loads roughly 300k–700k triples per second here).
import { Worker } from 'node:worker_threads';
import {
  deserializeError,
  QueryCancelledError,
  QueryError,
  QueryTimeoutError,
  QueryWorkerError,
} from './errors.ts';
import { loadRequest, type HostMessage, type LoadRequest, type WorkerMessage } from './protocol.ts';
import { decodeResult } from './serialized.ts';
import type { LoadOptions, QueryOptions, QueryResult } from './types.ts';

/** Options of one query run through the worker. */
export interface WorkerQueryOptions extends QueryOptions {
  /** Time limit in milliseconds, counted from when the worker receives the query. */
  timeoutMs?: number;
  /** Cancels the query when aborted (queued or running). */
  signal?: AbortSignal;
}

/** A SPARQL store in a worker thread. */
export interface QueryWorker {
  /** Loads RDF text (as SparqlStore.loadText); resolves to the store's size after the load. */
  load(text: string, options: LoadOptions): Promise<number>;
  /**
   * Runs a query; rejects with QueryTimeoutError or QueryCancelledError (after terminating the
   * worker, whose data is reloaded before the next request), SparqlSyntaxError, QueryEvaluationError.
   */
  query(sparql: string, options?: WorkerQueryOptions): Promise<QueryResult>;
  /**
   * Starts a fresh worker now and reloads the data into it (e.g. right after a cancel, so the next
   * query does not wait for it); a request still running rejects with QueryCancelledError.
   */
  restart(): Promise<void>;
  /** Terminates the worker; pending requests reject with QueryCancelledError. */
  close(): Promise<void>;
}

/** A request waiting for the worker or running in it. */
interface Pending {
  message: HostMessage;
  resolve: (message: WorkerMessage) => void;
  reject: (error: Error) => void;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** The request in flight, with what stops it. */
interface Running {
  pending: Pending;
  timer?: ReturnType<typeof setTimeout>;
  onAbort?: () => void;
}

const WORKER_URL = new URL('./node-worker.js', import.meta.url);

class NodeQueryWorker implements QueryWorker {
  #worker: Worker | undefined;
  #queue: Pending[] = [];
  #current: Running | undefined;
  #loads: Omit<LoadRequest, 'id'>[] = [];
  #nextId = 1;
  #closed = false;

  async load(text: string, options: LoadOptions): Promise<number> {
    const replay = loadRequest(text, options);
    const answer = await this.#request({ ...replay, id: this.#nextId++ });
    this.#loads.push(replay);
    if (answer.type !== 'loaded')
      throw new Error(`The worker answered a load with "${answer.type}".`);
    return answer.size;
  }

  async query(sparql: string, options: WorkerQueryOptions = {}): Promise<QueryResult> {
    const { timeoutMs, signal, ...queryOptions } = options;
    const answer = await this.#request(
      { type: 'query', id: this.#nextId++, sparql, options: queryOptions },
      timeoutMs,
      signal,
    );
    if (answer.type !== 'result')
      throw new Error(`The worker answered a query with "${answer.type}".`);
    return decodeResult(answer.result);
  }

  async restart(): Promise<void> {
    if (this.#current !== undefined) {
      this.#fail(this.#current.pending, new QueryCancelledError());
    }
    await this.#terminate();
    this.#spawn();
    // A no-op request resolves once every replayed load has run.
    await this.#request({ type: 'query', id: this.#nextId++, sparql: 'ASK {}', options: {} });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const pending of this.#queue.splice(0)) pending.reject(new QueryCancelledError());
    if (this.#current !== undefined) this.#fail(this.#current.pending, new QueryCancelledError());
    await this.#terminate();
  }

  #request(message: HostMessage, timeoutMs?: number, signal?: AbortSignal): Promise<WorkerMessage> {
    if (this.#closed) return Promise.reject(new QueryError('This query worker was closed.'));
    if (signal?.aborted === true) return Promise.reject(new QueryCancelledError());
    return new Promise((resolve, reject) => {
      const pending: Pending = { message, resolve, reject };
      if (timeoutMs !== undefined) pending.timeoutMs = timeoutMs;
      if (signal !== undefined) {
        pending.signal = signal;
        // Cancelling a request still in the queue just drops it; a running one is handled in #send.
        signal.addEventListener(
          'abort',
          () => {
            const index = this.#queue.indexOf(pending);
            if (index >= 0) {
              this.#queue.splice(index, 1);
              reject(new QueryCancelledError());
            }
          },
          { once: true },
        );
      }
      this.#queue.push(pending);
      this.#pump();
    });
  }

  #pump(): void {
    if (this.#current !== undefined || this.#queue.length === 0 || this.#closed) return;
    const worker = this.#worker ?? this.#spawn();
    const pending = this.#queue.shift();
    if (pending === undefined) return;
    const current: Running = { pending };
    this.#current = current;
    if (pending.timeoutMs !== undefined) {
      const limit = pending.timeoutMs;
      current.timer = setTimeout(() => {
        this.#stopRunning(new QueryTimeoutError(limit));
      }, limit);
    }
    if (pending.signal !== undefined) {
      current.onAbort = () => {
        this.#stopRunning(new QueryCancelledError());
      };
      pending.signal.addEventListener('abort', current.onAbort, { once: true });
    }
    worker.ref(); // keep the process alive while a request is in flight
    worker.postMessage(pending.message);
  }

  // Terminates the worker under a running request and rejects it; the queue goes on in a new worker.
  #stopRunning(error: Error): void {
    const current = this.#current;
    if (current === undefined) return;
    this.#fail(current.pending, error);
    void this.#terminate().then(() => {
      this.#pump();
    });
  }

  #fail(pending: Pending, error: Error): void {
    this.#finish();
    pending.reject(error);
  }

  #finish(): void {
    const current = this.#current;
    if (current === undefined) return;
    if (current.timer !== undefined) clearTimeout(current.timer);
    if (current.onAbort !== undefined)
      current.pending.signal?.removeEventListener('abort', current.onAbort);
    this.#current = undefined;
    this.#worker?.unref(); // idle: do not keep a CLI alive that forgot close()
  }

  #spawn(): Worker {
    const worker = new Worker(WORKER_URL);
    this.#worker = worker;
    worker.on('message', (message: WorkerMessage) => {
      const current = this.#current;
      if (
        this.#worker !== worker ||
        current === undefined ||
        current.pending.message.id !== message.id
      )
        return;
      this.#finish();
      if (message.type === 'error') current.pending.reject(deserializeError(message.error));
      else current.pending.resolve(message);
      this.#pump();
    });
    const died = (error: Error): void => {
      if (this.#worker !== worker) return;
      this.#worker = undefined;
      const current = this.#current;
      if (current !== undefined) this.#fail(current.pending, error);
      this.#pump();
    };
    worker.on('error', (error) => {
      died(new QueryWorkerError(`The query worker failed: ${error.message}`));
    });
    worker.on('exit', (code) => {
      died(new QueryWorkerError(`The query worker stopped unexpectedly (exit code ${code}).`));
    });
    // A fresh worker is empty: replay the data before anything else, as internal requests whose
    // failure (it loaded fine before) fails the request waiting behind them.
    const replays: Pending[] = this.#loads.map((load) => ({
      message: { ...load, id: this.#nextId++ },
      resolve: () => undefined,
      reject: (error) => {
        const next = this.#queue.find((p) => !replays.includes(p));
        if (next !== undefined) {
          this.#queue.splice(this.#queue.indexOf(next), 1);
          next.reject(
            new QueryWorkerError(`Reloading the data into a new worker failed: ${error.message}`),
          );
        }
      },
    }));
    this.#queue.unshift(...replays);
    return worker;
  }

  async #terminate(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker !== undefined) await worker.terminate();
  }
}

/** Starts a query worker host; the thread itself starts on the first request. */
export function createQueryWorker(): QueryWorker {
  return new NodeQueryWorker();
}
