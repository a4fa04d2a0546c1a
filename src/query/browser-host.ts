// The query host: a SparqlStore in a worker (web-worker.ts in the app, node-worker.js through
// node-host.ts in the command line), so a query never blocks the thread that asked, can be cancelled
// or timed out, and survives its worker. The host keeps the text of every successful load and
// replays it into each fresh worker (with the engine's checks skipped: the text passed them once).
//
// A fresh worker is started, and the data replayed into it, in two cases:
// - A running query is cancelled or times out. A WASM query cannot be interrupted in place (see
//   protocol.ts), so the caller gets its answer at once, and the old worker is left to finish the
//   abandoned query while the fresh one reloads the data: whichever is ready first serves the next
//   requests and the other is terminated. A query that was nearly done costs no reload; one that
//   would run for ever costs one reload, as terminating at once would.
// - The worker dies: an 'error' event (an uncaught exception, a worker that could not start, a Node
//   thread that exited) or an engine failure it reports (a WebAssembly trap, such as Oxigraph running
//   out of memory, after which its engine cannot be trusted). The request it was running fails with
//   a QueryWorkerError that says what happened and what the host did about it.
//
// The host only needs a message port with `terminate()` (WorkerLike), made by a factory (in the app
// `new Worker(new URL('./web-worker.ts', import.meta.url), { type: 'module' })`; in Node a worker
// thread, see node-host.ts), so the same code runs in a page and in Node.
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

/**
 * What the host needs of a worker: a Web Worker fits as it is. A worker that dies must say so with
 * an 'error' event (a Web Worker does for an uncaught exception; a Node thread's adapter also for
 * its exit).
 */
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

/** A SPARQL store in a worker. */
export interface QueryHost {
  /** Loads RDF text into the store (kept to be replayed into a fresh worker); resolves to the store's size. */
  load(text: string, options: LoadOptions): Promise<number>;
  /**
   * Runs a query. Rejects with QueryCancelledError or QueryTimeoutError (the host moves on to a
   * fresh worker holding the data), SparqlSyntaxError, QueryEvaluationError, or QueryWorkerError
   * when the worker died under it (it is replaced with the data reloaded).
   */
  query(sparql: string, options?: HostQueryOptions): Promise<QueryResult>;
  /** Drops every load and request (they reject with QueryCancelledError): the next load starts an empty store. */
  clear(): void;
  /** Terminates the workers for good; pending requests reject with QueryCancelledError. */
  close(): void;
}

/** One worker the host started. */
interface Slot {
  worker: WorkerLike;
  /** Replays sent or queued for it and not answered yet: it holds the data once this is 0. */
  replaysLeft: number;
  /** It has answered at least once, so it did start (a worker that never did is not restarted at once). */
  answered: boolean;
}

interface Pending {
  message: HostMessage;
  resolve: (message: WorkerMessage) => void;
  reject: (error: Error) => void;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** A replayed load, made by the host itself for this worker. */
  replay?: Slot;
}

interface Running {
  pending: Pending;
  timer?: ReturnType<typeof setTimeout>;
  onAbort?: () => void;
}

class WorkerQueryHost implements QueryHost {
  readonly #spawnWorker: () => WorkerLike;
  /** The worker that serves the queue. */
  #slot: Slot | undefined;
  /** The worker of a cancelled query, kept while the fresh one reloads; `id` is that query's. */
  #draining: { slot: Slot; id: number } | undefined;
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
    for (const pending of this.#queue.splice(0)) pending.reject(new QueryCancelledError());
    const current = this.#current;
    if (current !== undefined) this.#fail(current.pending, new QueryCancelledError());
    this.#dropDraining();
    this.#slot?.worker.terminate();
    this.#slot = undefined;
  }

  close(): void {
    this.#closed = true;
    this.clear();
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
    if (this.#current !== undefined || this.#closed || this.#queue.length === 0) return;
    // NOTE: a fresh worker queues its replays first, so it is made before the next request is taken.
    const slot = this.#slot ?? this.#spawn();
    const pending = this.#queue.shift();
    if (pending === undefined) return;
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
    slot.worker.postMessage(pending.message);
  }

  // The running query was cancelled or timed out: its caller is answered now, its worker is left to
  // finish it (see #drained), and a fresh worker reloads the data for the requests that follow.
  #stopRunning(error: Error): void {
    const current = this.#current;
    const slot = this.#slot;
    if (current === undefined || slot === undefined) return;
    this.#fail(current.pending, error);
    this.#slot = undefined;
    this.#dropDraining();
    // With no data to reload, a fresh worker is ready as soon as it starts: nothing to wait for.
    if (this.#loads.length > 0) this.#draining = { slot, id: current.pending.message.id };
    else slot.worker.terminate();
    this.#spawn();
    this.#pump();
  }

  // The worker of a cancelled query has finished it: it is idle and holds the data. It serves again
  // if the fresh worker is still reloading (which is then dropped), else it is no longer needed.
  #drained(slot: Slot, message: WorkerMessage): void {
    this.#draining = undefined;
    const fresh = this.#slot;
    const failed = message.type === 'error' && message.error.name === 'QueryEngineError';
    if (failed || (fresh !== undefined && fresh.replaysLeft === 0)) {
      slot.worker.terminate();
      return;
    }
    if (fresh !== undefined) {
      fresh.worker.terminate();
      this.#queue = this.#queue.filter((p) => p.replay !== fresh);
      if (this.#current?.pending.replay === fresh) this.#finish();
    }
    this.#slot = slot;
    this.#pump();
  }

  #dropDraining(): void {
    this.#draining?.slot.worker.terminate();
    this.#draining = undefined;
  }

  // A worker died (`reason` says how, as a clause). The request it ran fails with a message that says
  // so; a worker that held the data is replaced at once, so the next request finds it reloaded.
  #died(slot: Slot, reason: string, engine: boolean): void {
    if (this.#draining?.slot === slot) {
      this.#dropDraining();
      return;
    }
    if (this.#slot !== slot) return;
    this.#slot = undefined;
    slot.worker.terminate();
    this.#queue = this.#queue.filter((p) => p.replay !== slot);
    // NOTE: a worker that never answered, or died while reloading, would most likely die again the
    // same way: the next request starts the next one, so each request fails at most once and the
    // host never loops.
    const restarted = !this.#closed && slot.answered && slot.replaysLeft === 0;
    if (restarted) this.#spawn();
    const current = this.#current;
    if (current !== undefined) {
      this.#finish();
      // A worker that died reloading the data fails the request that was waiting for it instead.
      const victim = current.pending.replay === undefined ? current.pending : this.#queue.shift();
      const situation = {
        started: slot.answered,
        reloading: current.pending.replay !== undefined,
        restarted,
        engine,
      };
      victim?.reject(new QueryWorkerError(diedMessage(victim.message, reason, situation)));
    }
    // A worker still finishing a cancelled query holds the data: it serves once it is done.
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

  #spawn(): Slot {
    const worker = this.#spawnWorker();
    const slot: Slot = { worker, replaysLeft: this.#loads.length, answered: false };
    this.#slot = slot;
    worker.addEventListener('message', (event) => {
      const message = event.data as WorkerMessage;
      slot.answered = true;
      const draining = this.#draining;
      if (draining?.slot === slot) {
        if (draining.id === message.id) this.#drained(slot, message);
        return;
      }
      const current = this.#current;
      if (this.#slot !== slot || current?.pending.message.id !== message.id) return;
      if (message.type === 'error' && message.error.name === 'QueryEngineError') {
        this.#died(slot, message.error.reason, true);
        return;
      }
      this.#finish();
      if (message.type === 'error') current.pending.reject(deserializeError(message.error));
      else current.pending.resolve(message);
      if (current.pending.replay === slot) {
        slot.replaysLeft -= 1;
        // The fresh worker holds the data: the one still running a cancelled query can go.
        if (slot.replaysLeft === 0) this.#dropDraining();
      }
      this.#pump();
    });
    worker.addEventListener('error', (event) => {
      this.#died(slot, event.message ?? 'it failed without saying why', false);
    });
    // A fresh worker is empty: replay the data first. A replay that fails (it loaded before, so
    // this is a broken worker) fails the first request waiting behind it.
    const replays: Pending[] = this.#loads.map((load) => ({
      message: { ...load, id: this.#nextId++, verified: true },
      replay: slot,
      resolve: () => undefined,
      reject: (error) => {
        const next = this.#queue.find((p) => p.replay === undefined);
        if (next === undefined) return;
        this.#queue.splice(this.#queue.indexOf(next), 1);
        next.reject(
          new QueryWorkerError(`Reloading the data into a new worker failed: ${error.message}`),
        );
      },
    }));
    this.#queue.unshift(...replays);
    return slot;
  }
}

/** What the caller of a request is told when the worker died under it (or under its reload). */
function diedMessage(
  message: HostMessage,
  reason: string,
  situation: { started: boolean; reloading: boolean; restarted: boolean; engine: boolean },
): string {
  if (!situation.started) return `The query engine could not start (${reason}); try again.`;
  if (situation.reloading)
    return `The query engine stopped (${reason}) while reloading your data; try again.`;
  if (message.type === 'load') {
    return (
      `The query engine stopped (${reason}) while loading this data, which was not loaded` +
      (situation.restarted ? '; it was restarted with the data loaded before.' : '.')
    );
  }
  return (
    `The query engine stopped (${reason}); it was restarted with your data — run the query again.` +
    (situation.engine
      ? ' If this query stops it again, narrow it (a LIMIT, a more specific pattern).'
      : '')
  );
}

/** A query host whose worker is made by `spawnWorker`, started on the first request. */
export function createQueryHost(spawnWorker: () => WorkerLike): QueryHost {
  return new WorkerQueryHost(spawnWorker);
}
