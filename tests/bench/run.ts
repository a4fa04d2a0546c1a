// The benchmark (`npm run bench`, `npm run bench -- --quick`): runs each section in its own process,
// one after another (they time things on a shared machine), then prints one table of every figure
// against its baseline measured in the same run and writes bench-results/bench.json (every figure,
// the machine, Node and Chromium versions) and bench-results/bench.md (the table for README.md).
//
//   load     figures 1–2: the 1M-triple people graph loaded, and memory per triple (load.ts)
//   sparql   figure 3: six typical queries against bare Oxigraph (sparql.ts)
//   browser  figures 4–7: layout, first frame, panning, long tasks, JavaScript size (browser.ts)
//
// --quick runs fewer repetitions and sizes (under two minutes on an idle 2-core machine).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeMachine } from './lib/machine.ts';
import {
  markdownTable,
  readSection,
  RESULTS,
  ROOT,
  textTable,
  verdict,
  type Row,
} from './lib/report.ts';

const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const sections: [string, string[]][] = [
  ['load', quick ? ['--quick', '--runs', '2'] : ['--runs', '5']],
  [
    'sparql',
    quick ? ['--sizes', '100000', '--runs', '7'] : ['--sizes', '100000,1000000', '--runs', '9'],
  ],
  ['browser', quick ? ['--quick'] : ['--loads', '5']],
];

const machine = describeMachine();
const started = new Date();
const failed: string[] = [];
const rows: Row[] = [];
let chromium = '';
for (const [section, args] of sections) {
  if (only !== undefined && !only.split(',').includes(section)) continue;
  console.log(`\n== ${section} ${args.join(' ')}`);
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join('tests', 'bench', `${section}.ts`), ...args],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (run.status !== 0) {
    console.error(`The ${section} section failed (exit code ${String(run.status)}).`);
    failed.push(section);
    continue;
  }
  const result = readSection(section);
  rows.push(...result.rows);
  if (typeof result.details?.chromium === 'string') chromium = result.details.chromium;
}
rows.sort((a, b) => a.figure - b.figure);

const seconds = Math.round((Date.now() - started.getTime()) / 1000);
const header =
  `Triplescope benchmark${quick ? ' (--quick)' : ''}, ${started.toISOString()}, ${seconds} s: ` +
  `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, load average ` +
  `${machine.loadAverage.join(' ')} at the start; Node ${machine.node}` +
  `${chromium ? `, Chromium ${chromium}` : ''}${machine.commit ? `, commit ${machine.commit}` : ''}.`;
console.log(`\n${header}\n`);
console.log(textTable(rows));
writeFileSync(
  join(RESULTS, 'bench.json'),
  `${JSON.stringify(
    {
      quick,
      started: started.toISOString(),
      seconds,
      machine: { ...machine, chromium },
      failedSections: failed,
      rows: rows.map((row) => ({ ...row, verdict: verdict(row) })),
    },
    null,
    2,
  )}\n`,
);
writeFileSync(join(RESULTS, 'bench.md'), `${header}\n\n${markdownTable(rows)}\n`);
console.log(
  `\nWrote ${join('bench-results', 'bench.json')} and ${join('bench-results', 'bench.md')}.`,
);
if (failed.length > 0) {
  console.error(`Sections that failed: ${failed.join(', ')}.`);
  process.exit(1);
}
