// Benchmark of `parseRdf` against n3's bare parser on the same gzipped N-Triples in the same
// process (../shared/datasets/people-1m/aac-people-1m.nt.gz, 1,035,800 triples), each timed as
//   n3-stream   n3's StreamParser fed by Node's zlib gunzip stream (the usual Node pipeline),
//   n3-string   n3's Parser over the already decompressed text (parsing alone, no I/O, no gunzip),
//   parseRdf    parseRdf(file stream, { gzip: true }) with a sink that counts the batches
//               (DecompressionStream, decoding, column tracking, batching, progress, yields).
// The variants run in turn, several rounds; prints the median (with min and max) in triples/s and
// writes every figure to bench-results/rdf-parse.json.
// Run: npx tsx tests/bench/rdf-parse.ts [--runs 5] [--file PATH]
import { createReadStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync, createGunzip } from 'node:zlib';
import { Parser, StreamParser, type ParseCallback } from 'n3';
import { parseRdf } from '../../src/rdf/parse.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    file: {
      type: 'string',
      default: resolve(root, '../shared/datasets/people-1m/aac-people-1m.nt.gz'),
    },
  },
});
const runs = Number(values.runs);
const file = values.file;

type Variant = () => Promise<number>;

const variants: Record<string, Variant> = {
  'n3-stream': () =>
    new Promise((done, fail) => {
      let count = 0;
      const parser = new StreamParser({ format: 'N-Triples' });
      parser.on('data', () => (count += 1));
      parser.on('error', fail);
      parser.on('end', () => {
        done(count);
      });
      createReadStream(file, { highWaterMark: 1 << 20 })
        .pipe(createGunzip())
        .pipe(parser);
    }),
  'n3-string': (() => {
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    return () =>
      new Promise((done, fail) => {
        let count = 0;
        // NOTE: @types/n3 types the callback's error and quad as always present; n3 passes null.
        const callback = (error: Error | null, quad: unknown): void => {
          if (error) fail(error);
          else if (quad) count += 1;
          else done(count);
        };
        new Parser({ format: 'N-Triples' }).parse(text, callback as ParseCallback);
      });
  })(),
  parseRdf: async () => {
    let count = 0;
    await parseRdf(
      createReadStream(file, { highWaterMark: 1 << 20 }),
      { format: 'ntriples', source: file, gzip: true, onProgress: () => undefined },
      (batch) => {
        count += batch.length;
      },
    );
    return count;
  },
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

const times: Record<string, number[]> = Object.fromEntries(
  Object.keys(variants).map((k) => [k, []]),
);
let triples = 0;
for (let round = 0; round < runs; round++) {
  for (const [name, run] of Object.entries(variants)) {
    const start = performance.now();
    const count = await run();
    const seconds = (performance.now() - start) / 1000;
    if (triples !== 0 && count !== triples)
      throw new Error(`${name} read ${count} triples, not ${triples}`);
    triples = count;
    times[name]?.push(seconds);
  }
}

const rows = Object.entries(times).map(([name, secs]) => ({
  variant: name,
  medianSeconds: median(secs),
  minSeconds: Math.min(...secs),
  maxSeconds: Math.max(...secs),
  triplesPerSecond: Math.round(triples / median(secs)),
}));
const reference = rows.find((r) => r.variant === 'n3-stream')?.medianSeconds ?? NaN;
console.log(
  `${triples.toLocaleString('en-US')} triples, median of ${runs} runs (Node ${process.version})`,
);
for (const r of rows) {
  console.log(
    `${r.variant.padEnd(10)} ${r.triplesPerSecond.toLocaleString('en-US').padStart(10)} triples/s  ` +
      `${r.medianSeconds.toFixed(2)} s (${r.minSeconds.toFixed(2)}–${r.maxSeconds.toFixed(2)})  ` +
      `×${(r.medianSeconds / reference).toFixed(2)} of n3-stream`,
  );
}
mkdirSync(resolve(root, 'bench-results'), { recursive: true });
writeFileSync(
  resolve(root, 'bench-results/rdf-parse.json'),
  `${JSON.stringify({ file: relative(root, file), triples, runs, node: process.version, rows }, null, 2)}\n`,
);
