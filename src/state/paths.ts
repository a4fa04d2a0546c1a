// The path finder's state: the two ends, k, the predicates and classes a path may use, the search
// asked for and which found path is in focus; the paths themselves are derived (memoised) from the
// loaded data, so they follow a change of data or of label language.
import { kShortestPaths, PathError, pathElements, type GraphPath } from '../graph/paths.ts';
import { toggleInSortedList } from '../graph/filters.ts';
import type { Dataset, ExplorerState } from './explorer.ts';

/** Largest k offered (paths are read one by one; more would not be). */
export const MAX_K = 20;

/** A search for paths. */
export interface PathQuery {
  from: string | null;
  to: string | null;
  k: number;
  /** Predicates a path may use (empty: any), sorted. */
  predicates: readonly string[];
  /** Classes a path may pass through (empty: any), sorted. */
  classes: readonly string[];
}

/** The path finder. */
export interface PathsState {
  /** What the form says. */
  query: PathQuery;
  /** The search last run (its results are shown and highlighted), or null. */
  searched: PathQuery | null;
  /** The path in focus (index into the results), or null: every path is highlighted. */
  focus: number | null;
}

/** An empty form: three paths, any predicate, any class. */
export const INITIAL_PATHS: PathsState = {
  query: { from: null, to: null, k: 3, predicates: [], classes: [] },
  searched: null,
  focus: null,
};

function withQuery(state: ExplorerState, query: Partial<PathQuery>): ExplorerState {
  return { ...state, paths: { ...state.paths, query: { ...state.paths.query, ...query } } };
}

/** Sets one end of the search (null clears it). */
export function setPathEnd(
  state: ExplorerState,
  end: 'from' | 'to',
  key: string | null,
): ExplorerState {
  return state.paths.query[end] === key ? state : withQuery(state, { [end]: key });
}

/** Swaps the two ends. */
export function swapPathEnds(state: ExplorerState): ExplorerState {
  const { from, to } = state.paths.query;
  return withQuery(state, { from: to, to: from });
}

/** Sets k, clamped to 1…{@link MAX_K}. */
export function setPathCount(state: ExplorerState, k: number): ExplorerState {
  const clamped = Math.min(MAX_K, Math.max(1, Math.round(Number.isFinite(k) ? k : 1)));
  return state.paths.query.k === clamped ? state : withQuery(state, { k: clamped });
}

/** Allows or stops allowing a predicate (with none allowed, any is). */
export function togglePathPredicate(state: ExplorerState, predicate: string): ExplorerState {
  return withQuery(state, {
    predicates: toggleInSortedList(state.paths.query.predicates, predicate),
  });
}

/** Allows or stops allowing a class to pass through (with none allowed, any is). */
export function togglePathClass(state: ExplorerState, cls: string): ExplorerState {
  return withQuery(state, { classes: toggleInSortedList(state.paths.query.classes, cls) });
}

/** Runs the search the form describes. */
export function searchPaths(state: ExplorerState): ExplorerState {
  return { ...state, paths: { ...state.paths, searched: state.paths.query, focus: null } };
}

/** Puts one path in focus (null: all). */
export function focusPath(state: ExplorerState, focus: number | null): ExplorerState {
  return state.paths.focus === focus ? state : { ...state, paths: { ...state.paths, focus } };
}

/** Clears the results (and their highlight). */
export function clearPaths(state: ExplorerState): ExplorerState {
  return state.paths.searched === null
    ? state
    : { ...state, paths: { ...state.paths, searched: null, focus: null } };
}

/** The outcome of a search: paths (possibly none), or why there could be none. */
export type PathResult =
  | { status: 'found'; query: PathQuery; paths: GraphPath[] }
  | { status: 'invalid'; query: PathQuery; message: string };

let last: { dataset: Dataset; query: PathQuery; value: PathResult } | undefined;

/** The paths of the last search over the loaded data (null with no search or no data). */
export function selectPathResult(state: ExplorerState): PathResult | null {
  const query = state.paths.searched;
  const dataset = state.data.status === 'loaded' ? state.data.dataset : null;
  if (!query || !dataset) return null;
  if (last?.dataset === dataset && last.query === query) return last.value;
  let value: PathResult;
  if (query.from === null || query.to === null) {
    value = { status: 'invalid', query, message: 'Pick both ends: a “From” and a “To” entity.' };
  } else if (query.from === query.to) {
    value = {
      status: 'invalid',
      query,
      message: 'The two ends are the same entity; pick another.',
    };
  } else {
    try {
      value = {
        status: 'found',
        query,
        paths: kShortestPaths(dataset.projection.graph, query.from, query.to, {
          k: query.k,
          predicates: new Set(query.predicates),
          classes: new Set(query.classes),
        }),
      };
    } catch (error) {
      if (!(error instanceof PathError)) throw error;
      value = { status: 'invalid', query, message: error.message };
    }
  }
  last = { dataset, query, value };
  return value;
}

/** The nodes and edges of the paths in focus (all found paths when none is), for the canvas. */
export function pathHighlight(
  result: PathResult | null,
  focus: number | null,
): { nodes: Set<string>; edges: Set<string> } | null {
  if (result?.status !== 'found' || result.paths.length === 0) return null;
  const chosen = focus === null ? result.paths : result.paths.slice(focus, focus + 1);
  return pathElements(chosen);
}
