// One run of the load benchmark in a fresh process (started by load.ts): reads a gzipped N-Triples
// file one way, times it from the first byte read to data ready, measures what stays in memory, and
// prints the result as one JSON line.
//
//   n3          the baseline: n3's StreamParser over Node's gunzip stream, counting quads, no store
//   parse       parseRdf alone (the project's reader: decoding, positions, limits, batches)
//   serial      the large-file pipeline in one thread: parseRdf → OverviewBuilder (and quads kept
//               while the graph is under the overview threshold), with SparqlStore.addQuads every
//               50,000 quads; ready when the store holds everything and the graph to draw exists
//               (the overview's class graph over the threshold, the full projection under it)
//   parallel    the same split over two threads, as the app's import and query workers would run
//               it: this thread parseRdf → OverviewBuilder, a worker thread gunzip →
//               SparqlStore.loadText in newline-aligned pieces; ready when both are done
//   projection  what the app does today with an opened file: parseRdf → every quad kept →
//               projectQuads (the full projection), no store (for information)
//   n3store     the memory reference: an N3.Store holding the quads plus the projection's
//               graphology graph (for information)
//
// Memory is measured after two full garbage collections: V8 heap, plus external memory, which
// includes the WebAssembly memory of Oxigraph (found by wrapping WebAssembly.Instance before the
// engine loads). Needs --expose-gc.
//
//   node --expose-gc --import tsx tests/bench/load-run.ts VARIANT FILE
import { createReadStream, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { createGunzip, gunzipSync } from 'node:zlib';
import type { Quad } from '@rdfjs/types';

const memories: WebAssembly.Memory[] = [];
{
  // NOTE: Oxigraph does not export its memory; wrapping the constructor is the only way to see it.
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

const variant = process.argv[2] ?? '';
const file = process.argv[3] ?? '';
if (variant === '' || file === '')
  throw new Error('Usage: load-run.ts n3|parse|serial|parallel|projection|n3store FILE');
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('load-run.ts needs node --expose-gc.');

const { Parser, StreamParser, Store } = await import('n3');
const { parseRdf } = await import('../../src/rdf/parse.ts');
const { OverviewBuilder, DEFAULT_OVERVIEW_THRESHOLD } = await import('../../src/graph/overview.ts');
const { projectQuads } = await import('../../src/graph/project.ts');
const { SparqlStore } = await import('../../src/query/store.ts');

/** What stays in memory, in bytes. */
export interface Memory {
  heap: number;
  /** Oxigraph's WebAssembly memory (all instances in this thread). */
  wasm: number;
  /** External memory besides WebAssembly (buffers). */
  external: number;
  total: number;
  rss: number;
}

/** What one run prints. */
export interface LoadRun {
  variant: string;
  seconds: number;
  triples: number;
  /** Nodes of the data graph (overview or projection). */
  nodes?: number;
  /** The graph drawn first: 'overview' (classes) or 'projection' (every node). */
  graph?: 'overview' | 'projection';
  /** Memory held after loading, minus what the process held before. */
  memory?: Memory;
  /** Seconds spent in each step, where the variant can tell. */
  steps?: Record<string, number>;
}

function memoryNow(): Memory {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  const wasm = memories.reduce((n, memory) => n + memory.buffer.byteLength, 0);
  return {
    heap: m.heapUsed,
    wasm,
    external: m.external - wasm,
    total: m.heapUsed + m.external,
    rss: m.rss,
  };
}

function minus(a: Memory, b: Memory): Memory {
  return {
    heap: a.heap - b.heap,
    wasm: a.wasm - b.wasm,
    external: a.external - b.external,
    total: a.total - b.total,
    rss: a.rss - b.rss,
  };
}

const stream = () => createReadStream(file, { highWaterMark: 1 << 20 });
const parseOptions = { format: 'ntriples' as const, source: file, gzip: true };

/** Keeps quads while the graph may still be small enough to project whole. */
function smallGraphQuads(builder: InstanceType<typeof OverviewBuilder>) {
  let kept: Quad[] | null = [];
  return {
    add(batch: Quad[]): void {
      if (kept === null) return;
      if (builder.nodesSeen > DEFAULT_OVERVIEW_THRESHOLD) kept = null;
      else kept.push(...batch);
    },
    get(): Quad[] | null {
      return kept;
    },
  };
}

async function run(): Promise<LoadRun> {
  const before = memoryNow();
  const start = performance.now();
  const seconds = (): number => (performance.now() - start) / 1000;
  switch (variant) {
    case 'n3': {
      const triples = await new Promise<number>((resolve, reject) => {
        let count = 0;
        const parser = new StreamParser({ format: 'N-Triples' });
        parser.on('data', () => (count += 1));
        parser.on('error', reject);
        parser.on('end', () => {
          resolve(count);
        });
        stream().pipe(createGunzip()).pipe(parser);
      });
      return { variant, seconds: seconds(), triples };
    }
    case 'parse': {
      let triples = 0;
      await parseRdf(stream(), parseOptions, (batch) => {
        triples += batch.length;
      });
      return { variant, seconds: seconds(), triples };
    }
    case 'serial': {
      const store = await SparqlStore.create();
      const builder = new OverviewBuilder();
      const small = smallGraphQuads(builder);
      let pending: Quad[] = [];
      let storing = 0;
      const flush = (): void => {
        const t = performance.now();
        store.addQuads(pending);
        pending = [];
        storing += performance.now() - t;
      };
      await parseRdf(stream(), parseOptions, (batch) => {
        builder.add(batch);
        small.add(batch);
        for (const quad of batch) pending.push(quad);
        if (pending.length >= 50_000) flush();
      });
      flush();
      const t = performance.now();
      const overview = builder.finish();
      const quads = small.get();
      const graph = quads === null ? overview.graph() : projectQuads(quads).graph;
      const graphing = performance.now() - t;
      const elapsed = seconds();
      const memory = minus(memoryNow(), before);
      // Both must stay alive until memory was measured.
      if (store.size === 0 || graph.order < 0) throw new Error('Nothing was loaded.');
      return {
        variant,
        seconds: elapsed,
        triples: store.size,
        nodes: overview.stats.nodes,
        graph: quads === null ? 'overview' : 'projection',
        memory,
        steps: {
          store: storing / 1000,
          'overview and graph': graphing / 1000,
          'parse and overview': elapsed - (storing + graphing) / 1000,
        },
      };
    }
    case 'parallel': {
      // NOTE: a worker thread starts without tsx's hooks; this bootstrap registers them first.
      const body = new URL('./load-worker.ts', import.meta.url).href;
      const worker = new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(body)}); });`,
        { eval: true, workerData: { file } },
      );
      const stored = new Promise<{ triples: number; seconds: number; memory: Memory }>(
        (resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
        },
      );
      const builder = new OverviewBuilder();
      const small = smallGraphQuads(builder);
      await parseRdf(stream(), parseOptions, (batch) => {
        builder.add(batch);
        small.add(batch);
      });
      const overview = builder.finish();
      const quads = small.get();
      const graph = quads === null ? overview.graph() : projectQuads(quads).graph;
      const graphed = seconds();
      const store = await stored;
      const elapsed = seconds();
      const here = minus(memoryNow(), before);
      await worker.terminate();
      if (graph.order < 0) throw new Error('Nothing was drawn.');
      const memory = {
        heap: here.heap + store.memory.heap,
        wasm: store.memory.wasm,
        external: here.external + store.memory.external,
        total: here.total + store.memory.total,
        rss: here.rss,
      };
      return {
        variant,
        seconds: elapsed,
        triples: store.triples,
        nodes: overview.stats.nodes,
        graph: quads === null ? 'overview' : 'projection',
        memory,
        steps: {
          'parse, overview and graph (this thread)': graphed,
          'store (worker)': store.seconds,
        },
      };
    }
    case 'projection': {
      const quads: Quad[] = [];
      await parseRdf(stream(), parseOptions, (batch) => {
        for (const quad of batch) quads.push(quad);
      });
      const parsed = seconds();
      const projection = projectQuads(quads);
      const elapsed = seconds();
      const memory = minus(memoryNow(), before);
      return {
        variant,
        seconds: elapsed,
        triples: quads.length,
        nodes: projection.graph.order,
        graph: 'projection',
        memory,
        steps: { parse: parsed, projection: elapsed - parsed },
      };
    }
    case 'n3store': {
      // NOTE: n3's terms are slices of the text, so the store keeps the text alive, as in an app.
      const quads = new Parser({ format: 'N-Triples' }).parse(
        gunzipSync(readFileSync(file)).toString('utf8'),
      );
      const store = new Store(quads);
      const projection = projectQuads(quads);
      quads.length = 0;
      const elapsed = seconds();
      const memory = minus(memoryNow(), before);
      if (store.size === 0 || projection.graph.order === 0) throw new Error('Nothing was loaded.');
      return {
        variant,
        seconds: elapsed,
        triples: store.size,
        nodes: projection.graph.order,
        graph: 'projection',
        memory,
      };
    }
    default:
      throw new Error(`Unknown variant ${variant}.`);
  }
}

const result = await run();
const peak = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({ ...result, peakRss: peak }));
