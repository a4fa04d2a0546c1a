// Benchmark of the query layer against Oxigraph's bare store on the same data in the same process:
// six typical queries at 100k generated triples, each timed as
//   bare      Oxigraph's `store.query(q)` as its API returns it (a Map of term objects per row),
//   bare-tsv  the same query serialized to SPARQL TSV (the text our layer asks for),
//   store     SparqlStore.query (TSV decoded into RDF/JS terms),
//   worker    the Node worker host's round trip (post, query in the thread, post back, decode).
// Prints the median of several runs (with min and max) and the ratio to `bare` per query, and writes
// every figure to bench-results/sparql.json.
// Run: npx tsx tests/bench/sparql.ts [--triples 100000] [--runs 7]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as ox from 'oxigraph';
import { createQueryWorker } from '../../src/query/node-host.ts';
import { SparqlStore } from '../../src/query/store.ts';
import { entity, generateGraph, vocab } from './generate-graph.ts';

const { values } = parseArgs({
  options: {
    triples: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '7' },
  },
});
const TRIPLES = Number(values.triples);
const RUNS = Math.max(5, Number(values.runs));

const P = `PREFIX v: <${vocab('')}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n`;
const QUERIES: Record<string, string> = {
  lookup: `SELECT ?p ?o WHERE { <${entity(1234)}> ?p ?o }`,
  join3: `${P}SELECT ?person ?org ?place WHERE { ?person a v:Person ; v:memberOf ?org . ?org v:locatedIn ?place }`,
  text: `${P}SELECT ?s ?label WHERE { ?s rdfs:label ?label FILTER(CONTAINS(LCASE(?label), "rosmer") || REGEX(?label, "^trotsky", "i")) }`,
  path: `${P}SELECT DISTINCT ?x WHERE { <${entity(5000)}> v:knows/v:knows ?x }`,
  group: `${P}SELECT ?type (COUNT(?s) AS ?n) WHERE { ?s a ?type } GROUP BY ?type`,
  optional: `${P}SELECT ?p ?label ?born WHERE { ?p a v:Person ; rdfs:label ?label OPTIONAL { ?p v:born ?born } }`,
  // Not a typical query: the fixed cost of each variant (for the worker, one round trip).
  'empty ASK': 'ASK {}',
};

type Variant = 'bare' | 'bare-tsv' | 'store' | 'worker';
const VARIANTS: Variant[] = ['bare', 'bare-tsv', 'store', 'worker'];

interface Stats {
  median: number;
  min: number;
  max: number;
}

function stats(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)] ?? NaN,
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

const text = generateGraph(TRIPLES);
const bare = new ox.Store();
bare.load(text, { format: 'nt' });
const store = await SparqlStore.create();
store.loadText(text, { format: 'ntriples' });
const distinct = store.size; // the generator may draw the same link twice; the store keeps one
const worker = createQueryWorker();
await worker.load(text, { format: 'ntriples' });

function rowsOf(name: string): number {
  const r = store.query(QUERIES[name] ?? '');
  return r.type === 'bindings' ? r.rows.length : 0;
}

async function once(variant: Variant, query: string): Promise<number> {
  const t = performance.now();
  switch (variant) {
    case 'bare':
      bare.query(query);
      break;
    case 'bare-tsv':
      bare.query(query, { results_format: 'tsv' });
      break;
    case 'store':
      store.query(query);
      break;
    case 'worker':
      await worker.query(query);
      break;
  }
  return performance.now() - t;
}

// Warm-up: every query through every variant a few times (JIT, and the collection of the garbage
// the loads left, which otherwise lands on the first measurements).
for (let warm = 0; warm < 3; warm++) {
  for (const query of Object.values(QUERIES)) for (const v of VARIANTS) await once(v, query);
}

const results: Record<string, Record<Variant, Stats> & { rows: number }> = {};
for (const [name, query] of Object.entries(QUERIES)) {
  const times: Record<Variant, number[]> = { bare: [], 'bare-tsv': [], store: [], worker: [] };
  // Variants take turns within each run, so drift on a shared machine hits them alike.
  for (let run = 0; run < RUNS; run++)
    for (const v of VARIANTS) times[v].push(await once(v, query));
  results[name] = {
    rows: rowsOf(name),
    bare: stats(times.bare),
    'bare-tsv': stats(times['bare-tsv']),
    store: stats(times.store),
    worker: stats(times.worker),
  };
}
await worker.close();
store.dispose();

const ms = (n: number): string => (n < 10 ? n.toFixed(2) : n.toFixed(1));
const header = [
  'query',
  'rows',
  'bare ms',
  'bare-tsv ms',
  'store ms',
  'worker ms',
  'store/bare',
  'worker/bare',
  'store/bare-tsv',
];
const table = Object.entries(results).map(([name, r]) => [
  name,
  String(r.rows),
  ms(r.bare.median),
  ms(r['bare-tsv'].median),
  ms(r.store.median),
  ms(r.worker.median),
  `${(r.store.median / r.bare.median).toFixed(2)}×`,
  `${(r.worker.median / r.bare.median).toFixed(2)}×`,
  `${(r.store.median / r['bare-tsv'].median).toFixed(2)}×`,
]);
const widths = header.map((h, i) =>
  Math.max(h.length, ...table.map((row) => (row[i] ?? '').length)),
);
const line = (cells: string[]): string =>
  cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
console.log(
  `SPARQL latency, ${TRIPLES} generated triples (${distinct} distinct), median of ${RUNS} runs ` +
    `(Node ${process.version}, ${cpus().length} CPUs, load average ${(loadavg()[0] ?? 0).toFixed(1)})`,
);
console.log(line(header));
for (const row of table) console.log(line(row));

const out = resolve(dirname(fileURLToPath(import.meta.url)), '../../bench-results');
mkdirSync(out, { recursive: true });
writeFileSync(
  resolve(out, 'sparql.json'),
  `${JSON.stringify({ triples: TRIPLES, distinct, runs: RUNS, loadavg: loadavg(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, queries: QUERIES, results }, null, 2)}\n`,
);
