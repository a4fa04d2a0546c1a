// The benchmark's rows and how they are judged, printed and written. Every section writes its rows
// to bench-results/<section>.json; the harness (run.ts) gathers them into one table and
// bench-results/bench.json. A row is judged on the median of its ratio (or of its value when the
// issue sets an absolute target) against the "must reach" and "aim" figures.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Summary } from './stats.ts';

/** The repository's root (tests/bench/lib/ → ../../..). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** Where results are written. */
export const RESULTS = join(ROOT, 'bench-results');

/** A target from the issue: the judged figure must stay at or below (or above) these values. */
export interface Target {
  /** What is judged: the ratio to the baseline, or the value itself. */
  on: 'ratio' | 'value';
  better: 'lower' | 'higher';
  must: number;
  aim: number;
}

/** One line of the table. */
export interface Row {
  /** Number of the figure in the table (1–7). */
  figure: number;
  /** What is measured, e.g. "load: file → queryable + graph ready". */
  name: string;
  /** The input, e.g. "people 1M (1,035,800 triples)". */
  input: string;
  unit: string;
  value: Summary;
  /** What the value is compared with, measured in the same run. */
  baseline?: { name: string; value: Summary };
  /** value ÷ baseline over paired runs. */
  ratio?: Summary;
  /** Absent for rows given for information. */
  target?: Target;
  /** Why a figure could not be measured as asked, or what it leaves out. */
  note?: string;
}

/** PASS (aim), PASS (must reach), MISS, or "info" for a row without a target. */
export type Verdict = 'PASS (aim)' | 'PASS' | 'MISS' | 'info';

/** Judges a row on the median of the figure its target names. */
export function verdict(row: Row): Verdict {
  const t = row.target;
  if (!t) return 'info';
  const judged = t.on === 'ratio' ? row.ratio?.median : row.value.median;
  if (judged === undefined || !Number.isFinite(judged)) return 'MISS';
  const meets = (limit: number): boolean =>
    t.better === 'lower' ? judged <= limit : judged >= limit;
  return meets(t.aim) ? 'PASS (aim)' : meets(t.must) ? 'PASS' : 'MISS';
}

/** What one section writes. */
export interface SectionResult {
  section: string;
  rows: Row[];
  /** Anything else worth keeping (per-run samples, versions, details). */
  details?: Record<string, unknown>;
}

/** Writes a section's result to bench-results/<section>.json. */
export function writeSection(result: SectionResult): string {
  mkdirSync(RESULTS, { recursive: true });
  const path = join(RESULTS, `${result.section}.json`);
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}

/** Reads a section's result back. */
export function readSection(section: string): SectionResult {
  return JSON.parse(readFileSync(join(RESULTS, `${section}.json`), 'utf8')) as SectionResult;
}

/** A number for the table: 3 significant digits, thousands separated. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const digits = Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : Math.abs(n) >= 1 ? 2 : 3;
  return n.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

function range(s: Summary, unit = ''): string {
  return `${formatNumber(s.median)}${unit} (${formatNumber(s.min)}–${formatNumber(s.max)})`;
}

function targetText(t: Target | undefined, unit: string): string {
  if (!t) return '—';
  const sign = t.better === 'lower' ? '≤' : '≥';
  const u = t.on === 'ratio' ? '×' : ` ${unit}`;
  return `${sign} ${formatNumber(t.must)}${u} / ${sign} ${formatNumber(t.aim)}${u}`;
}

/** The table as Markdown: one line per row, the judged figure with its spread. */
export function markdownTable(rows: readonly Row[]): string {
  const lines = [
    '| # | figure | input | value (median, min–max) | baseline (same run) | ratio | must / aim | verdict |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const cells = [
      String(row.figure),
      row.name,
      row.input,
      `${range(row.value)} ${row.unit}`,
      row.baseline ? `${row.baseline.name}: ${range(row.baseline.value)} ${row.unit}` : '—',
      row.ratio ? range(row.ratio, '×') : '—',
      targetText(row.target, row.unit),
      verdict(row),
    ];
    lines.push(`| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
  }
  return lines.join('\n');
}

/** The table for a terminal: aligned columns, notes below. */
export function textTable(rows: readonly Row[]): string {
  const header = ['#', 'figure', 'input', 'value', 'baseline', 'ratio', 'must / aim', 'verdict'];
  const body = rows.map((row) => [
    String(row.figure),
    row.name,
    row.input,
    `${range(row.value)} ${row.unit}`,
    row.baseline ? `${row.baseline.name} ${formatNumber(row.baseline.value.median)}` : '—',
    row.ratio ? range(row.ratio, '×') : '—',
    targetText(row.target, row.unit),
    verdict(row),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  const notes = rows
    .filter((r) => r.note !== undefined)
    .map((r) => `  [${r.figure}] ${r.name}, ${r.input}: ${r.note ?? ''}`);
  return [
    line(header),
    ...body.map(line),
    ...(notes.length > 0 ? ['', 'Notes:', ...notes] : []),
  ].join('\n');
}
