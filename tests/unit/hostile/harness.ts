// The one way the hostile tests try a bad input: through the app's code path (`parseRdf` into a
// fresh store, adopted only on success), under a time bound, while a store already holds the user's
// data. Every attempt is counted for the summary line the run prints at its end: how many bad
// inputs were tried, how many the app survived (the input either loaded or stopped with an
// `RdfParseError` that counts the quads it had delivered, in time, with nothing else thrown), and
// how many attempts lost data (the user's store differs afterwards, in size or content).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Quad } from '@rdfjs/types';
import { Store } from 'n3';
import {
  parseRdf,
  parseRdfToStore,
  RdfAbortError,
  RdfParseError,
  type ParseOptions,
  type RdfInput,
  type StoreReadResult,
} from '../../../src/rdf/index.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** The project's root folder. */
export const ROOT = resolve(here, '../../..');

/** A path under tests/fixtures/. */
export function fixturePath(...parts: string[]): string {
  return resolve(ROOT, 'tests/fixtures', ...parts);
}

/** A path under the shared material beside the project (../shared/…). */
export function sharedPath(...parts: string[]): string {
  return resolve(ROOT, '..', 'shared', ...parts);
}

/** How one attempt ended, how long it took and how much the process's memory grew meanwhile. */
export type Outcome = (
  | { kind: 'loaded'; result: StoreReadResult }
  | { kind: 'stopped'; error: RdfParseError }
  /**
   * Not survived: the time bound ran out, something other than an RdfParseError came out, or the
   * error miscounted the quads the sink had received (a caller undoing in place would go wrong).
   */
  | { kind: 'failed'; error: unknown }
) & { ms: number; memoryMiB: number };

/** The figures of the summary line. */
export const tally = { tried: 0, survived: 0, lost: 0 };

/** The summary line, computed from `tally`. */
export function summaryLine(): string {
  return `hostile inputs: ${tally.tried.toLocaleString('en-US')} tried, ${tally.survived.toLocaleString('en-US')} survived, ${tally.lost.toLocaleString('en-US')} data lost`;
}

/** A quad as one N-Quads-like line, for comparing stores whole. */
export function line(q: Quad): string {
  const term = (
    t: Quad['subject'] | Quad['object'] | Quad['graph'] | Quad['predicate'],
  ): string => {
    switch (t.termType) {
      case 'NamedNode':
        return `<${t.value}>`;
      case 'BlankNode':
        return `_:${t.value}`;
      case 'Literal':
        return `${JSON.stringify(t.value)}${t.language ? `@${t.language}` : `^^<${t.datatype.value}>`}`;
      case 'DefaultGraph':
        return '';
      default:
        return `<<${line(t as Quad)}>>`;
    }
  };
  return [term(q.subject), term(q.predicate), term(q.object), term(q.graph)].join(' ').trim();
}

/** Every quad of a store as sorted lines: two stores hold the same data when these are equal. */
export function snapshot(store: Store): string[] {
  return store.getQuads(null, null, null, null).map(line).sort();
}

/**
 * The data the user already has when a bad input arrives: the built-in-like people graph, with
 * named graphs and blank nodes, read once.
 */
export const userStore: Store = await (async () => {
  const text = readFileSync(fixturePath('rdf', 'people.trig'), 'utf8');
  const { store } = await parseRdfToStore(text, { format: 'trig', source: 'people.trig' });
  return store;
})();
const userSnapshot = snapshot(userStore);

/** Default time bound of one attempt. */
const TIME_BOUND_MS = 10_000;

/**
 * Tries `input` the way the app reads a file: `parseRdf` into a fresh store, which the app adopts
 * only on success, while the user's store stays untouched either way. Counts the attempt; never
 * throws for what the input does.
 */
export async function attempt(
  input: RdfInput,
  options: ParseOptions,
  timeBoundMs = TIME_BOUND_MS,
): Promise<Outcome> {
  tally.tried += 1;
  const store = new Store();
  let received = 0;
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const started = performance.now();
  let outcome;
  try {
    const result = await parseRdf(
      input,
      { ...options, signal: options.signal ?? AbortSignal.timeout(timeBoundMs) },
      (batch) => {
        received += batch.length;
        store.addQuads(batch);
      },
    );
    outcome = { kind: 'loaded' as const, result: { ...result, store } };
  } catch (error) {
    outcome =
      error instanceof RdfParseError && error.quadsDelivered === received
        ? { kind: 'stopped' as const, error }
        : { kind: 'failed' as const, error };
  }
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const measured = {
    ms: Math.round(performance.now() - started),
    memoryMiB: Math.round((peak - before) / (1024 * 1024)),
  };
  // Whatever happened, the user's store is exactly as it was.
  const now = snapshot(userStore);
  const lost = now.length !== userSnapshot.length || now.some((q, i) => q !== userSnapshot[i]);
  if (lost) tally.lost += 1;
  if (outcome.kind !== 'failed' && !lost) tally.survived += 1;
  return { ...outcome, ...measured };
}

/** The error of an attempt that must have stopped; fails the test with what happened instead. */
export function stopped(outcome: Outcome): RdfParseError {
  if (outcome.kind === 'stopped') return outcome.error;
  if (outcome.kind === 'loaded') {
    throw new Error(
      `expected an RdfParseError, but the input loaded (${outcome.result.quads} quads)`,
    );
  }
  const error = outcome.error;
  throw new Error(
    error instanceof RdfAbortError
      ? `the attempt ran out of time after ${outcome.ms} ms`
      : `expected an RdfParseError, got ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    { cause: error },
  );
}

/** The result of an attempt that must have loaded; fails the test with what happened instead. */
export function loaded(outcome: Outcome): StoreReadResult {
  if (outcome.kind === 'loaded') return outcome.result;
  const error = outcome.error;
  throw new Error(
    `expected the input to load, got ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    { cause: error },
  );
}

/**
 * The text at an error's line and column in `text` (as editors count: CR, LF and CR LF end lines,
 * columns in UTF-16 code units), to check that the error points where it says.
 */
export function textAt(text: string, position: { line?: number; column?: number }): string {
  if (position.line === undefined || position.column === undefined) {
    throw new Error('the error has no line and column');
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  return (lines[position.line - 1] ?? '').slice(position.column - 1);
}
