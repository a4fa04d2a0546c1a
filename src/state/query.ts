// The query panel's state and its pure producers: the text being edited, the run's lifecycle
// (idle | running | done | failed), the session's history, and how results show on the graph.
// The results themselves are shaped for the table in query-table.ts.
import type { Quad } from '@rdfjs/types';
import type { BindingsResult } from '../query/types.ts';

/** What a query gave. */
export type QueryOutcome =
  | { kind: 'table'; result: BindingsResult }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'graph'; triples: number };

/** Why a query gave nothing. */
export type QueryFailure =
  | {
      kind: 'syntax';
      message: string;
      /** 1-based line and column in the editor's text. */
      line: number;
      column: number;
      /** 0-based UTF-16 offset in the editor's text. */
      offset: number;
    }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

/** The lifecycle of the latest run. */
export type QueryRun =
  | { status: 'idle' }
  | { status: 'running'; id: number; text: string; startedAt: number }
  | { status: 'done'; id: number; text: string; elapsedMs: number; outcome: QueryOutcome }
  | { status: 'failed'; id: number; text: string; elapsedMs: number; failure: QueryFailure };

/** One query run in this session. */
export interface HistoryEntry {
  text: string;
  /** What it gave, in a few words ("12 rows", "syntax error"). */
  summary: string;
  /** When it ran (ms since the epoch). */
  at: number;
}

/** How the table is sorted. */
export interface TableSort {
  column: string;
  descending: boolean;
}

/** A CONSTRUCT/DESCRIBE result kept for export, with the query that made it. */
export interface GraphResult {
  text: string;
  quads: readonly Quad[];
}

/** Everything the query panel shows. */
export interface QueryState {
  open: boolean;
  text: string;
  run: QueryRun;
  /** Newest first, one entry per distinct text. */
  history: readonly HistoryEntry[];
  /** Show only the nodes found in the results on the graph. */
  resultsOnly: boolean;
  sort: TableSort | null;
  /** 0-based page of the table. */
  page: number;
  lastGraph: GraphResult | null;
}

/** Longest history kept. */
export const HISTORY_LIMIT = 50;

/** A fresh query panel holding `text` (from the URL); open when there is a text. */
export function initialQueryState(text: string): QueryState {
  return {
    open: text !== '',
    text,
    run: { status: 'idle' },
    history: [],
    resultsOnly: false,
    sort: null,
    page: 0,
    lastGraph: null,
  };
}

/** Opens or closes the panel. */
export function setQueryOpen(state: QueryState, open: boolean): QueryState {
  return state.open === open ? state : { ...state, open };
}

/** The editor's text changed. */
export function setQueryText(state: QueryState, text: string): QueryState {
  return state.text === text ? state : { ...state, text };
}

/** A run of `text` started. */
export function queryStarted(state: QueryState, id: number, text: string, now: number): QueryState {
  return {
    ...state,
    text,
    open: true,
    run: { status: 'running', id, text, startedAt: now },
    sort: null,
    page: 0,
    resultsOnly: false,
  };
}

function summarize(outcome: QueryOutcome): string {
  switch (outcome.kind) {
    case 'table': {
      const n = outcome.result.rows.length;
      return `${n.toLocaleString('en')} ${n === 1 ? 'row' : 'rows'}`;
    }
    case 'boolean':
      return outcome.value ? 'true' : 'false';
    case 'graph':
      return `${outcome.triples.toLocaleString('en')} ${outcome.triples === 1 ? 'triple' : 'triples'}`;
  }
}

function failureSummary(failure: QueryFailure): string {
  switch (failure.kind) {
    case 'syntax':
      return `syntax error at ${failure.line}:${failure.column}`;
    case 'cancelled':
      return 'cancelled';
    case 'error':
      return 'failed';
  }
}

function remember(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [entry, ...history.filter((h) => h.text !== entry.text)].slice(0, HISTORY_LIMIT);
}

/** Run `id` finished with `outcome` (ignored when another run has started since). */
export function querySucceeded(
  state: QueryState,
  id: number,
  outcome: QueryOutcome,
  now: number,
  graph?: readonly Quad[],
): QueryState {
  const { run } = state;
  if (run.status !== 'running' || run.id !== id) return state;
  return {
    ...state,
    run: { status: 'done', id, text: run.text, elapsedMs: now - run.startedAt, outcome },
    history: remember(state.history, { text: run.text, summary: summarize(outcome), at: now }),
    lastGraph: graph ? { text: run.text, quads: graph } : state.lastGraph,
  };
}

/** Run `id` failed (ignored when another run has started since). */
export function queryFailed(
  state: QueryState,
  id: number,
  failure: QueryFailure,
  now: number,
): QueryState {
  const { run } = state;
  if (run.status !== 'running' || run.id !== id) return state;
  return {
    ...state,
    run: { status: 'failed', id, text: run.text, elapsedMs: now - run.startedAt, failure },
    history: remember(state.history, {
      text: run.text,
      summary: failureSummary(failure),
      at: now,
    }),
  };
}

/** Sorts the table by `column`: ascending first, descending on a second click. */
export function sortBy(state: QueryState, column: string): QueryState {
  const descending = state.sort?.column === column ? !state.sort.descending : false;
  return { ...state, sort: { column, descending }, page: 0 };
}

/** Shows another page of the table. */
export function setPage(state: QueryState, page: number): QueryState {
  return state.page === page ? state : { ...state, page: Math.max(0, page) };
}

/** Filters the graph to the results' nodes, or stops doing so. */
export function setResultsOnly(state: QueryState, resultsOnly: boolean): QueryState {
  return state.resultsOnly === resultsOnly ? state : { ...state, resultsOnly };
}

/** The results of the latest run as a table, or null when it gave none. */
export function resultTable(state: QueryState): BindingsResult | null {
  const { run } = state;
  return run.status === 'done' && run.outcome.kind === 'table' ? run.outcome.result : null;
}

/**
 * The keys of the graph nodes that appear in a table (IRIs that are nodes of `hasNode`), for
 * highlighting. NOTE: blank nodes are renamed by the query engine, so they never match a node.
 */
export function resultNodes(
  result: BindingsResult,
  hasNode: (key: string) => boolean,
): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const row of result.rows) {
    for (const term of Object.values(row)) {
      if (term?.termType === 'NamedNode' && hasNode(term.value)) keys.add(term.value);
    }
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------
// Prefixes declared for the user

const PREFIX_DECL = /\bPREFIX\s+([A-Za-z][\w.-]*)?:\s*</gi;

/** The prefixes a query declares itself. */
export function declaredPrefixes(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(PREFIX_DECL)) found.add(m[1] ?? '');
  return found;
}

/**
 * The prefix names a query uses in prefixed names (`foaf:Person`), outside IRIs, strings and
 * comments. Approximate by design (it cannot be wrong in a way that breaks a valid query: a
 * declaration added for a name that was not one is simply unused).
 */
export function usedPrefixes(text: string): Set<string> {
  const stripped = text
    .replace(/#[^\n]*/g, ' ')
    .replace(/"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""')
    .replace(/<[^<>"{}|^`\\\s]*>/g, '<>');
  const used = new Set<string>();
  for (const m of stripped.matchAll(/(?:^|[\s(){}[\],;/|^!=<>*+?])([A-Za-z][\w.-]*)?:(?=[\w%\\])/g))
    used.add(m[1] ?? '');
  return used;
}

/**
 * Declares, in front of the query, each prefix it uses but does not declare that the data knows.
 * Returns the text to run and the number of characters and lines added, so an error's position can
 * be moved back onto the user's text.
 */
export function withDataPrefixes(
  text: string,
  prefixes: Readonly<Record<string, string>>,
): { text: string; addedChars: number; addedLines: number } {
  const declared = declaredPrefixes(text);
  const missing = [...usedPrefixes(text)].filter(
    (p) => !declared.has(p) && Object.hasOwn(prefixes, p),
  );
  if (missing.length === 0) return { text, addedChars: 0, addedLines: 0 };
  const head = missing
    .sort()
    .map((p) => `PREFIX ${p}: <${prefixes[p] ?? ''}>\n`)
    .join('');
  return { text: head + text, addedChars: head.length, addedLines: missing.length };
}
