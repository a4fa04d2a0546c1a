// Opening the user's own data: the lifecycle of an import (asking whether to replace or add,
// reading with progress, failed with a message naming file, line and column) and the dataset made
// from what was read. The data on screen changes only when reading succeeded.
import type { Quad } from '@rdfjs/types';
import { projectQuads } from '../graph/project.ts';
import { buildSearchIndex } from '../graph/search.ts';
import type { ImportSource, ReadProgress } from '../workers/import-protocol.ts';
import type { Dataset } from './explorer.ts';

/** Replace the data on screen, or add the new triples to it. */
export type ImportMode = 'replace' | 'add';

/** The lifecycle of an import. */
export type ImportState =
  | { status: 'idle' }
  /** Inputs chosen while data is open: waiting for the user to choose replace or add. */
  | { status: 'asking'; sources: readonly ImportSource[] }
  | {
      status: 'reading';
      names: readonly string[];
      mode: ImportMode;
      startedAt: number;
      progress: ReadProgress | null;
    }
  | { status: 'failed'; names: readonly string[]; message: string }
  /** Read and shown: a short notice of what was opened. */
  | { status: 'opened'; message: string };

export const IDLE_IMPORT: ImportState = { status: 'idle' };

/** Inputs were chosen; ask how to open them. */
export function importAsked(sources: readonly ImportSource[]): ImportState {
  return { status: 'asking', sources };
}

/** Reading started. */
export function importStarted(
  names: readonly string[],
  mode: ImportMode,
  now: number,
): ImportState {
  return { status: 'reading', names, mode, startedAt: now, progress: null };
}

/** The worker reported progress (ignored unless reading). */
export function importProgressed(state: ImportState, progress: ReadProgress): ImportState {
  return state.status === 'reading' ? { ...state, progress } : state;
}

/** Reading failed with `message` (which names the input, line and column). */
export function importFailed(names: readonly string[], message: string): ImportState {
  return { status: 'failed', names, message };
}

/** What a person reads about the inputs: "kennedy.ntriples", "3 files". */
export function describeSources(names: readonly string[]): string {
  return names.length === 1 ? (names[0] ?? '') : `${names.length.toLocaleString('en')} files`;
}

/** Projects quads into a dataset named `name` (the same pipeline as the built-in graph). */
export function datasetFromQuads(
  name: string,
  quads: readonly Quad[],
  prefixes: Readonly<Record<string, string>>,
): Dataset {
  const projection = projectQuads(quads as Quad[], { prefixes });
  return { name, projection, search: buildSearchIndex(projection.graph), quads };
}

const RDFS_LABEL = 'http://www.w3.org/2000/01/rdf-schema#label';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/**
 * `quads` plus the `rdfs:label` triples that `source` gives the classes and predicates they use,
 * so a query result drawn on its own names its classes and relations as the data does.
 */
export function withTermLabels(quads: readonly Quad[], source: readonly Quad[]): Quad[] {
  const terms = new Set<string>();
  for (const q of quads) {
    terms.add(q.predicate.value);
    if (q.predicate.value === RDF_TYPE && q.object.termType === 'NamedNode')
      terms.add(q.object.value);
  }
  const labels = source.filter(
    (q) =>
      q.predicate.value === RDFS_LABEL &&
      q.subject.termType === 'NamedNode' &&
      terms.has(q.subject.value),
  );
  return [...quads, ...labels];
}

/** The name of the data after an import: the inputs', after that of the data added to. */
export function importedName(current: Dataset | null, names: readonly string[]): string {
  const label = describeSources(names);
  return current === null ? label : `${current.name} + ${label}`;
}

/**
 * The dataset after an import of the inputs `names`: `quads` are every quad read, those of
 * `current` included when the inputs were added to it (its data is then read with them, so blank
 * nodes of different inputs never merge: the reader gives each input its own labels).
 */
export function importedDataset(
  current: Dataset | null,
  names: readonly string[],
  quads: readonly Quad[],
  prefixes: Readonly<Record<string, string>>,
): Dataset {
  return datasetFromQuads(importedName(current, names), quads, prefixes);
}
