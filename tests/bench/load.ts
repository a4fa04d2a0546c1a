// Figures 1 and 2 of the benchmark: loading the real 1M-triple people graph
// (../shared/datasets/people-1m/aac-people-1m.nt.gz) until it is queryable and its graph is ready,
// against n3 parsing the same file with no store, and what stays in memory per triple. Each run
// of each variant is a fresh process (load-run.ts describes the variants); variants take turns, so
// each pipeline run is paired with the baseline run just before it.
//
//   node --import tsx tests/bench/load.ts [--runs 5] [--quick] [--file PATH]
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runChild } from './lib/child.ts';
import { ROOT, writeSection, type Row } from './lib/report.ts';
import { pairedRatio, summarize } from './lib/stats.ts';
import type { LoadRun } from './load-run.ts';

/** One run as load-run.ts prints it. */
type Run = LoadRun & { peakRss: number };

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    quick: { type: 'boolean', default: false },
    file: {
      type: 'string',
      default: resolve(ROOT, '../shared/datasets/people-1m/aac-people-1m.nt.gz'),
    },
  },
});
const quick = values.quick;
const RUNS = Math.max(2, Number(values.runs));
const file = values.file;
const name = relative(ROOT, file);

const run = (variant: string): Promise<Run> =>
  runChild<Run>('tests/bench/load-run.ts', [variant, file], ['--expose-gc']);

// Quick: the baseline and the headline pipeline only. Full: every variant.
const paired = quick ? ['parallel'] : ['parallel', 'serial', 'parse'];
const samples: Record<string, Run[]> = { n3: [] };
for (const v of paired) samples[v] = [];
for (let i = 0; i < RUNS; i++) {
  for (const v of paired) {
    samples.n3?.push(await run('n3'));
    samples[v]?.push(await run(v));
    const last = samples[v]?.at(-1);
    console.error(
      `load run ${i + 1}/${RUNS}: n3 ${samples.n3?.at(-1)?.seconds.toFixed(2)} s, ${v} ${last?.seconds.toFixed(2)} s`,
    );
  }
}
// For information: the app's path today (full projection, no store), and the N3.Store reference.
const once: Record<string, Run[]> = {};
if (!quick) {
  for (const v of ['projection', 'n3store']) {
    once[v] = [];
    for (let i = 0; i < (v === 'projection' ? 3 : 1); i++) {
      once.n3Before = [...(once.n3Before ?? []), await run('n3')];
      once[v].push(await run(v));
      console.error(`load ${v}: ${once[v].at(-1)?.seconds.toFixed(2)} s`);
    }
  }
}

const triples = samples.n3?.[0]?.triples ?? 0;
for (const list of [...Object.values(samples), ...Object.values(once)])
  for (const r of list)
    if (r.triples !== triples)
      throw new Error(`${r.variant} read ${r.triples} triples where n3 read ${triples}.`);
const input = `${name.split('/').pop() ?? name} (${triples.toLocaleString('en-US')} triples)`;

const n3Seconds = (samples.n3 ?? []).map((r) => r.seconds);
/** The n3 runs paired with `variant`'s runs (they alternate: n3, then each variant in turn). */
const pairedN3 = (variant: string): number[] =>
  n3Seconds.filter((_, i) => paired[i % paired.length] === variant);
const seconds = (list: Run[]): number[] => list.map((r) => r.seconds);
const perTriple = (list: Run[]): number[] => list.map((r) => (r.memory?.total ?? NaN) / triples);
const described = (list: Run[]): string => {
  const r = list[0];
  return r?.graph === 'overview'
    ? `graph ready = the overview (${r.nodes?.toLocaleString('en-US') ?? '?'} nodes, over the threshold)`
    : 'graph ready = the full projection';
};
const memoryNote = (list: Run[]): string => {
  const m = (key: 'heap' | 'wasm' | 'external'): string =>
    `${Math.round(summarize(list.map((r) => (r.memory?.[key] ?? NaN) / triples)).median)}`;
  return `per triple: JS heap ${m('heap')} B, Oxigraph WebAssembly ${m('wasm')} B, other external ${m('external')} B; peak RSS ${Math.round(summarize(list.map((r) => r.peakRss)).median / 2 ** 20)} MB`;
};

const rows: Row[] = [];
const loadTarget = { on: 'ratio', better: 'lower', must: 8, aim: 4 } as const;
const memoryTarget = { on: 'value', better: 'lower', must: 900, aim: 600 } as const;
const parallel = samples.parallel ?? [];
rows.push({
  figure: 1,
  name: 'load → queryable + graph ready (import ‖ query worker)',
  input,
  unit: 's',
  value: summarize(seconds(parallel)),
  baseline: { name: 'n3 parse, no store', value: summarize(pairedN3('parallel')) },
  ratio: pairedRatio(seconds(parallel), pairedN3('parallel')),
  target: loadTarget,
  note: `parseRdf → OverviewBuilder in one thread while a second thread loads the gunzipped text into a SparqlStore (Oxigraph's parser); ${described(parallel)}; Oxigraph's engine start included`,
});
const serial = samples.serial ?? [];
if (serial.length > 0) {
  rows.push({
    figure: 1,
    name: 'load → queryable + graph ready (one worker)',
    input,
    unit: 's',
    value: summarize(seconds(serial)),
    baseline: { name: 'n3 parse, no store', value: summarize(pairedN3('serial')) },
    ratio: pairedRatio(seconds(serial), pairedN3('serial')),
    target: loadTarget,
    note: `parseRdf → OverviewBuilder + SparqlStore.addQuads every 50,000 quads, in one thread; ${described(serial)}; store ${summarize(serial.map((r) => r.steps?.store ?? NaN)).median.toFixed(1)} s of it`,
  });
}
const parse = samples.parse ?? [];
if (parse.length > 0) {
  rows.push({
    figure: 1,
    name: 'parseRdf alone',
    input,
    unit: 's',
    value: summarize(seconds(parse)),
    baseline: { name: 'n3 parse, no store', value: summarize(pairedN3('parse')) },
    ratio: pairedRatio(seconds(parse), pairedN3('parse')),
    note: 'for information: the project’s reader (gzip, positions, limits, batches) without a sink',
  });
}
const projection = once.projection ?? [];
const n3Before = once.n3Before ?? [];
if (projection.length > 0) {
  rows.push({
    figure: 1,
    name: 'load → full projection (the app today, no store)',
    input,
    unit: 's',
    value: summarize(seconds(projection)),
    baseline: { name: 'n3 parse, no store', value: summarize(seconds(n3Before.slice(0, 3))) },
    ratio: pairedRatio(seconds(projection), seconds(n3Before.slice(0, 3))),
    note: `for information: parseRdf → every quad kept → projectQuads (${projection[0]?.nodes?.toLocaleString('en-US') ?? '?'} nodes); parse ${summarize(projection.map((r) => r.steps?.parse ?? NaN)).median.toFixed(1)} s, projection ${summarize(projection.map((r) => r.steps?.projection ?? NaN)).median.toFixed(1)} s`,
  });
}

const n3store = once.n3store ?? [];
const reference =
  n3store.length > 0
    ? { name: 'N3.Store + projection graph', value: summarize(perTriple(n3store)) }
    : undefined;
const memoryRow = (label: string, list: Run[], target?: typeof memoryTarget): Row => ({
  figure: 2,
  name: `memory per triple (${label})`,
  input,
  unit: 'B',
  value: summarize(perTriple(list)),
  ...(reference
    ? {
        baseline: reference,
        ratio: summarize(perTriple(list).map((b) => b / reference.value.median)),
      }
    : {}),
  ...(target ? { target } : {}),
  note: `${memoryNote(list)}; held after loading, after garbage collection`,
});
rows.push(memoryRow('store + overview, import ‖ query worker', parallel, memoryTarget));
if (serial.length > 0) rows.push(memoryRow('store + overview, one worker', serial, memoryTarget));
if (projection.length > 0)
  rows.push(memoryRow('quads + full projection, the app today', projection));

console.log(
  writeSection({
    section: 'load',
    rows,
    details: { file: name, triples, runs: RUNS, samples, once },
  }),
);
