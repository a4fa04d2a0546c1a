#!/usr/bin/env node
// `npm run bench [-- --quick]`: the benchmark harness (tests/bench/run.ts) in TypeScript through
// tsx. It runs every section one after another, prints one table of every figure against its
// baseline measured in the same run, and writes bench-results/bench.json and bench.md.
import { spawnSync } from 'node:child_process';

const run = spawnSync(
  process.execPath,
  ['--import', 'tsx', 'tests/bench/run.ts', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(run.status ?? 1);
