// The body of a query worker: owns one SparqlStore and answers the protocol's requests. It imports
// nothing from Node or the DOM, so it runs as a Node worker thread (see node-worker.js) and as a Web
// Worker alike; the entry file of each hands it its message endpoint.
import type { BlankNode, DefaultGraph, NamedNode } from '@rdfjs/types';
import type { WasmSource } from './engine.ts';
import { serializeError } from './errors.ts';
import type { GraphNameData, HostMessage, WorkerMessage } from './protocol.ts';
import { SparqlStore } from './store.ts';
import { factory } from './terms.ts';

/**
 * What the worker needs from its environment. A Web Worker's global `self` and Node's
 * `worker_threads.parentPort` both fit as they are (Node's MessagePort is an EventTarget too).
 */
export interface WorkerEndpoint {
  postMessage(message: WorkerMessage): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

function graphName(data: GraphNameData): NamedNode | BlankNode | DefaultGraph {
  switch (data.termType) {
    case 'NamedNode':
      return factory.namedNode(data.value);
    case 'BlankNode':
      return factory.blankNode(data.value);
    case 'DefaultGraph':
      return factory.defaultGraph();
  }
}

/**
 * Serves load and query requests arriving on `endpoint`, one after another, with a store created
 * on the first request (`wasm` tells a browser build where the engine's .wasm is).
 */
export function serveQueries(endpoint: WorkerEndpoint, options: { wasm?: WasmSource } = {}): void {
  let store: Promise<SparqlStore> | undefined;
  let queue: Promise<void> = Promise.resolve();

  function handle(store: SparqlStore, message: HostMessage): WorkerMessage {
    switch (message.type) {
      case 'load':
        store.loadText(
          message.text,
          {
            format: message.format,
            ...(message.baseIRI === undefined ? {} : { baseIRI: message.baseIRI }),
            ...(message.graph === undefined ? {} : { graph: graphName(message.graph) }),
          },
          { verified: message.verified === true },
        );
        return { type: 'loaded', id: message.id, size: store.size };
      case 'query':
        return {
          type: 'result',
          id: message.id,
          result: store.querySerialized(message.sparql, message.options),
        };
    }
  }

  endpoint.addEventListener('message', (event) => {
    const message = event.data as HostMessage;
    // Requests run strictly in arrival order, even while the engine is still loading.
    queue = queue.then(async () => {
      try {
        store ??= SparqlStore.create(options);
        endpoint.postMessage(handle(await store, message));
      } catch (error) {
        endpoint.postMessage({ type: 'error', id: message.id, error: serializeError(error) });
      }
    });
  });
}
