// Entry file of the query worker thread in Node. A worker thread starts without the module hooks of
// the thread that made it (neither tsx's nor Vitest's), so this plain-JavaScript file registers tsx
// itself before importing the TypeScript worker body, then serves the protocol on `parentPort`.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

if (parentPort === null)
  throw new Error('node-worker.js runs only as a worker thread (see node-host.ts).');
register();
const { serveQueries } = await import('./worker.ts');
serveQueries(parentPort);
