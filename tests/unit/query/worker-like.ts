// A real query worker for the browser host in Node: a worker thread running the same worker body
// (src/query/worker.ts, through node-worker.js), seen through the Web Worker interface the host
// expects (postMessage, message and error events, terminate).
import { Worker } from 'node:worker_threads';
import type { HostMessage } from '../../../src/query/protocol.ts';
import type { WorkerLike } from '../../../src/query/browser-host.ts';

const ENTRY = new URL('../../../src/query/node-worker.js', import.meta.url);

/** Starts a query worker thread; `spawned` counts the threads started (to see restarts). */
export function nodeWorkerFactory(): { spawn: () => WorkerLike; spawned: () => number } {
  let count = 0;
  const spawn = (): WorkerLike => {
    count += 1;
    const worker = new Worker(ENTRY);
    return {
      postMessage: (message: HostMessage) => {
        worker.postMessage(message);
      },
      addEventListener: (
        type: 'message' | 'error',
        listener: ((event: { data: unknown }) => void) & ((event: { message?: string }) => void),
      ) => {
        if (type === 'message') {
          worker.on('message', (data: unknown) => {
            listener({ data });
          });
        } else {
          worker.on('error', (error: Error) => {
            listener({ message: error.message });
          });
        }
      },
      terminate: () => {
        void worker.terminate();
      },
    };
  };
  return { spawn, spawned: () => count };
}
