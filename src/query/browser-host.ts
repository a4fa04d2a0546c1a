// The app's query host: a SparqlStore in a Web Worker (web-worker.ts), so a query never blocks the
// page, and a running query can be cancelled or timed out. As in the Node host (node-host.ts), a
// WASM query cannot be interrupted in place: the host terminates the worker, rejects the request,
// and starts a fresh worker into which it replays every load, so the data survives a cancel.
//
// The host only needs a message port with `terminate()` (WorkerLike), made by a factory the app
// supplies (`new Worker(new URL('./web-worker.ts', import.meta.url), { type: 'module' })`), so the
// same code runs in a page and, over a Node worker thread, in the unit tests.
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

/** What the host needs of a worker: a Web Worker fits as it is. */
export interface WorkerLike {
  postMessage(message: HostMessage): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

/** Options of one query run through the host. */
export interface HostQueryOptions extends QueryOptions {
  /** Time limit in milliseconds, counted from when the worker receives the query. */
  timeoutMs?: number;
  /** Cancels the query when aborted, queued or running. */
  signal?: AbortSignal;
}

/** A SPARQL store in a Web Worker. */
export interface QueryHost {
  /** Loads RDF text into the store (kept to be replayed into a fresh worker); resolves to the store's size. */
  load(text: string, options: LoadOptions): Promise<number>;
  /**
   * Runs a query. Rejects with QueryCancelledError or QueryTimeoutError (the worker is then replaced
   * and the data reloaded), SparqlSyntaxError, QueryEvaluationError or QueryWorkerError.
   */
  query(sparql: string, options?: HostQueryOptions): Promise<QueryResult>;
  /** Drops every load and request (they reject with QueryCancelledError): the next load starts an empty store. */
  clear(): void;
  /** Terminates the worker for good; pending requests reject with QueryCancelledError. */
  close(): void;
}

interface Pending {
  message: HostMessage;
  resolve: (message: WorkerMessage) => void;
  reject: (error: Error) => void;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** A replayed load, made by the host itself. */
  replay?: boolean;
}

interface Running {
  pending: Pending;
  timer?: ReturnType<typeof setTimeout>;
  onAbort?: () => void;
}

class BrowserQueryHost implements QueryHost {
  readonly #spawnWorker: () => WorkerLike;
  #worker: WorkerLike | undefined;
  #queue: Pending[] = [];
  #current: Running | undefined;
  #loads: Omit<LoadRequest, 'id'>[] = [];
  #nextId = 1;
  #closed = false;

  constructor(spawnWorker: () => WorkerLike) {
    this.#spawnWorker = spawnWorker;
  }

  async load(text: string, options: LoadOptions): Promise<number> {
    const request = loadRequest(text, options);
    const answer = await this.#request({ ...request, id: this.#nextId++ });
    this.#loads.push(request);
    if (answer.type !== 'loaded')
      throw new QueryWorkerError(`The worker answered a load with "${answer.type}".`);
    return answer.size;
  }

  async query(sparql: string, options: HostQueryOptions = {}): Promise<QueryResult> {
    const { timeoutMs, signal, ...queryOptions } = options;
    const answer = await this.#request(
      { type: 'query', id: this.#nextId++, sparql, options: queryOptions },
      timeoutMs,
      signal,
    );
    if (answer.type !== 'result')
      throw new QueryWorkerError(`The worker answered a query with "${answer.type}".`);
    return decodeResult(answer.result);
  }

  clear(): void {
    this.#loads = [];
    this.#dropAll();
    this.#terminate();
  }

  close(): void {
    this.#closed = true;
    this.clear();
  }

  #dropAll(): void {
    for (const pending of this.#queue.splice(0)) pending.reject(new QueryCancelledError());
    const current = this.#current;
    if (current !== undefined) this.#fail(current.pending, new QueryCancelledError());
  }

  #request(message: HostMessage, timeoutMs?: number, signal?: AbortSignal): Promise<WorkerMessage> {
    if (this.#closed) return Promise.reject(new QueryError('This query host was closed.'));
    if (signal?.aborted === true) return Promise.reject(new QueryCancelledError());
    return new Promise((resolve, reject) => {
      const pending: Pending = { message, resolve, reject };
      if (timeoutMs !== undefined) pending.timeoutMs = timeoutMs;
      if (signal !== undefined) {
        pending.signal = signal;
        // A request still waiting is simply dropped; a running one is stopped in #pump's handler.
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
    if (this.#current !== undefined || this.#closed) return;
    const pending = this.#queue.shift();
    if (pending === undefined) return;
    const worker = this.#worker ?? this.#spawn();
    const running: Running = { pending };
    this.#current = running;
    if (pending.timeoutMs !== undefined) {
      const limit = pending.timeoutMs;
      running.timer = setTimeout(() => {
        this.#stopRunning(new QueryTimeoutError(limit));
      }, limit);
    }
    if (pending.signal !== undefined) {
      running.onAbort = () => {
        this.#stopRunning(new QueryCancelledError());
      };
      pending.signal.addEventListener('abort', running.onAbort, { once: true });
    }
    worker.postMessage(pending.message);
  }

  // Terminates the worker under the running request and rejects it; a fresh worker is started at
  // once (replaying the data) so the next query does not wait for the reload.
  #stopRunning(error: Error): void {
    const current = this.#current;
    if (current === undefined) return;
    this.#fail(current.pending, error);
    this.#terminate();
    if (!this.#closed) this.#spawn();
    this.#pump();
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
  }

  #spawn(): WorkerLike {
    const worker = this.#spawnWorker();
    this.#worker = worker;
    worker.addEventListener('message', (event) => {
      const message = event.data as WorkerMessage;
      const current = this.#current;
      if (this.#worker !== worker || current?.pending.message.id !== message.id) return;
      this.#finish();
      if (message.type === 'error') current.pending.reject(deserializeError(message.error));
      else current.pending.resolve(message);
      this.#pump();
    });
    worker.addEventListener('error', (event) => {
      if (this.#worker !== worker) return;
      this.#terminate();
      const current = this.#current;
      const reason = event.message ?? 'it could not start or crashed';
      if (current !== undefined)
        this.#fail(current.pending, new QueryWorkerError(`The query worker failed: ${reason}.`));
      this.#pump();
    });
    // A fresh worker is empty: replay the data first. A replay that fails (it loaded before, so
    // this is a broken worker) fails the first request waiting behind it.
    const replays: Pending[] = this.#loads.map((load) => ({
      message: { ...load, id: this.#nextId++ },
      replay: true,
      resolve: () => undefined,
      reject: (error) => {
        const next = this.#queue.find((p) => p.replay !== true);
        if (next === undefined) return;
        this.#queue.splice(this.#queue.indexOf(next), 1);
        next.reject(
          new QueryWorkerError(`Reloading the data into a new worker failed: ${error.message}`),
        );
      },
    }));
    this.#queue.unshift(...replays);
    return worker;
  }

  #terminate(): void {
    const worker = this.#worker;
    this.#worker = undefined;
    worker?.terminate();
  }
}

/** A query host whose worker is made by `spawnWorker`, started on the first request. */
export function createQueryHost(spawnWorker: () => WorkerLike): QueryHost {
  return new BrowserQueryHost(spawnWorker);
}
