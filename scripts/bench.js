#!/usr/bin/env node
// `npm run bench [-- --quick]`: runs every benchmark under tests/bench/ one after another (never in
// parallel: they measure time on a shared 2-core machine). Each prints its table and writes its
// figures to bench-results/*.json; every figure is a ratio against a baseline run in the same
// process or browser, as a median of several runs. --quick runs fewer repetitions.
import { spawnSync } from 'node:child_process';

const quick = process.argv.includes('--quick');
const benches = [
  ['tests/bench/rdf-parse.ts', quick ? ['--runs', '3'] : ['--runs', '7']],
  ['tests/bench/sparql.ts', quick ? ['--runs', '3'] : ['--runs', '9']],
  ['tests/bench/first-frame.ts', quick ? ['3'] : ['9']],
];
let failed = 0;
for (const [file, args] of benches) {
  console.log(`\n== ${file} ${args.join(' ')}`);
  const run = spawnSync('npx', ['tsx', file, ...args], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`${file} failed with exit code ${String(run.status)}.`);
    failed++;
  }
}
process.exit(failed === 0 ? 0 : 1);
