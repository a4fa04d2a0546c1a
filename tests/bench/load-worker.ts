// The query worker's half of the "parallel" load variant (load-run.ts): gunzips the file and loads
// it into a SparqlStore with Oxigraph's own parser, in newline-aligned pieces of about 4 MB (one
// N-Triples statement never spans two pieces), then posts its time and the memory it holds.
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { createGunzip } from 'node:zlib';

const memories: WebAssembly.Memory[] = [];
{
  // NOTE: as in load-run.ts, Oxigraph's memory is only reachable by wrapping the constructor.
  const Original = WebAssembly.Instance;
  (WebAssembly as { Instance: typeof WebAssembly.Instance }).Instance = new Proxy(Original, {
    construct(target, args: [WebAssembly.Module, WebAssembly.Imports?]) {
      const instance: WebAssembly.Instance = Reflect.construct(target, args);
      const memory = instance.exports.memory;
      if (memory instanceof WebAssembly.Memory) memories.push(memory);
      return instance;
    },
  });
}

const { file } = workerData as { file: string };
const gc = (globalThis as { gc?: () => void }).gc;
const { SparqlStore } = await import('../../src/query/store.ts');

const heapBefore = (gc?.(), process.memoryUsage().heapUsed);
const start = performance.now();
const store = await SparqlStore.create();
let rest = '';
const PIECE = 4 << 20;
for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })
  .pipe(createGunzip())
  .setEncoding('utf8') as AsyncIterable<string>) {
  rest += chunk;
  if (rest.length < PIECE) continue;
  const cut = rest.lastIndexOf('\n') + 1;
  store.loadText(rest.slice(0, cut), { format: 'ntriples' });
  rest = rest.slice(cut);
}
if (rest !== '') store.loadText(rest, { format: 'ntriples' });
const seconds = (performance.now() - start) / 1000;
gc?.();
gc?.();
const wasm = memories.reduce((n, memory) => n + memory.buffer.byteLength, 0);
const heap = process.memoryUsage().heapUsed - heapBefore;
parentPort?.postMessage({
  triples: store.size,
  seconds,
  // NOTE: external memory is per process; the worker's own is its WebAssembly memory.
  memory: { heap, wasm, external: 0, total: heap + wasm, rss: 0 },
});
