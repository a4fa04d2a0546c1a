// Real query workers for the host in Node: worker threads running the same worker body
// (src/query/worker.ts, through node-worker.js), seen through the Web Worker interface the host
// expects by the command line's own adapter (startQueryThread), and kept here so a test can count
// them and stop one from outside as a crash would.
import type { WorkerLike } from '../../../src/query/browser-host.ts';
import { startQueryThread } from '../../../src/query/node-host.ts';

/** A started worker thread and what became of it. */
export interface Started {
  worker: WorkerLike;
  /** Answers it sent. */
  answers: number;
  /** terminate() was called on it (by the host, or by a test). */
  terminated: boolean;
}

/** Starts query worker threads for a host; `started` lists them in order (to see restarts). */
export function nodeWorkerFactory(): { spawn: () => WorkerLike; started: Started[] } {
  const started: Started[] = [];
  const spawn = (): WorkerLike => {
    const thread = startQueryThread();
    const entry: Started = { worker: thread, answers: 0, terminated: false };
    thread.addEventListener('message', () => {
      entry.answers += 1;
    });
    entry.worker = {
      postMessage: (message) => {
        thread.postMessage(message);
      },
      addEventListener: thread.addEventListener.bind(thread),
      terminate: () => {
        entry.terminated = true;
        thread.terminate();
      },
    };
    started.push(entry);
    return entry.worker;
  };
  return { spawn, started };
}
