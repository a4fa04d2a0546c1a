// What the benchmark ran on: CPU, cores, memory, load, Node, and (when a browser section ran)
// Chromium, recorded next to every figure so results from different machines are not confused.
import { execFileSync } from 'node:child_process';
import { cpus, freemem, loadavg, platform, release, totalmem } from 'node:os';

/** The machine and software versions of a run. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  freeMemoryGB: number;
  /** Load averages over 1, 5 and 15 minutes when the run started (others share the machine). */
  loadAverage: number[];
  os: string;
  node: string;
  /** The commit the benchmark ran on, '' outside a git checkout. */
  commit: string;
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

/** Describes this machine now. */
export function describeMachine(): Machine {
  const gb = (bytes: number): number => Math.round((bytes / 2 ** 30) * 10) / 10;
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: gb(totalmem()),
    freeMemoryGB: gb(freemem()),
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    os: `${platform()} ${release()}`,
    node: process.version,
    commit: gitCommit(),
  };
}
